"""Canned query times on the real data and on synthetic data 10,000 times larger, with pandas as comparison."""

from __future__ import annotations

import statistics
import time

import duckdb
import pandas as pd

from jiangbei.core import store

FACTOR = 10_000
REPEAT = 15  # timed runs per query; the machine is noisy at the millisecond scale
NO_FILTERS = {"topics": [], "pages": [], "years": [], "kinds": [], "measures": [], "units": [], "sections": [], "q": "",
              "min_value": None, "max_value": None}


def params(suffix: str) -> dict[str, dict]:
    """Representative parameters of each canned query, as the pages use them. suffix names a synthetic region."""
    return {
        "page_indicators": {"topics": ["trade", "consumption"], "years": [2021], "kinds": ["target"], "lang": "en"},
        "series_cards": {"series": [f"gdp{suffix}", f"exports{suffix}", f"fixed_asset_investment{suffix}"]},
        "growth_rates": {"topics": ["trade", "consumption"]},
        "rates_and_completion": {"topics": ["trade", "consumption"]},
        "levels_in_yuan": {"topics": ["macro", "industry", "services", "innovation", "fiscal"]},
        "topic_results_vs_targets": {"topics": ["investment", "urban"]},
        "topic_derived": {"topics": ["trade", "consumption"]},
        "main_targets": {},
        "plan_completion": {},
        "sources": {},
        "indicator_by_id": {"id": f"exports_2020{suffix}"},
        "indicator_context": {"id": f"fai_2020{suffix}"},
        "schema_columns": {},
        "explorer_rows": {**NO_FILTERS, "topics": ["trade"], "years": [2021], "q": "export", "lang": "en"},
        "facet_counts": {**NO_FILTERS, "topics": ["trade"], "q": "export"},
        "facet_values": {},
        "glossary": {},
        "glossary_for_topics": {"topics": ["trade", "consumption"]},
    }


def synthetic(factor: int = FACTOR) -> duckdb.DuckDBPyConnection:
    """The same schema and views, each fact repeated for `factor` synthetic regions (id and series suffixed)."""
    base = store.build_database(store.data_dir())
    rows = base.execute("SELECT * FROM indicators").df()  # noqa: S608 (benchmark only, fixed text)
    sources = base.execute("SELECT * FROM sources").df()
    glossary = base.execute("SELECT * FROM glossary").df()
    con = duckdb.connect(":memory:", config={"threads": 2})  # as the app's own database
    con.execute("SET enable_progress_bar = false")
    con.register("base_rows", rows)
    con.register("base_sources", sources)
    con.register("base_glossary", glossary)
    # Stored in the order the app's load uses (queries/load/tables.sql), so zone maps work alike.
    con.execute(f"""
        CREATE TABLE indicators AS
        SELECT b.* REPLACE (b.id || '_r' || r.range AS id, b.series || '_r' || r.range AS series,
                            round(b.value * (1 + (r.range % 97) / 1000.0), 4) AS value)
        FROM base_rows AS b, range({factor}) AS r
        ORDER BY b.topic, b.kind, b.measure, b.year, r.range, b.csv_line""")
    con.execute("CREATE TABLE sources AS SELECT * FROM base_sources")
    con.execute("CREATE TABLE glossary AS SELECT * FROM base_glossary")  # terms do not grow with the regions
    store.run_script(con, store.read_sql("load/macros"))
    for script in store.derived_table_scripts():
        store.run_script(con, script.read_text(encoding="utf-8"))
    return con


def time_query(con: duckdb.DuckDBPyConnection, name: str, values: dict, repeat: int = REPEAT) -> float:
    """Median ms of executing the query and fetching its result as Arrow (no pandas conversion)."""
    statement = con.extract_statements(store.read_sql(name))[-1]
    values = store.with_defaults(values)  # as jiangbei.core.store.run_query gives every query
    bound = {k: values[k] for k in statement.named_parameters}
    samples = []
    for i in range(repeat + 1):
        started = time.perf_counter()
        con.execute(statement, bound).to_arrow_table()
        if i:  # the first run warms caches
            samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def pandas_equivalents(df: pd.DataFrame) -> dict:
    """The same filters in pandas, for the queries where a pandas version is natural."""
    def page_indicators():
        keep = df["topic"].isin(["trade", "consumption"]) & (df["year"] == 2021) & (df["kind"] == "target")
        return df[keep].sort_values(["year", "kind", "csv_line"])

    def growth_rates():
        keep = (df["kind"] == "actual") & (df["measure"] == "yoy_growth_pct") & \
            df["topic"].isin(["trade", "consumption"])
        return df[keep].sort_values("value")

    def explorer_rows():
        text = df["indicator_en"].str.lower().str.contains("export", regex=False) | \
            df["source_quote"].str.contains("export", regex=False) | df["id"].str.contains("export", regex=False)
        return df[(df["topic"] == "trade") & (df["year"] == 2021) & text]

    def topic_results_vs_targets():
        a = df[(df["kind"] == "actual") & df["topic"].isin(["investment", "urban"])]
        t = df[df["kind"] == "target"]
        pairs = a.merge(t, on=["series", "measure", "unit", "source_id"], suffixes=("", "_t"))
        return pairs[pairs["year_t"] == pairs["year"] + 1]

    def facet_counts():
        base = df[df["topic"] == "trade"]
        return {c: base[c].value_counts() for c in ("year", "kind", "measure", "unit", "section")}

    return {"page_indicators": page_indicators, "growth_rates": growth_rates, "explorer_rows": explorer_rows,
            "topic_results_vs_targets": topic_results_vs_targets, "facet_counts": facet_counts}


def time_callable(fn, repeat: int = REPEAT) -> float:
    samples = []
    for i in range(repeat + 1):
        started = time.perf_counter()
        fn()
        if i:
            samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def measure() -> list[dict]:
    """Per canned query: ms at 1x and at FACTOR x in DuckDB, and the pandas comparison where there is one."""
    real = store.build_database(store.data_dir())
    big = synthetic()
    big_frame = big.execute("SELECT * FROM indicators").df()
    pandas_fns = pandas_equivalents(big_frame)
    results = []
    for name in store.query_names():
        row = {"query": name}
        row["ms_1x"] = time_query(real, name, params("")[name])
        row["ms_big"] = time_query(big, name, params("_r1")[name])
        row["pandas_ms_big"] = time_callable(pandas_fns[name]) if name in pandas_fns else None
        results.append(row)
    return results
