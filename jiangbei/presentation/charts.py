"""plotly figures for the topic pages and the 2021 targets. Each takes a query result and the language, and returns a
figure or None (None also where a chart would have a single bar)."""

from __future__ import annotations

import functools
import math
import re

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.subplots import make_subplots

from jiangbei.core.schema import CAVEATS
from jiangbei.presentation import scorecard, theme
from jiangbei.presentation.i18n import t
from jiangbei.presentation.numbers import (  # basis_label, priced: used here and imported from here by pages
    GROWTH_MEASURES,
    basis_label,
    bound_mark,
    bounded,
    format_change,
    format_value,
    period_from_paragraph,
    period_mark,
    period_stock_flow,
    plain_number,
    priced,
    scaled_for,
    signed_number,
)

RESULT_COLOUR, TARGET_COLOUR, DECLINE_COLOUR, PLAN_COLOUR = (theme.SERIES[k] for k in ("result", "target", "decline",
                                                                                       "plan"))
CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["lasso2d", "select2d"]}


def _wrap(text: str, width: int) -> str:
    """Break long English labels so bar labels stay readable; Chinese is short enough."""
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


_NO_LINE_START = set("，。、；：？！）)]】」』”’,.;:?!%-–—")
_NO_LINE_END = set("（([【「『“‘")


def _break_chars(text: str, width: int) -> list[str]:
    """Text longer than a line, broken about every width characters, never inside a number or a Latin word
    (15<br>0家 would read as two numbers), no line starting with closing punctuation or ending with an opening one
    (避头尾)."""
    lines, line = [], ""
    for i, char in enumerate(text):
        joined = i > 0 and (text[i - 1].isascii() and text[i - 1].isalnum() or text[i - 1] in ".%-–")
        if len(line) >= width and char not in _NO_LINE_START and line[-1] not in _NO_LINE_END \
                and not (joined and (char.isascii() and char.isalnum() or char in ".%")):
            lines.append(line)
            line = ""
        line += char
    lines.append(line)
    return lines


# Where Chinese text breaks best: before a bracket or an arrow, after a comma or colon (the name, then its notes).
_SOFT_BREAK = re.compile(r"(?=[（(→])|(?<=[，、,：:])")


