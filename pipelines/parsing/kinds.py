"""What kind of document this is, told from its cover before any table is read.

A 决算 (final accounts) is what juesuan lands. A 预算 (budget) and a blank template are
recognised and refused with a reason that says so, so an operator never mistakes them for
broken final accounts. A document with no recognisable cover goes on to table location,
which decides whether it is a disclosure at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.model import DocumentError
from pipelines.parsing.text import squash

COVER_LINES = 80  # the cover and 目录 come first; a title further down is a mention


@dataclass(frozen=True)
class Kind:
    name: str  # 决算 | 预算
    cover: re.Pattern  # matched against the squashed cover text
    supported: bool


KINDS = (
    Kind("决算", re.compile(r"(?P<year>20\d{2})年度?(?:区级|市级|县级|省级)?(?P<scope>部门|单位)?决算"), True),
    Kind("预算", re.compile(r"(?P<year>20\d{2})年度?(?:区级|市级|县级|省级)?(?P<scope>部门|单位)?预算"), False),
)
# A name left as the template's placeholder: 上海市 XX 局, ××单位, 某某部门.
PLACEHOLDER = re.compile(r"(?:[XxＸｘ×*＊]{2,}|某某)(?:局|委|办|部门|单位|区|市|县|中心|$)")


def detect_kind(texts: list[str]) -> Kind | None:
    """The kind whose cover title comes first in the document's opening lines."""
    found = []
    for n, text in enumerate(texts[:COVER_LINES]):
        key = squash(text)
        for kind in KINDS:
            if kind.cover.search(key):
                found.append((n, kind))
    return min(found, key=lambda f: f[0])[1] if found else None


def refuse_unsupported(document: str, texts: list[str]) -> None:
    """Raise a DocumentError naming the kind when the document is not final accounts."""
    cover = [squash(t) for t in texts[:COVER_LINES] if t.strip()]
    kind = detect_kind(texts)
    placeholder = next((t for t in cover if PLACEHOLDER.search(t)), None)
    if placeholder and kind is not None:
        raise DocumentError(document, f"a blank {kind.name} template, not a disclosure (the department is "
                                      f"the placeholder '{placeholder}'): nothing to land")
    if kind is not None and not kind.supported:
        raise DocumentError(document, f"a {kind.name} (budget) disclosure, not final accounts (决算): "
                                      "budgets are not supported yet, so nothing of it is landed")
