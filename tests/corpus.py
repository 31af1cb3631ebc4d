"""The real published PDFs in ../shared/corpus (never copied into the repository), and their
golden files in tests/golden/, read by eye from the rendered page images."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines import settings

ROOT = Path(__file__).resolve().parents[1]
CORPUS = settings.corpus_folder()
GOLDEN = ROOT / "tests" / "golden"


def corpus_file(name: str) -> Path:
    """A corpus PDF, or a skip saying why it is not here."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"the real-PDF corpus is not here ({path} missing; set JUESUAN_CORPUS to its folder)")
    return path


def golden(name: str) -> dict:
    return json.loads((GOLDEN / f"{Path(name).stem}.json").read_text(encoding="utf-8"))
