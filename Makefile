# Portolan: `make` sets up, builds and regenerates Output/ from Input/; `make test` runs the suite.
SWIFT   ?= swift
INPUT   ?= Input
OUTPUT  ?= Output
RELEASE := .build/release/portolan
DEBUG   := .build/debug/portolan
APT_PACKAGES := graphviz libgraphviz-dev libxml2-dev pkg-config

.PHONY: all deps build output test check-output bench clean

all: output

# Graphviz's C library (libgvc) and libxml2 are linked in-process; install them when missing.
deps:
	@if ! pkg-config --exists libgvc libxml-2.0 2>/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing $(APT_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	  else \
	    echo "Portolan needs Graphviz's C library. Install it with:"; \
	    echo "  sudo apt-get install -y $(APT_PACKAGES)"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build -c release --product portolan

output: build
	$(RELEASE) build --input $(INPUT) --output $(OUTPUT)

# The whole suite: unit and end-to-end tests, then a check that the committed Output/ is
# exactly what the current code generates from Input/.
test: deps
	$(SWIFT) build
	PORTOLAN_BIN=$(CURDIR)/$(DEBUG) $(SWIFT) test
	$(MAKE) --no-print-directory check-output

check-output:
	@rm -rf .build/check-output && mkdir -p .build/check-output
	@$(DEBUG) build --input $(INPUT) --output .build/check-output 2>/dev/null
	@if diff -r -q $(OUTPUT) .build/check-output; then \
	  echo "Output/ matches what the code generates from Input/"; \
	else \
	  echo "Output/ is stale: run 'make' and commit Output/"; exit 1; \
	fi

bench: deps
	$(SWIFT) build -c release --product portolan-bench --product portolan
	.build/release/portolan-bench

clean:
	rm -rf .build