def _wrap_chars(text: str, width: int) -> str:
    """Break Chinese text, which has no spaces, into lines of about width characters: at a bracket or comma where
    the parts fit (价格口径未说明 stays whole), inside a part only when it alone is longer than a line."""
    lines: list[str] = []
    for part in _SOFT_BREAK.split(text):
        if lines and len(lines[-1]) + len(part) <= width and part:
            lines[-1] += part
        elif len(part) <= width:
            lines.append(part)
        else:  # lines of even length: 实际利用外资年度 / 计划完成率, not a lone 率 on the last line
            lines += _break_chars(part, -(-len(part) // -(-len(part) // width)))
    return "<br>".join(line for line in lines if line)


def wrap(text: str, lang: str, width_en: int, width_zh: int) -> str:
    return _wrap(text, width_en) if lang == "en" else _wrap_chars(text, width_zh)


def _notes(row, lang: str, basis: bool = False) -> list[str]:
    """What a bare name leaves out: the period unless a full year, the price basis of a growth rate (basis=True:
    real and nominal growth side by side; a money level is at current prices anyway), and "lower is better"."""
    notes = [period_mark(row.get("period"), lang, period_stock_flow(row), period_from_paragraph(row)).strip(" ()")]
    if basis and "price_basis" in row and priced(row.get("price_basis")):
        notes.append(basis_label(row.get("price_basis"), lang, short=True))
    if row.get("direction") == "down":
        notes.append(t("direction_down", lang))
    return [n for n in notes if n]


_CHINESE_GLOSS = re.compile(r"\s*\([^()]*[\u3400-\u9fff][^()]*\)")


def indicator_name(row, lang: str) -> str:
    """An indicator's name in lang. English names gloss some policy terms in Chinese (浙商回归); a chart cannot
    mark text as Chinese for a screen reader, so there the gloss is left to the tables, which do."""
    text = row[f"indicator_{lang}"]
    return _CHINESE_GLOSS.sub("", text) if lang == "en" else text


def _label(row, lang: str, basis: bool = False) -> str:
    """A bar's category label: the name and its notes in brackets (Jan–Nov, nominal, lower is better)."""
    notes = _notes(row, lang, basis)
    text = indicator_name(row, lang)
    if notes:
        text += f" ({', '.join(notes)})" if lang == "en" else f"({'，'.join(notes)})"
    # Wrapped in both languages: a long Chinese label on a phone's narrow chart was cut at the left edge, losing
    # the qualifier that starts it (规上, 限上); wrapped, every word of it stays.
    return wrap(text, lang, 38, 12)


def quote(row, lang: str, column: str = "source_quote") -> str:
    """The sentence behind a figure in the reader's language (the unofficial English translation in English),
    wrapped for a hover box a phone can show."""
    text = row.get(f"{column}_en") if lang == "en" else None
    text = text if isinstance(text, str) and text else row.get(column)
    if not isinstance(text, str) or not text:
        return ""
    return wrap(f"“{text}”", lang, 60, 30)


def _basis_line(row, lang: str, column: str = "price_basis") -> str:
    """A hover's line saying the price basis, for a growth rate only: a count, share or money level has none that
    a reader needs (a money amount is at current prices anyway)."""
    code = row.get(column)
    if row.get("measure") not in GROWTH_MEASURES or not priced(code):
        return ""
    return f"<br>{t('col_price_basis', lang)}: {basis_label(code, lang)}"


def _value_text(value, row, lang: str, decimals) -> str:
    """A value in lang's units; a growth rate signed with a true minus (+3.4%, −20.6%), as axes, cards and tables
    write it."""
    if row.get("measure") in GROWTH_MEASURES:
        return format_change(value, lang, decimals, yoy=False) or "—"
    return format_value(value, row["unit"], row["unit_en"], lang, decimals)


# The report's caveats (schema.CAVEATS) as a hover says them: the note's words -> catalog key. A hover is the chart's
# one place for them, so 2020's export growth is never ranked among like-for-like growths without its caveat.
CAVEAT_KEYS = {"根据海关初步数据": "caveat_customs", "电商新增企业数据贡献": "caveat_ecommerce",
               "难以完成年度目标": "caveat_plan_missed"}


def _caveat_line(row, lang: str, column: str = "note") -> str:
    """A hover's line with the report's caveats on the figure (preliminary customs data; growth partly from newly
    counted e-commerce firms), in the reader's language; empty when it has none."""
    note = row.get(column)
    if not isinstance(note, str) or not note:
        return ""
    label = t("caveat_label", lang)
    said = [t(key, lang) for phrase, key in CAVEAT_KEYS.items() if CAVEATS[phrase][0] in note]
    return "".join("<br>" + wrap(f"{label}: {caveat}", lang, 60, 30) for caveat in said)


def _shown(row, lang: str, value_col: str = "value", decimals_col: str = "value_decimals",
           bound_col: str = "bound") -> str:
    """A value as cards and tables write it: unit in lang's system, bound in the report's words where it has them
    (over CNY 66.0 bn), else as a mark (≥ ≤ ~); a growth rate signed."""
    decimals = row.get(decimals_col)
    text = _value_text(row[value_col], row, lang,
                       int(decimals) if decimals is not None and decimals == decimals else None)
    if "qualifier" in row:
        return bounded(text, row["qualifier"], row.get(bound_col), lang)
    return bound_mark(text, row.get(bound_col))


def _hover(row, lang: str, value_col: str = "value") -> str:
    return (f"{_label(row, lang)}<br><b>{_shown(row, lang, value_col)}</b>{_basis_line(row, lang)}"
            f"{_caveat_line(row, lang)}<br>{quote(row, lang)}")


def _room_for_labels(fig: go.Figure, values: pd.Series) -> None:
    """Widen the value axis so labels written outside the bars are not cut at the edge."""
    low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
    pad = (high - low) * 0.3 or 1.0
    fig.update_xaxes(range=[low - (pad if low < 0 else 0), high + pad])


def _rows(labels) -> float:
    """How many bar rows of height the labels need: a wrapped label's extra lines make its row taller."""
    return sum(1 + 0.6 * str(label).count("<br>") for label in labels)


@functools.lru_cache(maxsize=16)
def _trimmed_template(name: str, trace_types: tuple[str, ...]) -> go.layout.Template:
    """The default template (Streamlit's theme in the app: its colours are placeholders the browser replaces with
    the light or dark theme's) with only what a chart of these trace types uses: its layout, and the defaults of
    those trace types. The full template carries defaults of every trace type, sent with every chart."""
    base = pio.templates[name]
    return go.layout.Template(layout=base.layout,
                              data={kind: base.data[kind] for kind in trace_types if base.data[kind]})


# The charts' fonts: installed fonts, not the page's web font. plotly's camera button measures the text in the page
# but draws the saved image where web fonts do not load, so with the web font the image's labels came out wider
# than their room and were cut ("2021 targe"). Installed fonts measure and draw the same. Latin: Arial or its
# metric twin Liberation Sans where present, else DejaVu Sans (wider); Chinese: Noto Sans CJK.
FONT_FAMILY = {"en": "Arial, Liberation Sans, DejaVu Sans, sans-serif",
               "zh": "Noto Sans CJK SC, Arial, Liberation Sans, DejaVu Sans, sans-serif"}
# Widths of 12 px labels a character: Latin 5.1 (at most 5.6) in the web font measured in Chromium before, 6.1 (at
# most 7.3) in DejaVu Sans by its metrics over every indicator name, so 6.7, between the two, leaves Arial's room
# and most of DejaVu's (automargin takes the rest); Chinese 11.7 (at most 12.7) in Noto Sans CJK.
LATIN_PX, CJK_PX, LABEL_ROOM_PX = 6.7, 12.7, 20


def label_width(label: str) -> int:
    """Estimated px of a category label's longest line, for the left margin."""
    lines = str(label).split("<br>")
    return max(round(sum(CJK_PX if ord(c) > 0x2E80 else LATIN_PX for c in line)) for line in lines)


def _left_margin(fig: go.Figure) -> int | None:
    """Room for the category labels of horizontal bars, set before plotly draws: with automargin alone, plotly
    draws the chart, measures the labels and draws it all again with the wider margin (automargin stays on, in
    case a label is wider than estimated)."""
    labels = [y for trace in fig.data if trace.type == "bar" and trace.orientation == "h" for y in trace.y or ()]
    return max(label_width(y) for y in labels) + LABEL_ROOM_PX if labels else None


def _layout(fig: go.Figure, title: str, bars: float, lang: str) -> go.Figure:
    fig.update_layout(template=_trimmed_template(pio.templates.default or "none",
                                                 tuple(sorted({trace.type for trace in fig.data}))))
    left = _left_margin(fig)
    fig.update_traces(width=0.7, selector={"type": "bar", "orientation": "h"})
    fig.update_traces(insidetextfont_color=theme.ON_SERIES, selector={"type": "bar"})  # >= 4.5:1 on every bar
    fig.update_layout(
        title={"text": title}, height=max(200, int(110 + 30 * bars)),
        margin={"l": left or 10, "r": 10, "t": 50, "b": 40},
        hoverlabel={"align": "left"}, font={"family": FONT_FAMILY[lang]},
    )
    if left:
        fig.update_yaxes(automargin=True)
    return fig


def _title(key: str, lang: str) -> str:
    """A chart title short enough per line for a phone's width (390 px)."""
    return wrap(t(key, lang), lang, 40, 20)


def growth_bars(df: pd.DataFrame, lang: str) -> go.Figure | None:
    """Growth rates as sorted horizontal bars; declines in red, to the left of zero; Jan–Nov and year end marked."""
    if len(df) < 2:
        return None
    df = df.sort_values("value")
    fig = go.Figure(go.Bar(
        x=df["value"], y=[_label(r, lang, basis=True) for _, r in df.iterrows()], orientation="h",
        marker_color=[DECLINE_COLOUR if v < 0 else RESULT_COLOUR for v in df["value"]],
        text=[bound_mark(format_change(v, lang, int(d), yoy=False), b)
              for v, d, b in zip(df["value"], df["value_decimals"], df["bound"])],
        textposition="auto", cliponaxis=False,
        hovertext=[_hover(r, lang) for _, r in df.iterrows()], hoverinfo="text",
        name=t("kind_actual", lang),
    ))
    fig.update_xaxes(title_text=t("chart_growth_x", lang), zeroline=True, zerolinewidth=2)
    fig.update_yaxes(title_text=None)
    _room_for_labels(fig, df["value"])
    return _layout(fig, _title("chart_growth", lang), _rows(fig.data[0].y), lang)


def result_vs_target(df: pd.DataFrame, lang: str, max_panels: int = 8) -> go.Figure | None:
    """Small multiples: per series, the result and next year's target side by side, each on its own scale.

    Two columns, so panel titles have room at a phone's width; values and axes in the reader's units (CNY bn in
    English, as the bar labels); periods other than a full year and bounds are in the titles and labels.
    """
    if df.empty:
        return None
    df = df.head(max_panels)
    cols = min(2, len(df))
    rows = math.ceil(len(df) / cols)
    titles = []
    for _, r in df.iterrows():
        _, unit, _ = scaled_for(1.0, r["unit"], r["unit_en"], lang)
        period = period_mark(r["target_period"], lang).strip(" ()")
        growth = r["measure"] == "yoy_growth_pct" and priced(r["price_basis"])  # a money level is at current prices
        basis = basis_label(r["price_basis"], lang, short=True) if growth else ""
        note = (", " if lang == "en" else ",").join(p for p in (unit, period, basis) if p)
        titles.append(f"{wrap(indicator_name(r, lang), lang, 24, 10)}<br>({note})")
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles, vertical_spacing=min(0.3, 0.45 / rows))
    result_name, target_name = t("col_result_2020", lang), t("col_target_2021", lang)
    for i, (_, r) in enumerate(df.iterrows()):
        for name, side, colour in ((result_name, "result", RESULT_COLOUR), (target_name, "target", TARGET_COLOUR)):
            decimals = int(r[f"{side}_decimals"])
            value, _, _ = scaled_for(r[f"{side}_value"], r["unit"], r["unit_en"], lang, decimals)
            # On the bar the number and its bound mark (≥ 25), the unit being in the panel's title; in the hover
            # the report's bound words ("striving for 25 projects or more").
            number = (signed_number(r[f"{side}_value"], lang, decimals) if r["measure"] in GROWTH_MEASURES
                      else plain_number(r[f"{side}_value"], r["unit"], lang, decimals))  # a growth rate is signed
            label = bound_mark(number, r[f"{side}_bound"])
            shown = bounded(_value_text(r[f"{side}_value"], r, lang, decimals), r[f"{side}_qualifier"],
                            r[f"{side}_bound"], lang)
            fig.add_trace(go.Bar(
                x=[name], y=[value], marker_color=colour, name=name, legendgroup=name, showlegend=i == 0,
                text=[label], textposition="outside", textangle=0, cliponaxis=False,
                hovertext=[f"{name}: <b>{shown}</b>{_basis_line(r, lang)}{_caveat_line(r, lang, f'{side}_note')}"
                           f"<br>{quote(r, lang, f'{side}_quote')}"],
                hoverinfo="text",
            ), row=i // cols + 1, col=i % cols + 1)
        top = max(scaled_for(r[f"{side}_value"], r["unit"], r["unit_en"], lang)[0] for side in ("result", "target"))
        fig.update_yaxes(range=[0, top * 1.25 if top > 0 else 1], row=i // cols + 1, col=i % cols + 1)
    fig.update_xaxes(showticklabels=False)
    fig.update_annotations(font_size=12)
    # Top down, each in its own band: the title, the legend, then the panels' titles (up to four lines).
    height = 160 + 250 * rows
    fig.update_layout(legend={"orientation": "h", "x": 0, "y": 1 - 48 / height, "yanchor": "top", "yref": "container"})
    _layout(fig, _title("chart_vs", lang), 0, lang)
    fig.update_layout(height=height, margin={"t": 170 if lang == "en" else 130},
                      title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 12}})
    return fig


def growth_pairs(df: pd.DataFrame, lang: str) -> go.Figure | None:
    """Growth targets beside the growth achieved, on one % axis (levels in other units are left to the table)."""
    df = df[df["measure"] == "yoy_growth_pct"].iloc[::-1]
    if df.empty:
        return None
    labels = [_label(r, lang, basis=True) for _, r in df.iterrows()]
    fig = go.Figure()
    for kind, colour in (("result", RESULT_COLOUR), ("target", TARGET_COLOUR)):
        name = t(f"col_{kind}_{2020 if kind == 'result' else 2021}", lang)
        values = df[f"{kind}_value"]
        shown = [bound_mark(format_change(v, lang, int(d), yoy=False), b)
                 for v, d, b in zip(values, df[f"{kind}_decimals"], df[f"{kind}_bound"])]
        fig.add_trace(go.Bar(
            x=values, y=labels, orientation="h", marker_color=colour, name=name,
            text=shown, textposition="auto", cliponaxis=False,
            hovertext=[f"{label}<br>{name}: <b>{v}</b>{_basis_line(r, lang)}{_caveat_line(r, lang, f'{kind}_note')}"
                       f"<br>{quote(r, lang, f'{kind}_quote')}"
                       for label, v, (_, r) in zip(labels, shown, df.iterrows())], hoverinfo="text",
        ))
    fig.update_layout(barmode="group", bargap=0.25,
                      legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"})
    fig.update_xaxes(title_text=t("chart_growth_x", lang), zeroline=True, zerolinewidth=2)
    _room_for_labels(fig, pd.concat([df["result_value"], df["target_value"]]))
    fig = _layout(fig, _title("chart_vs_growth", lang), 2 * _rows(labels), lang)
    fig.update_traces(width=None)  # grouped bars share each row
    fig.update_layout(margin={"t": 90}, height=fig.layout.height + 40,
                      title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 12}})
    return fig


