#!/usr/bin/env bash
# make package: lays out the files of a release build and makes the Debian package and the
# tarball for other distributions from them (docs/PACKAGING.md).
#
#   scripts/package.sh BINARY MANPAGE VERSION OUTDIR
#
# BINARY is the release build (--static-swift-stdlib), MANPAGE the roff page the
# generate-manual plugin made from the command line's own help.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:?usage: scripts/package.sh BINARY MANPAGE VERSION OUTDIR}
manpage=${2:?usage: scripts/package.sh BINARY MANPAGE VERSION OUTDIR}
version=${3:?usage: scripts/package.sh BINARY MANPAGE VERSION OUTDIR}
out=${4:?usage: scripts/package.sh BINARY MANPAGE VERSION OUTDIR}
arch=amd64
out=$(mkdir -p "$out" && cd "$out" && pwd)
work="$out/work"
stage="$work/perspectief_${version}_$arch"

head -1 packaging/changelog | grep -qF "perspectief ($version)" ||
    { echo "package: packaging/changelog must start with an entry for $version (VERSION)" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$stage/DEBIAN"
# umask 022 and explicit modes: dpkg-deb and lintian check what the files would be on disk.
umask 022

# The files, laid out as under /usr; the tarball takes the same tree.
usr="$stage/usr"
install -D -m 755 "$binary" "$usr/bin/perspectief"
# Symbols only: the Swift metadata sections stay (reflection, conformances), as dh_strip does.
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$usr/bin/perspectief"
mkdir -p "$usr/share/perspectief/workshops"
cp -R Workshops/. "$usr/share/perspectief/workshops/"
# The workshop format's description is documentation: it goes with the other docs.
if [ -f "$usr/share/perspectief/workshops/README.md" ]; then
    mv "$usr/share/perspectief/workshops/README.md" "$work/workshop-format.md"
fi
install -D -m 644 "$manpage" "$usr/share/man/man1/perspectief.1"
gzip -9n "$usr/share/man/man1/perspectief.1"
# Completions are the command line's own (ArgumentParser), so they follow every option.
# bash-completion sources the file: a #! line would only mislead (lintian says so).
"$usr/bin/perspectief" --generate-completion-script bash | sed '1{/^#!/d}' > "$work/bash"
"$usr/bin/perspectief" --generate-completion-script zsh > "$work/zsh"
"$usr/bin/perspectief" --generate-completion-script fish > "$work/fish"
install -D -m 644 "$work/bash" "$usr/share/bash-completion/completions/perspectief"
install -D -m 644 "$work/zsh" "$usr/share/zsh/vendor-completions/_perspectief"
install -D -m 644 "$work/fish" "$usr/share/fish/vendor_completions.d/perspectief.fish"
doc="$usr/share/doc/perspectief"
install -D -m 644 README.md "$doc/README.md"
if [ -f "$work/workshop-format.md" ]; then install -m 644 "$work/workshop-format.md" "$doc/workshop-format.md"; fi
for f in LICENSE LICENSE.md COPYING; do if [ -f "$f" ]; then install -m 644 "$f" "$doc/$f"; fi; done
# A native package (the version has no Debian revision): its changelog is changelog.gz.
install -m 644 packaging/changelog "$doc/changelog"
gzip -9n "$doc/changelog"
find "$stage" -type d -exec chmod 755 {} + && find "$usr/share" -type f -exec chmod 644 {} +

# Depends from the shared libraries the binary really loads (dpkg-shlibdeps reads the
# symbols files of the installed -dev packages), plus what is loaded later or by name.
mkdir -p "$work/shlibs/debian"
printf 'Source: perspectief\n\nPackage: perspectief\nArchitecture: %s\n' "$arch" > "$work/shlibs/debian/control"
abs_bin=$(cd "$usr/bin" && pwd)/perspectief
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O -e"$abs_bin" 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { cat "$work/shlibdeps.log" >&2; echo "package: dpkg-shlibdeps found no Depends" >&2; exit 1; }
# The Snowball stemmer of the grouping (libstemmer0d) is named even before the binary links it.
extra=$(sed -n 's/^Depends-extra: //p' packaging/control.in)
[ -n "$extra" ] && depends="$depends, $extra"
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" -e "s/@SIZE@/$size/" \
    -e '/^Depends-extra: /d' -e '/^#/d' packaging/control.in > "$stage/DEBIAN/control"
(cd "$stage" && find usr -type f -print0 | sort -z | xargs -0 md5sum) > "$stage/DEBIAN/md5sums"
chmod 644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"

deb="$out/perspectief_${version}_$arch.deb"
# xz -3: half the time of the default -6 for a package 10% larger (24 MB instead of 22).
SOURCE_DATE_EPOCH=$(date -d "$(dpkg-parsechangelog -l packaging/changelog -S Date)" +%s) \
    dpkg-deb --root-owner-group -Zxz -z3 --build "$stage" "$deb" >/dev/null

# The tarball: the same tree, bin/ and share/ beside each other (the binary finds
# share/perspectief/workshops from its own place), and what the machine must have.
name="perspectief-$version-linux-x86_64"
tdir="$work/$name"
mkdir -p "$tdir" && cp -R "$usr/." "$tdir/"
glibc=$(objdump -T "$usr/bin/perspectief" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
needed=$(objdump -p "$usr/bin/perspectief" | awk '/NEEDED/ { printf "%s%s", sep, $2; sep = ", " }')
cat > "$tdir/INSTALL.txt" <<EOF
Perspectief $version for Linux on x86_64 (64-bit Intel/AMD), with the Swift runtime linked in.

Needs glibc $glibc or newer (Debian 12 and Ubuntu 22.04 have it, and later releases) and these
shared libraries of the system: $needed.
On Debian and Ubuntu they come with: $depends.
Chromium (or Google Chrome) on the PATH for PDF reports; everything else works without it.

Install under /usr/local (the binary finds its workshops in ../share/perspectief/workshops):
  sudo tar -C /usr/local --strip-components=1 --exclude=INSTALL.txt -xzf $name.tar.gz
  perspectief
Or run it where it was unpacked: ./$name/bin/perspectief
EOF
tar -C "$work" --owner=0 --group=0 --numeric-owner --sort=name \
    --mtime="@$(date -d "$(dpkg-parsechangelog -l packaging/changelog -S Date)" +%s)" \
    -czf "$out/$name.tar.gz" "$name"
echo "package: $deb ($(du -h "$deb" | cut -f1))"
echo "package: $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1)); glibc $glibc"
echo "package: Depends: $depends"
