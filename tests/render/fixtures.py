"""`python -m tests.render.fixtures [--check]`: the fixture PDFs and their text twins.

Writes tests/fixtures/pdf/<variant>.pdf and <variant>.txt for every variant of
`variants.py` (and the benchmark's 25-page document) from the seed in raw/. Rendering is
deterministic, so --check regenerates in memory and fails if a committed file differs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.render import render_pdf
from tests.render.variants import BENCH, VARIANTS, Variant

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "raw" / "000_744c7817695ce87c.txt"
OUT = ROOT / "tests" / "fixtures" / "pdf"


def build(variant: Variant, seed: str | None = None) -> tuple[str, bytes]:
    """The variant's text twin and its PDF."""
    text = variant.text(seed if seed is not None else SEED.read_text(encoding="utf-8"))
    return text, render_pdf(text, variant.style, title=f"决算公开 fixture: {variant.name}")


def main(argv: list[str]) -> int:
    check = "--check" in argv
    seed = SEED.read_text(encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    stale = []
    for variant in (*VARIANTS, BENCH):
        text, pdf = build(variant, seed)
        for path, data in ((OUT / f"{variant.name}.txt", text.encode("utf-8")), (OUT / f"{variant.name}.pdf", pdf)):
            if check:
                if not path.is_file() or path.read_bytes() != data:
                    stale.append(path.name)
            else:
                path.write_bytes(data)
                print(f"{path.relative_to(ROOT)}  {len(data):>8} bytes")
    if stale:
        print("stale fixtures (run `make fixtures`):", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
