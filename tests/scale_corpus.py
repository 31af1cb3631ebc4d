"""A province-sized corpus for `make bench-scale`, built from the seed 决算 in raw/. A fixture
generator like tests/render and tests/budget_text.py, so it lives among the tests: it settles
a few of the seed's printed figures (EXACT_FIXES) to make the scaled copies exact.

    python -m tests.scale_corpus --out DIR --n N [--pdf M]

Document i (its bytes depend on i alone, so a larger N extends a smaller one) is the seed with
another department (上海市<区><领域><机构>, its 预算单位 code too), fiscal year (2021–2025), every
万元 amount × a factor 1–9, and a template variant (thousands separators, tables renumbered or
reordered, amounts in 元, fewer 绩效自评表); every seventh is a 预算 (tests/budget_text.py) instead.
Every hundredth is a later version of the one before it (printed 公开日期 later, other factor),
so it supersedes it. The M PDFs (决算 of department-years of their own, shortened like the
fixtures' 25-page PDF: 25–41 pages) are rendered by the fixture renderer (tests/render) in its
print styles. DIR/text/ holds the texts, DIR/pdf/ the PDFs.

Scaling keeps every identity exact only if the seed's own are: it prints roundings (1535.14 as
the total of 类 that add up to 1535.13; ×3 that becomes 0.03, beyond what rounding allows), so
the factor multiplies `exact_seed`, the seed with those 0.01s settled.

Cached: DIR/manifest.json records a hash of the generator's inputs (the seed, this file, the
renderer, the budget builder); files already there under the same hash are reused.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from decimal import Decimal
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.render.variants import (AMOUNT, BY_NAME, _cells, _in_tables, in_yuan, relabel, reorder,  # noqa: E402
                                   thousands_separators, without_part, without_projects)

SEED = ROOT / "raw" / "000_744c7817695ce87c.txt"
SEED_DEPARTMENT, SEED_UNIT_CODE, SEED_YEAR = "山西省人民政府驻上海办事处", "200005", 2024
INPUTS = [SEED, Path(__file__), ROOT / "tests" / "budget_text.py", *sorted((ROOT / "tests" / "render").glob("*.py"))]

# The seed's roundings, settled (seed line number: cell as printed -> cell); the 情况说明 states
# three of those totals, settled with them (NARRATIVE_FIXES).
EXACT_FIXES = {
    121: [("1535.14", "1535.13")], 123: [("20.49", "20.50")],  # 公开01 本年支出合计 = Σ 类; 总计
    139: [("1255.73", "1255.74")], 140: [("1255.73", "1255.74")],  # 公开02 本年收入合计 = Σ 收入来源
    141: [("571.13", "571.14")],
    168: [("1535.14", "1535.13"), ("850.54", "850.53")],  # 公开03 合计 = Σ 类
    229: [("1535.14", "1535.13")],  # 公开04 本年支出合计 = Σ 类, 支出总计 = 本年支出合计 + 结转
    251: [("1535.14", "1535.13"), ("850.54", "850.53")],  # 公开05 合计 = Σ 类
    284: [("593.26", "593.25")], 285: [("35.45", "35.44")],  # 公开06 类 = Σ 款
    313: [("757.08", "757.07")],  # 公开06 人员经费合计 = 301 + 303
}
NARRATIVE_FIXES = [("1,535.14万元", "1,535.13万元"), ("850.54万元", "850.53万元"), ("757.08万元", "757.07万元")]

DISTRICTS = ("", "黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区",
             "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区")
FIELDS = ("教育", "卫生健康", "民政", "财政", "商务", "文化旅游", "生态环境", "交通", "水务", "农业农村",
          "科学技术", "司法", "审计", "统计", "体育", "规划和自然资源", "住房和城乡建设管理", "市场监督管理",
          "应急管理", "退役军人事务", "人力资源和社会保障", "医疗保障", "绿化和市容管理", "城市管理行政执法",
          "房屋管理", "国有资产监督管理", "地方金融监督管理", "民族和宗教事务", "机关事务管理", "档案",
          "信访", "粮食和物资储备", "知识产权", "人民防空", "气象", "地震", "侨务", "妇女儿童工作",
          "老龄工作", "残疾人工作", "科技创新服务", "投资促进", "大数据", "政务服务", "公共资源交易",
          "网络安全", "数据发展", "口岸服务", "对口支援", "合作交流")
FORMS = ("局", "委员会", "事务中心", "办公室")
YEARS = (2021, 2022, 2023, 2024, 2025)
SLOTS = len(DISTRICTS) * len(FIELDS) * len(FORMS) * len(YEARS)  # department-years there are names for
TEXT_TEMPLATES = {  # name -> transforms of the 决算 text form (tests/render/variants.py)
    "plain": (),
    "thousands": (thousands_separators,),
    "relabelled": (relabel(("表{n}", "附表{n}", "")),),
    "reordered": (reorder("公开02", "公开03"), thousands_separators),
    "yuan": (in_yuan, thousands_separators),
    "short": (without_projects(2), without_part("名词解释")),
}
PDF_STYLES = ("seed", "word", "wrapped", "yuan", "p25")  # fixture variants whose print style PDFs take
PDF_SHORTER = BY_NAME["p25"].transforms  # one 绩效自评表, no 名词解释: 25–35 pages, as bench_pdf's
REVISION_EVERY, BUDGET_EVERY = 100, 7  # 7: the 预算 fall on every fiscal year
WAN_FIGURE = re.compile(r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)(?=万元)(?!万元（含）)")  # not 单价100万元（含）以上
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def department(slot: int) -> tuple[str, str, int]:
    """(name, 预算单位 code, fiscal year) of a department-year: five years per department."""
    if not 0 <= slot < SLOTS:
        raise ValueError(f"names for {SLOTS} department-years only, not slot {slot}")
    d, year = divmod(slot, len(YEARS))
    district = DISTRICTS[d % len(DISTRICTS)]
    d //= len(DISTRICTS)
    field, form = FIELDS[d % len(FIELDS)], FORMS[d // len(FIELDS)]
    return f"上海市{district}{field}{form}", f"{300000 + slot // len(YEARS)}", YEARS[year]


def plan(i: int) -> dict:
    """What document i is: its department-year slot, kind, factor, template and date."""
    revision = i % REVISION_EVERY == REVISION_EVERY - 1
    base = i - 1 if revision else i
    slot = base - base // REVISION_EVERY
    kind = "预算" if base % BUDGET_EVERY == BUDGET_EVERY - 1 else "决算"
    factor = 1 + (base * 7) % 9 + revision
    templates = ("plain", "explained") if kind == "预算" else tuple(TEXT_TEMPLATES)
    return {"slot": slot, "kind": kind, "factor": factor, "template": templates[base % len(templates)],
            "day": 1 + base % 28, "revision": revision}


@cache
def exact_seed() -> str:
    """The seed with its printed roundings settled, so that × k keeps every identity exact."""
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for number, fixes in EXACT_FIXES.items():
        cells = lines[number - 1].split("\t")
        for old, new in fixes:
            if old not in cells:
                raise ValueError(f"seed line {number} no longer prints {old}: update EXACT_FIXES")
            cells = [new if c == old else c for c in cells]
        lines[number - 1] = "\t".join(cells)
    narrative = next(n for n, t in enumerate(lines) if n > 80 and t.startswith("第三部分"))
    for n in range(narrative, len(lines)):
        for old, new in NARRATIVE_FIXES:
            lines[n] = lines[n].replace(old, new)
    return "\n".join(lines)


def _times(raw: str, factor: int) -> str:
    """A printed amount × factor, printed alike (decimals kept, thousands separators kept)."""
    value = Decimal(raw.replace(",", "")) * factor
    if "," not in raw:
        return str(value)
    whole, _, fraction = str(value).partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


def scale(text: str, factor: int, kind: str) -> str:
    """Every 万元 amount × factor: table cells (in a 决算 the standard tables', and the first five
    figures of each 绩效自评表 fund row; their 执行率 and 得分 stay) and every 'N万元' in prose."""
    cell = _cells(lambda c: _times(c.strip(), factor) if AMOUNT.match(c.strip()) else c)
    lines = text.split("\n")
    if kind == "预算":
        lines = [cell(t, 0, lines) for t in lines]
    else:
        lines = _in_tables(cell)(lines)
        annex = max(n for n, t in enumerate(lines) if t.startswith("第五部分"))
        for n in range(annex, len(lines)):
            cells = lines[n].split("\t")
            label = next((k for k, c in enumerate(cells) if c.strip().rstrip("：:").endswith(("资金总额", "资金"))), None)
            if label is None:
                continue
            figures = [k for k in range(label + 1, len(cells)) if NUMBER.match(cells[k].strip())][:5]
            for k in figures:
                cells[k] = _times(cells[k].strip(), factor)
            lines[n] = "\t".join(cells)
    return WAN_FIGURE.sub(lambda m: _times(m[1], factor), "\n".join(lines))


def relocate(text: str, name: str, code: str, year: int) -> str:
    """Another department and fiscal year: the seed's name (also where a header wraps it), its
    预算单位 code, and its years (2024 -> year, 2023 -> year - 1)."""
    text = text.replace("山西省人民政府驻\n上海办事处", name).replace(SEED_DEPARTMENT, name)
    text = text.replace(f"{SEED_UNIT_CODE}-{name}", f"{code}-{name}")
    return re.sub(r"(?<!\d)(2023|2024)(?=年)", lambda m: str(year - (SEED_YEAR - int(m[1]))), text)


def dated(text: str, kind: str, year: int, day: int, revision: bool) -> str:
    """A printed 公开日期 under the cover title: what orders a department-year's versions (without
    it a text's file time would, which a regenerated corpus changes)."""
    lines = text.split("\n")
    title = next(n for n, t in enumerate(lines) if re.search(r"\d{4}年度?\S*(决算|预算)", t))
    year, month = (year + 1, 9 if revision else 8) if kind == "决算" else (year, 3 if revision else 2)
    lines.insert(title + 1, f"公开日期：{year}年{month}月{day}日")
    return "\n".join(lines)


