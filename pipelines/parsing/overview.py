"""Parsing 第一部分 概况: staffing (编制数, 年末实有人数, counts by category) and the
internal departments (内设机构).

The figures are stated in prose, worded differently by each department, so they are read
with small patterns over the part's text (lines joined, since a sentence may wrap), never
at fixed positions. Supported wordings:

* 编制数: "共有30个编制", "有30个行政编制", "编制30人", "编制数为30名", "核定编制30名",
  "核定行政编制30人" (the first in the sentence; "参公编制20人" and the like are categories);
* 年末实有人数: "年末实有20人", "实有人员20人", "实有人数为20名", "在职人员20人";
* both figures in one sentence, or in two consecutive sentences;
* by category: every "<label><N>人/名" piece after the 实有 figure (or the 编制数, if it
  comes later), up to the end of the sentence (and the next sentence if it starts with
  其中/含/包括), e.g.
  "参公编制20人，其中副厅级1人、处级11人" -> {"参公编制": 20, "副厅级": 1, "处级": 11};
  labels are kept as printed, without interpretation;
* 内设机构: a list in the sentence ("内设综合科、财务科、业务科3个科室",
  "内设4个机构：综合部、招商部…"), else a list alone on the next line, else the numbered
  headings that follow it ("内设四个机构：" then "（一）综合部" … "（四）信息部", or
  "1.办公室：负责…"); a heading counts only if it ends like a department (部, 科, 室…).

Numbers may be Arabic or Chinese numerals (三十, 四, 两).
"""

from __future__ import annotations

import re

from pipelines.model import SourceRef, Staffing
from pipelines.parsing.text import Line

SPACE_BY_DIGIT = re.compile(r"\s+(?=\d)|(?<=\d)\s+")
N = r"(\d+|[零〇一二两三四五六七八九十百]+)"
# "参公编制20人" is a category of the staff, not the 编制数
CATEGORY_PREFIXES = ("参公", "行政", "事业", "工勤", "机关", "全额", "差额", "自收自支", "公务员")
NOT_AFTER_CATEGORY = "".join(f"(?<!{p})" for p in CATEGORY_PREFIXES)
AUTHORIZED = (
    re.compile(rf"(?:核定|批复|核批)[\u4e00-\u9fff]{{0,4}}?编制(?:数|总数)?(?:为|共)?{N}(?:个|人|名)"),
    re.compile(rf"(?:共有|现有|(?<!实)有){N}(?:个|名)[\u4e00-\u9fff]{{0,4}}?编制"),
    re.compile(rf"{NOT_AFTER_CATEGORY}编制(?:数|总数)?(?:为|共|是)?{N}(?:个|人|名)"),
)
ACTUAL = (
    re.compile(rf"实有(?:在职)?(?:人员|人数)?(?:为|共)?{N}(?:人|名)"),
    re.compile(rf"在职(?:在编)?(?:人员|人数)?(?:为|共)?{N}(?:人|名)"),
)
CATEGORY = re.compile(
    rf"(?:其中|含|包括|另有|分别为|有)?(?P<label>[\u4e00-\u9fff（）()]{{1,15}}?)(?:为|共)?(?P<n>{N[1:-1]})(?:人|名)"
)
NOT_CATEGORY_WORDS = ("实有", "年末", "编制数")  # the totals themselves, restated
NOT_CATEGORY_LABELS = ("共", "共计", "合计", "总计")
PIECE_SEPARATORS = re.compile(r"[，,、；;：:。]")
FOLLOW_ON = ("其中", "含", "包括")  # a next sentence that continues the category list

