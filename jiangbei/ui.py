"""Streamlit pieces shared by the pages: language, source lines, cards, tables with export, notices, errors."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import streamlit as st

from jiangbei import cards, chart_text, charts, db, export, theme, url_state
from jiangbei.charts import CONFIG
from jiangbei.i18n import LANGS, pick_language, t
from jiangbei.tables import header, html_table, original_columns


def lang() -> str:
    """The language dashboard.py chose for this run."""
    if "lang" not in st.session_state:
        _run_through_dashboard()
    value = st.session_state.get("lang")
    return value if value in LANGS else "zh"


def _run_through_dashboard() -> None:
    """A page ran without dashboard.py: Streamlit's legacy pages/ mode, which a fresh server uses for its
    very first session until st.navigation has been called once. Switch the process to st.navigation and
    rerun, so dashboard.py sets the language and builds the navigation."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def source_caption() -> None:
    """Under every chart and table: the report's title, publisher and date, as Our World in Data does."""
    language = lang()
    for s in db.query("sources").to_dict("records"):
        st.caption(t("source_line", language, publisher=s[f"publisher_{language}"], title=s[f"title_{language}"],
                     date=s["date"].strftime("%Y-%m-%d")))


# plotly's tool bar tooltips, in English in plotly; their translations are a11y.po's plotly_* keys.
PLOTLY_WORDS = ("Download plot as a PNG", "Zoom", "Pan", "Zoom in", "Zoom out", "Autoscale", "Reset axes",
                "Box Select", "Lasso Select", "Double-click to zoom back out")


def plotly_config(language: str) -> dict:
    """The charts' plotly config; in Chinese with a locale of plotly's own words (plotly's `locales` option)."""
    if language == "en":
        return CONFIG
    words = {w: t("plotly_" + re.sub(r"[^a-z]+", "_", w.lower()).strip("_"), language) for w in PLOTLY_WORDS}
    return {**CONFIG, "locale": "zh-CN", "locales": {"zh-CN": {"dictionary": words}}}


def chart(fig, key: str) -> None:
    """A chart, the sentence that says what it shows, its data one click away, and the source line."""
    language = lang()
    if fig is None:  # e.g. no money amounts among livelihood's results
        st.info(t("chart_empty", language), icon=":material/info:")
        return
    sources = db.query("sources").to_dict("records")
    source = ({**sources[0], "date": sources[0]["date"].strftime("%Y-%m-%d")} if sources else None)
    # The saved image is named after the chart and carries the source line (charts.with_source_line).
    config = {**plotly_config(language), "toImageButtonOptions": {"filename": f"jiangbei-{key}-{language}",
                                                                  "scale": 2}}
    st.plotly_chart(charts.with_source_line(fig, language, source, current_url()), config=config, key=key,
                    width="stretch")
    st.caption(chart_text.summary(fig, language))
    with st.expander(t("chart_data", language)):
        st.html(TABLE_STYLE + '<div class="jb-chart-data">' + html_table(chart_text.table(fig, language),
                                                                          page_lang=language) + "</div>")
    source_caption()


def metric_cards(series_cards: pd.DataFrame) -> None:
    """The headline cards of a series_cards query result (jiangbei.cards)."""
    st.html(cards.cards_html(series_cards, lang()))


def export_buttons(df: pd.DataFrame, stem_parts: list[str], about: dict[str, str], key: str,
                   codes: pd.DataFrame | None = None,
                   frame_at_click: Callable[[], pd.DataFrame] | None = None) -> None:
    """One button per format, and "About this file"; files are built only when clicked, without a rerun.

    codes: the query rows behind df, whose code columns (export.CODE_COLUMNS) go first in every file, so files
    exported in different languages join on id. Every file says what it is (licence, citation, the view's URL,
    export time): Excel in its about sheet, Parquet in its metadata, and the "About this file" text for all.
    frame_at_click marks a visitor's SQL result: the file is made from the frame it returns at the click (so no
    session holds the result), spreadsheet formulas are neutralised, and a format over its cell budget is refused;
    df then only gives the result's size, and may be an Arrow table.
    """
    language = lang()
    untrusted = frame_at_click is not None
    data = df if codes is None else export.with_code_columns(df, codes)
    sources = db.query("sources").to_dict("records")
    # about: the view's filters (code=value), or {"sql": ...} for the SQL console's result.
    filters = {k: v for k, v in about.items() if k not in ("source", "language", "sql")}
    extra = {"about_file_sql": about["sql"]} if about.get("sql") else {}
    view_url = current_url()

    def fields() -> dict[str, str]:
        return export.about_fields(language, sources, filters, view_url, len(data), extra)

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
            build = lambda label=label: export.untrusted_file(frame_at_click, label, fields(), unavailable)
        else:
            build = lambda label=label: export.serialise(data, label, fields())
        row.download_button(
            label, data=build,
            file_name=export.file_name(stem_parts, language, label), mime=export.FORMATS[label][1],
            on_click="ignore", key=f"{key}_{label}", help=t("download_help", language), icon=":material/download:",
        )
    data_name = export.file_name(stem_parts, language, "CSV")
    row.download_button(
        t("about_file_button", language), data=lambda: export.about_text(fields(), data_name, language),
        file_name=export.about_name(data_name), mime="text/plain", on_click="ignore", key=f"{key}_about",
        help=t("about_file_help", language), icon=":material/info:")
    for message in too_big:
        st.caption(message)


def current_url() -> str:
    """The page's address with its query parameters, as the visitor's browser shows it (for the files' about)."""
    from urllib.parse import urlencode

    base = st.context.url or ""
    params = urlencode([(k, v) for k in st.query_params.keys() for v in st.query_params.get_all(k)])
    return f"{base}?{params}" if params else base


# Header colours are jiangbei.theme's (light and dark). On a phone each row becomes a block of "header: value"
# lines in the page's own scroll, instead of a narrow box that scrolls inside the page.
TABLE_STYLE = """<style>
.jb-table {max-height: 560px; overflow: auto; border: 1px solid var(--jb-grid, #8A9099); border-radius: 6px;}
.jb-table table {border-collapse: collapse; width: 100%; font-size: 0.85rem;}
.jb-table th {position: sticky; top: 0; background: var(--jb-header-bg, #F2F5F9); color: var(--jb-text, #1B1F24);
  text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--jb-grid, #8A9099);}
.jb-table td {padding: 5px 8px; border-bottom: 1px solid rgba(128,128,128,0.3); vertical-align: top;}
.jb-table td.num {text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums;}
.jb-table details.original summary {cursor: pointer; text-decoration: underline; font-size: 0.8rem;}
.jb-table details.narrow {display: none;}
.jb-table details.narrow summary {cursor: pointer; font-weight: 600;}
@media (max-width: 640px) {
  .jb-table td.folded .wide {display: none;}
  .jb-table td.folded details.narrow {display: block;}
  .jb-table td.folded::before {content: none;}
  .jb-table.jb-compact tr {padding: 0.3rem 0;}
  .jb-table.jb-compact td {display: inline-block; margin-right: 0.9rem; font-size: 0.8rem;}
  .jb-table.jb-compact td.long {display: block; margin-right: 0;}
  .jb-table {max-height: none; overflow: visible; border: none;}
  .jb-table thead {position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);}
  .jb-table tr {display: block; border-bottom: 1px solid var(--jb-grid, #8A9099); padding: 0.4rem 0;}
  .jb-table td {display: block; border: none; padding: 1px 0;}
  .jb-table td.num {text-align: left; white-space: normal;}
  .jb-table td::before {content: attr(data-label) ": "; font-weight: 600;}
  .jb-table td:empty {display: none;}
}
</style>"""


def table(df: pd.DataFrame, key: str, stem_parts: list[str], filters: dict[str, str], selectable: bool = False,
          value_decimals: pd.Series | None = None, codes: pd.DataFrame | None = None,
          selected_row: int | None = None, compact: bool = False,
          phone_folded: list[str] | None = None) -> list[int]:
    """A table as shown, its row count, export buttons of exactly it, and the source line.

    Selectable tables (the explorer) are an st.dataframe, where a click selects a row; the others are plain HTML,
    which the browser draws without loading the grid component. Returns the selected row positions.
    compact and phone_folded: the HTML table's phone layout (tables.html_table).
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
            header("value", language): st.column_config.NumberColumn(format="%g", width="small"),
            header("year", language): st.column_config.NumberColumn(format="%d"),
            header("source_quote", language): st.column_config.TextColumn(width="large"),
        }
        if link_header in df.columns:
            config[link_header] = st.column_config.LinkColumn(display_text=t("open_in_report", language))
        default = {"selection": {"rows": [selected_row]}} if selected_row is not None else None
        event = st.dataframe(df, hide_index=True, column_config=config, key=f"{key}_table", width="stretch",
                             on_select="rerun", selection_mode="single-row", selection_default=default)
        rows = list(event.selection.rows)
    if not selectable and not df.empty:
        # The downloads come before the table's links, so the keyboard reaches them in a few presses.
        export_buttons(df.drop(columns=[link_header], errors="ignore"), stem_parts, filters, key, codes=codes)
        indicator_header = header("indicator", language)
        link_names = ([t("source_link_of", language, indicator=name) for name in df[indicator_header]]
                      if indicator_header in df.columns else None)
        st.html(TABLE_STYLE + html_table(df, link_header, t("open_in_report", language), header("value", language),
                                         value_decimals, original_columns(df, language),
                                         t("quote_original", language), link_names=link_names, page_lang=language,
                                         compact=compact, phone_folded=phone_folded))
    st.caption(t("rows_shown", language, n=len(df)))
    if len(df) >= db.ROW_LIMIT:  # a canned query stops at ROW_LIMIT rows
        st.warning(t("rows_capped", language, n=db.ROW_LIMIT), icon=":material/info:")
    if selectable or df.empty:
        export_buttons(df.drop(columns=[link_header], errors="ignore"), stem_parts, filters, key, codes=codes)
    source_caption()
    return rows


def _switch_language() -> None:
    chosen = st.session_state.get("lang_switch")
    if chosen in LANGS:
        st.session_state["lang"] = chosen
        st.query_params["lang"] = chosen


def choose_language() -> str:
    """Pick this run's language, keep it in the URL and the session, and draw the switch at the top of the page
    (not in the sidebar, which a phone keeps closed)."""
    asked = st.query_params.get("lang")
    language = pick_language(asked, st.session_state.get("lang"), st.context.locale)
    # Remember a bad ?lang= so the page's notice can name it after the URL is corrected below.
    st.session_state["ignored_params"] = [f"lang={asked}"] if asked is not None and asked not in LANGS else []
    st.session_state["lang"] = language
    st.query_params["lang"] = language  # kept in the URL so a shared link opens in the same language
    st.session_state["lang_switch"] = language
    with st.container(horizontal=True, horizontal_alignment="right", key="language_bar"):
        st.segmented_control(t("language", language), LANGS, key="lang_switch", on_change=_switch_language,
                             format_func=lambda code: {"zh": "中文", "en": "English"}[code],
                             label_visibility="collapsed")
    return language


def document_setup(language: str) -> None:
    """What every page's document needs: <html lang> in the page's language (Streamlit writes "en" whatever the
    page says), and the theme's colours, focus ring and phone layout (jiangbei.theme)."""
    script = f"<script>document.documentElement.lang = {language!r};</script>"
    st.html(theme.css() + script, unsafe_allow_javascript=True)


def notice_bad_params(allowed: dict[str, list[str] | None]) -> None:
    """A short notice naming URL parameters that are unknown or hold values outside their options.

    The parameters are shown as inert code, never as Markdown: a link in a URL must not become a link in the app.
    """
    bad = st.session_state.get("ignored_params", []) + url_state.invalid(allowed)
    if bad:
        with st.container(key="bad_params"):
            st.info(t("params_ignored", lang()), icon=":material/info:")
            st.code("\n".join(p[:200] for p in bad[:8]), language=None, wrap_lines=True)


def demote_headings(markdown: str, top_level: int) -> str:
    """Markdown whose highest heading becomes level top_level, the others kept below it (fenced code untouched),
    so a document shown inside a page continues the page's heading order without a jump."""
    lines, fenced = markdown.splitlines(), False
    levels = [len(m.group(1)) for line in lines if (m := re.match(r"(#{1,6}) ", line))]
    shift = top_level - min(levels, default=top_level)
    out = []
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
        heading = None if fenced else re.match(r"(#{1,6}) ", line)
        out.append("#" * min(6, len(heading.group(1)) + shift) + line[len(heading.group(1)):] if heading else line)
    return "\n".join(out)


def data_error_page(problems, language: str) -> None:
    """What a visitor sees when data/ is invalid: the problems, never a traceback."""
    st.title(t("app_title", language))
    st.error(t("data_error_title", language), icon=":material/error:")
    st.markdown(t("data_error_body", language))
    st.code("\n".join(str(p) for p in problems[:200]), language=None)


def cite_block(expanded: bool = False) -> None:
    """"Cite this": the citation as plain text and BibTeX (with this page's address), and the licence."""
    from jiangbei import citation

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
    from jiangbei import citation, datapackage

    language = lang()
    st.subheader(t("about_licence_title", language))
    st.markdown(t("licence_text", language, licence=citation.LICENCE_SHORT, url=citation.LICENCE["path"]))
    cite_block(expanded=True)
    st.markdown(t("about_datapackage", language))
    st.download_button(t("about_datapackage_button", language),
                       data=(db.data_dir() / datapackage.FILE_NAME).read_bytes(), file_name=datapackage.FILE_NAME,
                       mime="application/json", on_click="ignore", icon=":material/download:", key="datapackage")
