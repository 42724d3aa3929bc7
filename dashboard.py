"""Entry point: page config, language, and navigation. Each page's content lives in pages/."""

import streamlit as st

from jiangbei import db, i18n, ui
from jiangbei.i18n import t

st.set_page_config(page_title="Jiangbei Plan Dashboard · 江北区计划数据", page_icon=":material/bar_chart:",
                   layout="wide")
ui.apply_style()


def _switch_language() -> None:
    chosen = st.session_state.get("lang_switch")
    if chosen in i18n.LANGS:
        st.session_state["lang"] = chosen
        st.query_params["lang"] = chosen


# ?lang= first, then this session's earlier choice, then the browser's language, then Chinese.
lang = i18n.pick_language(st.query_params.get("lang"), st.session_state.get("lang"), st.context.locale)
st.session_state["lang"] = lang
st.query_params["lang"] = lang  # kept in the URL so a shared link opens in the same language
st.session_state["lang_switch"] = lang
st.sidebar.segmented_control(t("language", lang), i18n.LANGS, key="lang_switch", on_change=_switch_language,
                             format_func=lambda code: {"zh": "中文", "en": "English"}[code])

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
