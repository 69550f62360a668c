#!/usr/bin/env bash
# make package-test: installs the .deb into a clean Debian 12 root (debootstrap, no Swift in it)
# with apt-get, and uses it there as a facilitator would. Every check must pass: there is no
# skip, on a laptop or under CI=true. Needs root (mounts /proc and /dev/pts for tmux).
#
#   scripts/package-test.sh DEB VERSION
#
# The bootstrapped root is cached as a tarball under $PACKAGE_TEST_CACHE (default
# .build-debootstrap/, gitignored), so only the first run downloads it.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=${1:?usage: scripts/package-test.sh DEB VERSION}
version=${2:?usage: scripts/package-test.sh DEB VERSION}
cache=${PACKAGE_TEST_CACHE:-.build-debootstrap}
suite=bookworm
# What the checks use inside the root; the package's own Depends come from apt at install time.
include=tmux,openssh-client,man-db
start=$(date +%s)

[ "$(id -u)" = 0 ] || { echo "package-test: needs root (debootstrap, chroot, mounts); run it with sudo" >&2; exit 1; }
[ -f "$deb" ] || { echo "package-test: no package at $deb; run make package first" >&2; exit 1; }

# The Debian archive this machine already uses (its apt sources), not a hard-coded one.
mirror() {
    {
        grep -hsE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
            awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; break } }'
        grep -hsE '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources | awk '{ print $2 }'
    } | grep -E '/debian/?$' | head -1
}
archive=${DEBIAN_MIRROR:-$(mirror)}
archive=${archive:-http://deb.debian.org/debian}

mkdir -p "$cache"
tarball="$cache/debian12-$(echo "$include $archive" | md5sum | cut -c1-8).tar.gz"
if [ ! -s "$tarball" ]; then
    echo "package-test: bootstrapping Debian 12 ($suite, minbase + $include) from $archive"
    fresh=$(mktemp -d "$cache/bootstrap.XXXXXX")
    chmod 755 "$fresh"  # it becomes the root's /: the facilitator's account must enter it
    debootstrap --variant=minbase --include="$include" "$suite" "$fresh" "$archive" > "$cache/debootstrap.log" 2>&1 ||
        { tail -20 "$cache/debootstrap.log"; exit 1; }
    rm -rf "$fresh/var/cache/apt/archives/"*.deb
    tar -C "$fresh" -czf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf --one-file-system "$fresh"
    echo "package-test: root cached in $tarball ($(du -h "$tarball" | cut -f1)) after $(( $(date +%s) - start )) s"
fi

root=$(mktemp -d /tmp/perspectief-package-test.XXXXXX)
root=$(cd "$root" && pwd -P)
chmod 755 "$root"
# Every process that runs in the root (tmux servers, the room) is ended by its id; then the
# root goes. The mounts live in a private namespace and vanish with it.
cleanup() {
    for p in /proc/[0-9]*; do
        [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill "${p#/proc/}" 2>/dev/null
    done
    sleep 0.2
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
tar -C "$root" -xzf "$tarball"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
cp scripts/package-checks.sh "$root/tmp/"
echo "package-test: root ready after $(( $(date +%s) - start )) s"

unshare -m --propagation private bash -euo pipefail -c '
    root=$1; deb=$2; version=$3
    mount -t proc proc "$root/proc"
    mount --bind /dev "$root/dev"
    mount --bind /dev/pts "$root/dev/pts"
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        bash /tmp/package-checks.sh "/tmp/$deb" "$version"
' package-test "$root" "$(basename "$deb")" "$version"
echo "package-test: done in $(( $(date +%s) - start )) s"
