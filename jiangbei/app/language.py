"""The page's language: chosen once per run by dashboard.py (URL, session, browser), kept in the URL, and switched
at the top of the page; also what every page's document needs in that language (<html lang>, the theme's CSS)."""

from __future__ import annotations

import streamlit as st

from jiangbei.presentation import theme
from jiangbei.presentation.i18n import LANGS, pick_language, t


def lang() -> str:
    """The language dashboard.py chose for this run."""
    value = st.session_state.get("lang")
    return value if value in LANGS else "zh"


def _switch_language() -> None:
    chosen = st.session_state.get("lang_switch")
    if chosen in LANGS:
        st.session_state["lang"] = chosen
        st.query_params["lang"] = chosen


def choose_language() -> str:
    """Pick this run's language, keep it in the URL and the session, and draw the switch at the top of the page
    (not in the sidebar, which a phone keeps closed)."""
    asked = st.query_params.get("lang")
    language = pick_language(asked, st.session_state.get("lang"), st.context.locale)
    # Remember a bad ?lang= so the page's notice can name it after the URL is corrected below.
    st.session_state["ignored_params"] = [f"lang={asked}"] if asked is not None and asked not in LANGS else []
    st.session_state["lang"] = language
    st.query_params["lang"] = language  # kept in the URL so a shared link opens in the same language
    st.session_state["lang_switch"] = language
    with st.container(horizontal=True, horizontal_alignment="right", key="language_bar"):
        st.segmented_control(t("language", language), LANGS, key="lang_switch", on_change=_switch_language,
                             format_func=lambda code: {"zh": "中文", "en": "English"}[code],
                             label_visibility="collapsed")
    return language


# Each chart (app.ui.chart) is a figure named by its summary sentence; plotly's SVGs, which expose every tick label
# and point as text, are hidden from assistive tech (the summary and the "data of this chart" table carry the
# numbers). The modebar's buttons stay reachable. Set again whenever plotly redraws.
CHART_TEXT = """<script>if (!window.__jbChartText) { window.__jbChartText = true; let queued = false;
const mark = () => { queued = false;
  document.querySelectorAll('[class*="st-key-chartbox_"]').forEach(box => {
    const plot = box.querySelector('[data-testid=stPlotlyChart]'); if (!plot) return;
    const caption = box.querySelector('[data-testid=stCaptionContainer]');
    const label = caption ? caption.textContent.trim() : '';
    if (label && plot.getAttribute('aria-label') !== label) {
      plot.setAttribute('role', 'figure'); plot.setAttribute('aria-label', label); }
    plot.querySelectorAll('svg.main-svg:not([aria-hidden])').forEach(s => s.setAttribute('aria-hidden', 'true'));
  }); };
new MutationObserver(() => { if (!queued) { queued = true; requestAnimationFrame(mark); } })
  .observe(document.body, {subtree: true, childList: true, characterData: true}); mark(); }</script>"""


def document_setup(language: str) -> None:
    """What every page's document needs: <html lang> in the page's language (Streamlit writes "en" whatever the
    page says), and the theme's colours, focus ring and phone layout (jiangbei.presentation.theme)."""
    script = f"<script>document.documentElement.lang = {language!r};</script>"
    st.html(theme.css() + script + CHART_TEXT, unsafe_allow_javascript=True)