def shares_bars(df: pd.DataFrame, lang: str) -> go.Figure | None:
    """Shares and rates in % (not plan completion: no plan line), each with its period and, where lower is
    better, saying so; None below two bars."""
    df = df[df["measure"] == "share_pct"].sort_values("value")
    if len(df) < 2:
        return None
    fig = go.Figure(go.Bar(
        x=df["value"], y=[_label(r, lang) for _, r in df.iterrows()], orientation="h", marker_color=RESULT_COLOUR,
        text=[_shown(r, lang) for _, r in df.iterrows()], textposition="auto", cliponaxis=False,
        hovertext=[_hover(r, lang) for _, r in df.iterrows()], hoverinfo="text", name=t("col_value", lang),
    ))
    _room_for_labels(fig, df["value"])
    fig.update_xaxes(title_text=t("chart_shares_x", lang))
    return _layout(fig, _title("chart_shares", lang), _rows(fig.data[0].y), lang)


def completion_bars(df: pd.DataFrame, lang: str) -> go.Figure | None:
    """Completion of the annual plan: bars that beat, met (exactly 100 %) and missed it as named series (a legend,
    and met and missed bars patterned, so colour is not the only signal) against a dashed 100 % plan line in the
    legend too. The outcome is the query's plan_outcome (one rule, queries/plan_completion.sql)."""
    df = df[df["measure"] == "completion_pct"].sort_values("value")
    if len(df) < 2:
        return None
    fig = go.Figure()
    for outcome, colour, key, pattern in (("beat", RESULT_COLOUR, "beat_plan", ""),
                                          ("met", PLAN_COLOUR, "met_plan", "."),
                                          ("missed", DECLINE_COLOUR, "missed_plan", "/")):
        part = df[df["plan_outcome"] == outcome]
        beat = outcome == "beat"
        if part.empty:
            continue
        fig.add_trace(go.Bar(
            x=part["value"], y=[_label(r, lang) for _, r in part.iterrows()], orientation="h",
            marker={"color": colour, "pattern": {"shape": pattern}}, name=t(key, lang),
            # a missed bar's label outside it: white on hatching is unreadable, and it ends short of 100 %
            text=[_shown(r, lang) for _, r in part.iterrows()], textposition="auto" if beat else "outside",
            cliponaxis=False, hovertext=[_hover(r, lang) for _, r in part.iterrows()], hoverinfo="text",
        ))
    labels = [_label(r, lang) for _, r in df.iterrows()]
    # The plan line under the bars and their labels, named in the legend by an empty trace of the same style.
    fig.add_vline(x=100, layer="below", line={"color": PLAN_COLOUR, "dash": "dash", "width": 2})
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=t("plan_line", lang),
                             line={"color": PLAN_COLOUR, "dash": "dash", "width": 2}, hoverinfo="skip"))
    fig.update_yaxes(categoryorder="array", categoryarray=labels)
    _room_for_labels(fig, df["value"])
    fig.update_xaxes(title_text=t("chart_completion_x", lang))
    fig.update_layout(legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"})
    fig = _layout(fig, _title("chart_completion", lang), _rows(labels), lang)
    # t: a legend of two rows on a phone stays clear of the title
    fig.update_layout(margin={"t": 120}, height=fig.layout.height + 70,
                      title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 12}})
    return fig


