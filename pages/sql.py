"""SQL console: the schema a visitor can query."""

import streamlit as st

from jiangbei import db, ui
from jiangbei.i18n import t

lang = ui.lang()
st.title(t("sql_title", lang))
st.dataframe(db.query("schema_columns"), hide_index=True)
