"""The explorer's view state: facets, value range, search, sort, columns, row count and the chosen row, all read
from and kept in the URL; the same view as SQL for the console; what the page says about the chosen row."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from jiangbei.app import db, url_state
from jiangbei.console import examples
from jiangbei.core import store
from jiangbei.core.schema import PAGE_TOPICS, TOPICS
from jiangbei.presentation.i18n import notes_text, t
from jiangbei.presentation.numbers import format_number, period_from_paragraph, period_stock_flow, row_figure
from jiangbei.presentation.tables import (
    EXPORT_ALWAYS,
    INDICATOR_TABLE,
    OPTIONAL_COLUMNS,
    NumberFormats,
    canvas_texts,
    grid_frame,
    header,
    indicator_frame,
    period_label,
    value_formats,
)

# Facet: (URL parameter, query parameter). page: the topic page a topic is shown on (page_groups).
FACETS = {"page": "pages", "topic": "topics", "year": "years", "kind": "kinds", "measure": "measures",
          "unit": "units", "section": "sections"}
COLUMNS = INDICATOR_TABLE + OPTIONAL_COLUMNS
SORTS = ["report", "value", "year", "indicator", "topic"]
ORDERS = ["asc", "desc"]
ROW_COUNTS = ["all", "25", "50", "100"]
RANGE = {"min": "min_value", "max": "max_value"}  # URL parameter -> query parameter of the value range
FACET_COUNTS_SHOWN = 8  # values named in a facet's count line; the rest are in its options


@dataclass
class View:
    filters: dict[str, list[str]] = field(default_factory=dict)
    q: str = ""
    sort: str = "report"
    order: str = "asc"
    columns: list[str] = field(default_factory=lambda: list(INDICATOR_TABLE))
    rows: str = "all"
    value_range: dict[str, float | None] = field(default_factory=lambda: {"min": None, "max": None})

    def query_params(self, lang: str) -> dict:
        params = {param: [] for param in FACETS.values()}
        params |= {FACETS[f]: ([int(v) for v in values] if f == "year" else values)
                   for f, values in self.filters.items()}
        params |= {RANGE[bound]: value for bound, value in self.value_range.items()}
        return {**params, "q": self.q, "lang": lang}

    def stem(self) -> list[str]:
        """What the export's file name says it holds: the chosen facet values, the range, then the search."""
        parts = [v for f in FACETS for v in self.filters.get(f, [])]
        parts += [f"{bound}{value:g}" for bound, value in self.value_range.items() if value is not None]
        if self.q:
            parts.append(self.q[:30])
        return parts or ["all"]

    def described(self) -> dict[str, str]:
        about = {f: ",".join(v) for f, v in self.filters.items() if v}
        about |= {bound: f"{value:g}" for bound, value in self.value_range.items() if value is not None}
        if self.q:
            about["q"] = self.q
        return about


def facet_label(facet: str, value: str, lang: str) -> str:
    if facet in ("topic", "kind", "measure"):
        return t(f"{facet}_{value}", lang)
    if facet == "page":
        return t(f"page_{value}", lang)
    return value


def _number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def allowed_params() -> dict:
    """Valid values of every explorer URL parameter (None: any text; a function: a test of each value)."""
    return _allowed(store.fingerprint(store.data_dir()))


@st.cache_resource(show_spinner=False, max_entries=4)
def _allowed(version: str) -> dict:
    allowed: dict = {f: [] for f in FACETS}
    for facet, value in db.query("facet_values").itertuples(index=False):
        allowed[facet].append(value)
    allowed["page"] = [p for p in PAGE_TOPICS if p in allowed["page"]]  # the navigation's order
    ids = list(all_rows("en")["id"])
    return {**allowed, "lang": None, "q": None, "sort": SORTS, "order": ORDERS, "cols": COLUMNS, "rows": ROW_COUNTS,
            "min": _number, "max": _number, "row": ids}


def all_rows(lang: str) -> pd.DataFrame:
    """Every indicator, unfiltered (for a ?row= outside the current filters)."""
    return db.query("explorer_rows", **View().query_params(lang))


def _count_line(counts: dict[str, int], facet: str, lang: str) -> str:
    """Datasette's facet counts, kept out of the option text (typing "2021" must find only 2021)."""
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    shown = [f"{facet_label(facet, v, lang)} {format_number(n, lang, 0)}" for v, n in top[:FACET_COUNTS_SHOWN]]
    more = len(top) - FACET_COUNTS_SHOWN
    return " · ".join(shown) + (" · " + t("facet_more", lang, n=more) if more > 0 else "")


