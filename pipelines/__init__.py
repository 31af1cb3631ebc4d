"""juesuan's core: reading, parsing and modelling final-accounts disclosures, and loading
them into the DuckDB warehouse. Plain Python: nothing here needs Dagster."""

import hashlib
from pathlib import Path


def rules_version(root: Path) -> str:
    """What decides what lands from a document: the reading of raw files and its limits, the
    parsers with their templates and vocabularies, the printed units and numbers (amounts.py), the
    model, and the validation rules. A change to any of them changes the
    version, so every document it may change (and every one an old bug refused) is processed
    again; nothing is bumped by hand."""
    files = sorted([*(root / "pipelines" / "parsing").glob("*.py"), *(root / "expectations").glob("*.py"),
                    *(root / "pipelines" / name for name in ("model.py", "raw.py", "isolation.py", "amounts.py")
                      if (root / "pipelines" / name).exists())])
    digest = hashlib.sha256(b"".join(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() for p in files))
    return "juesuan-parser/" + digest.hexdigest()[:12]


PARSER_VERSION = rules_version(Path(__file__).resolve().parents[1])
