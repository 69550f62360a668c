# Perspectief — `make run` opens the tool on the 2035 workshop; `make test` runs every test.
# Both do their own set-up on a fresh Debian machine with the Swift toolchain.

SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libncurses-dev tmux jq
# The room: the real OpenSSH client (and sshpass to type the room code) in its tests.
APT_PACKAGES += openssh-client sshpass
# The hostile-room tests load the page with curl from chosen loopback addresses.
APT_PACKAGES += curl
# --web-tls: its test makes a throwaway certificate with openssl.
APT_PACKAGES += openssl
# The report: chromium prints the PDF, pdftotext (poppler-utils) reads it back in tests.
APT_PACKAGES += chromium poppler-utils
# The participant page: libqrencode for the projector's QR code; zbar-tools (a QR decoder)
# for its tests.
APT_PACKAGES += libqrencode-dev zbar-tools
# The phone page's accessibility test: axe-core in Chromium through Selenium and chromedriver.
APT_PACKAGES += chromium-driver
# The event database (issue 25): the sync tests start a private PostgreSQL server of their own.
APT_PACKAGES += postgresql
# The grouping proposals stem Dutch and English words with Snowball (libstemmer).
APT_PACKAGES += libstemmer-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/perspectief

.PHONY: all setup build run test bench clean

all: build

# Installs what the build and tests need, only when something is missing.
setup:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@# The report's CSV is opened by LibreOffice Calc with Dutch settings in its tests (no GUI,
	@# no recommends: a few hundred MB less).
	@dpkg -s libreoffice-calc-nogui >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui; }
	@# The export tests validate JSON with a real validator: pip where Python is the user's own
	@# (pyenv, venv), else Debian's package (a system Python refuses pip installs, PEP 668).
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema 2>/dev/null || \
	  { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema; } || true
	@python3 -c 'import selenium, axe_selenium_python' 2>/dev/null || python3 -m pip install -q selenium axe-selenium-python 2>/dev/null || \
	  python3 -m pip install -q --break-system-packages selenium axe-selenium-python || true

build: setup
	$(SWIFT) build

run: build
	$(BIN) $(ARGS)

# XCTest prints "Executed N tests, with [S tests skipped and] F failures" per suite; the last
# one is the total, echoed as a plain "N passed, F failed, S skipped" line so any CI reader sees
# the result. Under CI=true a test that lacks a tool fails instead of skipping (Tests/TestSupport).
test: setup
	$(SWIFT) build
	@mkdir -p .build
	@set -o pipefail; $(SWIFT) test --disable-swift-testing 2>&1 | tee .build/test.log; status=$$?; \
	total=$$(grep -E 'Executed [0-9]+ tests?, with' .build/test.log | tail -1); \
	n=$$(echo "$$total" | sed -nE 's/.*Executed ([0-9]+) tests?.*/\1/p'); \
	s=$$(echo "$$total" | sed -nE 's/.*with ([0-9]+) tests? skipped.*/\1/p'); \
	f=$$(echo "$$total" | sed -nE 's/.* ([0-9]+) failures?.*/\1/p'); \
	[ -n "$$n" ] && echo "$$((n - $${f:-0} - $${s:-0})) passed, $${f:-0} failed, $${s:-0} skipped"; \
	exit $$status

bench: setup
	$(SWIFT) build -c release
	.build/release/perspectief-bench

clean:
	rm -rf .build

# Packaging (issue 31, docs/PACKAGING.md): `make package` builds the release binary with the
# Swift runtime linked in and makes dist/perspectief_VERSION_amd64.deb and the tarball;
# `make package-test` installs the .deb into a clean Debian 12 root and uses it there.
# Their tools are installed by package-setup, not by `make setup` (only these targets use them).
PACKAGE_APT_PACKAGES := dpkg-dev binutils lintian debootstrap
VERSION := $(shell cat VERSION)
# Inside a worktree mount git may not resolve: pass COMMIT=… then.
COMMIT ?= $(shell git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
PACKAGE_SCRATCH := .build-package
# Extra `swift build` flags, e.g. PACKAGE_BUILD_FLAGS="-j 1" on a shared machine.
PACKAGE_BUILD_FLAGS ?=
# -z now: every symbol bound at start, so the relocations can all be read-only (lintian's
# hardening-no-bindnow); it changes the link only.
PACKAGE_SWIFT := --scratch-path $(PACKAGE_SCRATCH) -c release --static-swift-stdlib -Xswiftc -DPERSPECTIEF_STAMPED \
  -Xlinker -z -Xlinker now
STAMP := Sources/perspectief/BuildStamp.swift
DEB := dist/perspectief_$(VERSION)_amd64.deb

.PHONY: package-setup package package-test

package-setup:
	@missing=""; \
	for p in $(PACKAGE_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# The stamp is rewritten only when VERSION or the commit changed, so a rerun relinks nothing.
package: setup package-setup
	@{ echo '// Written by make package (see BuildInfo.swift).'; echo '#if PERSPECTIEF_STAMPED'; \
	  echo 'enum BuildStamp {'; echo '    static let version: String? = "$(VERSION)"'; \
	  echo '    static let commit = "$(COMMIT)"'; echo '}'; echo '#endif'; } > $(STAMP).new
	@cmp -s $(STAMP).new $(STAMP) && rm $(STAMP).new || mv $(STAMP).new $(STAMP)
	$(SWIFT) build $(PACKAGE_SWIFT) $(PACKAGE_BUILD_FLAGS) --product perspectief
	@# The man page from the command line's own help, by swift-argument-parser's generate-manual
	@# tool: the one its plugin runs. The plugin itself (swift package plugin generate-manual)
	@# would build every product again without --static-swift-stdlib, which `swift package`
	@# does not take, so its tool is built from the checkout and run on the release binary's help.
	$(SWIFT) build --package-path $(PACKAGE_SCRATCH)/checkouts/swift-argument-parser \
	  --scratch-path $(PACKAGE_SCRATCH)/tools $(PACKAGE_BUILD_FLAGS) --product generate-manual
	@rm -rf $(PACKAGE_SCRATCH)/man && mkdir -p $(PACKAGE_SCRATCH)/man
	@# scripts/man-help.sh hands it the binary's help spelled in ASCII (it drops other characters).
	PERSPECTIEF_BINARY=$(PACKAGE_SCRATCH)/release/perspectief \
	  $(PACKAGE_SCRATCH)/tools/debug/generate-manual scripts/man-help.sh \
	  --output-directory $(PACKAGE_SCRATCH)/man --authors 'Perspectief maintainers' \
	  --date "$$(date -u -d "$$(dpkg-parsechangelog -l packaging/changelog -S Date)" +%F)"
	@mkdir -p dist
	scripts/package.sh $(PACKAGE_SCRATCH)/release/perspectief $(PACKAGE_SCRATCH)/man/perspectief.1 $(VERSION) dist
	@lintian --fail-on error --suppress-tags-from-file packaging/lintian-overrides.txt $(DEB) || \
	  { echo "lintian finds errors in $(DEB) (docs/PACKAGING.md)"; exit 1; }

package-test: package
	$(SUDO) scripts/package-test.sh $(DEB) $(VERSION)