def controls(lang: str, search_area, facet_area, options_area) -> View:
    """Draw the search, facets and table options; return the view they describe.

    The search goes in search_area, the facets and the value range in an expander in facet_area, the sort, row
    count and columns in options_area: on a phone, where columns stack, that reads search, folded filters, table.
    """
    view = View()
    allowed = allowed_params()
    view.q = url_state.text_input(search_area, t("explorer_search", lang), "q", "explorer_q",
                                  placeholder=t("explorer_search_hint", lang))
    sort, order, rows = options_area.columns(3)
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
    value_range = {}
    for bound in RANGE:
        key = f"explorer_{bound}"
        value_range[bound] = st.session_state[key] if key in st.session_state else url_state.number(bound)
    counts = db.query("facet_counts", **View(filters=current, q=view.q, value_range=value_range).query_params(lang))
    active = sum(bool(v) for v in current.values()) + sum(v is not None for v in value_range.values())
    title = t("explorer_facets", lang) + (f" ({t('facets_active', lang, n=active)})" if active else "")
    with facet_area.expander(title, expanded=bool(active), icon=":material/filter_list:"):
        for facet in FACETS:
            n = dict(counts[counts["facet"] == facet][["value", "n"]].itertuples(index=False))
            view.filters[facet] = url_state.multiselect(
                st, t(f"facet_{facet}", lang), allowed[facet], facet, f"explorer_{facet}",
                format_func=lambda v, facet=facet: facet_label(facet, v, lang),
                placeholder=t("facet_placeholder", lang))
            st.caption(_count_line(n, facet, lang) if n else t("explorer_none", lang))
        low, high = st.columns(2)
        view.value_range = {
            # the report's own figures (660 for 660 亿元): a shared ?min= keeps the same rows in either language
            "min": url_state.number_input(low, t("value_min", lang), "min", "explorer_min",
                                          help=t("value_range_help", lang)),
            "max": url_state.number_input(high, t("value_max", lang), "max", "explorer_max",
                                          help=t("value_range_help", lang)),
        }
        st.caption(t("value_range_help", lang))
    chosen = url_state.multiselect(options_area, t("explorer_columns", lang), COLUMNS, "cols", "explorer_cols",
                                   format_func=lambda c: header(c, lang), default=INDICATOR_TABLE)
    view.columns = [c for c in COLUMNS if c in chosen] or list(INDICATOR_TABLE)
    return view


def _order_by(view: View, lang: str) -> list[str]:
    """ORDER BY terms giving the explorer's order: a stable sort on the column, ties in the report's order."""
    direction = "DESC" if view.order == "desc" else "ASC"
    if view.sort == "report":
        return [f"csv_line {direction}"]
    column = f"indicator_{lang}" if view.sort == "indicator" else view.sort
    return [f"{column} {direction} NULLS LAST", "csv_line ASC"]


def rows(view: View, lang: str) -> pd.DataFrame:
    """The matching indicators, sorted and cut to the row count, as query results (not yet translated).

    The same order as view_sql's ORDER BY (pandas' stable sort keeps ties in the report's order). The same object
    on every rerun of the same view (db.derived), so the tables built from it are built once (shown_frame)."""
    return db.derived(_ordered, db.query("explorer_rows", **view.query_params(lang)), view.sort, view.order,
                      view.rows, lang)


def _ordered(df: pd.DataFrame, sort: str, order: str, row_count: str, lang: str) -> pd.DataFrame:
    if sort != "report":
        key = f"indicator_{lang}" if sort == "indicator" else sort
        df = df.sort_values(key, ascending=order == "asc", kind="stable", na_position="last")
    elif order == "desc":
        df = df.iloc[::-1]
    if row_count != "all":
        df = df.head(int(row_count))
    return df.reset_index(drop=True)


def shown_frame(rows: pd.DataFrame, view: View, lang: str) -> pd.DataFrame:
    """The table as shown (rows from rows()): built once per view and language, not at every rerun (the
    translated columns took ~15 ms of the server per rerun). A name carries its period unless a full year: a phone
    shows only the Indicator, Value and Unit columns, where a Jan–Nov flow would read as the year's. A Unit cell says
    the figure as shown to a screen reader (tables.spoken_units)."""
    return db.derived(grid_frame, rows, lang, view.columns)


def shown_formats(rows: pd.DataFrame, lang: str) -> NumberFormats:
    """Each shown value's decimals and bound mark (≥66.0, 7.0 in the grid), once per view and language like
    shown_frame."""
    return db.derived(value_formats, rows, lang)


def shown_units(rows: pd.DataFrame, lang: str) -> dict[str, list[str]]:
    """The units the grid's canvas draws (shown_frame's Unit cells say more to a screen reader)."""
    return db.derived(canvas_texts, rows, lang)


def view_sql(view: View, lang: str) -> str:
    """The view as one SELECT a visitor can run in the SQL console: explorer_rows.sql with the view's values, and
    without the conditions that filter nothing (an empty facet, an open bound, no search), so it reads plainly."""
    sql = examples.fill(store.read_sql("explorer_rows"), {**view.query_params(lang), "row_limit": store.ROW_LIMIT})
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--") and not _filters_nothing(line)]
    body = "\n".join(lines)
    body = re.sub(r"WHERE\n(\s+)AND ", r"WHERE\n\1", body).replace("WHERE\nORDER BY", "ORDER BY")
    limit = store.ROW_LIMIT if view.rows == "all" else int(view.rows)
    head, _ = body.rsplit("ORDER BY", 1)
    return f"-- {t('explorer_sql_comment', lang)}\n{head}ORDER BY {', '.join(_order_by(view, lang))}\nLIMIT {limit};"


