"""Overview: the 2020 headline figures, the main 2021 targets beside them, what beat or missed the plan."""

import streamlit as st

from jiangbei.app import db, figures, navigation, ui, url_state
from jiangbei.presentation import tables
from jiangbei.presentation.i18n import t

HEADLINES = ["gdp", "exports", "general_budget_revenue", "fixed_asset_investment",
             "urban_disposable_income", "rural_disposable_income", "new_urban_jobs", "registered_unemployment_rate"]
TOPIC_PAGES = [(f"views/{name}.py", f"page_{name}", icon) for name, icon in navigation.TOPICS]
VIEWS = ["chart", "table"]

lang = ui.lang()
ui.notice_bad_params({"lang": None, "view": VIEWS})
st.title(t("app_title", lang))
st.caption(t("app_subtitle", lang))

# Drawn above the charts but sent after them, so the browser starts loading the chart library sooner.
headlines = st.container()

st.header(t("overview_targets", lang))
st.page_link("views/targets.py", label=t("overview_scorecard_link", lang), icon=":material/flag:")
# Chart | Table, as Our World in Data shows a chart's data: the table (every main target, levels too) and its
# export are drawn only when asked for, which keeps the landing page's first load light.
views, view = url_state.tabs(VIEWS, "view", "overview_view", lambda v: t(f"tab_{v}", lang))
with views[view]:
    if view == "chart":
        ui.chart(figures.figure("main_targets", lang), key="overview_vs")
    else:
        pairs = db.query("main_targets")
        ui.table(db.derived(tables.targets_frame, pairs, lang), key="overview_targets", stem_parts=["targets"],
                 filters={}, codes=pairs, formats=db.derived(tables.targets_formats, pairs, lang))

st.header(t("overview_plan", lang))
ui.chart(figures.figure("plan", lang), key="overview_plan")
for line in db.derived(tables.plan_outcome_lines, db.query("plan_completion"), lang):  # beat / met / missed
    st.markdown(f"- {line}")
for line in db.derived(tables.plan_verdict_lines, db.query("plan_completion"), lang):  # judged in words only
    st.markdown(f"- {line}")

with headlines:
    st.header(t("overview_headlines", lang))
    ui.metric_cards(db.query("series_cards", series=HEADLINES))
    ui.source_caption()

st.header(t("overview_pages", lang))
for column, (path, title, icon) in zip(st.columns(len(TOPIC_PAGES)), TOPIC_PAGES):
    column.page_link(path, label=t(title, lang), icon=icon)
