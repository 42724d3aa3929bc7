"""The curated tables' columns and allowed values: one place that validation, the database and docs read."""

INDICATOR_COLUMNS = [
    "id", "series", "topic", "indicator_zh", "indicator_en", "year", "period", "kind", "measure",
    "value", "unit", "unit_en", "qualifier", "direction", "section", "source_id", "source_quote", "note",
    "source_quote_en",
]
SOURCE_COLUMNS = [
    "source_id", "title_zh", "title_en", "publisher_zh", "publisher_en", "date", "index_no", "path", "note", "path_en",
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
QUOTE_EN_MIN, QUOTE_EN_MAX = 8, 240
# How the English translation writes an amount in a Chinese unit: (factor, the English scale word after the number).
# 660 亿元 is "CNY 66 billion" (x 0.1) or, for small amounts, 3.3 亿元 is "CNY 330 million" (x 100); other units
# are written with their number as in the report (7.0%, 1,957 mu: thousands separators are allowed).
ENGLISH_SCALES = {
    "亿元": (("0.1", "billion"), ("100", "million")),
    "万元": (("0.01", "million"),),
    "万美元": (("0.01", "million"),),
    "万平方米": (("10000", "square metres"), ("0.01", "million square metres")),
    "万人": (("10000", None),),
}
ID_PATTERN = r"[a-z][a-z0-9_]*"

# DuckDB column types, so the CSV is read with explicit types and nothing is sniffed.
# value is read as text and cast to DOUBLE by queries/load/tables.sql, which also keeps its written decimals.
INDICATOR_TYPES = {c: "VARCHAR" for c in INDICATOR_COLUMNS} | {"year": "INTEGER"}
SOURCE_TYPES = {c: "VARCHAR" for c in SOURCE_COLUMNS} | {"date": "DATE"}
