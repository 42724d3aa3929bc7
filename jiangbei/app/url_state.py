"""Widgets whose state lives in the URL, with language-independent codes (?kind=target, not a translated label).

Streamlit's bind="query-params" stores the formatted label, which changes with the language, so these
widgets seed themselves from the URL on first render and write their value back after every run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from jiangbei.presentation.i18n import DEFAULT_LANG, t


def values(param: str) -> list[str]:
    """Every value of a URL parameter (?topic=a&topic=b -> [a, b])."""
    return st.query_params.get_all(param)


def invalid(allowed: dict[str, Sequence[str] | Callable[[str], bool] | None]) -> list[str]:
    """URL parameters that are unknown, or hold values outside their options (None: any value; a function: a
    test each value must pass)."""
    bad = []
    for name in st.query_params.keys():
        if name not in allowed:
            bad.append(name)
        elif callable(allowed[name]):
            bad += [f"{name}={v}" for v in values(name) if not allowed[name](v)]
        elif allowed[name] is not None:
            bad += [f"{name}={v}" for v in values(name) if v not in allowed[name]]
    return bad


def _write(param: str, chosen: list[str]) -> None:
    if chosen:
        if values(param) != chosen:
            st.query_params[param] = chosen
    elif param in st.query_params:
        del st.query_params[param]


def multiselect(container, label: str, options: Sequence[str], param: str, widget_key: str,
                format_func: Callable[[str], str] = str, default: Sequence[str] = (),
                placeholder: str | None = None, **kwargs) -> list[str]:
    """A multiselect of codes kept in ?param= (absent while it holds the default); unknown codes are dropped.

    An empty filter keeps every row, so its placeholder says "All" in the page's language (Streamlit's own
    placeholder is English)."""
    options = list(options)
    if placeholder is None:
        placeholder = t("filter_all", st.session_state.get("lang", DEFAULT_LANG))
    if widget_key not in st.session_state:
        from_url = [v for v in dict.fromkeys(values(param)) if v in options]
        st.session_state[widget_key] = from_url or list(default)
    else:  # a value left from another page may not be an option here
        st.session_state[widget_key] = [v for v in st.session_state[widget_key] if v in options]
    chosen = container.multiselect(label, options, key=widget_key, format_func=format_func, placeholder=placeholder,
                                   **kwargs)
    _write(param, [] if chosen == list(default) else chosen)
    return chosen


def selectbox(container, label: str, options: Sequence[str], param: str, widget_key: str, default: str,
              format_func: Callable[[str], str] = str) -> str:
    """A selectbox of codes kept in ?param= (absent from the URL while it holds the default)."""
    options = list(options)
    if widget_key not in st.session_state or st.session_state[widget_key] not in options:
        from_url = values(param)
        st.session_state[widget_key] = from_url[0] if from_url and from_url[0] in options else default
    chosen = container.selectbox(label, options, key=widget_key, format_func=format_func)
    _write(param, [] if chosen == default else [chosen])
    return chosen


def text_input(container, label: str, param: str, widget_key: str, max_chars: int = 200, **kwargs) -> str:
    """A text box kept in ?param=; the URL's text is cut to max_chars."""
    if widget_key not in st.session_state:
        st.session_state[widget_key] = (values(param) or [""])[0][:max_chars]
    text = container.text_input(label, key=widget_key, max_chars=max_chars, **kwargs)
    _write(param, [text] if text else [])
    return text


def tabs(codes: Sequence[str], param: str, widget_key: str, format_func: Callable[[str], str]):
    """Lazy tabs kept in ?param= (absent for the first tab): only the open tab's content needs to run.

    Returns the tab containers by code and the open tab's code.
    """
    codes = list(codes)
    labels = [format_func(c) for c in codes]
    # Streamlit gives tabs a new identity, and so resets them, when their labels or default change; so the
    # default is read from the URL only when the tabs are new (first visit, language switch, back from another
    # page), not on every run.
    seed_key = f"{widget_key}__opened_with"
    seed = st.session_state.get(seed_key)
    if seed is None or seed[0] != labels or widget_key not in st.session_state:
        from_url = values(param)
        seed = (labels, from_url[0] if from_url and from_url[0] in codes else codes[0])
        st.session_state[seed_key] = seed
    containers = st.tabs(labels, default=labels[codes.index(seed[1])], key=widget_key, on_change="rerun")
    chosen = next((c for c, tab in zip(codes, containers) if tab.open), seed[1])
    _write(param, [] if chosen == codes[0] else [chosen])
    return dict(zip(codes, containers)), chosen


def number(param: str) -> float | None:
    """?param= as a finite number, else None (the page's notice names a malformed value)."""
    import math

    try:
        value = float((values(param) or [""])[0])
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def number_input(container, label: str, param: str, widget_key: str, **kwargs) -> float | None:
    """An optional number kept in ?param= (absent while empty), e.g. ?min=10."""
    if widget_key not in st.session_state:
        st.session_state[widget_key] = number(param)
    value = container.number_input(label, key=widget_key, value=None, format="%g", **kwargs)
    _write(param, [] if value is None else [f"{value:g}"])
    return value


def write(param: str, chosen: list[str]) -> None:
    """Keep chosen in ?param= (removed when empty), for state a page sets itself (the explorer's ?row=)."""
    _write(param, chosen)


def current_url() -> str:
    """The page's address with its query parameters, as the visitor's browser shows it (for the files' about)."""
    from urllib.parse import urlencode

    base = st.context.url or ""
    params = urlencode([(k, v) for k in st.query_params.keys() for v in st.query_params.get_all(k)])
    return f"{base}?{params}" if params else base
