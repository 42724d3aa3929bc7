"""A chart's text alternative, read from any plotly bar figure: one sentence (what it shows, its extremes) and
the table of its values, for readers who cannot see the chart (WCAG 1.1.1) and anyone who wants the numbers."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from jiangbei.presentation.i18n import ngettext, t

_TAGS = re.compile(r"<[^>]+>")


# A line break beside Chinese (a character or its punctuation) joins without a space: 价<br>格 is 价格.
_CJK = "[\u2018-\u201d\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"  # with the curly quotes Chinese uses
_CJK_BREAK = re.compile(f"(?<={_CJK})<br>|<br>(?={_CJK})")


def plain(text) -> str:
    """Chart text without plotly's markup: <br> becomes a space (none where it broke Chinese text), other tags go."""
    return " ".join(_TAGS.sub("", _CJK_BREAK.sub("", str(text)).replace("<br>", " ")).split())


def _panel_titles(fig: go.Figure) -> dict[str, str]:
    """Small multiples: each x axis's subplot title (make_subplots writes it as an annotation above the panel)."""
    titles = {}
    layout = fig.layout
    for name in layout:
        if not name.startswith("xaxis") or layout[name].domain is None:
            continue
        x_low, x_high = layout[name].domain
        y_axis = layout[f"yaxis{name[5:]}"]
        y_top = y_axis.domain[1] if y_axis.domain else 1
        above = [a for a in layout.annotations or () if a.xref == "paper" and a.yref == "paper"
                 and x_low <= (a.x or 0) <= x_high and (a.y or 0) >= y_top - 1e-9]
        if above:
            titles["x" + name[5:]] = plain(min(above, key=lambda a: a.y).text)
    return titles


def _is_data(trace) -> bool:
    """Bars, and markers that carry values (a dumbbell's dots and arrowheads); not lines, legend keys or traces
    marked as a reference (jiangbei.presentation.charts.REFERENCE)."""
    if trace.type == "bar":
        return True
    return (trace.type == "scatter" and "markers" in (trace.mode or "") and trace.hoverinfo != "skip"
            and trace.meta != "reference" and trace.x is not None and len(trace.x) > 0)


def points(fig: go.Figure, lang: str) -> pd.DataFrame:
    """Every bar or marked point of the figure as a row: panel (small multiples only), series, label, value and
    the value as shown on the chart (with its unit), in the order drawn. A point's label is its customdata where
    the chart gives one (a dumbbell's rows are named by annotations, not by an axis)."""
    titles = _panel_titles(fig)
    rows = []
    for trace in fig.data:
        if not _is_data(trace):
            continue
        horizontal = trace.type == "scatter" or trace.orientation == "h"
        labels, values = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
        if trace.type == "scatter" and trace.customdata is not None:
            labels = [c[0] if isinstance(c, (list, tuple)) else c for c in trace.customdata]
        texts = trace.text if trace.text is not None and not isinstance(trace.text, str) else [None] * len(values)
        panel = titles.get(trace.xaxis or "x", "") if len(titles) > 1 else ""
        for label, value, text in zip(labels, values, texts):
            if value is None or value != value:
                continue
            rows.append({"panel": panel, "series": plain(trace.name or ""), "label": plain(label),
                         "value": float(value), "shown": plain(text) if text else f"{value:g}"})
    frame = pd.DataFrame(rows, columns=["panel", "series", "label", "value", "shown"])
    return frame


def summary(fig: go.Figure, lang: str) -> str:
    """One sentence: the chart's title, how many values, and the lowest and highest (on one scale) or, for
    small multiples each on its own scale, how many panels."""
    title = fig.layout.title.text or ""
    title = plain(title.replace("<br>", "") if lang == "zh" else title)  # Chinese lines break between characters
    axis = plain(fig.layout.xaxis.title.text or "") if len(_panel_titles(fig)) <= 1 else ""
    said = re.sub(r"[(（].*$", "", axis).strip().lower()
    if axis and said not in title.lower():  # what the values measure (a change from 2020), unless the title says
        title += f" ({axis})" if lang == "en" else f"（{axis}）"
    data = points(fig, lang)
    if data.empty:
        return t("chart_summary_empty", lang, title=title)
    panels = data["panel"].nunique()
    if panels > 1:
        return t("chart_summary_panels", lang, title=title, n=panels, items=len(data))
    if len(data) == 1:
        return t("chart_summary_one", lang, title=title, label=data["label"].iloc[0], value=data["shown"].iloc[0])
    low, high = data.loc[data["value"].idxmin()], data.loc[data["value"].idxmax()]

    def name(row) -> str:
        several_series = data["series"].nunique() > 1
        return f"{row['label']} ({row['series']})" if several_series and row["series"] else row["label"]

    return ngettext("chart_summary", len(data), lang, title=title, n=len(data), low=name(low), low_value=low["shown"],
             high=name(high), high_value=high["shown"])


def table(fig: go.Figure, lang: str) -> pd.DataFrame:
    """The chart's values as a table with headers in lang (the panel and series columns only where they vary)."""
    data = points(fig, lang)
    columns = {"panel": t("chart_col_panel", lang), "series": t("chart_col_series", lang),
               "label": t("chart_col_label", lang), "shown": t("col_value", lang)}
    keep = [c for c in columns if c in ("label", "shown") or data[c].nunique() > 1]
    if data["series"].equals(data["label"]):  # small multiples name each bar by its series
        keep = [c for c in keep if c != "series"]
    return data[keep].rename(columns=columns).reset_index(drop=True)
