"""Source: the report as published, with its index number and date."""

import streamlit as st

from jiangbei import db, ui
from jiangbei.i18n import t

lang = ui.lang()
st.title(t("source_title", lang))
for _, s in db.query("sources").iterrows():
    st.subheader(s["title_zh"])
    if lang == "en":
        st.caption(s["title_en"])
    st.markdown(f"**{t('index_no', lang)}:** {s['index_no']} · **{t('publisher', lang)}:** "
                f"{s[f'publisher_{lang}']} · **{t('date', lang)}:** {s['date']:%Y-%m-%d}")
    if t("source_lang_note", lang):
        st.info(t("source_lang_note", lang))
    st.text((db.data_dir() / s["path"]).read_text(encoding="utf-8"))
