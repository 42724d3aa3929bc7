"""The canned queries of queries/ as examples for the SQL console, with example values in their $parameters."""

from __future__ import annotations

import re

from jiangbei import db

# One example value per parameter name used in queries/*.sql, as a SQL literal.
PARAMETER_EXAMPLES = {
    "topics": "['trade', 'consumption']",
    "years": "[2021]",
    "kinds": "[]",
    "lang": "'en'",
    "series": "['gdp', 'exports', 'fixed_asset_investment']",
    "id": "'exports_2020'",
    "measures": "[]",
    "units": "[]",
    "sections": "[]",
    "q": "'export'",
    "row_limit": str(db.ROW_LIMIT),
}


def example_sql(name: str) -> str:
    """The canned query's text with each $parameter replaced by its example value."""
    lines = db.read_sql(name).splitlines()
    # The header comment keeps naming the parameters; only the SQL gets the example values.
    return "\n".join(line if line.lstrip().startswith("--") else
                     re.sub(r"\$([a-z_]+)", lambda m: PARAMETER_EXAMPLES[m.group(1)], line) for line in lines)


def names() -> list[str]:
    return db.query_names()


def literal(value) -> str:
    """A Python value as a DuckDB literal: 'text' (quotes doubled), numbers, NULL, and [lists]."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return "'" + str(value).replace("'", "''") + "'"


def fill(sql: str, values: dict) -> str:
    """The SQL with each $parameter replaced by its value as a literal; comment lines keep naming the parameters."""
    return "\n".join(line if line.lstrip().startswith("--") else
                     re.sub(r"\$([a-z_]+)", lambda m: literal(values[m.group(1)]), line) for line in sql.splitlines())
