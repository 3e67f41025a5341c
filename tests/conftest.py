"""Shared fixtures: paths to the repository's samples and to ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
SAMPLE_TXT = SAMPLES / "egypt-libya-gna-delegation.txt"


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE_TXT


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (data and specs) is not present beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def sample_doc():
    """The sample article analyzed once for the whole session (default stages)."""
    from arnews.analyze.pipeline import analyze_article
    from arnews.io import read_article

    return analyze_article(read_article(SAMPLE_TXT))
