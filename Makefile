# Two everyday entry points; both create .venv on first use.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   := demo-data

.PHONY: demo test bench bench-quick clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	rm -rf $(DEMO)
	$(BIN)/dangan --home $(DEMO) init
	$(BIN)/dangan --home $(DEMO) ingest examples
	$(BIN)/dangan --home $(DEMO) search 创建办会 --limit 3
	$(BIN)/dangan --home $(DEMO) search '"绿色建筑管理办法"' --limit 3
	$(BIN)/dangan --home $(DEMO) search 预算执行情况 --limit 3
	$(BIN)/dangan --home $(DEMO) search 政府工作报告 --limit 3
	$(BIN)/dangan --home $(DEMO) stats

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

bench: $(STAMP)
	$(BIN)/python -m bench.run_all

bench-quick: $(STAMP)
	$(BIN)/python -m bench.run_all --quick

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache
