"""The source page's report view: which text is shown (?text=zh|en|both), the marked-up report, its style.

Marked numbers are <details> disclosures: the number is the <summary>, so it is focusable and opens on click,
Enter or Space without any script, and its panel links to the sentence and to the explorer. Colours are set as
pairs (background and text together), so they read the same on Streamlit's light and dark themes, which define no
CSS variables a page could use; the marks are underlined, so colour is never the only signal.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from jiangbei.core import source_text
from jiangbei.presentation import tables
from jiangbei.presentation.i18n import t
from jiangbei.presentation.memo import Memo, memoised
from jiangbei.presentation.numbers import row_figure

TEXT_MODES = ("zh", "en", "both")


def coverage(text: str, rows: pd.DataFrame, source_id: str, lang: str) -> pd.DataFrame:
    """Per section of the report: numbers in the text, in the data, and those not in the data. Made once per text,
    cached rows (every indicator: explorer.all_rows) and language, as locating every figure in the text is dear."""
    def build() -> pd.DataFrame:
        mine = rows[rows["source_id"] == source_id]
        return tables.coverage_frame(source_text.coverage(text, source_text.locate(mine, text)), lang)

    return memoised(("coverage", lang, source_id, text), build, same=(rows,))

# Contrast (WCAG): #1B1B1B on #FFE58A 13.8:1, on #FFC94A 11.2:1; #0B1F33 on #DCEBFF 13.8:1; the card's #1B1B1B
# and link #1A4FA3 on #FFFFFF 17.2:1 and 7.8:1. Focus: a blue ring inside a white one, visible on either theme.
REPORT_STYLE = """<style>
.report .para {line-height: 1.9; margin: 0 0 0.9em 0; position: relative;}
.report .para-head {font-weight: 600; margin-bottom: 0.4em;}
.report.both .pair {display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem;}
@media (max-width: 700px) {.report.both .pair {grid-template-columns: 1fr;}}
.report details.fact {display: inline;}
.report details.fact > summary {display: inline; list-style: none; cursor: pointer; border-radius: 3px;}
.report details.fact > summary::-webkit-details-marker {display: none;}
.report details.fact > summary mark {background: #FFE58A; color: #1B1B1B; padding: 0 2px; border-radius: 3px;
  text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px;}
