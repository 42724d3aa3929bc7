"""The glossary of China-specific terms (data/glossary.csv): the frame a reader sees, the "terms used" expander
under a topic page's cards, and the full glossary with its export on the About page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from jiangbei.app import db, ui
from jiangbei.presentation.i18n import t
from jiangbei.presentation.tables import TABLE_STYLE, html_table

GLOSSARY_CLASS = "jb-glossary"  # marks the terms table apart from the page's data tables


def glossary_frame(df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Terms as shown: the Chinese term, its English rendering and the explanation in the reader's language."""
    return pd.DataFrame({
        t("glossary_col_term_zh", lang): df["term_zh"],
        t("glossary_col_term_en", lang): df["term_en"],
        t("glossary_col_explanation", lang): df[f"explanation_{lang}"],
    }).reset_index(drop=True)


def _terms_html(terms: pd.DataFrame, lang: str) -> str:
    return TABLE_STYLE + f'<div class="{GLOSSARY_CLASS}">{html_table(glossary_frame(terms, lang))}</div>'


def terms_used(topics: list[str], lang: str) -> None:
    """A closed expander listing the glossary terms the page's figures use; nothing when they use none."""
    terms = db.query("glossary_for_topics", topics=topics)
    if terms.empty:
        return
    with st.expander(t("glossary_terms_used", lang, n=len(terms)), icon=":material/menu_book:"):
        st.html(db.derived(_terms_html, terms, lang))


def full_glossary(lang: str) -> None:
    """Every term, with the export buttons every table has."""
    st.subheader(t("glossary_title", lang))
    st.caption(t("glossary_intro", lang))
    ui.table(db.derived(glossary_frame, db.query("glossary"), lang), key="glossary", stem_parts=["glossary"],
             filters={})