def levels_bars(df: pd.DataFrame, lang: str, stock_flow: str = "flow", top: int = 15) -> go.Figure | None:
    """The largest money amounts of the page of one kind: flows (a year's or Jan–Nov amount) or stocks (year-end
    balances), never ranked together; in the report's unit (亿元) or CNY billions; None below two bars."""
    df = df[df["stock_flow"] == stock_flow]
    if len(df) < 2:
        return None
    df = df.sort_values("value", ascending=False).head(top).iloc[::-1]
    scale, unit = (1, "亿元") if lang == "zh" else (10, "CNY bn")
    fig = go.Figure(go.Bar(
        x=df["value"] / scale, y=[_label(r, lang) for _, r in df.iterrows()], orientation="h",
        marker_color=RESULT_COLOUR, text=[_shown(r, lang) for _, r in df.iterrows()],
        textposition="auto", cliponaxis=False,
        hovertext=[_hover(r, lang) for _, r in df.iterrows()], hoverinfo="text", name=t("col_value", lang),
    ))
    fig.update_xaxes(title_text=f"{t('chart_value', lang)} ({unit})")
    _room_for_labels(fig, df["value"] / scale)
    return _layout(fig, _title(f"chart_levels_{stock_flow}", lang), _rows(fig.data[0].y), lang)


