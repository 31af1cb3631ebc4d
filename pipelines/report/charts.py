"""The report's charts: matplotlib figures written as inline SVG.

Text stays text (`svg.fonttype: none`): the SVG names a font-family list (common CJK fonts,
then sans-serif) and the browser draws the Chinese labels with its own fonts, as it draws the
tables'. Embedding the glyphs as paths (`svg.fonttype: path`) would make each chart many times
larger, its labels neither selectable nor searchable, and would still need a CJK font here
at build time; with text, the file stays small and a label reads the same in the chart as in
the table beside it. matplotlib only measures the text to lay it out, with the first font of
the list it finds (WenQuanYi Zen Hei, which `make install` installs, else DejaVu Sans: then
the widths are approximate and its "missing glyph" warnings are silenced, since the browser,
not matplotlib, draws the glyphs).

Amount labels on the bars are the exact DECIMAL figures formatted as in the tables; floats
only give the bars their lengths.
"""

from __future__ import annotations

import io
import logging
import re
import textwrap
import warnings
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

import matplotlib
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from pipelines.report.formatting import wan

CJK_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC",
             "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "SimHei", "DejaVu Sans"]

WIDTH = 11.0  # inches: 1056 px at the browser's 96 px per inch, the page's column on a laptop

INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#e4e7eb"
BUDGET = "#cdc3e3"
ACTUAL = "#5b4b8a"
PALETTE = ["#2f6db5", "#e08a2c", "#2a9d8f", "#8e6bbf", "#c8553d", "#6c8e3a", "#d4a72c", "#5f7d95"]
GRADE_COLOURS = {"优": "#2e8b57", "良": "#7fb77e", "中": "#d4a72c", "差": "#c8553d"}

_RC = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": CJK_FONTS,
    "font.size": 10,
    "axes.unicode_minus": False,
    "axes.edgecolor": "#9aa5b1",
    "axes.labelcolor": INK,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlecolor": INK,
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": MUTED,
    "ytick.color": INK,
    "legend.frameon": False,
    "legend.fontsize": 9,
}


class Palette:
    """One colour per key (an income source, an expenditure type) for the whole report."""

    def __init__(self, fixed: dict[str, str] | None = None):
        self.colours = dict(fixed or {})

    def __call__(self, key: str) -> str:
        if key not in self.colours:
            used = set(self.colours.values())
            free = [c for c in PALETTE if c not in used] or PALETTE
            self.colours[key] = free[0]
        return self.colours[key]


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Decimal | None]
    colour: str


def _f(value: Decimal | None) -> float:
    return float(value) if value is not None else 0.0


def _wrap(label: str, width: int = 16) -> str:
    return "\n".join(textwrap.wrap(label, width) or [label])


@contextmanager
def _quiet():
    """matplotlib measures with the fonts it has; the browser draws the glyphs."""
    logger = logging.getLogger("matplotlib.font_manager")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r".*[Gg]lyph .* missing from.*")
            warnings.filterwarnings("ignore", message=r".*findfont.*")
            yield
    finally:
        logger.setLevel(level)


