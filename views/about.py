"""About: provenance and licence of the data, its glossary and its dictionary."""

import streamlit as st

from jiangbei.app import db, glossary, ui
from jiangbei.core import store
from jiangbei.presentation import markdown, tables
from jiangbei.presentation.i18n import ngettext, t

lang = ui.lang()
st.title(t("about_title", lang))
sources = db.query("sources")
st.header(t("about_provenance", lang))
st.markdown(ngettext("about_counts", len(sources), lang, n=int(sources["indicator_count"].sum()), s=len(sources)))
# One row: a plain HTML table, which the browser draws at once (the grid component took ~0.3 s after the script).
ui.html_table_only(db.derived(tables.sources_frame, sources))
glossary.full_glossary(lang)
ui.reuse_section()
st.header(t("about_dictionary", lang))
# The dictionary in the page's language, its headings moved under this page's h2 (h1 → h3, ## → h4); as HTML, which
# the browser draws at once (markdown.document_html).
dictionary = "README.zh.md" if lang == "zh" else "README.md"
st.html(markdown.document_html(markdown.demote_headings((store.data_dir() / dictionary).read_text(encoding="utf-8"),
                                                        top_level=3)))
