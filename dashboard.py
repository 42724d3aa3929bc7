"""Entry point: page config, language, and navigation (st.navigation). Each page's layout lives in views/."""

import streamlit as st

from jiangbei.app import db, language, navigation, network, ui
from jiangbei.presentation.i18n import t

network.send_without_delay()  # Streamlit 1.67 leaves Nagle on: ~40 ms per burst of messages (app/network.py)
# An emoji icon: Streamlit draws it as an inline SVG, where a :material/: favicon is fetched from a font CDN.
st.set_page_config(page_title="Jiangbei Plan Dashboard · 江北区计划数据", page_icon="📊", layout="wide")
lang = language.choose_language()  # ?lang=, else this session's choice, else the browser's, else Chinese
language.document_setup(lang)

problems = db.current_problems()
if problems:
    ui.data_error_page(problems, lang)
    st.stop()

page = st.navigation(navigation.pages(lang))
st.set_page_config(page_title=t("page_title", lang, page=page.title))  # each page its own <title>
page.run()
