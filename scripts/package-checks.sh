#!/usr/bin/env bash
# Runs inside the clean Debian 12 root of scripts/package-test.sh: installs the package with
# apt-get as a person would, then uses it as a facilitator (not root) would. Each check prints
# "ok - …" or stops the run with "not ok - …" and what it saw.
set -euo pipefail
deb=$1
version=$2
export DEBIAN_FRONTEND=noninteractive
passed=0

ok() { passed=$((passed + 1)); echo "ok - $*"; }
fail() {
    echo "not ok - $1"; shift
    printf '%s\n' "$@" | head -40 | sed 's/^/    /'
    echo "package-test: $passed passed, 1 failed"; exit 1
}

# A facilitator's own account: the store goes to their ~/.local/share, as on a laptop.
useradd --create-home --uid 4242 --shell /bin/bash facilitator
as() { setpriv --reuid=4242 --regid=4242 --init-groups env HOME=/home/facilitator LANG=C.UTF-8 TERM=xterm-256color \
    PATH=/usr/bin:/bin "$@"; }

command -v swift >/dev/null && fail "the root has no Swift toolchain" "$(command -v swift)"
ls /usr/lib/swift >/dev/null 2>&1 && fail "the root has no Swift runtime" "$(ls /usr/lib/swift)"
ok "the root has no Swift toolchain or runtime"

apt-get update -qq > /tmp/apt.log 2>&1 || fail "apt-get update" "$(tail -5 /tmp/apt.log)"
apt-get install -y -qq --no-install-recommends "$deb" >> /tmp/apt.log 2>&1 ||
    fail "apt-get install $deb" "$(tail -15 /tmp/apt.log)"
ok "apt-get install ./$(basename "$deb") (its Depends from the archive)"

out=$(as perspectief --version 2>&1) || fail "perspectief --version exits 0" "$out"
[[ $out =~ ^perspectief\ ${version//./\\.}\ \(commit\ [0-9a-f]{7,}\)$ ]] ||
    fail "perspectief --version names $version and the commit" "$out"
ok "perspectief --version: $out"

libs=$(ldd /usr/bin/perspectief)
grep -qiE 'swift|foundation|dispatch|blocksruntime|icu' <<<"$libs" && fail "ldd names no Swift library" "$libs"
grep -q 'not found' <<<"$libs" && fail "ldd finds every library" "$libs"
ok "ldd names no Swift library ($(wc -l <<<"$libs") system libraries)"

out=$(as perspectief workshops 2>&1) || fail "perspectief workshops" "$out"
grep -q '^publieke-dienstverlening-2035[[:space:]]' <<<"$out" ||
    fail "the shipped workshops are found without --workshops" "$out"
ok "the shipped workshops are found in /usr/share/perspectief/workshops"

id=$(as perspectief new --perspective ouderen 2>&1) || fail "perspectief new" "$id"
[[ $id =~ ^[0-9]{8}-[0-9]{4}-ouderen-[0-9a-f]+$ ]] || fail "perspectief new prints the session id" "$id"
ok "perspectief new --perspective ouderen: $id"

text="Een loket waar je iemand spreekt"
out=$(as perspectief add "$id" --kind insight --text "$text" 2>&1) || fail "perspectief add" "$out"
ok "perspectief add $id --kind insight"

md=$(as perspectief export "$id" --format md 2>&1) || fail "perspectief export --format md" "$md"
grep -q '^# ' <<<"$md" && grep -qF "$text" <<<"$md" || fail "the Markdown report holds the insight" "$md"
ok "perspectief export --format md holds the insight"

csv=$(as perspectief export "$id" --format csv 2>&1) || fail "perspectief export --format csv" "$csv"
grep -qF "$id" <<<"$csv" && grep -qF "$text" <<<"$csv" || fail "the CSV holds the session and the insight" "$csv"
ok "perspectief export --format csv holds the insight ($(wc -l <<<"$csv") lines)"

# The first frame of the session screen: the session's title and its first step, drawn by
# ncurses from the root's own terminfo.
as tmux new-session -d -s screen -x 120 -y 40 "perspectief run $id --lang en; sleep 30"
frame=""
for _ in $(seq 1 40); do
    frame=$(as tmux capture-pane -p -t screen 2>/dev/null || true)
    grep -q 'Older people' <<<"$frame" && grep -q 'Opening' <<<"$frame" && break
    sleep 0.25
done
grep -q 'Older people' <<<"$frame" && grep -q 'Opening' <<<"$frame" ||
    fail "perspectief run draws the session screen in tmux" "$frame"
as tmux kill-session -t screen
ok "perspectief run $id: the first frame in tmux shows the session and its step"

# The room on loopback: an SSH server answers with its banner and host key.
port=$(( 20000 + RANDOM % 20000 ))
as tmux new-session -d -s room -x 120 -y 40 \
    "perspectief run $id --room --listen 127.0.0.1 --port $port --no-web --lang en; sleep 30"
banner=""
for _ in $(seq 1 40); do
    banner=$(ssh-keyscan -T 2 -p "$port" 127.0.0.1 2>&1 || true)
    grep -q 'SSH-2.0' <<<"$banner" && grep -q 'ssh-ed25519' <<<"$banner" && break
    sleep 0.25
done
grep -q 'SSH-2.0' <<<"$banner" && grep -q 'ssh-ed25519' <<<"$banner" ||
    fail "perspectief run --room answers ssh on 127.0.0.1:$port" "$banner" "$(as tmux capture-pane -p -t room)"
as tmux kill-server
version_banner=$(grep -o 'SSH-2.0[^ ]*' <<<"$banner" | head -1)
ok "perspectief run --room --listen 127.0.0.1: $version_banner with an ed25519 host key"

page=$(as env MANWIDTH=80 man -P cat perspectief 2>&1) || fail "man perspectief" "$page"
grep -q '^NAME' <<<"$page" && grep -q '^SYNOPSIS' <<<"$page" && grep -q 'export' <<<"$page" ||
    fail "man perspectief renders NAME, SYNOPSIS and the subcommands" "$page"
ok "man perspectief renders ($(wc -l <<<"$page") lines)"

for f in /usr/share/bash-completion/completions/perspectief /usr/share/zsh/vendor-completions/_perspectief \
    /usr/share/fish/vendor_completions.d/perspectief.fish; do
    [ -s "$f" ] || fail "the completion $f is installed" "$(ls -l "$(dirname "$f")" 2>&1)"
done
bash -n /usr/share/bash-completion/completions/perspectief || fail "the bash completion parses"
ok "bash, zsh and fish completions are installed (bash's parses)"

for f in README.md changelog.gz; do
    [ -s "/usr/share/doc/perspectief/$f" ] ||
        fail "/usr/share/doc/perspectief/$f is installed" "$(ls -l /usr/share/doc/perspectief)"
done
zcat /usr/share/doc/perspectief/changelog.gz | head -1 | grep -qF "perspectief ($version)" ||
    fail "the changelog's first entry is $version" "$(zcat /usr/share/doc/perspectief/changelog.gz | head -3)"
ok "README and changelog ($version) in /usr/share/doc/perspectief"

apt-get remove -y -qq perspectief >> /tmp/apt.log 2>&1 || fail "apt-get remove perspectief" "$(tail -5 /tmp/apt.log)"
[ ! -e /usr/bin/perspectief ] && [ -d "/home/facilitator/.local/share/perspectief/$id" ] ||
    fail "removing the package keeps the facilitator's sessions" "$(ls -la /home/facilitator/.local/share/perspectief)"
ok "apt-get remove takes the program away and leaves the sessions"

echo "package-test: $passed passed, 0 failed"
