"""Entry point: page config, language, and navigation. Each page's content lives in pages/."""

import streamlit as st

from jiangbei import db, ui
from jiangbei.i18n import t

st.set_page_config(page_title="Jiangbei Plan Dashboard · 江北区计划数据", page_icon=":material/bar_chart:",
                   layout="wide")
ui.apply_style()
lang = ui.choose_language()  # ?lang=, else this session's choice, else the browser's, else Chinese

problems = db.current_problems()
if problems:
    ui.data_error_page(problems, lang)
    st.stop()

pages = {
    "": [st.Page("pages/overview.py", title=t("page_overview", lang), icon=":material/home:", default=True)],
    t("nav_topics", lang): [
        st.Page(f"pages/{name}.py", title=t(f"page_{name}", lang), icon=icon, url_path=name)
        for name, icon in (("economy", ":material/trending_up:"), ("investment", ":material/construction:"),
                           ("trade", ":material/local_shipping:"), ("livelihood", ":material/groups:"))
    ],
    t("nav_tools", lang): [
        st.Page(f"pages/{name}.py", title=t(f"page_{name}", lang), icon=icon, url_path=name)
        for name, icon in (("explorer", ":material/table_view:"), ("sql", ":material/terminal:"),
                           ("source", ":material/description:"), ("about", ":material/info:"))
    ],
}
st.navigation(pages).run()
