#!/usr/bin/env python3
"""Measures the real binary through a pseudo-terminal, as a terminal would see it.

usage: pty-measure.py BINARY STORE SESSION
prints two lines: "first-frame-ms N" (launch until the first full frame is drawn) and
"bytes-per-key N" (bytes written to the terminal for one character typed into the text input,
median over 20 characters).
"""
import os, pty, select, sys, time, statistics, fcntl, termios, struct

binary, store, session = sys.argv[1:4]

def read_quiet(fd, quiet=0.15, limit=5.0):
    """Reads until the program has been silent for `quiet` seconds."""
    out = b""
    end = time.time() + limit
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    return out

pid, fd = pty.fork()
if pid == 0:
    os.environ.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "PERSPECTIEF_STORE": store})
    os.execv(binary, [binary, "run", session, "--lang", "nl"])

fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
start = time.time()
seen = b""
first = None
while time.time() - start < 10:
    r, _, _ = select.select([fd], [], [], 0.5)
    if r:
        seen += os.read(fd, 65536)
        if b"Stap" in seen and b"Agenda" in seen:
            first = (time.time() - start) * 1000
            break
read_quiet(fd)
os.write(fd, b"a")
read_quiet(fd)
sizes = []
for ch in "reeeeeeeeeeeeeeeeeeel":
    os.write(fd, ch.encode())
    sizes.append(len(read_quiet(fd, quiet=0.08)))
os.write(fd, b"\x1b")
read_quiet(fd)
os.write(fd, b"q")
time.sleep(0.2)
os.write(fd, b"q")
read_quiet(fd, limit=1)
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    pass
print("first-frame-ms", round(first, 1) if first else "none")
print("bytes-per-key", statistics.median(sizes[1:]), "max", max(sizes[1:]))
