"""SQL console: a visitor's own DuckDB SQL, run in the sandbox; canned queries as examples; schema panel."""

import streamlit as st

from jiangbei import console, db, examples, sandbox, ui, url_state
from jiangbei.i18n import t

lang = ui.lang()
ui.notice_bad_params({"lang": None, "sql": None})
st.title(t("sql_title", lang))
st.caption(t("sql_intro", lang, seconds=f"{sandbox.TIME_LIMIT_S:g}", rows=f"{sandbox.MAX_ROWS:,}"))

editor, schema = st.columns([3, 2])
schema.markdown(f"**{t('sql_schema', lang)}**")
with schema.container(height=400):  # scrolls, so the result below stays in view
    columns = db.query("schema_columns")
    for table, group in columns.groupby("table_name", sort=False):
        st.markdown(f"**`{table}`** — {group['table_comment'].iloc[0] or ''}")
        st.dataframe(group[["column_name", "data_type", "column_comment"]].fillna(""), hide_index=True,
                     width="stretch", height=min(36 * (len(group) + 1), 260), key=f"schema_{table}")

with editor:
    st.selectbox(t("sql_examples", lang), examples.names(), index=None, placeholder=t("sql_pick", lang),
                 key="sql_example", on_change=console.fill_example)
    url_sql = (url_state.values("sql") or [""])[0][: sandbox.MAX_SQL_CHARS]
    if "sql_text" not in st.session_state:  # first render: a shared URL's query, else a simple example
        st.session_state["sql_text"] = url_sql or "SELECT indicator_en, value, unit, year, kind\nFROM indicators\n" \
                                                  "WHERE topic = 'trade'\nORDER BY year, kind"
    sql = st.text_area(t("sql_editor", lang), key="sql_text", height=260, max_chars=sandbox.MAX_SQL_CHARS)
    clicked = st.button(t("sql_run", lang), key="sql_run", type="primary", icon=":material/play_arrow:")

# Run on a click, or once on opening a shared URL that carries a query. The session keeps only the SQL it ran.
shown = console.session_outcome(sql, run_now=clicked or bool(url_sql and "sql_ran" not in st.session_state))
if clicked and sql.strip():
    st.query_params["sql"] = sql
if shown:
    ran, outcome = shown
    if outcome.ok:
        st.caption(t("sql_result", lang, n=f"{outcome.table.num_rows:,}", ms=f"{outcome.elapsed_ms:,.0f}"))
        if outcome.truncated:
            st.warning(console.truncation_message(outcome, lang), icon=":material/info:")
        st.dataframe(outcome.table, hide_index=True, width="stretch", key="sql_result_table")
        st.caption(t("sql_limits", lang, chars=f"{sandbox.MAX_TEXT_CHARS:,}"))
        ui.export_buttons(outcome.table, ["sql"], {"sql": ran, "language": lang}, key="sql_export",
                          frame_at_click=lambda: console.result_for_export(ran).frame)
        ui.source_caption()
    else:
        message, detail = console.failure_message(outcome, lang)
        st.error(message, icon=":material/block:")
        if detail:
            st.code(detail, language=None)