@cache
def _budget_template(explained: bool) -> str:
    """The 预算 of the exact seed's department-year (its 公开03, one 项 10.00 万元 over)."""
    from pipelines.parsing.document import parse_document
    from pipelines.raw import RawDocument
    from tests.budget_text import budget_text

    data = exact_seed().encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    final = parse_document(RawDocument("seed.txt", "seed.txt", digest, len(data), "text", data))
    item = next(r.keys["code"] for r in final.tables["公开03"].rows if len(r.keys["code"]) == 7)
    return budget_text(final, {item: Decimal("10.00")}, explanation=explained)


@cache
def _varied(kind: str, template: str, factor: int) -> str:
    """The seed's department-year as a kind, template and factor print it (shared by the many
    documents that differ from it only in department and year)."""
    text = scale(_budget_template(template == "explained") if kind == "预算" else exact_seed(), factor, kind)
    lines = text.split("\n")
    for transform in TEXT_TEMPLATES.get(template, ()) if kind == "决算" else ():
        lines = transform(lines)
    return "\n".join(lines)


def document_text(i: int) -> tuple[dict, str]:
    """Document i's plan and text form."""
    p = plan(i)
    name, code, year = department(p["slot"])
    text = relocate(_varied(p["kind"], p["template"], p["factor"]), name, code, year)
    p.update(department=name, fiscal_year=year)
    return p, dated(text, p["kind"], year, p["day"], p["revision"])


