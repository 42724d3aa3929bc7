"""The curated tables' columns and allowed values: one place that validation, the database and docs read."""

INDICATOR_COLUMNS = [
    "id", "series", "topic", "indicator_zh", "indicator_en", "year", "period", "kind", "measure",
    "value", "unit", "unit_en", "price_basis", "stock_flow", "qualifier", "bound", "direction", "section",
    "source_id", "source_quote", "note", "source_quote_en", "plan_verdict",
]
SOURCE_COLUMNS = [
    "source_id", "title_zh", "title_en", "publisher_zh", "publisher_en", "date", "index_no", "path", "note", "path_en",
]
GLOSSARY_COLUMNS = ["term_zh", "term_en", "explanation_zh", "explanation_en"]
# A glossary explanation quoting a number the report does not write marks it: computed from the report's figures
# (推算 / derived) or a constant of a unit or statistical standard (定义 / by definition).
GLOSSARY_NUMBER_MARKS = {"explanation_zh": ("推算", "定义"), "explanation_en": ("derived", "by definition")}

TOPICS = [
    "macro", "industry", "services", "innovation", "fiscal", "investment", "urban",
    "consumption", "trade", "employment", "social", "environment", "governance",
]
# The topic pages and the topics each shows (every topic on exactly one page), in the navigation's order;
# jiangbei.app.topic_page lays the pages out, the explorer's page facet and the data API filter by them.
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
    # nominal / comparable (real) where the report says or its figure can only be that (a money amount is at
    # current prices); not_stated where a growth rate could be either and the report does not say (GDP growth:
    # the NBS convention is real, but the report does not state it); none for what has no price.
    "price_basis": ["nominal", "comparable", "not_stated", "none"],
    # flow: an amount over the period (and any growth rate: a change over the period); stock: at a point in time;
    # rate: a share, coverage, intensity, completion rate or ratio; rank: a place in a ranking.
    "stock_flow": ["flow", "stock", "rate", "rank"],
    # The bound the wording puts on the value: 突破/超过/以上 at_least; 最多/不超过/以内 at_most; 左右/约 about.
    "bound": ["exact", "at_least", "at_most", "about"],
    # What the report says in words about a result against its annual plan where it gives no completion rate
    # (全年地区生产总值等指标难以完成年度目标: GDP missed); the sentence is quoted in the note.
    "plan_verdict": ["beat", "missed"],
}
# The one table of bound wording: each word of the qualifier column and the bound it gives the value. A bound
# word (突破/超过/以上 at_least; 最多/不超过/以内/跻身 at_most; 左右/约 about) decides; 达到/达/提升至 say the value is
# reached, an exact figure (达到98% is 98, not "at least 98"), unless a bound word stands beside them (力争达到…以上:
# at least). Words not in the table (力争, 争取, 保持在, 稳定在) do not bound: the row is exact unless its note says
# why not (城镇登记失业率保持在3.5% is a ceiling).
QUALIFIER_BOUNDS = {
    "突破": "at_least", "超过": "at_least", "以上": "at_least",
    "最多": "at_most", "不超过": "at_most", "以内": "at_most", "跻身": "at_most",  # 跻身…十强: rank ten or better
    "左右": "about", "约": "about",
    "达到": "exact", "达": "exact", "提升至": "exact",
}
# Bound words grouped by the bound they give (exact words excluded: they give way to a bound word beside them).
BOUND_WORDS = {
    bound: tuple(w for w, b in QUALIFIER_BOUNDS.items() if b == bound) for bound in ("at_least", "at_most", "about")
}
# Caveats the report gives, which must travel with every figure they cover (the validator checks the note):
# the report's phrase -> (words the note must hold, the series it covers; () = every figure quoted from the sentence,
# up to 。, that holds the phrase). The phrase must be in the source.
CAVEATS = {
    # 根据海关初步数据,全区实现外贸自营出口额443.4亿元,…完成进度排名全市第3。 The next sentence's export figures
    # (the top 50 exporters' share of export growth; growth to the EU, the US, ASEAN, Belt and Road) are parts of
    # those same exports. The e-commerce caveat below is not theirs: the report gives it for the total's target.
    "根据海关初步数据": ("preliminary customs data (海关初步数据)",
                         ("top50_exporters_contribution", "exports_eu", "exports_us", "exports_asean",
                          "exports_belt_road")),
    # 外贸自营出口额等指标因防疫物资出口规模持续扩大和电商新增企业数据贡献,超额完成年度目标: the 2020 exports, and
    # what is computed from them (growth, its rank, the national share), partly count firms newly added to the data
    "电商新增企业数据贡献": ("newly counted e-commerce firms (电商新增企业数据贡献)",
                            ("exports", "export_national_share")),
    # 受疫情影响,全年地区生产总值等指标难以完成年度目标
    "难以完成年度目标": ("难以完成年度目标", ("gdp",)),
}
# A note's words for a Jan–Nov period read from the 1-11月 opening the figure's paragraph, not stated in its own
# sentence (the validator checks them against the report; the pages mark such a period "per paragraph").
PARAGRAPH_PERIOD = "paragraph's 1-11月"
# Words that are not qualifiers: 累计 says how a total was added up, not a bound.
NOT_QUALIFIERS = ("累计",)
# Measures whose stock_flow and price_basis follow from the measure alone.
MEASURE_STOCK_FLOW = {
    "rank": "rank", "share_pct": "rate", "completion_pct": "rate", "ratio": "rate",
    "yoy_growth_pct": "flow", "pct_point_change": "flow",
}
CHANGE_MEASURES = ("yoy_growth_pct", "pct_point_change")
PRICELESS_MEASURES = ("count", "rank", "share_pct", "completion_pct", "ratio")
# Periods each stock_flow may have: a stock is read at year end; a flow over the year or Jan-Nov.
STOCK_FLOW_PERIODS = {
    "stock": ("year_end", "jan_nov"),  # jan_nov: at the end of November
    "flow": ("full_year", "jan_nov", "cumulative"),
    "rate": ("full_year", "jan_nov", "year_end"), "rank": ("full_year", "year_end"),
}
# Columns a 2020 result and its 2021 target (same series and measure) must agree on to be compared.
PAIR_MUST_MATCH = ("stock_flow", "price_basis", "unit")

# Columns that must never be empty (qualifier and note are optional).
REQUIRED = [c for c in INDICATOR_COLUMNS if c not in ("qualifier", "note", "plan_verdict")]
# The natural key: a result and its target share series and measure but differ in year and kind.
NATURAL_KEY = ("series", "year", "kind", "measure", "period")
QUOTE_MIN, QUOTE_MAX = 8, 80
QUOTE_EN_MIN, QUOTE_EN_MAX = 8, 240
# The units' scales (money, English display, English translation): jiangbei.core.units.
ID_PATTERN = r"[a-z][a-z0-9_]*"

# DuckDB column types, so the CSV is read with explicit types and nothing is sniffed.
# value is read as text and cast to DOUBLE by queries/load/tables.sql, which also keeps its written decimals.
INDICATOR_TYPES = {c: "VARCHAR" for c in INDICATOR_COLUMNS} | {"year": "INTEGER"}
SOURCE_TYPES = {c: "VARCHAR" for c in SOURCE_COLUMNS} | {"date": "DATE"}
GLOSSARY_TYPES = {c: "VARCHAR" for c in GLOSSARY_COLUMNS}
