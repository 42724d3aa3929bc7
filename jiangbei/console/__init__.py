"""The SQL console's engine, with no Streamlit: check (refuse before running), runner (worker processes under
limits), worker, launcher, errors (where DuckDB says a query failed), examples (the canned queries as SQL). Its
page parts (results cache and fairness, the canned-query form, the schema panel) are app.sql_console, app.sql_form
and app.sql_schema."""