.report details.fact[open] > summary mark {background: #FFC94A;}
.report details.fact > summary:focus-visible {outline: 2px solid #1A4FA3; outline-offset: 1px;
  box-shadow: 0 0 0 5px #FFFFFF;}
/* Left at its static place: under the number's line, from the paragraph's left edge, so it never overflows. */
.report details.fact::details-content {position: absolute; z-index: 20; max-width: 100%;}
.report .fact-card {display: block; width: max-content;
  max-width: min(26rem, 80vw); padding: 0.5rem 0.75rem; background: #FFFFFF; color: #1B1B1B;
  border: 1px solid #5F6B7A; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,0.25); line-height: 1.5;
  font-size: 0.9rem; white-space: normal;}
.report .fact-card span {display: block;}
.report .fact-card .fact-line {font-weight: 600;}
.report .fact-card .fact-links {margin-bottom: 0.3rem;}
.report .fact-card a {color: #1A4FA3; text-decoration: underline;}
.report .fact-card a:focus-visible {outline: 2px solid #1A4FA3; outline-offset: 1px;}
.report .focus {background: #DCEBFF; color: #0B1F33; outline: 2px solid #2E6DB4; border-radius: 3px;}
</style>"""
SCROLL_TO_FOCUS = "<script>setTimeout(function () {var e = document.getElementById('report-focus');" \
                  " if (e) { e.scrollIntoView({block: 'center'}); }}, 300);</script>"


def text_mode(lang: str) -> str:
    """Which text the page shows, kept in ?text= (absent while it is the language's default: the UI's own)."""
    default = lang
    if "source_text_mode" not in st.session_state or st.session_state["source_text_mode"] not in TEXT_MODES:
        asked = st.query_params.get("text")
        st.session_state["source_text_mode"] = asked if asked in TEXT_MODES else default
    chosen = st.segmented_control(t("source_text_mode", lang), TEXT_MODES, key="source_text_mode",
                                  format_func=lambda mode: t(f"source_text_{mode}", lang)) or default
    if chosen == default:
        st.query_params.pop("text", None)
    elif st.query_params.get("text") != chosen:
        st.query_params["text"] = chosen
    return chosen


def facts(rows: pd.DataFrame, lang: str, mode: str) -> dict[str, source_text.Fact]:
    """Each indicator's details in a marked number: name = value (year, kind), links, and its Chinese quote."""
    out = {}
    for r in rows.itertuples():
        value = row_figure(r._asdict(), lang)  # as every page writes it: bound, period, unit, growth's basis
        label = f"{getattr(r, f'indicator_{lang}')} = {value} ({r.year}, {t('kind_' + r.kind, lang)})"
        links = ((t("fact_show_sentence", lang), "source?" + urlencode({"id": r.id, "lang": lang, "text": mode})),
                 (t("fact_open_explorer", lang), "explorer?" + urlencode({"q": r.id, "lang": lang})))
        out[r.id] = source_text.Fact(label, links, r.source_quote)
    return out


def report_body(text_zh: str, text_en: str | None, rows: pd.DataFrame, lang: str, mode: str,
                focus: str | None) -> str:
    """The report as HTML in the chosen mode; the focus sentence is marked in every text shown."""
    info = facts(rows, lang, mode)
    plain = {k: source_text.Fact(f.label, f.links) for k, f in info.items()}  # where the Chinese is in sight
    zh_spans = source_text.locate(rows, text_zh)
    if text_en is None or mode == "zh":
        return _wrap(source_text.to_html(text_zh, zh_spans, plain, focus, "zh"), "zh")
    en_spans = source_text.locate_en(rows, text_zh, text_en)
    original = t("quote_original", lang)
    if mode == "en":
        return _wrap(source_text.to_html(text_en, en_spans, info, focus, "en", original_label=original), "en")
    # Side by side: only the text in the page's language takes the id the scroll script looks for.
    zh_id, en_id = ("report-focus", "report-focus-en") if lang == "zh" else ("report-focus-zh", "report-focus")
    left = source_text.paragraphs(text_zh, zh_spans, plain, "zh", focus, zh_id)
    right = source_text.paragraphs(text_en, en_spans, plain, "en", focus, en_id)
    heads = (t("source_head_zh", lang), t("source_head_en", lang))
    return _wrap(source_text.side_by_side(left, right, ("zh", "en"), heads), "both")


def _wrap(body: str, mode: str) -> str:
    return f'<div class="report {mode}">{body}</div>'


def chinese_line(text: str) -> None:
    """A line of Chinese inside an English page, with lang="zh"."""
    st.html(f'<p lang="zh" style="margin: 0;">{html.escape(text)}</p>')


# The report marked up is ~0.5 MB per source, language, mode and focus: a few are kept, the ones being read.
BODIES = Memo(max_entries=12)


def report_body_of(text_zh: str, text_en: str | None, rows: pd.DataFrame, source_id: str, lang: str, mode: str,
                   focus: str | None) -> str:
    """report_body for one source's rows of rows (every indicator, a cached frame), made once while it is read."""
    return BODIES.get(("report_body", source_id, lang, mode, focus, text_zh, text_en),
                      lambda: report_body(text_zh, text_en, rows[rows["source_id"] == source_id], lang, mode, focus),
                      same=(rows,))


def report_html(body: str, scroll_to_focus: bool) -> None:
    """The marked-up report (escaped by source_text); a fixed script scrolls to the focused sentence."""
    st.html(REPORT_STYLE + body + (SCROLL_TO_FOCUS if scroll_to_focus else ""),
            unsafe_allow_javascript=scroll_to_focus)