# One dumbbell per comparable family of targets: where each starts (2020) and where the 2021 target puts it, on
# one axis of one unit. Growth and rates: the values themselves; flows and stocks: change from the 2020 amount.
REFERENCE = "reference"  # a trace's meta: drawn for orientation, not data (left out of the text alternative)


DUMBBELL_AXES = {"growth": "values", "rate": "gap", "flow": "change", "stock": "change"}


def _dumbbell_name(r, lang: str) -> str:
    """A target's name as a dumbbell writes it: status symbol, name, and its notes (period, basis, direction)."""
    notes = _notes(r.rename({"target_period": "period", "target_price_basis": "price_basis"}), lang,
                   basis=r["family"] == "growth")
    text = f"{scorecard.STATUS_SYMBOLS[r['status']]} {indicator_name(r, lang)}"
    if notes:
        text += f" ({', '.join(notes)})" if lang == "en" else f"({'，'.join(notes)})"
    return text


def dumbbell(df: pd.DataFrame, family: str, lang: str) -> go.Figure | None:
    """2020 (dot) → 2021 target (arrowhead) per target of one family; None below two rows (a lone dot is no chart).

    df: target_scorecard rows of this family that have a comparable 2020 figure (scorecard.chart_rows).
    """
    if len(df) < 2:
        return None
    axis = DUMBBELL_AXES[family]
    if axis == "values":
        start, end = df["baseline_value"].astype(float), df["target_value"].astype(float)
    else:  # from the 2020 figure (0) to the target: as a gap in pp, or as a change in %
        start, end = pd.Series(0.0, index=df.index), df["change_pct" if family == "stock" else "distance"]
    # Each name is written above its own line, across the chart's width, rather than as a category label at the
    # left, which leaves a phone's 390 px almost no room for the dots and their labels.
    plain_names = [_dumbbell_name(r, lang) for _, r in df.iterrows()]
    names = [wrap(name, lang, 52, 24) for name in plain_names]
    lines = [name.count("<br>") + 1 for name in names]
    # y grows upwards: the first row on top; each row is as tall as its name needs
    positions, y = [], 0.0
    for n in reversed(lines):
        positions.append(y)
        y += 1.0 + 0.45 * n
    positions = positions[::-1]
    rising = (end >= start).tolist()

    def text(side):
        # growth rates as the table writes them: signed, with the report's decimals and the target's bound mark
        return [bound_mark(format_change(r[f"{side}_value"], lang, int(r[f"{side}_decimals"]), yoy=False),
                           r[f"{side}_bound"] if side == "target" else None) for _, r in df.iterrows()]

    def year(y: int) -> str:  # 2020年：… in Chinese, as the page's other labels write a year
        return f"{y}年：" if lang == "zh" else f"{y}: "

    def levels(r) -> str:
        return f"{scorecard.row_figure(r, 'baseline', lang)} → {year(2021)}{scorecard.row_figure(r, 'target', lang)}"

    def hover(r):
        base, target = scorecard.row_figure(r, "baseline", lang), scorecard.row_figure(r, "target", lang)
        return (f"{indicator_name(r, lang)}<br>{scorecard.status_text(r['status'], lang)}<br>"
                f"{year(2020)}<b>{base}</b> → {year(2021)}<b>{target}</b><br>"
                f"{scorecard.distance_meaning(r, lang)}: <b>{scorecard.distance_text(r, lang)}</b>"
                f"{_basis_line(r, lang, 'target_price_basis')}{_caveat_line(r, lang, 'baseline_note')}<br>"
                f"{quote(r, lang, 'baseline_quote')}<br>{quote(r, lang, 'target_quote')}")

    hovers = [hover(r) for _, r in df.iterrows()]
    # On a gap or change axis the text alternative names each arrowhead with the two levels it is computed from
    # (2020 result → 2021 target), which the axis alone does not show.
    opening = f" ({year(2020)}" if lang == "en" else f"({year(2020)}"
    target_names = plain_names if axis == "values" else [f"{name}{opening}{levels(r)})"
                                                         for name, (_, r) in zip(plain_names, df.iterrows())]
    xs, ys = [], []
    for s, e, p in zip(start, end, positions):
        xs += [s, e, None]
        ys += [p, p, None]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": PLAN_COLOUR, "width": 2},
                             hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(
        x=start, y=positions, mode="markers+text",
        name=t(f"dumbbell_start_{'values' if axis == 'values' else 'change'}", lang),
        marker={"color": RESULT_COLOUR, "size": 11, "symbol": "circle"},
        text=text("baseline") if axis == "values" else None,
        textposition=["middle left" if up else "middle right" for up in rising],
        hovertext=hovers, hoverinfo="text", cliponaxis=False,
        # customdata names each point for the text alternative (jiangbei.presentation.chart_text); on a change axis
        # every start is the 2020 figure itself (0), a reference rather than a value of the chart
        customdata=plain_names, meta=None if axis == "values" else REFERENCE,
    ))
    # The arrowheads point the way from 2020 to the target: one trace each way, so the legend shows a ▶ head.
    if axis == "values":
        labels = text("target")
    else:  # a derived figure: written with the decimals SQL rounded it to (one rule, scorecard.derived_text)
        places = df["change_decimals" if family == "stock" else "distance_decimals"]
        gap_unit = "pp" if lang == "en" else "个百分点"  # a difference of rates is in percentage points
        labels = [scorecard.derived_text(v, d, b, "%" if axis != "gap" else gap_unit, lang)
                  for v, d, b in zip(end, places, df["distance_bound"])]
    for way in (True, False):
        keep = [i for i, up in enumerate(rising) if up == way]
        fig.add_trace(go.Scatter(
            x=[end.iloc[i] for i in keep], y=[positions[i] for i in keep], mode="markers+text",
            name=t("col_target_2021", lang), legendgroup="target", showlegend=way or not any(rising),
            marker={"color": TARGET_COLOUR, "size": 13, "symbol": "triangle-right" if way else "triangle-left"},
            text=[labels[i] for i in keep], textposition="middle right" if way else "middle left",
            hovertext=[hovers[i] for i in keep], hoverinfo="text", cliponaxis=False,
            customdata=[target_names[i] for i in keep],
        ))
    for name, p in zip(names, positions):
        fig.add_annotation(text=name, x=0, xref="paper", xanchor="left", y=p + 0.4, yanchor="bottom",
                           showarrow=False, align="left", font={"size": 12})
    low, high = float(min(start.min(), end.min())), float(max(start.max(), end.max()))
    # room for the labels beside the dots, more for longer labels (a Chinese character is about two Latin wide)
    longest = max(len(x) + sum(1 for c in x if ord(c) > 0x2e80) for x in labels)
    pad = (high - low) * (0.35 + 0.06 * max(0, longest - 7)) or 2.0
    fig.update_xaxes(range=[low - pad, high + pad], title_text=t(f"dumbbell_x_{family}", lang),
                     zeroline=axis != "values", zerolinewidth=2)
    fig.update_yaxes(visible=False, range=[-0.6, y + 0.1], fixedrange=True)
    fig.update_layout(legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"})
    fig = _layout(fig, _title(f"dumbbell_{family}", lang), 0, lang)
    # 40 px per unit of y: a name's line (0.45) holds 12 px text, and names stand 16 px above their line
    fig.update_layout(margin={"t": 100, "l": 10, "r": 10}, height=150 + int(40 * (y + 0.7)),
                      title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 12}})
    return fig


