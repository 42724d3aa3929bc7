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
    "statuses": "['raise_pace', 'ease_pace']",
    "sort": "'distance'",
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
