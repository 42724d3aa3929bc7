"""Entry point: page config, language, and navigation. Each page's content lives in pages/."""

import streamlit as st

from jiangbei import db, navigation, ui

st.set_page_config(page_title="Jiangbei Plan Dashboard · 江北区计划数据", page_icon=":material/bar_chart:",
                   layout="wide")
lang = ui.choose_language()  # ?lang=, else this session's choice, else the browser's, else Chinese

problems = db.current_problems()
if problems:
    ui.data_error_page(problems, lang)
    st.stop()

st.navigation(navigation.pages(lang)).run()
