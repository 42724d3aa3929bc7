"""Core: the data and its rules, with no Streamlit: schema, units, validation, the DuckDB store, quotes.
serve.py's API, the console's sandbox, scripts and tests use it without starting a UI."""