# plotly's tool bar tooltips, in English in plotly; their translations are a11y.po's plotly_* keys.
PLOTLY_WORDS = ("Download plot as a PNG", "Zoom", "Pan", "Zoom in", "Zoom out", "Autoscale", "Reset axes",
                "Box Select", "Lasso Select", "Double-click to zoom back out")


def plotly_config(language: str) -> dict:
    """The charts' plotly config; in Chinese with a locale of plotly's own words (plotly's `locales` option)."""
    if language == "en":
        return CONFIG
    words = {w: t("plotly_" + re.sub(r"[^a-z]+", "_", w.lower()).strip("_"), language) for w in PLOTLY_WORDS}
    return {**CONFIG, "locale": "zh-CN", "locales": {"zh-CN": {"dictionary": words}}}


# Room above the title for plotly's mode bar (about 28 px at the top right), which a phone's narrow chart would
# otherwise lay over a title that runs across the whole width.
MODEBAR_ROOM = 28
SOURCE_LINE_ROOM = 62  # three lines of 10 px text (about 46 px with padding) under the x axis


def with_source_line(fig: go.Figure, lang: str, source: dict | None, link: str = "") -> go.Figure:
    """A copy of a (cached, shared) figure as a page draws it: the title below the mode bar's band, and under the
    axis a small line saying place, source, date and link, so that the image plotly's camera button saves says
    where it comes from, as Our World in Data's do. The same line is the page's caption, for screen readers."""
    shown = go.Figure(fig)
    margin = shown.layout.margin
    top, bottom = (margin.t if margin.t is not None else 80), (margin.b if margin.b is not None else 80)
    old_height = shown.layout.height or 450
    pad = shown.layout.title.pad.t if shown.layout.title.yref == "container" and shown.layout.title.pad.t else 12
    # plotly lifts a title of several lines by about a line each beyond the first: push it down as much again
    down = MODEBAR_ROOM + 20 * (shown.layout.title.text or "").count("<br>")
    shown.update_layout(title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": pad + down}},
                        margin={"t": top + down, "b": bottom + (SOURCE_LINE_ROOM if source else 0)},
                        height=old_height + down + (SOURCE_LINE_ROOM if source else 0))
    legend = shown.layout.legend
    if legend.yref == "container" and legend.y is not None:  # keep its distance below the title, in px
        shown.update_layout(legend={"y": 1 - ((1 - legend.y) * old_height + down) / shown.layout.height})
    if source:
        # Three short lines, each narrower than a phone's chart: place and date, publisher, link.
        lines = [f"{t('chart_place', lang)} · {t('chart_source_date', lang, date=source['date'])}",
                 t("chart_source_line", lang, publisher=source[f"publisher_{lang}"])]
        address = link.split("://", 1)[-1]
        if address:
            lines.append(address if len(address) <= 60 else address[:59] + "…")
        text = "<br>".join(lines)
        # An annotation has no container reference: in paper units, at the foot of the bottom margin, right-aligned
        # (the plot's left edge moves right with long category labels; its right edge stays near the frame's).
        plot_height = shown.layout.height - shown.layout.margin.t - shown.layout.margin.b
        shown.add_annotation(text=text, x=1, xref="paper", xanchor="right", align="right", showarrow=False,
                             y=-(shown.layout.margin.b - 4) / plot_height, yref="paper", yanchor="bottom",
                             font={"size": 10},
                             name="source_line")
    return shown
