"""The layout every topic page shares: headline cards, then tabs of charts, derived figures and the full table."""

from __future__ import annotations

import streamlit as st

from jiangbei.app import db, figures, glossary, ui, url_state
from jiangbei.core.schema import PAGE_TOPICS
from jiangbei.presentation import tables
from jiangbei.presentation.i18n import t

# Topic codes of each page (every topic on exactly one page) and the series of its headline cards.
TOPIC_PAGES = {
    "economy": {
        "topics": PAGE_TOPICS["economy"],
        "cards": ["gdp", "general_budget_revenue", "industrial_value_added", "rd_intensity",
                  "services_leading_revenue", "software_revenue", "hightech_firms", "bank_loans"],
    },
    "investment": {
        "topics": PAGE_TOPICS["investment"],
        "cards": ["fixed_asset_investment", "key_project_investment", "land_sale_revenue",
                  "old_communities_renovated"],
    },
    "trade": {
        "topics": PAGE_TOPICS["trade"],
        "cards": ["exports", "cross_border_ecommerce_exports", "fdi_utilized", "export_national_share",
                  "retail_sales", "online_retail", "above_quota_sales", "domestic_capital_from_outside"],
    },
    "livelihood": {
        "topics": PAGE_TOPICS["livelihood"],
        "cards": ["new_urban_jobs", "registered_unemployment_rate", "urban_disposable_income",
                  "rural_disposable_income", "pension_insurance_coverage", "medical_insurance_coverage",
                  "air_quality_good_rate", "startup_job_ratio"],
    },
}
YEARS = ["2020", "2021"]
KINDS = ["actual", "target"]
VIEWS = ["growth", "targets", "levels", "derived", "table"]
GROWTH_CHARTS = ["growth", "shares", "completion"]  # shares and plan completion apart: a share is not a plan
LEVEL_CHARTS = ["levels_flow", "levels_stock"]  # flows and stocks apart: a balance is not a year's amount


def views_of(topics: list[str], lang: str) -> list[str]:
    """The page's view tabs: Levels only where it has a chart to show (no empty tab)."""
    levels = any(figures.figure(chart, lang, topics) is not None for chart in LEVEL_CHARTS)
    return [v for v in VIEWS if v != "levels" or levels]


def render(page: str) -> None:
    lang = ui.lang()
    topics = TOPIC_PAGES[page]["topics"]
    page_views = views_of(topics, lang)
    ui.notice_bad_params({"lang": None, "year": YEARS, "kind": KINDS, "topic": topics, "view": page_views})
    st.title(t(f"page_{page}", lang))
    st.caption(t(f"intro_{page}", lang))

    # The cards stand above the charts but are sent after them: the browser starts fetching the chart library
    # (4.7 MB) as soon as a chart arrives, so charts first shortens the time to a drawn page.
    cards = st.container()

    # Lazy tabs, as in Our World in Data's Chart | Table: a first visit draws two charts and nothing else below
    # the cards; the other views, the full table among them, run when their tab is opened.
    views, view = url_state.tabs(page_views, "view", f"{page}_view", lambda v: t(f"view_{v}", lang))
    with views[view]:
        _draw_view(view, page, topics, lang)

    with cards:
        ui.metric_cards(db.query("series_cards", series=TOPIC_PAGES[page]["cards"]))
        glossary.terms_used(topics, lang)


def _draw_view(view: str, page: str, topics: list[str], lang: str) -> None:
    """The content of one view tab."""
    if view in ("growth", "levels"):
        _charts(GROWTH_CHARTS if view == "growth" else LEVEL_CHARTS, page, topics, lang)
    elif view == "targets":
        ui.chart(figures.figure("vs", lang, topics), key=f"{page}_vs")
        pairs = db.query("topic_results_vs_targets", topics=topics)
        ui.table(db.derived(tables.targets_frame, pairs, lang), key=f"{page}_pairs", stem_parts=[page, "targets"],
                 filters={}, codes=pairs, formats=db.derived(tables.targets_formats, pairs, lang))
    elif view == "derived":
        st.caption(t("derived_note", lang))
        derived = db.query("topic_derived", topics=topics)
        ui.table(db.derived(tables.derived_frame, derived, lang), key=f"{page}_derived",
                 stem_parts=[page, "derived"], filters={"kind": "derived"}, codes=derived,
                 formats=db.derived(tables.value_formats, derived, lang))  # as SQL rounded them: 18, not 18.0
    else:
        _full_table(page, topics, lang)


def _charts(charts: list[str], page: str, topics: list[str], lang: str) -> None:
    """The view's charts that have at least two bars, two side by side (stacked on a phone)."""
    drawn = [c for c in charts if figures.figure(c, lang, topics) is not None]
    if not drawn:  # each kind has at most one figure here: one bar is no chart, so list them
        lines = tables.figure_lines(figures.source_rows(charts, topics), lang)
        st.info(t("charts_all_single", lang) + "".join(f"\n- {line}" for line in lines), icon=":material/info:")
        ui.source_caption()
    elif len(drawn) < len(charts):
        st.caption(t("charts_left_out", lang))
    for start in range(0, len(drawn), 2):
        for column, chart in zip(st.columns(2), drawn[start:start + 2]):
            with column:
                ui.chart(figures.figure(chart, lang, topics), key=f"{page}_{chart}")


def _full_table(page: str, topics: list[str], lang: str) -> None:
    """Every indicator of the page, filtered by year, kind and topic from the URL, with its export."""
    f1, f2, f3 = st.columns(3)
    years = url_state.multiselect(f1, t("filter_year", lang), YEARS, "year", f"{page}_year")
    kinds = url_state.multiselect(f2, t("filter_kind", lang), KINDS, "kind", f"{page}_kind",
                                  format_func=lambda k: t(f"kind_{k}", lang))
    chosen = url_state.multiselect(f3, t("filter_topic", lang), topics, "topic", f"{page}_topic",
                                   format_func=lambda k: t(f"topic_{k}", lang))
    rows = db.query("page_indicators", topics=chosen or topics, years=[int(y) for y in years], kinds=kinds,
                    lang=lang)
    filters = {k: ",".join(v) for k, v in (("year", years), ("kind", kinds), ("topic", chosen)) if v}
    stem = [page, *years, *kinds, *chosen]
    ui.table(db.derived(tables.indicator_frame, rows, lang, tables.TOPIC_TABLE), key=f"{page}_rows", stem_parts=stem,
             filters=filters, formats=db.derived(tables.value_formats, rows, lang), codes=rows)