class Charts:
    """Makes the SVG charts of one report; ids inside each SVG are unique in the page."""

    def __init__(self):
        self.count = 0

    def _svg(self, figure: Figure, label: str) -> str:
        self.count += 1
        buffer = io.StringIO()
        with matplotlib.rc_context({**_RC, "svg.hashsalt": f"juesuan-chart-{self.count}"}), _quiet():
            figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        return _inline(buffer.getvalue(), label, f"c{self.count}")

    @staticmethod
    def _figure(height: float, columns: int = 1, width_ratios=None, share_y: bool = True):
        with matplotlib.rc_context(_RC), _quiet():
            figure = Figure(figsize=(WIDTH, height), layout="constrained")
            axes = figure.subplots(1, columns, sharey=share_y, squeeze=False,
                                   gridspec_kw={"width_ratios": width_ratios} if width_ratios else None)[0]
        return figure, list(axes)

    def horizontal_bars(self, labels: Sequence[str], series: Sequence[Series], *, title: str,
                        xlabel: str = "万元", stacked: bool = False, label_width: int = 16,
                        texts: Sequence[str] | None = None, aria: str = "") -> str:
        """Bars per label: grouped (side by side) or stacked; each bar (or stack) labelled."""
        with matplotlib.rc_context(_RC), _quiet():
            n = len(labels)
            wrapped = [_wrap(label, label_width) for label in labels]
            lines = sum(max(1, w.count("\n") + 1) for w in wrapped)
            height = 1.25 + 0.34 * max(n * (1 if stacked else 0.6 + 0.42 * len(series)), lines * 0.75)
            figure, (ax,) = self._figure(min(height, 14))
            positions = list(range(n))
            band = 0.72
            if stacked:
                left = [0.0] * n
                for s in series:
                    widths = [_f(v) for v in s.values]
                    ax.barh(positions, widths, left=left, height=band * 0.8, color=s.colour, label=s.name)
                    left = [a + b for a, b in zip(left, widths)]
                ends = left
                _label_bars(ax, positions, ends, texts or [""] * n)
            else:
                thickness = band / len(series)
                for k, s in enumerate(series):
                    offset = (k - (len(series) - 1) / 2) * thickness
                    widths = [_f(v) for v in s.values]
                    ys = [p + offset for p in positions]
                    ax.barh(ys, widths, height=thickness * 0.92, color=s.colour, label=s.name)
                    _label_bars(ax, ys, widths, [wan(v) if v is not None else "—" for v in s.values],
                                size=8.5 if len(series) > 1 else 9)
            ax.set_yticks(positions, wrapped)
            ax.invert_yaxis()
            _money_axis(ax, xlabel)
            ax.set_title(title)
            if len(series) > 1:
                figure.legend(loc="outside upper right", ncols=len(series))
            return self._svg(figure, aria or title)

    def projects(self, names: Sequence[str], budget: Series, executed: Series,
                 scores: Sequence[Decimal | None], grades: Sequence[str | None],
                 score_texts: Sequence[str], *, titles: tuple[str, str], aria: str = "") -> str:
        """Per project: 全年预算数 vs 全年执行数 (left) and its 总分 coloured by 等级 (right)."""
        with matplotlib.rc_context(_RC), _quiet():
            n = len(names)
            wrapped = [_wrap(name, 14) for name in names]
            lines = sum(w.count("\n") + 1 for w in wrapped)
            height = min(1.5 + 0.34 * max(n * 1.45, lines * 0.8), 16)
            figure, (left, right) = self._figure(height, 2, width_ratios=[3, 2])
            positions = list(range(n))
            thickness = 0.36
            for k, s in enumerate((budget, executed)):
                ys = [p + (k - 0.5) * thickness for p in positions]
                widths = [_f(v) for v in s.values]
                left.barh(ys, widths, height=thickness * 0.92, color=s.colour, label=s.name)
                _label_bars(left, ys, widths, [wan(v) if v is not None else "—" for v in s.values], size=8.5)
            left.set_yticks(positions, wrapped)
            left.invert_yaxis()
            _money_axis(left, "万元")
            left.set_title(titles[0])
            colours = [GRADE_COLOURS.get(g or "", "#9aa5b1") for g in grades]
            right.barh(positions, [_f(s) for s in scores], height=0.6, color=colours)
            _label_bars(right, positions, [_f(s) for s in scores], score_texts, size=9)
            right.set_xlim(0, 100 * 1.22)
            right.set_xticks([0, 20, 40, 60, 80, 100])
            right.xaxis.grid(True, color=GRID, linewidth=0.8)
            right.set_axisbelow(True)
            right.set_xlabel("分 points", color=MUTED)
            right.set_title(titles[1])
            right.tick_params(axis="y", length=0)
            handles, names = left.get_legend_handles_labels()
            for grade in (g for g in dict.fromkeys(grades) if g):
                handles.append(Patch(color=GRADE_COLOURS.get(grade, "#9aa5b1")))
                names.append(f"等级 {grade}")
            figure.legend(handles, names, loc="outside upper right", ncols=len(names))
            return self._svg(figure, aria or titles[0])

    def overview(self, labels: Sequence[str], panels: Sequence[tuple[str, Sequence[Series], bool]],
                 *, aria: str) -> str:
        """Department-years side by side: one panel per measure (own scale), bars per department-year."""
        with matplotlib.rc_context(_RC), _quiet():
            n = len(labels)
            wrapped = [_wrap(label, 14) for label in labels]
            lines = sum(w.count("\n") + 1 for w in wrapped)
            height = min(1.7 + 0.36 * max(n * 1.5, lines * 0.8), 18)
            figure, axes = self._figure(height, len(panels), width_ratios=[1] * len(panels))
            positions = list(range(n))
            for ax, (title, series, stacked) in zip(axes, panels):
                if stacked:
                    start = [0.0] * n
                    for s in series:
                        widths = [_f(v) for v in s.values]
                        ax.barh(positions, widths, left=start, height=0.6, color=s.colour, label=s.name)
                        start = [a + b for a, b in zip(start, widths)]
                    totals = [sum((v for v in values if v is not None), Decimal(0))
                              for values in zip(*(s.values for s in series))] if series else []
                    _label_bars(ax, positions, start, [wan(t) for t in totals], size=8.5)
                else:
                    thickness = 0.72 / len(series)
                    for k, s in enumerate(series):
                        ys = [p + (k - (len(series) - 1) / 2) * thickness for p in positions]
                        widths = [_f(v) for v in s.values]
                        ax.barh(ys, widths, height=thickness * 0.92, color=s.colour, label=s.name)
                        _label_bars(ax, ys, widths, [wan(v) if v is not None else "—" for v in s.values],
                                    size=8.5)
                _money_axis(ax, "万元", bins=4)
                ax.set_title(title)
            handles, names = [], []
            for ax in axes:
                for handle, name in zip(*ax.get_legend_handles_labels()):
                    if name not in names:
                        handles.append(handle)
                        names.append(name)
            figure.legend(handles, names, loc="outside lower center", ncols=len(names))
            axes[0].set_yticks(positions, wrapped)
            axes[0].invert_yaxis()
            for ax in axes[1:]:
                ax.tick_params(axis="y", length=0)
            return self._svg(figure, aria)


