"""Streamlit components shared by the pages: source lines, charts, cards, tables with export, notices, errors, "Cite
this". What they draw is made in jiangbei.presentation; the page's language comes from jiangbei.app.language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from jiangbei.app import db, downloads, url_state
from jiangbei.app.language import lang  # also the pages' ui.lang()
from jiangbei.app.url_state import current_url
from jiangbei.core import store
from jiangbei.presentation import cards, chart_text, charts
from jiangbei.presentation.charts import plotly_config
from jiangbei.presentation.i18n import ngettext, t
from jiangbei.presentation.memo import Memo, memoised
from jiangbei.presentation.tables import (
    TABLE_STYLE,
    NumberFormats,
    drawn_texts,
    header,
    html_table,
    original_columns,
    styled,
)
from jiangbei.reuse import export


def _source_lines(sources: pd.DataFrame, language: str) -> list[str]:
    return [t("source_line", language, publisher=s[f"publisher_{language}"], title=s[f"title_{language}"],
              date=s["date"].strftime("%Y-%m-%d")) for s in sources.to_dict("records")]


# Figures as drawn, by chart and address: a few per page and language, each ~100 kB, so a bound of their own.
SHOWN_FIGURES = Memo(max_entries=128)
# HTML tables, up to ~0.2 MB each (the targets table), by frame: every filter combination makes a new one.
TABLES = Memo(max_entries=64)


def source_caption() -> None:
    """Under every chart and table: the report's title, publisher and date, as Our World in Data does."""
    for line in db.derived(_source_lines, db.query("sources"), lang()):
        st.caption(line)


def _chart_source(sources: pd.DataFrame) -> dict | None:
    """The source a chart's image names (charts.with_source_line): the first, with its date as text."""
    first = sources.head(1).to_dict("records")
    return {**first[0], "date": first[0]["date"].strftime("%Y-%m-%d")} if first else None


def _chart_words(fig, language: str) -> tuple[str, str]:
    """A chart's text alternative: its sentence, and the HTML table of its data."""
    return chart_text.summary(fig, language), (
        TABLE_STYLE + '<div class="jb-chart-data">' + html_table(chart_text.table(fig, language), page_lang=language)
        + "</div>")


def chart(fig, key: str) -> None:
    """A chart, the sentence that says what it shows, its data one click away, and the source line."""
    language = lang()
    if fig is None:  # e.g. no money amounts among livelihood's results
        st.info(t("chart_empty", language), icon=":material/info:")
        return
    source = db.derived(_chart_source, db.query("sources"))
    url = current_url()
    # The figure as drawn and its words are made once per cached figure (and address: the saved image names it),
    # not on every rerun: copying a figure with its source line was ~35 ms (jiangbei.presentation.memo).
    shown = SHOWN_FIGURES.get(("chart_shown", language, url),
                              lambda: charts.with_source_line(fig, language, source, url), same=(fig, source))
    summary, data_table = memoised(("chart_words", language), lambda: _chart_words(fig, language), same=(fig,))
    # The saved image is named after the chart and carries the source line (charts.with_source_line).
    config = {**plotly_config(language), "toImageButtonOptions": {"filename": f"jiangbei-{key}-{language}",
                                                                  "scale": 2}}
    # In one box with its summary: the page's script (app.language.CHART_TEXT) names the plot by the summary and
    # hides plotly's SVG (every tick label as text) from assistive tech, which reads the sentence and the table.
    with st.container(key=f"chartbox_{key}"):
        st.plotly_chart(shown, config=config, key=key, width="stretch")
        st.caption(summary)
    with st.expander(t("chart_data", language)):
        st.html(data_table)
    source_caption()


def metric_cards(series_cards: pd.DataFrame) -> None:
    """The headline cards of a series_cards query result (jiangbei.presentation.cards)."""
    st.html(db.derived(cards.cards_html, series_cards, lang()))


