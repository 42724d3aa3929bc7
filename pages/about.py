"""About: provenance and licence of the data, its glossary and its dictionary."""

import streamlit as st

from jiangbei import db, glossary, ui
from jiangbei.i18n import t

lang = ui.lang()
st.title(t("about_title", lang))
sources = db.query("sources")
st.subheader(t("about_provenance", lang))
st.markdown(t("about_counts", lang, n=int(sources["indicator_count"].sum()), s=len(sources)))
st.dataframe(sources, hide_index=True)
glossary.full_glossary(lang)
st.subheader(t("about_dictionary", lang))
st.markdown((db.data_dir() / "README.md").read_text(encoding="utf-8"))