def _money_axis(ax, xlabel: str, bins: int = 6) -> None:
    ax.xaxis.set_major_locator(MaxNLocator(nbins=bins, steps=[1, 2, 2.5, 5, 10]))
    ax.xaxis.grid(True, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    ax.set_xlabel(xlabel, color=MUTED)
    low, high = ax.get_xlim()
    ax.set_xlim(min(low, 0), max(high, 1e-9) * 1.22)  # room for the labels at the bars' ends

    def tick(x: float, _pos) -> str:
        ticks = ax.xaxis.get_majorticklocs()
        step = min((abs(b - a) for a, b in zip(ticks, ticks[1:])), default=1.0)
        decimals = next((d for d in range(4) if abs(step * 10 ** d - round(step * 10 ** d)) < 1e-6), 3)
        return f"{x:,.{decimals}f}"

    ax.xaxis.set_major_formatter(FuncFormatter(tick))


def _label_bars(ax, ys, ends, texts, size: float = 9) -> None:
    top = max([e for e in ends if e] or [1.0])
    for y, end, text in zip(ys, ends, texts):
        if text:
            ax.text(end + top * 0.012, y, text, va="center", ha="left", fontsize=size, color=INK)


def _inline(svg: str, label: str, prefix: str) -> str:
    """matplotlib's SVG document as an element of the page: no XML prolog, DOCTYPE or RDF
    metadata (whose namespace URLs would be the page's only URLs), sized by CSS."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", svg, count=2)
    # ids: matplotlib names every group (figure_1, axes_1, …) in each chart alike; only the
    # clip paths and markers are referred to, and those get this chart's prefix
    referenced = set(re.findall(r'(?:url\(#|href="#)([^)"]+)', svg))
    svg = re.sub(r'\s+id="([^"]+)"', lambda m: f' id="{prefix}-{m.group(1)}"' if m.group(1) in referenced else "",
                 svg)
    svg = re.sub(r'(url\(#|href="#)([^)"]+)', lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
    label = label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    svg = re.sub(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"',
                 lambda m: f'<svg class="chart" role="img" aria-label="{label}" '
                           f'style="max-width:{float(m.group(1)) * 4 / 3:.0f}px"',
                 svg, count=1)
    return svg.strip()
