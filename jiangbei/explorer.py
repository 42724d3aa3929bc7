"""The explorer's view state: facets, search, sort, columns and row count, all read from and kept in the URL."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from jiangbei import db, url_state
from jiangbei.i18n import t
from jiangbei.tables import INDICATOR_TABLE, OPTIONAL_COLUMNS, header

# Facet: (URL parameter, query parameter).
FACETS = {"topic": "topics", "year": "years", "kind": "kinds", "measure": "measures", "unit": "units",
          "section": "sections"}
COLUMNS = INDICATOR_TABLE + OPTIONAL_COLUMNS
SORTS = ["report", "value", "year", "indicator", "topic"]
ORDERS = ["asc", "desc"]
ROW_COUNTS = ["all", "25", "50", "100"]
PARAMS = ["lang", "q", "sort", "order", "cols", "rows", *FACETS]


@dataclass
class View:
    filters: dict[str, list[str]] = field(default_factory=dict)
    q: str = ""
    sort: str = "report"
    order: str = "asc"
    columns: list[str] = field(default_factory=lambda: list(INDICATOR_TABLE))
    rows: str = "all"

    def query_params(self, lang: str) -> dict:
        params = {FACETS[f]: ([int(v) for v in values] if f == "year" else values)
                  for f, values in self.filters.items()}
        return {**params, "q": self.q, "lang": lang}

    def stem(self) -> list[str]:
        """What the export's file name says it holds: the chosen facet values, then the search."""
        parts = [v for f in FACETS for v in self.filters.get(f, [])]
        if self.q:
            parts.append(self.q[:30])
        return parts or ["all"]

    def described(self) -> dict[str, str]:
        about = {f: ",".join(v) for f, v in self.filters.items() if v}
        if self.q:
            about["q"] = self.q
        return about


def facet_label(facet: str, value: str, lang: str) -> str:
    if facet in ("topic", "kind", "measure"):
        return t(f"{facet}_{value}", lang)
    return value


def allowed_params() -> dict[str, list[str] | None]:
    """Valid values of every explorer URL parameter (None: any text)."""
    return _allowed(db.fingerprint(db.data_dir()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _allowed(version: tuple) -> dict[str, list[str] | None]:
    allowed: dict[str, list[str] | None] = {f: [] for f in FACETS}
    for facet, value in db.query("facet_values").itertuples(index=False):
        allowed[facet].append(value)
    return {**allowed, "lang": None, "q": None, "sort": SORTS, "order": ORDERS, "cols": COLUMNS, "rows": ROW_COUNTS}


def controls(lang: str, facet_area, top_area) -> View:
    """Draw the search, facets and table options; return the view they describe."""
    view = View()
    allowed = allowed_params()
    search, sort, order, rows = top_area.columns([3, 1, 1, 1])
    view.q = url_state.text_input(search, t("explorer_search", lang), "q", "explorer_q",
                                  placeholder=t("explorer_search_hint", lang))
    view.sort = url_state.selectbox(sort, t("explorer_sort", lang), SORTS, "sort", "explorer_sort", "report",
                                    format_func=lambda s: t(f"sort_{s}", lang))
    view.order = url_state.selectbox(order, t("explorer_order", lang), ORDERS, "order", "explorer_order", "asc",
                                     format_func=lambda s: t(f"order_{s}", lang))
    view.rows = url_state.selectbox(rows, t("explorer_rows", lang), ROW_COUNTS, "rows", "explorer_rows", "all",
                                    format_func=lambda s: t("rows_all", lang) if s == "all" else s)
    # Facet counts depend on the filters, so count against the filters before drawing the facets:
    # the widgets' values on a rerun, the URL's on the first render.
    current = {}
    for facet in FACETS:
        key = f"explorer_{facet}"
        source = st.session_state[key] if key in st.session_state else url_state.values(facet)
        current[facet] = [v for v in source if v in allowed[facet]]
    counts = db.query("facet_counts", **View(filters=current, q=view.q).query_params(lang))
    with facet_area:
        st.markdown(f"**{t('explorer_facets', lang)}**")
        for facet in FACETS:
            n = dict(counts[counts["facet"] == facet][["value", "n"]].itertuples(index=False))
            options = allowed[facet]
            view.filters[facet] = url_state.multiselect(
                st, t(f"facet_{facet}", lang), options, facet, f"explorer_{facet}",
                format_func=lambda v, facet=facet, n=n: f"{facet_label(facet, v, lang)} ({n.get(v, 0)})")
    chosen = url_state.multiselect(top_area, t("explorer_columns", lang), COLUMNS, "cols", "explorer_cols",
                                   format_func=lambda c: header(c, lang), default=INDICATOR_TABLE)
    view.columns = [c for c in COLUMNS if c in chosen] or list(INDICATOR_TABLE)
    return view


def rows(view: View, lang: str) -> pd.DataFrame:
    """The matching indicators, sorted and cut to the row count, as query results (not yet translated)."""
    df = db.query("explorer_rows", **view.query_params(lang))
    if view.sort != "report":
        key = f"indicator_{lang}" if view.sort == "indicator" else view.sort
        df = df.sort_values(key, ascending=view.order == "asc", kind="stable")
    elif view.order == "desc":
        df = df.iloc[::-1]
    if view.rows != "all":
        df = df.head(int(view.rows))
    return df.reset_index(drop=True)