def export_buttons(df: pd.DataFrame, stem_parts: list[str], about: dict[str, str], key: str,
                   codes: pd.DataFrame | None = None,
                   frame_at_click: Callable[[], pd.DataFrame] | None = None,
                   formats: NumberFormats | None = None) -> None:
    """One button per format, and "About this file"; files are built only when clicked, without a rerun.

    codes: the query rows behind df, whose code columns (export.CODE_COLUMNS) go first in every file, so files
    exported in different languages join on id. Every file says what it is (licence, citation, the view's URL,
    export time): Excel in its about sheet, Parquet in its metadata, and the "About this file" text for all.
    frame_at_click marks a visitor's SQL result: the file is made from the frame it returns at the click (so no
    session holds the result), spreadsheet formulas are neutralised, and a format over its cell budget is refused;
    df then only gives the result's size, and may be an Arrow table.
    formats: the shown number columns' decimals per row (as in table()): every file writes each number with them,
    as do the code columns with the report's (export.FileDecimals says how each format keeps them).
    """
    language = lang()
    untrusted = frame_at_click is not None
    data = df if codes is None else export.with_code_columns(df, codes)
    decimals = None if untrusted else export.file_decimals(formats, codes)
    sources = db.query("sources").to_dict("records")
    # about: the view's filters (code=value), or {"sql": ...} for the SQL console's result.
    filters = {k: v for k, v in about.items() if k not in ("source", "language", "sql")}
    extra = {"about_file_sql": about["sql"]} if about.get("sql") else {}
    if frame_at_click is not None:  # a visitor's text may hold what a spreadsheet cannot: say how it is shown
        extra["about_file_cleaned"] = t("about_file_cleaned_text", language)
    view_url = current_url()
    shown_at = datetime.now(UTC)  # one export time per run: clicking again gives the same file, stored once
    downloads.install()

    def fields() -> dict[str, str]:
        return export.about_fields(language, sources, filters, view_url, len(data), extra, exported=shown_at,
                                   columns=[] if untrusted else list(data.columns))

    row = st.container(horizontal=True, vertical_alignment="center")  # buttons as wide as their labels, wrapping
    row.markdown(f"**{t('download', language)}**", width="content")
    too_big = []
    for label in export.FORMATS:
        if untrusted and not export.fits(df, label):
            message = t("export_too_big", language, format=label, n=f"{export.cells(df):,}",
                        cells=f"{export.CELL_BUDGET[label]:,}")
            row.button(label, disabled=True, key=f"{key}_{label}", help=message, icon=":material/block:")
            too_big.append(message)
            continue
        if untrusted:
            unavailable = t("export_unavailable", language)
            build = downloads.Build(
                lambda label=label: export.untrusted_file(frame_at_click, label, fields(), unavailable, shown_at),
                untrusted=True)
        else:
            build = downloads.Build(lambda label=label: export.serialise(data, label, fields(), exported=shown_at,
                                                                         decimals=decimals))
        row.download_button(
            label, data=build,
            file_name=export.file_name(stem_parts, language, label), mime=export.FORMATS[label][1],
            on_click="ignore", key=f"{key}_{label}", help=t("download_help", language), icon=":material/download:",
        )
    data_name = export.file_name(stem_parts, language, "CSV")
    row.download_button(
        t("about_file_button", language),
        data=downloads.Build(lambda: export.about_text(fields(), data_name, language)),
        file_name=export.about_name(data_name), mime="text/plain", on_click="ignore", key=f"{key}_about",
        help=t("about_file_help", language), icon=":material/info:")
    for message in too_big:
        st.caption(message)


# The explorer grid's rows are tall enough for four lines of the Indicator column, the longest name with its period
# ("Balance of deposits …, growth (end of November per paragraph)" on a phone's 390 px): Streamlit wraps a cell's
# text only in rows taller than 4rem; a name cut at one line hid its period and its "growth". The grid shows
# GRID_ROWS_SHOWN of them at a time (the default height showed four and a half).
GRID_ROW_HEIGHT = 80
GRID_ROWS_SHOWN = 6


