"""2021 targets: every target of the report against what 2020 achieved, as a scorecard (presentation.scorecard)."""

import streamlit as st

from jiangbei.app import db, figures, ui, url_state
from jiangbei.core.schema import TOPICS
from jiangbei.presentation import scorecard
from jiangbei.presentation.i18n import ngettext, t

lang = ui.lang()
ui.notice_bad_params({"lang": None, "topic": TOPICS, "status": scorecard.STATUSES, "sort": scorecard.SORTS,
                      "family": scorecard.FAMILIES})
st.title(t("page_targets", lang))
st.caption(t("intro_targets", lang))
f1, f2, f3 = st.columns([2, 2, 1])
topics = url_state.multiselect(f1, t("filter_topic", lang), TOPICS, "topic", "targets_topic",
                               format_func=lambda code: t(f"topic_{code}", lang))
statuses = url_state.multiselect(f2, t("filter_status", lang), scorecard.STATUSES, "status", "targets_status",
                                 format_func=lambda code: scorecard.status_text(code, lang))
sort = url_state.selectbox(f3, t("sort_label", lang), scorecard.SORTS, "sort", "targets_sort", default="report",
                           format_func=lambda code: t(f"sort_{code}", lang))

# Ordered once: the table and its export's code columns (id, value as reported) come from these same rows.
rows = scorecard.topic_order(db.query("target_scorecard_rows", topics=topics, statuses=statuses, sort=sort))
st.markdown(" · ".join(f"{scorecard.status_text(code, lang)}: **{n}**" for code, n in scorecard.counts(rows).items()))
# What each status means, before the first chart or table: the statuses and bounds of the rows shown.
with st.expander(t("status_legend", lang), icon=":material/help:"):
    st.markdown("\n".join(f"- {line}" for line in scorecard.legend_lines(rows, lang)))  # only what occurs
    st.caption(t("distance_note", lang))

# One tab per family of comparable targets (?family=, absent for the first): only the open tab's chart is drawn,
# with its text alternative; every target is in the table below.
families = [family for family in scorecard.FAMILIES
            if figures.scorecard_figure(family, lang, topics, statuses) is not None]
if families:
    tabs, family = url_state.tabs(families, "family", "targets_family", lambda code: t(f"family_tab_{code}", lang))
    with tabs[family]:
        ui.chart(figures.scorecard_figure(family, lang, topics, statuses), key=f"targets_{family}")
left_out = scorecard.not_charted(rows, families)
if left_out:
    st.caption(ngettext("table_only", left_out, lang, n=left_out))

filters = {k: ",".join(v) for k, v in (("topic", topics), ("status", statuses)) if v} | \
          ({"sort": sort} if sort != "report" else {})
shown = db.derived(scorecard.frame, rows, lang)
# On a phone each row takes a few lines: short figures side by side, the sentences folded under their names.
sentences = [c for c in shown.columns if c.startswith((t("col_quote", lang), t("col_quote_en", lang)))]
ui.table(shown, key="targets_table", stem_parts=["targets", *topics, *statuses], filters=filters, codes=rows,
         compact=True, phone_folded=sentences)
