"""The canned queries of queries/ as the SQL console's examples, as Datasette shows canned queries: a title and a
description for analysts in both languages, and a value for each $parameter that a form lets the visitor change."""

from __future__ import annotations

import re

from jiangbei.core import store
from jiangbei.presentation.i18n import t

# The examples, in the order offered (the app's internal queries, such as facet_values, are not offered).
# Each has example_<name>_title and example_<name>_about in jiangbei/locales/*/LC_MESSAGES/analyst.po.
EXAMPLES = [
    "target_scorecard_rows", "plan_completion", "main_targets", "explorer_rows", "topic_results_vs_targets",
    "growth_rates",
    "rates_and_completion", "levels_in_yuan", "topic_derived", "series_cards", "indicator_context",
    "indicator_by_id", "page_indicators", "facet_counts", "sources",
]

# One example value per parameter name used in queries/*.sql.
PARAMETER_DEFAULTS = {
    "topics": ["trade", "consumption"],
    "pages": [],
    "years": [2021],
    "kinds": [],
    "lang": "en",
    "series": ["gdp", "exports", "fixed_asset_investment"],
    "id": "exports_2020",
    "measures": [],
    "units": [],
    "sections": [],
    "q": "export",
    "min_value": None,
    "max_value": None,
    "statuses": ["raise_pace", "ease_pace"],
    "sort": "distance",
    "row_limit": store.ROW_LIMIT,
}


def names() -> list[str]:
    return list(EXAMPLES)


def title(name: str, lang: str) -> str:
    return t(f"example_{name}_title", lang)


def about(name: str, lang: str) -> str:
    return t(f"example_{name}_about", lang)


def parameters(name: str) -> list[str]:
    """The $parameters the query names, in the order they first appear in its SQL."""
    sql = "\n".join(line for line in store.read_sql(name).splitlines() if not line.lstrip().startswith("--"))
    return list(dict.fromkeys(re.findall(r"\$([a-z_]+)", sql)))


def defaults(name: str, lang: str = "en") -> dict:
    return {p: lang if p == "lang" else PARAMETER_DEFAULTS[p] for p in parameters(name)}


def example_sql(name: str, lang: str = "en", values: dict | None = None) -> str:
    """The canned query with its parameters filled in (the defaults, or values), under a comment saying what it
    answers in lang and which parameters the form filled in."""
    values = {**defaults(name, lang), **(values or {})}
    body = [line for line in fill(store.read_sql(name), values).splitlines() if not line.lstrip().startswith("--")]
    head = [f"-- {title(name, lang)}: {about(name, lang)}"]
    if values:
        head.append("-- " + t("example_params_comment", lang, params=", ".join(f"${p}" for p in values)))
    return "\n".join(head + body)


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
