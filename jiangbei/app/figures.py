"""Chart figures built once per page, language and data version, then reused by every session.

Building a plotly figure costs tens of milliseconds (make_subplots most); the data never changes while the app
runs, so each figure is made once. st.cache_resource hands back the same object without copying it, which is
safe because nothing mutates a figure after it is built.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from jiangbei.app import db
from jiangbei.core import store
from jiangbei.presentation import charts, scorecard

BUILDERS = {
    "growth": ("growth_rates", charts.growth_bars),
    "shares": ("rates_and_completion", charts.shares_bars),
    "completion": ("rates_and_completion", charts.completion_bars),
    "vs": ("topic_results_vs_targets", charts.result_vs_target),
    "levels_flow": ("levels_in_yuan", partial(charts.levels_bars, stock_flow="flow")),
    "levels_stock": ("levels_in_yuan", partial(charts.levels_bars, stock_flow="stock")),
    "main_targets": ("main_targets", charts.growth_pairs),
    "plan": ("plan_completion", charts.completion_bars),
}


@st.cache_resource(show_spinner=False, max_entries=256)
def _build(chart: str, topics: tuple[str, ...] | None, lang: str, version: str):
    query, builder = BUILDERS[chart]
    frame = db.query(query, topics=list(topics)) if topics is not None else db.query(query)
    return builder(frame, lang)


def figure(chart: str, lang: str, topics: list[str] | None = None) -> go.Figure | None:
    """The figure of one chart kind for some topics (None: a query without parameters), in lang."""
    return _build(chart, tuple(topics) if topics is not None else None, lang, store.fingerprint(store.data_dir()))


def source_rows(charts: list[str], topics: list[str]) -> pd.DataFrame:
    """The rows the charts are drawn from, each once (the same query feeds the shares and completion charts)."""
    queries = dict.fromkeys(BUILDERS[chart][0] for chart in charts)
    frames = [db.query(name, topics=topics) for name in queries]
    return pd.concat(frames, ignore_index=True).drop_duplicates("id")


@st.cache_resource(show_spinner=False, max_entries=256)
def _scorecard(family: str, lang: str, topics: tuple[str, ...], statuses: tuple[str, ...], version: str):
    rows = db.query("target_scorecard_rows", topics=list(topics), statuses=list(statuses), sort="report")
    return charts.dumbbell(scorecard.chart_rows(rows, family), family, lang)


def scorecard_figure(family: str, lang: str, topics: list[str], statuses: list[str]) -> go.Figure | None:
    """The dumbbell of one family of 2021 targets (presentation.scorecard.FAMILIES) under the page's filters."""
    return _scorecard(family, lang, tuple(topics), tuple(statuses), store.fingerprint(store.data_dir()))