def pdf_document(j: int) -> tuple[dict, bytes]:
    """PDF j: a 决算 of a department-year no text document takes (counted from the last slot),
    shortened as the fixtures' 25-page PDF and typeset in one of the fixture print styles."""
    from tests.render import render_pdf

    slot = SLOTS - 1 - j
    name, code, year = department(slot)
    style = BY_NAME[PDF_STYLES[j % len(PDF_STYLES)]]
    factor = 1 + (j * 5) % 9
    text = scale(relocate(exact_seed(), name, code, year), factor, "决算")
    lines = text.split("\n")
    for transform in (*style.transforms, *PDF_SHORTER):
        lines = transform(lines)
    text = dated("\n".join(lines), "决算", year, 1 + j % 28, False)
    p = {"slot": slot, "kind": "决算", "factor": factor, "template": style.name, "revision": False,
         "department": name, "fiscal_year": year}
    return p, render_pdf(text, style.style, title=f"{year}年度{name}决算公开")


def inputs_hash() -> str:
    digest = hashlib.sha256()
    for path in INPUTS:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def text_name(i: int) -> str:
    return f"text/{i:05d}.txt"


def pdf_name(j: int) -> str:
    return f"pdf/{j:04d}.pdf"


def generate(out: Path, n: int, pdfs: int = 0, log=print) -> dict:
    """Write (or reuse) documents 0..n-1 and PDFs 0..pdfs-1 under `out`; returns the manifest:
    {"inputs": hash, "documents": {relative path: plan + sha256}, "seconds": {...}}."""
    if n and pdfs and plan(n - 1)["slot"] >= SLOTS - pdfs:
        raise ValueError(f"{n} texts and {pdfs} PDFs need more than the {SLOTS} department-years there are names for")
    out = Path(out)
    manifest_path = out / "manifest.json"
    digest = inputs_hash()
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {}
    if manifest.get("inputs") != digest:
        manifest = {"inputs": digest, "documents": {}}
    known = manifest["documents"]
    seconds = {}
    for kind, count, named, make in (("text", n, text_name, document_text), ("pdf", pdfs, pdf_name, pdf_document)):
        (out / kind).mkdir(parents=True, exist_ok=True)
        started, made = time.perf_counter(), 0
        for i in range(count):
            path = out / named(i)
            entry = known.get(named(i))
            if entry and path.is_file() and path.stat().st_size == entry["size"]:
                continue
            p, data = make(i)
            data = data.encode("utf-8") if isinstance(data, str) else data
            path.write_bytes(data)
            known[named(i)] = {**p, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            made += 1
            if made % 500 == 0:
                log(f"  {kind}: {made} written ({(time.perf_counter() - started) / made:.3f} s each)")
                manifest_path.write_text(json.dumps(manifest, ensure_ascii=False))
        elapsed = time.perf_counter() - started
        seconds[kind] = {"written": made, "seconds": round(elapsed, 2),
                         "per_document": round(elapsed / made, 4) if made else None}
        log(f"{kind}: {count} documents ({made} written, {count - made} reused) in {elapsed:.1f} s")
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False))
    hashes = [known[text_name(i)]["sha256"] for i in range(n)] + [known[pdf_name(j)]["sha256"] for j in range(pdfs)]
    if len(set(hashes)) != len(hashes):
        raise AssertionError("two generated documents have the same bytes")
    return {**manifest, "seconds": seconds}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--n", type=int, required=True, help="text documents")
    parser.add_argument("--pdf", type=int, default=0, help="PDF documents")
    args = parser.parse_args(argv)
    generate(args.out, args.n, args.pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
