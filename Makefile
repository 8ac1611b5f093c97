# Every target sets up .venv from the hash-locked requirements.txt first (once, or when it changes).
# The two commands in README: `make serve` and `make test`.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-12)
PORT   ?= 8000

export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: venv lock serve build release test test-deps lint bench clean linkcheck linkcheck-external contract preview

# Exactly the locked set, nothing resolved: pip from the lock first, then every package with
# --no-deps, then `pip check` and the lock's closure check (hooks/build/lock.py says what it guarantees).
$(STAMP): requirements.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m hooks.build.lock install $(VENV)
	@rm -f $(VENV)/.installed-* && touch $@

venv: $(STAMP)  ## only set up .venv from the lock (every other target does this first)

lock:  ## regenerate requirements.txt from requirements.in (keeps today's pins; commit both)
	$(PYTHON) -m hooks.build.lock update

serve: $(STAMP)  ## read the site at http://127.0.0.1:$(PORT) while you edit (a save rebuilds what depends on it: hooks/build/devserve.py)
	MKDOCS_STRICT=false $(BIN)/python -m hooks.build.devserve --dev-addr 127.0.0.1:$(PORT)

build: $(STAMP)  ## write the site to site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

# The site to deploy: refuses to build without the real address (hooks/build/release.py says why).
SITE_DIR ?= site
release: $(STAMP)  ## the site to deploy, for its address: make release SITE_URL=https://belangenoptafel.nl/
	$(BIN)/python -m hooks.build.release build "$(SITE_URL)" "$(SITE_DIR)"

# A port of its own: a service worker registered by the preview must not serve `make serve`'s pages.
PREVIEW_PORT ?= 8080
preview: build  ## the built site on real nginx with the build's _nginx.conf: http://127.0.0.1:$(PREVIEW_PORT)
	$(BIN)/python -m hooks.hosting preview site --port $(PREVIEW_PORT)

test: $(STAMP) test-deps  ## every test: built site, PDFs, DOCX, Chromium
	$(BIN)/python -m pytest

test-deps:  ## Debian packages the tests need (.ci/apt-packages.txt); installs missing ones as root
	@bash .ci/install-deps

linkcheck: $(STAMP)  ## check the built site/ again, offline (every build runs this check itself)
	$(BIN)/python -m hooks.linkcheck check site

linkcheck-external: build  ## check links to other sites (network; timeouts, retries, cache in .cache/linkcheck/)
	$(BIN)/python -m hooks.linkcheck external site

contract: $(STAMP)  ## add new pages, downloads and sections to data/published-urls.txt (then commit it)
	$(BIN)/python -m hooks.linkcheck contract update

lint: $(STAMP)  ## ruff (also part of make test)
	$(BIN)/ruff check hooks tests bench
	$(BIN)/ruff format --check hooks tests bench

clean:
	rm -rf site .cache .pytest_cache

# axe-core from npm (package-lock.json) for tests/test_a11y.py; `npm ci` again when the lock changes.
# Test-only JavaScript: no browser downloads, no install scripts.
NODE_STAMP := node_modules/.installed-$(shell sha256sum package-lock.json | cut -c1-12)
.PHONY: node-deps
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@rm -f node_modules/.installed-* && touch $@
node-deps: $(NODE_STAMP)  ## JavaScript the tests need (axe-core), from package-lock.json
test-deps: node-deps

.PHONY: vendor
vendor: $(STAMP) node-deps  ## copy pdf-lib and fflate from node_modules into overrides/assets/worksheets/vendor/
	$(BIN)/python -m hooks.build.vendor update

bench: $(STAMP) test-deps  ## build, worksheet, page-weight, search-index and Lighthouse Performance figures
	$(BIN)/python bench/run.py
	$(BIN)/python bench/linkcheck.py
	$(BIN)/python bench/lighthouse.py
