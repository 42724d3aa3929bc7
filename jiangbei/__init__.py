"""Shared code of the Jiangbei plan dashboard: data schema, validation, DuckDB access, i18n, charts, export."""
