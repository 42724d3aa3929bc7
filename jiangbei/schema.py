"""The curated tables' columns and allowed values: one place that validation, the database and docs read."""

INDICATOR_COLUMNS = [
    "id", "series", "topic", "indicator_zh", "indicator_en", "year", "period", "kind", "measure",
    "value", "unit", "unit_en", "qualifier", "direction", "section", "source_id", "source_quote", "note",
]
SOURCE_COLUMNS = [
    "source_id", "title_zh", "title_en", "publisher_zh", "publisher_en", "date", "index_no", "path", "note",
]

TOPICS = [
    "macro", "industry", "services", "innovation", "fiscal", "investment", "urban",
    "consumption", "trade", "employment", "social", "environment", "governance",
]
# The topic pages and the topics each shows (every topic on exactly one page), in the navigation's order;
# jiangbei.topic_page lays the pages out, the explorer's page facet and the data API filter by them.
PAGE_TOPICS = {
    "economy": ["macro", "industry", "services", "innovation", "fiscal"],
    "investment": ["investment", "urban"],
    "trade": ["trade", "consumption"],
    "livelihood": ["employment", "social", "environment", "governance"],
}
ENUMS = {
    "topic": TOPICS,
    "period": ["full_year", "jan_nov", "year_end", "cumulative"],
    "kind": ["actual", "target"],
    "measure": [
        "level", "count", "yoy_growth_pct", "share_pct", "completion_pct",
        "pct_point_change", "rank", "ratio",
    ],
    "direction": ["up", "down", "neutral"],
}
# Columns that must never be empty (qualifier and note are optional).
REQUIRED = [c for c in INDICATOR_COLUMNS if c not in ("qualifier", "note")]
# The natural key: a result and its target share series and measure but differ in year and kind.
NATURAL_KEY = ("series", "year", "kind", "measure", "period")
QUOTE_MIN, QUOTE_MAX = 8, 80
ID_PATTERN = r"[a-z][a-z0-9_]*"

# DuckDB column types, so the CSV is read with explicit types and nothing is sniffed.
# value is read as text and cast to DOUBLE by queries/load/tables.sql, which also keeps its written decimals.
INDICATOR_TYPES = {c: "VARCHAR" for c in INDICATOR_COLUMNS} | {"year": "INTEGER"}
SOURCE_TYPES = {c: "VARCHAR" for c in SOURCE_COLUMNS} | {"date": "DATE"}