def table(df: pd.DataFrame, key: str, stem_parts: list[str], filters: dict[str, str], selectable: bool = False,
          formats: NumberFormats | None = None, codes: pd.DataFrame | None = None,
          selected_row: int | None = None, compact: bool = False,
          phone_folded: list[str] | None = None, exported: pd.DataFrame | None = None,
          texts: dict[str, list[str]] | None = None) -> list[int]:
    """A table as shown, its row count, export buttons of exactly it, and the source line.

    Selectable tables (the explorer) are an st.dataframe, where a click selects a row; the others are plain HTML,
    which the browser draws without loading the grid component. Returns the selected row positions.
    compact and phone_folded: the HTML table's phone layout (tables.html_table).
    exported: what the downloads hold where it is more than the table shows (the same rows, more columns).
    formats: per number column, each row's decimals and bound mark (tables.value_formats, targets_formats).
    texts: per text column of a grid, each row's text drawn where its data says more to a screen reader
    (tables.canvas_texts).
    """
    language = lang()
    link_header = header("link", language)
    if df.empty:
        st.info(t("no_rows", language))
    rows: list[int] = []
    if selectable:
        # Name, value and unit narrow enough to fit side by side on a phone's 390 px, so a phone shows values
        # too (the full name is in the row's details and the cell's tooltip).
        config = {
            header("indicator", language): st.column_config.TextColumn(width="medium"),
            header("unit", language): st.column_config.TextColumn(width="small"),
            # each value with its decimals and bound mark via the Styler below (≥66.0, 7.0); a format would override
            header("value", language): st.column_config.Column(width="small"),
            header("year", language): st.column_config.NumberColumn(format="%d"),
            header("source_quote", language): st.column_config.TextColumn(width="large"),
        }
        if link_header in df.columns:
            config[link_header] = st.column_config.LinkColumn(display_text=t("open_in_report", language))
        default = {"selection": {"rows": [selected_row]}} if selected_row is not None else None
        # the Styler's texts, written once per table shown (df, formats and texts: memoised per view)
        drawn = memoised(("grid_texts", language), lambda: drawn_texts(df, formats or {}, language, texts),
                         same=(df, formats, texts)) if formats or texts else None
        shown = styled(df, drawn) if drawn else df
        height = GRID_ROW_HEIGHT * min(max(len(df), 1), GRID_ROWS_SHOWN) + 40  # + the header row and borders
        event = st.dataframe(shown, hide_index=True, column_config=config, key=f"{key}_table", width="stretch",
                             row_height=GRID_ROW_HEIGHT, height=height, on_select="rerun", selection_mode="single-row",
                             selection_default=default, alt=ngettext("grid_alt", len(df), language, n=len(df)))
        rows = list(event.selection.rows)
    if not selectable and not df.empty:
        # The downloads come before the table's links, so the keyboard reaches them in a few presses.
        export_buttons(df.drop(columns=[link_header], errors="ignore"), stem_parts, filters, key, codes=codes,
                       formats=formats)
        def html() -> str:
            indicator_header = header("indicator", language)
            link_names = ([t("source_link_of", language, indicator=name) for name in df[indicator_header]]
                          if indicator_header in df.columns else None)
            return TABLE_STYLE + html_table(df, link_header, t("open_in_report", language), formats,
                                            original_columns(df, language),
                                            t("quote_original", language), link_names=link_names,
                                            page_lang=language, compact=compact, phone_folded=phone_folded)

        # Built once per table shown (df and formats: memoised frames of cached query results).
        st.html(TABLES.get(("table", language, compact, tuple(phone_folded or ())), html, same=(df, formats)))
    st.caption(ngettext("rows_shown", len(df), language, n=len(df)))
    if len(df) >= store.ROW_LIMIT:  # a canned query stops at ROW_LIMIT rows
        st.warning(ngettext("rows_capped", store.ROW_LIMIT, language, n=store.ROW_LIMIT), icon=":material/info:")
    if selectable or df.empty:
        export_buttons((df if exported is None else exported).drop(columns=[link_header], errors="ignore"),
                       stem_parts, filters, key, codes=codes, formats=formats)
    source_caption()
    return rows


def html_table_only(df: pd.DataFrame) -> None:
    """A small table as plain HTML in the page's language, without exports (the About page's source, the source
    page's coverage): the grid component drew its canvas ~0.3 s after the script; this is drawn with the page."""
    language = lang()
    st.html(memoised(("html_table_only", language), lambda: TABLE_STYLE + html_table(df, page_lang=language),
                     same=(df,)))


def notice_bad_params(allowed: dict[str, list[str] | None]) -> None:
    """A short notice naming URL parameters that are unknown or hold values outside their options.

    The parameters are shown as inert code, never as Markdown: a link in a URL must not become a link in the app.
    """
    bad = st.session_state.get("ignored_params", []) + url_state.invalid(allowed)
    if bad:
        with st.container(key="bad_params"):
            st.info(t("params_ignored", lang()), icon=":material/info:")
            st.code("\n".join(p[:200] for p in bad[:8]), language=None, wrap_lines=True)


def data_error_page(problems, language: str) -> None:
    """What a visitor sees when data/ is invalid: the problems, never a traceback."""
    st.title(t("app_title", language))
    st.error(t("data_error_title", language), icon=":material/error:")
    st.markdown(t("data_error_body", language))
    st.code("\n".join(str(p) for p in problems[:200]), language=None)


def cite_block(expanded: bool = False) -> None:
    """"Cite this": the citation as plain text and BibTeX (with this page's address), and the licence."""
    from jiangbei.reuse import citation

    language = lang()
    sources = db.query("sources").to_dict("records")
    with st.expander(t("cite_title", language), expanded=expanded, icon=":material/format_quote:"):
        st.markdown(f"**{t('cite_plain_label', language)}**")
        st.code(citation.citation(sources, language), language=None, wrap_lines=True)
        st.markdown(f"**{t('cite_bibtex_label', language)}**")
        st.code(citation.bibtex(sources, language, (st.context.url or "").split("?")[0]), language="bibtex",
                wrap_lines=True)  # wrapped: a box that scrolls sideways would need to be focusable
        st.caption(t("licence_text", language, licence=citation.LICENCE_SHORT, url=citation.LICENCE["path"]))


def reuse_section() -> None:
    """The About page's licence, "Cite this" and the machine-readable description of the data."""
    from jiangbei.reuse import citation, datapackage

    language = lang()
    st.subheader(t("about_licence_title", language))
    st.markdown(t("licence_text", language, licence=citation.LICENCE_SHORT, url=citation.LICENCE["path"]))
    cite_block(expanded=True)
    st.markdown(t("about_datapackage", language))
    st.download_button(t("about_datapackage_button", language),
                       data=(store.data_dir() / datapackage.FILE_NAME).read_bytes(), file_name=datapackage.FILE_NAME,
                       mime="application/json", on_click="ignore", icon=":material/download:", key="datapackage")
