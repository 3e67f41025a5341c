# Set-up and everyday commands. `make demo` installs into .venv (if needed) and analyzes the
# sample article; `make test` runs the test suite.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
STAMP = $(VENV)/.installed

.PHONY: demo test bench eval clean

demo: $(STAMP)
	$(BIN)/arnews analyze samples/egypt-libya-gna-delegation.txt

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench_io.py

# torch is required by camel-tools; 2.13.0 is the CPU build this machine kind keeps on disk,
# which avoids downloading a multi-gigabyte CUDA build.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check torch==2.13.0
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build *.egg-info
