# Two everyday entry points; both create .venv on first use.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   := demo-data

.PHONY: demo test lint bench bench-quick clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	rm -rf $(DEMO)
	$(BIN)/dangan --home $(DEMO) init
	$(BIN)/dangan --home $(DEMO) ingest examples
	$(BIN)/dangan --home $(DEMO) search 工作 --limit 5 --facets
	$(BIN)/dangan --home $(DEMO) search '"創建辦會"' --limit 1
	$(BIN)/dangan --home $(DEMO) search 'type:通知 绿色建筑' --limit 1
	$(BIN)/dangan --home $(DEMO) minutes examples/书记在创建办会部署会讲话.txt --date 2022-03-26 --out $(DEMO)/out/会议纪要.docx
	$(BIN)/dangan --home $(DEMO) stats

test: $(STAMP) lint
	$(BIN)/python -m pytest -n 2 -q

# ruff on everything; mypy on the floors everything else stands on (core and text/).
lint: $(STAMP)
	$(BIN)/ruff check dangan tests bench docs
	$(BIN)/mypy dangan/model.py dangan/errors.py dangan/fields.py dangan/lock.py dangan/workspace.py dangan/text

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

bench-quick: $(STAMP)
	$(BIN)/python -m bench.run_all --quick

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache
