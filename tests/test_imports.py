"""The default path stays light: no torch or transformers for the CLI or a full analysis."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("torch", "transformers", "camel_tools.utils.charsets")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return {m for m in out.stdout.strip().split(",") if m}


def test_imports_cli_is_light():
    assert _loaded_after("import arnews.cli") == set()


def test_imports_full_analysis_is_light(sample_path):
    code = ("from arnews.io import read_article\nfrom arnews.analyze.pipeline import analyze_article\n"
            f"analyze_article(read_article({str(sample_path)!r}))")
    assert _loaded_after(code) == set()