DEPARTMENTS_START = re.compile(r"内设(?!机构设置)")
COUNT_PHRASE = rf"(?:共|等)?{N}个(?:内设)?(?:机构|科室|处室|部门|职能部门|部室|股室)?"
LIST_HEAD = re.compile(rf"^(?:机构|科室|处室|部门)?(?:{COUNT_PHRASE})?(?:机构|科室|处室|部门)?(?:包括|有|为|分别是|分别为)?[：:]?")
LIST_TAIL = re.compile(rf"(?:{COUNT_PHRASE})$")
NAME_SEPARATORS = re.compile(r"[、，,；;]|和|及")
HEADING = re.compile(
    r"^\s*(?P<ordinal>[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]|[一二三四五六七八九十]+、)\s*(?P<text>\S.*)$"
)
# A heading is a department only if it ends like one, so that a following section title
# ("一、收入支出决算总表") is never taken for a department.
UNIT_SUFFIXES = ("部", "处", "科", "室", "股", "中心", "队", "所", "站", "组", "办", "院", "馆",
                 "局", "委", "会", "厅", "团", "社", "台", "校", "库", "场")  # fmt: skip
# Numbering styles from outer to inner: 一、 > （一） > 1、/1. > （1）
STYLE_RANKS = {"C、": 0, "（C）": 1, "D、": 2, "D.": 2, "（D）": 3}
PART_HEADING = re.compile(r"^\s*第[一二三四五六七八九十]+部分")
MAX_NAME_CHARS = 15

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def parse_staffing(lines: list[Line], document: str) -> Staffing | None:
    """Staffing from the 概况 part (or the whole document); None when no sentence states
    an 编制数 or a 年末实有人数. `document` names the document in errors (none raised yet)."""
    text, starts = _joined(lines)
    passage = _staffing_passage(text)
    if passage is None:
        return None
    begin, end = passage
    authorized, actual = _first(AUTHORIZED, text, begin, end), _first(ACTUAL, text, begin, end)
    line = _line_at(lines, starts, (actual or authorized).start())
    last = max((m for m in (authorized, actual) if m), key=lambda m: m.end())
    return Staffing(
        authorized=_count(authorized),
        actual=_count(actual),
        by_category=_categories(text, last.end(), end),
        internal_departments=_departments(lines, lines.index(line)),
        ref=SourceRef(page=line.page, line=line.no, row=1),
    )


def _joined(lines: list[Line]) -> tuple[str, list[int]]:
    """The lines' text joined without separators (Chinese prose wraps anywhere), and each
    line's start offset in it. Spaces beside a figure are dropped: word processors set a gap
    between Chinese and Latin text ("共有 30 个编制") that the sentence does not have."""
    starts, parts, at = [], [], 0
    for line in lines:
        starts.append(at)
        parts.append(SPACE_BY_DIGIT.sub("", line.text.strip()))
        at += len(parts[-1])
    return "".join(parts), starts


def _line_at(lines: list[Line], starts: list[int], offset: int) -> Line:
    """The line holding character `offset` (blank lines hold none, so the last line
    starting at or before it is the one)."""
    return lines[max(i for i, s in enumerate(starts) if s <= offset)]


def _staffing_passage(text: str) -> tuple[int, int] | None:
    """(start, end) of the first sentence stating an 编制数 or a 实有 figure, with the
    next sentence when that one states the other ("核定编制30名。年末实有28人，…")."""
    sentences = [m.span() for m in re.finditer(r"[^。]+。?", text)]
    for k, (begin, end) in enumerate(sentences):
        has = [any(p.search(text, begin, end) for p in kind) for kind in (AUTHORIZED, ACTUAL)]
        if not any(has):
            continue
        if k + 1 < len(sentences) and not all(has):
            missing = ACTUAL if has[0] else AUTHORIZED
            if any(p.search(text, *sentences[k + 1]) for p in missing):
                end = sentences[k + 1][1]
        return begin, end
    return None


def _first(patterns: tuple[re.Pattern, ...], text: str, begin: int, end: int) -> re.Match | None:
    matches = [m for p in patterns if (m := p.search(text, begin, end))]
    return min(matches, key=lambda m: m.start(), default=None)


def _count(match: re.Match | None) -> int | None:
    return None if match is None else cn_int(match[match.lastindex])


