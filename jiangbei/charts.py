"""plotly figures for the topic pages. Each takes a query result and the language, and returns a figure or None."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from jiangbei.i18n import bounded, format_change, format_number, format_value, t

RESULT_COLOUR, TARGET_COLOUR, DECLINE_COLOUR, PLAN_COLOUR = "#2E6DB4", "#E08A1E", "#C8402E", "#7A7A7A"
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


def _label(row, lang: str) -> str:
    return _wrap(row[f"indicator_{lang}"], 38) if lang == "en" else row["indicator_zh"]


def _hover(row, lang: str, value_col: str = "value") -> str:
    value = format_value(row[value_col], row["unit"], row["unit_en"], lang)
    return f"{row[f'indicator_{lang}']}<br><b>{value}</b><br>{row['source_quote']}"


def _room_for_labels(fig: go.Figure, values: pd.Series) -> None:
    """Widen the value axis so labels written outside the bars are not cut at the edge."""
    low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
    pad = (high - low) * 0.18 or 1.0
    fig.update_xaxes(range=[low - (pad if low < 0 else 0), high + pad])


def _layout(fig: go.Figure, title: str, bars: int, lang: str) -> go.Figure:
    fig.update_traces(width=0.7, selector={"type": "bar", "orientation": "h"})
    fig.update_layout(
        title={"text": title}, height=max(200, 110 + 30 * bars), margin={"l": 10, "r": 10, "t": 50, "b": 40},
        hoverlabel={"align": "left"}, font={"family": "Noto Sans CJK SC, sans-serif" if lang == "zh" else None},
    )
    return fig


def growth_bars(df: pd.DataFrame, lang: str) -> go.Figure | None:
    """Growth rates as sorted horizontal bars; declines in red, to the left of zero."""
    if df.empty:
        return None
    df = df.sort_values("value")
    fig = go.Figure(go.Bar(
        x=df["value"], y=[_label(r, lang) for _, r in df.iterrows()], orientation="h",
        marker_color=[DECLINE_COLOUR if v < 0 else RESULT_COLOUR for v in df["value"]],
        text=[f"{v:+.1f}%" for v in df["value"]], textposition="outside", cliponaxis=False,
        hovertext=[_hover(r, lang) for _, r in df.iterrows()], hoverinfo="text",
        name=t("kind_actual", lang),
    ))
    fig.update_xaxes(title_text=t("chart_growth_x", lang), zeroline=True, zerolinewidth=2)
    fig.update_yaxes(title_text=None)
    _room_for_labels(fig, df["value"])
    return _layout(fig, t("chart_growth", lang), len(df), lang)


def result_vs_target(df: pd.DataFrame, lang: str, max_panels: int = 9) -> go.Figure | None:
    """Small multiples: per series, the result and next year's target side by side, each on its own scale."""
    if df.empty:
        return None
    df = df.head(max_panels)
    cols = min(3, len(df))
    rows = math.ceil(len(df) / cols)
    unit_col = "unit" if lang == "zh" else "unit_en"
    titles = [f"{_wrap(r[f'indicator_{lang}'], 28)}<br>({r[unit_col]})" for _, r in df.iterrows()]
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles, vertical_spacing=0.16 / max(rows, 1) + 0.1)
    result_name, target_name = t("col_result_2020", lang), t("col_target_2021", lang)
    for i, (_, r) in enumerate(df.iterrows()):
        for name, value, decimals, colour, quote in (
            (result_name, r["result_value"], r["result_decimals"], RESULT_COLOUR, r["result_quote"]),
            (target_name, r["target_value"], r["target_decimals"], TARGET_COLOUR, r["target_quote"]),
        ):
            shown = format_value(value, r["unit"], r["unit_en"], lang, int(decimals))
            fig.add_trace(go.Bar(
                x=[name], y=[value], marker_color=colour, name=name, legendgroup=name, showlegend=i == 0,
                text=[shown], textposition="auto", hovertext=[f"{name}: <b>{shown}</b><br>{quote}"],
                hoverinfo="text"), row=i // cols + 1, col=i % cols + 1)
    fig.update_xaxes(showticklabels=False)
    fig.update_annotations(font_size=12)
    fig.update_layout(legend={"orientation": "h", "y": -0.08})
    _layout(fig, t("chart_vs", lang), 0, lang)
    # Room above the first row for the chart title and the panels' two-line titles.
    fig.update_layout(height=200 + 230 * rows, margin={"t": 120})
    return fig


def growth_pairs(df: pd.DataFrame, lang: str) -> go.Figure | None:
    """Growth targets beside the growth achieved, on one % axis (levels in other units are left to the table)."""
    df = df[df["measure"] == "yoy_growth_pct"].iloc[::-1]
    if df.empty:
        return None
    labels = [_label(r, lang) for _, r in df.iterrows()]
    fig = go.Figure()
    for kind, colour, quote in (("result", RESULT_COLOUR, "result_quote"), ("target", TARGET_COLOUR, "target_quote")):
        name = t(f"col_{kind}_{2020 if kind == 'result' else 2021}", lang)
        values = df[f"{kind}_value"]
        shown = [format_change(v, lang, int(d), yoy=False) for v, d in zip(values, df[f"{kind}_decimals"])]
        fig.add_trace(go.Bar(
            x=values, y=labels, orientation="h", marker_color=colour, name=name,
            text=shown, textposition="outside", cliponaxis=False,
            hovertext=[f"{name}: <b>{v}</b><br>{q}" for v, q in zip(shown, df[quote])], hoverinfo="text",
        ))
    fig.update_layout(barmode="group", bargap=0.25,
                      legend={"orientation": "h", "x": 1, "xanchor": "right", "y": 1.02, "yanchor": "bottom"})
    fig.update_xaxes(title_text=t("chart_growth_x", lang), zeroline=True, zerolinewidth=2)
    _room_for_labels(fig, pd.concat([df["result_value"], df["target_value"]]))
    fig = _layout(fig, t("chart_vs_growth", lang), 2 * len(df), lang)
    fig.update_traces(width=None)  # grouped bars share each row
    return fig


def rates_bars(df: pd.DataFrame, lang: str) -> go.Figure | None:
    """Shares, rates and plan completion in %, as bars against a 100% plan line."""
    if df.empty:
        return None
    df = df.sort_values(["measure", "value"])
    colours = [
        (RESULT_COLOUR if beat else DECLINE_COLOUR) if m == "completion_pct" else PLAN_COLOUR
        for m, beat in zip(df["measure"], df["beat_plan"])
    ]
    labels = [f"{_label(r, lang)}" for _, r in df.iterrows()]
    fig = go.Figure(go.Bar(
        x=df["value"], y=labels, orientation="h", marker_color=colours,
        text=[f"{v:g}%" for v in df["value"]], textposition="outside", cliponaxis=False,
        hovertext=[_hover(r, lang) for _, r in df.iterrows()], hoverinfo="text", name=t("col_value", lang),
    ))
    _room_for_labels(fig, df["value"])
    if (df["measure"] == "completion_pct").any():
        fig.add_vline(x=100, line_dash="dash", line_color=PLAN_COLOUR, annotation_text=t("plan_line", lang))
    fig.update_xaxes(title_text=t("chart_shares_x", lang))
    return _layout(fig, t("chart_completion", lang) + " · " + t("chart_shares", lang), len(df), lang)


def levels_bars(df: pd.DataFrame, lang: str, top: int = 15) -> go.Figure | None:
    """The largest money amounts of the page, in the report's unit (亿元) or in CNY billions."""
    if df.empty:
        return None
    df = df.head(top).iloc[::-1]
    scale, unit = (1, "亿元") if lang == "zh" else (10, "CNY bn")
    fig = go.Figure(go.Bar(
        x=df["value"] / scale, y=[_label(r, lang) for _, r in df.iterrows()], orientation="h",
        marker_color=RESULT_COLOUR, text=[format_value(v, "亿元", "", lang) for v in df["value"]],
        textposition="outside", cliponaxis=False,
        hovertext=[_hover(r, lang) for _, r in df.iterrows()], hoverinfo="text", name=t("col_value", lang),
    ))
    fig.update_xaxes(title_text=f"{t('chart_value', lang)} ({unit})")
    _room_for_labels(fig, df["value"] / scale)
    return _layout(fig, t("chart_levels", lang), len(df), lang)


# One dumbbell per comparable family of targets: where each starts (2020) and where the 2021 target puts it, on
# one axis of one unit. Growth and rates: the values themselves; flows and stocks: change from the 2020 amount.
DUMBBELL_AXES = {"growth": "values", "rate": "values", "flow": "change", "stock": "change"}


def dumbbell(df: pd.DataFrame, family: str, lang: str) -> go.Figure | None:
    """2020 (dot) → 2021 target (arrowhead) per target of one family; None below two rows (a lone dot is no chart).

    df: target_scorecard rows of this family that have a comparable 2020 figure (scorecard.chart_rows).
    """
    from jiangbei import scorecard  # scorecard formats the labels; charts stays free of table code

    if len(df) < 2:
        return None
    df = df.iloc[::-1]  # plotly draws the first category at the bottom
    if DUMBBELL_AXES[family] == "values":
        start, end = df["baseline_value"].astype(float), df["target_value"].astype(float)
    else:
        start, end = pd.Series(0.0, index=df.index), df["distance" if family == "flow" else "change_pct"]
    labels = []
    for _, r in df.iterrows():
        label = f"{scorecard.STATUS_SYMBOLS[r['status']]} {_label(r, lang)}"
        label += scorecard.period_mark(r["target_period"], lang)
        if r["direction"] == "down":
            label += f" ({t('direction_down', lang)})"
        labels.append(label)
    rising = (end >= start).tolist()

    def text(values, bounds, side):
        shown = []
        for v, b in zip(values, bounds):
            number = scorecard.signed(v, lang) + "%" if family != "rate" else f"{format_number(v, lang, 1)}%"
            shown.append(bounded(number, b) if side == "target" else number)
        return shown

    def hover(r, s, e):
        base = scorecard.figure_text(r["baseline_value"], r["unit"], r["unit_en"], r["baseline_decimals"],
                                     r["baseline_bound"], r["baseline_period"], lang)
        target = scorecard.figure_text(r["target_value"], r["unit"], r["unit_en"], r["target_decimals"],
                                       r["target_bound"], r["target_period"], lang)
        return (f"{r[f'indicator_{lang}']}<br>{scorecard.status_text(r['status'], lang)}<br>"
                f"2020: <b>{base}</b> → 2021: <b>{target}</b><br>"
                f"{scorecard.distance_meaning(r, lang)}: <b>{scorecard.distance_text(r, lang)}</b><br>"
                f"“{r['baseline_quote']}”<br>“{r['target_quote']}”")

    hovers = [hover(r, s, e) for (_, r), s, e in zip(df.iterrows(), start, end)]
    xs, ys = [], []
    for s, e, label in zip(start, end, labels):
        xs += [s, e, None]
        ys += [label, label, None]
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": PLAN_COLOUR, "width": 2},
                             hoverinfo="skip", showlegend=False))
    start_name = t(f"dumbbell_start_{DUMBBELL_AXES[family]}", lang)
    fig.add_trace(go.Scatter(
        x=start, y=labels, mode="markers+text", name=start_name,
        marker={"color": RESULT_COLOUR, "size": 11, "symbol": "circle"},
        text=text(start, [None] * len(df), "start") if DUMBBELL_AXES[family] == "values" else None,
        textposition=["middle left" if up else "middle right" for up in rising],
        hovertext=hovers, hoverinfo="text", cliponaxis=False,
    ))
    fig.add_trace(go.Scatter(
        x=end, y=labels, mode="markers+text", name=t("col_target_2021", lang),
        marker={"color": TARGET_COLOUR, "size": 13,
                "symbol": ["triangle-right" if up else "triangle-left" for up in rising]},
        text=text(end, df["distance_bound" if DUMBBELL_AXES[family] == "change" else "target_bound"], "target"),
        textposition=["middle right" if up else "middle left" for up in rising],
        hovertext=hovers, hoverinfo="text", cliponaxis=False,
    ))
    low, high = float(min(start.min(), end.min())), float(max(start.max(), end.max()))
    pad = (high - low) * 0.3 or 2.0
    fig.update_xaxes(range=[low - pad, high + pad], title_text=t(f"dumbbell_x_{family}", lang),
                     zeroline=DUMBBELL_AXES[family] == "change", zerolinewidth=2)
    fig.update_yaxes(title_text=None)
    fig.update_layout(legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"})
    fig = _layout(fig, _wrap(t(f"dumbbell_{family}", lang), 44), len(df), lang)
    fig.update_layout(margin={"t": 100}, height=150 + 34 * len(df),
                      title={"y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 12}})
    return fig
