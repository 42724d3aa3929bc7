"""The Jiangbei Plan Dashboard's package, in layers; each imports only those below it (tests/test_layers.py):

    views/, dashboard.py   pages: layout only                                   Streamlit
    app/                   cached db, language, URL state, components (ui),     Streamlit
                           the SQL console's page (sql_console, sql_form, ...)
    console/               SQL console engine: check, runner, worker,           no Streamlit
                           launcher, errors, canned queries (examples)
    reuse/                 exports, citation, data API, datapackage             no Streamlit
    presentation/          words and plurals, numbers and units, tables,        no Streamlit
                           cards, charts, chart text, theme
    core/                  schema, units, validation, DuckDB store, quotes      no Streamlit
"""