def cn_int(text: str) -> int:
    """"30" -> 30, "三十" -> 30, "十一" -> 11, "四" -> 4, "一百零五" -> 105."""
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for char in text:
        if char in CN_DIGITS:
            digit = CN_DIGITS[char]
        else:  # 十 or 百
            total += (digit or 1) * (10 if char == "十" else 100)
            digit = 0
    return total + digit


def _categories(text: str, begin: int, end: int) -> dict[str, int]:
    """Every "<label><N>人" piece from `begin` to the sentence end, and through the next
    sentence when it continues the list ("。其中…")."""
    rest = text[begin:end]
    following = re.match(r"[^。]+。?", text[end:])
    if following and following[0].startswith(FOLLOW_ON):
        rest += following[0]
    found: dict[str, int] = {}
    for piece in PIECE_SEPARATORS.split(rest):
        match = CATEGORY.fullmatch(piece.strip())
        label = match["label"] if match else ""
        if label and label not in NOT_CATEGORY_LABELS and not any(w in label for w in NOT_CATEGORY_WORDS):
            found.setdefault(label, cn_int(match["n"]))
    return found


def _departments(lines: list[Line], from_index: int) -> list[str]:
    """Names of the internal departments, from the first "内设…" at or after the staffing
    sentence: a list in that sentence, else a list on the next line, else the numbered
    headings after it."""
    for k in range(from_index, len(lines)):
        found = DEPARTMENTS_START.search(lines[k].text)
        if not found:
            continue
        tail = _clause(lines[k].text[found.end() :])
        count = re.search(COUNT_PHRASE, tail)
        return (
            _listed(tail)
            or _listed_below(lines[k + 1 :])
            or _headings(lines[k + 1 :], cn_int(count[1]) if count else None)
        )
    return []


def _clause(text: str) -> str:
    return re.split(r"[。；;]", text)[0].strip()


def _listed_below(lines: list[Line]) -> list[str]:
    """"内设机构：" ⏎ "综合部、财务部。": a list alone on the next line, every name ending
    like a department (so that a line of duties is not taken for one)."""
    following = next((line.text for line in lines if line.text.strip()), "")
    names = [] if HEADING.match(following) else _listed(_clause(following))
    return names if all(n.endswith(UNIT_SUFFIXES) for n in names) else []


def _listed(tail: str) -> list[str]:
    """"综合科、财务科、业务科3个科室" -> the three names; [] when no list is printed."""
    body = LIST_TAIL.sub("", LIST_HEAD.sub("", tail, count=1)).strip()
    names = [n.strip() for n in NAME_SEPARATORS.split(body) if n.strip()]
    if not names or any(len(n) > MAX_NAME_CHARS or re.search(r"\d", n) for n in names):
        return []
    return names


def _style(ordinal: str) -> int | None:
    """The rank of a heading's numbering style (see STYLE_RANKS)."""
    key = re.sub(r"[一二三四五六七八九十]+", "C", re.sub(r"\d+", "D", ordinal))
    key = key.replace("(", "（").replace(")", "）").replace("．", ".")
    return STYLE_RANKS.get(key)


def _headings(lines: list[Line], expected: int | None) -> list[str]:
    """Department names from the numbered headings after the 内设 sentence, all in one
    numbering style. Inner headings (a department's own 1. 2. …) are skipped; an outer
    heading, a heading that is not a department, a part heading, or reaching the
    announced count ends the list."""
    names: list[str] = []
    rank = None
    for line in lines:
        if PART_HEADING.match(line.text):
            break
        match = HEADING.match(line.text)
        if not match:
            continue
        this = _style(match["ordinal"])
        if rank is not None and this != rank:
            if this is None or this < rank:
                break
            continue
        name = _heading_name(match["text"])
        if name is None:
            break
        rank = this
        names.append(name)
        if expected is not None and len(names) == expected:
            break
    return names


def _heading_name(text: str) -> str | None:
    """"综合部" or "办公室：负责…" -> the name; None for a heading that is not a department."""
    head = re.split(r"[：:，,。；;\s]", text.strip(), maxsplit=1)[0]
    return head if len(head) <= MAX_NAME_CHARS and head.endswith(UNIT_SUFFIXES) else None
