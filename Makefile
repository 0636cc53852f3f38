# Two everyday entry points; both create .venv on first use.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   := demo-data

# `make smoke PY=python3.13`: another Python, with dangan installed as a user installs it
# (`pip install .`, not editable) in its own venv; the demo's commands, then a subset of
# the tests that covers every floor (the whole suite runs on 3.11 in `make test`).
PY          ?= python3.12
SMOKE_VENV  := .venv-$(notdir $(PY))
SMOKE_TESTS := tests/test_layers.py tests/test_extract.py tests/test_pdf_tables.py tests/test_workers.py \
               tests/test_ingest.py tests/test_search.py tests/test_progress.py tests/test_ocr_missing.py \
               tests/test_minutes_docx.py tests/test_cli.py

.PHONY: demo demo-commands smoke test lint bench bench-quick clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP) demo-commands

demo-commands:
	rm -rf $(DEMO)
	$(BIN)/dangan --home $(DEMO) init
	$(BIN)/dangan --home $(DEMO) ingest examples
	$(BIN)/dangan --home $(DEMO) search 工作 --limit 5 --facets
	$(BIN)/dangan --home $(DEMO) search '"創建辦會"' --limit 1
	$(BIN)/dangan --home $(DEMO) search 'type:通知 绿色建筑' --limit 1
	$(BIN)/dangan --home $(DEMO) minutes examples/书记在创建办会部署会讲话.txt --date 2022-03-26 --out $(DEMO)/out/会议纪要.docx
	$(BIN)/dangan --home $(DEMO) stats

smoke:
	rm -rf $(SMOKE_VENV)
	$(PY) -m venv $(SMOKE_VENV)
	$(SMOKE_VENV)/bin/python -m pip install -q --upgrade pip
	$(SMOKE_VENV)/bin/python -m pip install -q '.[dev]'
	$(MAKE) --no-print-directory demo-commands BIN=$(SMOKE_VENV)/bin DEMO=$(SMOKE_VENV)/demo-data
	$(SMOKE_VENV)/bin/pytest -n 2 -q -p no:cacheprovider $(SMOKE_TESTS)

test: $(STAMP) lint
	$(BIN)/python -m pytest -n 3 -q

# ruff and mypy on everything (mypy: about 20 s cold, under a second with its .mypy_cache).
lint: $(STAMP)
	$(BIN)/ruff check dangan tests bench docs
	$(BIN)/mypy dangan

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

bench-quick: $(STAMP)
	$(BIN)/python -m bench.run_all --quick

clean:
	rm -rf $(VENV) .venv-python* $(DEMO) .pytest_cache .mypy_cache
