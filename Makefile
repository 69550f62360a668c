# Perspectief — `make run` opens the tool on the 2035 workshop; `make test` runs every test.
# Both do their own set-up on a fresh Debian machine with the Swift toolchain.

SWIFT ?= swift
APT_PACKAGES := libncurses-dev tmux jq
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
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema || true

build: setup
	$(SWIFT) build

run: build
	$(BIN) $(ARGS)

test: setup
	$(SWIFT) build
	$(SWIFT) test --parallel --num-workers 2

bench: setup
	$(SWIFT) build -c release
	.build/release/perspectief-bench

clean:
	rm -rf .build
