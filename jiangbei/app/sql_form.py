"""The SQL console's examples as Datasette's canned queries: pick one, read what it answers, change its
$parameters in a form (a widget per parameter), and the editor holds the query with those values."""

from __future__ import annotations

import streamlit as st

from jiangbei.app import explorer
from jiangbei.console import examples
from jiangbei.core import store
from jiangbei.core.schema import ENUMS, PAGE_TOPICS, TOPICS
from jiangbei.presentation.i18n import LANGS, t

EXAMPLE_KEY, EDITOR_KEY = "sql_example", "sql_text"
APPLIED_KEY = "sql_example_applied"  # (example, parameter values) last written into the editor


def _widget_key(param: str) -> str:
    return f"sql_param_{param}"


def choose(lang: str) -> None:
    """on_change of the examples box: the chosen example, with its default parameters, goes into the editor."""
    name = st.session_state.get(EXAMPLE_KEY)
    for key in [k for k in st.session_state if str(k).startswith("sql_param_")]:
        del st.session_state[key]  # the new example's form starts from its defaults
    if name:
        values = examples.defaults(name, lang)
        st.session_state[EDITOR_KEY] = examples.example_sql(name, lang, values)
        st.session_state[APPLIED_KEY] = (name, values)


def _options(param: str, lang: str) -> tuple[list, callable]:
    """(options, label of an option) of a list or choice parameter."""
    facets = explorer.allowed_params()
    label = str
    if param == "topics":
        return TOPICS, lambda v: t(f"topic_{v}", lang)
    if param == "pages":
        return list(PAGE_TOPICS), lambda v: t(f"page_{v}", lang)
    if param == "years":
        return [int(y) for y in facets["year"]], label
    if param in ("kinds", "measures"):
        singular = param[:-1]
        return ENUMS[singular], lambda v: t(f"{singular}_{v}", lang)
    if param in ("units", "sections"):
        return facets[param[:-1]], label
    if param == "series":
        return sorted(set(explorer.all_rows(lang)["series"])), label
    if param == "id":
        return facets["row"], label
    if param == "lang":
        return list(LANGS), lambda v: {"zh": "中文", "en": "English"}[v]
    raise KeyError(param)


def form(lang: str) -> None:
    """The chosen example's description and parameter form; changed values rewrite the editor's query.

    Call before the editor is drawn, so the editor shows the query with the new values in the same run."""
    name = st.session_state.get(EXAMPLE_KEY)
    if not name:
        return
    st.caption(examples.about(name, lang))
    defaults = examples.defaults(name, lang)
    values = {}
    for param, default in defaults.items():
        key = _widget_key(param)
        label = t(f"param_{param}", lang) + f" (${param})"
        if key not in st.session_state:
            st.session_state[key] = default
        if param == "q":
            values[param] = st.text_input(label, key=key, max_chars=200)
        elif param in ("min_value", "max_value"):
            values[param] = st.number_input(label, key=key, value=None, format="%g")
        elif param == "row_limit":
            values[param] = int(st.number_input(label, key=key, min_value=1, max_value=store.ROW_LIMIT, step=1))
        elif param in ("id", "lang"):
            options, format_func = _options(param, lang)
            values[param] = st.selectbox(label, options, key=key, format_func=format_func)
        else:
            options, format_func = _options(param, lang)
            values[param] = st.multiselect(label, options, key=key, format_func=format_func,
                                           placeholder=t("param_all", lang))
    if st.session_state.get(APPLIED_KEY) != (name, values):
        st.session_state[EDITOR_KEY] = examples.example_sql(name, lang, values)
        st.session_state[APPLIED_KEY] = (name, values)
