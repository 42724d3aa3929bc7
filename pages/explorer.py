"""Explorer: every indicator in one table."""

import streamlit as st

from jiangbei import db, tables, ui
from jiangbei.i18n import t
from jiangbei.schema import TOPICS

lang = ui.lang()
st.title(t("explorer_title", lang))
rows = db.query("page_indicators", topics=TOPICS, years=[], kinds=[], lang=lang)
ui.table(tables.indicator_frame(rows, lang), key="explorer", stem_parts=["all"], filters={})
