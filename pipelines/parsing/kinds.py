"""The document kinds juesuan lands, and which one a document is, told from its cover first.

Each kind declares its cover title, its standard tables (templates.py) and which of them
are mandatory, and the vocabulary its narrative is read with (narrative.py); the layers below
ask the kind instead of naming 公开NN or 预算NN. A blank template is recognised and refused
with a reason that says so. A document with no recognisable cover is told by the tables it
prints (a 决算 when none says otherwise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.model import DocumentError
from pipelines.parsing.narrative import BUDGET_NARRATIVE, FINAL_NARRATIVE, Vocabulary
from pipelines.parsing.templates import BUDGET_TEMPLATES, FINAL_TEMPLATES, TableTemplate
from pipelines.parsing.text import squash

COVER_LINES = 80  # the cover and 目录 come first; a title further down is a mention


@dataclass(frozen=True)
class Kind:
    name: str  # 决算 | 预算
    english: str
    cover: re.Pattern  # matched against the squashed cover text
    templates: tuple[TableTemplate, ...]
    narrative: Vocabulary = FINAL_NARRATIVE  # how its 情况说明 / 编制说明 words its figures, and where it is

    @property
    def table_ids(self) -> tuple[str, ...]:
        return tuple(t.table_id for t in self.templates)

    @property
    def mandatory(self) -> tuple[str, ...]:
        return tuple(t.table_id for t in self.templates if t.mandatory)


_LEVEL = r"(?P<level>区级|市级|县级|省级)?"
FINAL = Kind("决算", "final accounts",
             re.compile(rf"(?P<year>20\d{{2}})年度?{_LEVEL}(?P<scope>部门|单位)?决算"), FINAL_TEMPLATES)
BUDGET = Kind("预算", "budget",
              re.compile(rf"(?P<year>20\d{{2}})年度?{_LEVEL}(?P<scope>部门|单位)?预算"), BUDGET_TEMPLATES,
              BUDGET_NARRATIVE)
KINDS = (FINAL, BUDGET)
BY_NAME = {k.name: k for k in KINDS}


def kind_of_table(table_id: str) -> Kind:
    return next(k for k in KINDS if table_id in k.table_ids)
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


def refuse_template(document: str, texts: list[str]) -> None:
    """Raise a DocumentError when the document is a blank template, naming its kind."""
    cover = [squash(t) for t in texts[:COVER_LINES] if t.strip()]
    kind = detect_kind(texts)
    placeholder = next((t for t in cover if PLACEHOLDER.search(t)), None)
    if placeholder and kind is not None:
        raise DocumentError(document, f"a blank {kind.name} template, not a disclosure (the department is "
                                      f"the placeholder '{placeholder}'): nothing to land")

