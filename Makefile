# offermap: `make run` builds and maps the sample counties, `make test` runs every test.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/release/offermap

.PHONY: run test build deps embed clean bench bench-deps

# Installs what is missing on a fresh Debian machine with the Swift toolchain.
deps:
	@pkg-config --exists libcmark || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev; }

build: deps
	$(SWIFT) build -c release --product offermap

run: build
	$(BIN) build --inputs inputs --out output

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Compiles templates/ and inputs/taxonomy.yaml into the binary (a test checks they match).
embed:
	scripts/embed-resources

clean:
	rm -rf .build

# Benchmarks (not part of make test): offermap against the cmark CLI and Hugo, on tmpfs.
bench-deps: deps
	@command -v cmark >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq cmark; }
	@command -v hugo >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq hugo; }

bench: bench-deps build
	python3 bench/run.py $(BENCH_ARGS)
