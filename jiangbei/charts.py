"""plotly figures for the topic pages. Each takes a query result and the language, and returns a figure or None."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from jiangbei import theme
from jiangbei.i18n import bounded, format_change, format_value, t
from jiangbei.tables import period_label

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


def _label(row, lang: str) -> str:
    name = row[f"indicator_{lang}"]
    if row.get("period") in ("jan_nov", "year_end"):  # a Jan-Nov figure is not the year's
        name = t("card_period", lang, value=name, period=period_label(row["period"], row.get("stock_flow"), lang))
    return _wrap(name, 38) if lang == "en" else name


def _hover(row, lang: str, value_col: str = "value") -> str:
    value = format_value(row[value_col], row["unit"], row["unit_en"], lang)
    if "bound" in row:
        value = bounded(value, row["qualifier"], row["bound"], lang)
    return f"{row[f'indicator_{lang}']}<br><b>{value}</b><br>{row['source_quote']}"


def _room_for_labels(fig: go.Figure, values: pd.Series) -> None:
    """Widen the value axis so labels written outside the bars are not cut at the edge."""
    low, high = min(0.0, float(values.min())), max(0.0, float(values.max()))
    pad = (high - low) * 0.18 or 1.0
    fig.update_xaxes(range=[low - (pad if low < 0 else 0), high + pad])


def _layout(fig: go.Figure, title: str, bars: int, lang: str) -> go.Figure:
    fig.update_traces(width=0.7, selector={"type": "bar", "orientation": "h"})
    fig.update_traces(insidetextfont_color=theme.ON_SERIES, selector={"type": "bar"})  # >= 4.5:1 on every bar
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
        for name, value, decimals, colour, quote, qualifier, bound in (
            (result_name, r["result_value"], r["result_decimals"], RESULT_COLOUR, r["result_quote"],
             r["result_qualifier"], r["result_bound"]),
            (target_name, r["target_value"], r["target_decimals"], TARGET_COLOUR, r["target_quote"],
             r["target_qualifier"], r["target_bound"]),
        ):  # "over 150 firms", "at most 3.5%": a bar's label keeps the bound
            shown = bounded(format_value(value, r["unit"], r["unit_en"], lang, int(decimals)), qualifier, bound, lang)
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
        marker_color=RESULT_COLOUR,
        text=[bounded(format_value(r["value"], "亿元", "", lang), r["qualifier"], r["bound"], lang)
              for _, r in df.iterrows()],
        textposition="outside", cliponaxis=False,
        hovertext=[_hover(r, lang) for _, r in df.iterrows()], hoverinfo="text", name=t("col_value", lang),
    ))
    fig.update_xaxes(title_text=f"{t('chart_value', lang)} ({unit})")
    _room_for_labels(fig, df["value"] / scale)
    return _layout(fig, t("chart_levels", lang), len(df), lang)
