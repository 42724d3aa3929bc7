"""The thin Streamlit layer: cached data (db), language, URL state, components (ui), navigation, the server's
connections (network: TCP_NODELAY), the parts several pages share (topic_page, figures, explorer, report_view,
glossary) and the SQL console's page parts (sql_console: results cache and fairness; sql_form: canned-query form;
sql_schema: the tables panel)."""
