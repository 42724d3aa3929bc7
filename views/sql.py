"""SQL console: a visitor's own DuckDB SQL, run in the sandbox; canned queries as examples; schema panel."""

import streamlit as st

from jiangbei.app import sql_console, sql_form, sql_schema, ui, url_state
from jiangbei.console import errors, examples, runner
from jiangbei.core import store
from jiangbei.presentation.i18n import ngettext, t

lang = ui.lang()
ui.notice_bad_params({"lang": None, "sql": None})
st.title(t("sql_title", lang))
st.caption(t("sql_intro", lang, seconds=f"{runner.TIME_LIMIT_S:g}", rows=f"{runner.MAX_ROWS:,}"))

# Editor, Run and the answer in one column, so the answer (or the error) appears right under Run; the schema
# follows, folded, for those who need it.
# Canned queries, as Datasette offers them: a title, what it answers, a form for its parameters.
st.selectbox(t("sql_examples", lang), examples.names(), index=None, placeholder=t("sql_pick", lang),
             key="sql_example", on_change=sql_form.choose, args=(lang,),
             format_func=lambda name: examples.title(name, lang))
sql_form.form(lang)
linked_sql = (url_state.values("sql") or [""])[0]
url_sql = linked_sql[: runner.MAX_SQL_CHARS]
if len(linked_sql) > runner.MAX_SQL_CHARS:  # said, as for other bad URL values: never cut silently
    st.warning(t("sql_url_cut", lang, n=f"{len(linked_sql):,}", chars=f"{runner.MAX_SQL_CHARS:,}"),
               icon=":material/content_cut:")
if "sql_text" not in st.session_state:  # first render: a shared URL's query, else a simple query in lang
    st.session_state["sql_text"] = url_sql or store.read_sql(f"console/default_{lang}")
sql = st.text_area(t("sql_editor", lang), key="sql_text", height=220, max_chars=runner.MAX_SQL_CHARS)
clicked = st.button(t("sql_run", lang), key="sql_run", type="primary", icon=":material/play_arrow:")

# Run on a click, or once on arrival (the shared URL's query, else the default one), so the page opens with an
# answer. The session keeps only the SQL it ran.
with st.spinner(t("sql_running", lang)):
    shown = sql_console.session_outcome(sql, run_now=clicked or "sql_ran" not in st.session_state)
if clicked and sql.strip():
    st.query_params["sql"] = sql
if shown:
    visitor = sql_console.visitor()  # taken now: a download click runs outside the script, without st.context
    ran, outcome = shown
    if outcome.ok:
        rows = outcome.table.num_rows
        st.caption(ngettext("sql_result", rows, lang, n=f"{rows:,}", ms=f"{outcome.elapsed_ms:,.0f}"))
        if outcome.truncated:
            st.warning(sql_console.truncation_message(outcome, lang), icon=":material/info:")
        st.dataframe(outcome.table, hide_index=True, width="stretch", key="sql_result_table",
                     alt=ngettext("sql_result_alt", rows, lang, n=f"{rows:,}"))
        st.caption(t("sql_limits", lang, chars=f"{runner.MAX_TEXT_CHARS:,}"))
        ui.export_buttons(outcome.table, ["sql"], {"sql": ran, "language": lang}, key="sql_export",
                          frame_at_click=lambda who=visitor: sql_console.result_for_export(ran, who).frame)
        ui.source_caption()
    else:
        message, detail = sql_console.failure_message(outcome, lang)
        st.error(message, icon=":material/block:")
        position = errors.locate(detail, ran) if detail else None
        if position:  # DuckDB named the place: show it under the visitor's own line
            st.caption(t("sql_error_at", lang, line=position.line, column=position.column))
            st.code(errors.summary(detail) + "\n\n" + errors.pointer(ran, position), language=None)
        elif detail:
            st.code(detail, language=None)

# The tables, their rows and what each column means, in the visitor's language; folded, below the answer.
st.markdown(f"**{t('sql_schema', lang)}**")
for table in sql_schema.tables(lang):
    with st.expander(t("schema_table_title", lang, table=table.name, n=f"{table.rows:,}")):
        st.caption(table.about)
        st.html(sql_schema.columns_html(table))
