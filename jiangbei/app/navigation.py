"""The app's pages for st.navigation, in the visitor's language."""

from __future__ import annotations

import streamlit as st

from jiangbei.presentation.i18n import t

TOPICS = (("economy", ":material/trending_up:"), ("investment", ":material/construction:"),
          ("trade", ":material/local_shipping:"), ("livelihood", ":material/groups:"))
TOOLS = (("explorer", ":material/table_view:"), ("sql", ":material/terminal:"),
         ("source", ":material/description:"), ("about", ":material/info:"))


def _build(lang: str) -> dict[str, list]:
    def page(name: str, icon: str):
        return st.Page(f"views/{name}.py", title=t(f"page_{name}", lang), icon=icon, url_path=name)

    return {
        "": [st.Page("views/overview.py", title=t("page_overview", lang), icon=":material/home:", default=True),
             page("targets", ":material/flag:")],
        t("nav_topics", lang): [page(name, icon) for name, icon in TOPICS],
        t("nav_tools", lang): [page(name, icon) for name, icon in TOOLS],
    }


def pages(lang: str) -> dict[str, list]:
    """The navigation's pages, made once per session and language.

    st.Page resolves its file on the disk, a tenth of a rerun's time under load (py-spy); a page object may be
    reused by its own session's later runs (st.navigation re-arms it each run) but not shared between sessions,
    whose runs overlap.
    """
    key = f"_navigation_pages_{lang}"
    if key not in st.session_state:
        st.session_state[key] = _build(lang)
    return st.session_state[key]