def _filters_nothing(line: str) -> bool:
    return bool(re.search(r"len\(\[\]::|\(NULL::DOUBLE IS NULL|matches_search\('',", line))


def sql_link(view: View, lang: str) -> str:
    """A relative link (the app may run under a path prefix) that opens the view's SQL in the console."""
    from urllib.parse import urlencode

    return "sql?" + urlencode({"sql": view_sql(view, lang), "lang": lang})


def chosen_row(rows: pd.DataFrame, selected: list[int], url_row: str | None,
               lang: str) -> tuple[pd.Series | None, bool]:
    """(the row whose details are shown, whether it lies outside the filters): a click in the table, else ?row=
    (which may name a row the filters hide), else none."""
    if selected:
        return rows.iloc[selected[0]], False
    if url_row and not (rows["id"] == url_row).any():
        everything = all_rows(lang)
        return everything[everything["id"] == url_row].iloc[0], True
    return None, False


def exported_frame(rows: pd.DataFrame, view: View, lang: str) -> pd.DataFrame:
    """The table a download holds: the shown columns, plus each figure's price basis in words and its notes
    (caveats), shown or not. Its Indicator column holds the bare name, as the topic pages' exports do: a file
    always has its Period column beside it, and a name column stays one key to filter or join on."""
    return db.derived(indicator_frame, rows, lang, view.columns + [c for c in EXPORT_ALWAYS if c not in view.columns])


@dataclass
class RowDetail:
    """The chosen row as the page shows it, in markdown: what the figure is, its sentence in the report, links,
    and the figures paired with it or derived from it."""
    title: str
    summary: str  # the value with its bound, year, period, kind, price basis and id
    quote: str  # the sentence in its paragraph (on an English page the English one) ...
    original: str | None  # ... and there the official Chinese one, folded under it
    links: str
    related: list[tuple[str, list[str]]]  # (heading, one line per figure) for paired and derived figures


def _quoted(before: str, quote: str, after: str, reach: int) -> str:
    return f"> …{before[-reach:]}**{quote}**{after[:reach]}…"


def _input_notes(derived: dict, item) -> list[str]:
    notes = (derived.get(item.derived_id) or {}).get("input_notes")
    return notes.split(" | ") if isinstance(notes, str) else []


def row_detail(row: pd.Series, lang: str) -> RowDetail:
    # value, bound, period, unit and a growth rate's yoy and basis: numbers.row_figure, as cards and /source write it
    period = period_label(row["period"], period_stock_flow(row), lang, period_from_paragraph(row))
    summary = (f"**{row_figure(row.to_dict(), lang)}**"
               f" · {row['year']} · {period}"
               f" · {t('kind_' + row['kind'], lang)} · `{row['id']}`")
    note = notes_text([row.get("note")], lang)
    if note:  # the figure's caveats (preliminary customs data …) come with it, whether the Note column is shown or not
        summary += f"  \n{t('col_note', lang)}: {note}"
    original = _quoted(*db.quote_context(row["source_id"], row["source_quote"]), 80)
    if lang == "en":  # the English sentence in its paragraph, the official Chinese one click away
        quote = _quoted(*db.quote_context(row["source_id"], row["source_quote_en"], "path_en"), 160)
    else:
        quote, original = original, None
    links = (f"[{t('open_source_link', lang)}]({row['source_link']}) · "
             f"[{t('explorer_row_link', lang)}](explorer?row={row['id']}&lang={lang})")
    context = db.query("indicator_context", id=row["id"])
    every = {r["id"]: r for r in all_rows(lang).to_dict("records")}
    derived = {r["derived_id"]: r for r in db.query("topic_derived", topics=TOPICS).to_dict("records")}
    related = []
    for relation, title in (("pair", "explorer_paired"), ("derived", "explorer_derived")):
        lines = []
        for item in context[context["relation"] == relation].itertuples():
            # with the condition it holds under and its inputs' caveats
            formula = (f" — {getattr(item, f'formula_{lang}')} "
                       f"({notes_text([getattr(item, f'note_{lang}'), *_input_notes(derived, item)], lang)})"
                       if relation == "derived" else "")
            # written from the figure's own row (period, measure, basis and all): an indicator or a derived one
            other = (every.get(item.other_id) if relation == "pair" else derived.get(item.derived_id)) \
                or item._asdict()
            value = row_figure(other, lang)
            lines.append(f"- {getattr(item, f'indicator_{lang}')} ({item.year}): {value}{formula}")
        related.append((t(title, lang), lines))
    return RowDetail(row[f"indicator_{lang}"], summary, quote, original, links, related)
