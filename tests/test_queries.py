"""Every canned query in queries/, run on a real DuckDB built from data/, returns the right rows."""

import csv
import re

import duckdb
import pytest

from jiangbei import db
from jiangbei.schema import TOPICS
from tests.conftest import DATA, ROOT


@pytest.fixture(scope="module")
def rows():
    with open(DATA / "indicators.csv", encoding="utf-8") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


def q(con, name, **params):
    return db.run_query(con, name, **params)


def test_every_query_file_says_what_it_answers_and_documents_its_parameters():
    for path in sorted((ROOT / "queries").rglob("*.sql")):
        text = path.read_text(encoding="utf-8")
        header = "\n".join(line for line in text.splitlines() if line.startswith("--"))
        assert text.startswith("--"), f"{path.name} has no header comment"
        for param in set(re.findall(r"\$([a-z_]+)", text)):
            assert f"${param}" in header, f"{path.name}: ${param} not described in the header"


def test_every_canned_query_has_a_test():
    tested = set(re.findall(r'q\(con, "([a-z_]+)"', (ROOT / "tests" / "test_queries.py").read_text()))
    assert set(db.query_names()) <= tested


def test_tables_hold_every_row_with_types(con, rows):
    assert con.execute("select count(*) from indicators").fetchone()[0] == len(rows)
    types = dict(con.execute("select column_name, data_type from information_schema.columns "
                             "where table_name = 'indicators'").fetchall())
    assert types["value"] == "DOUBLE" and types["year"] == "INTEGER" and types["value_decimals"] == "INTEGER"


def test_database_is_locked(con):
    with pytest.raises(duckdb.Error):
        con.execute("select * from read_csv('data/indicators.csv')").fetchall()
    with pytest.raises(duckdb.Error):
        con.execute("set enable_external_access = true")


def test_page_indicators_filters(con, rows):
    trade = q(con, "page_indicators", topics=["trade"], years=[], kinds=[], lang="en")
    assert set(trade["id"]) == {i for i, r in rows.items() if r["topic"] == "trade"}
    targets = q(con, "page_indicators", topics=["trade", "consumption"], years=[2021], kinds=["target"], lang="zh")
    expected = {i for i, r in rows.items()
                if r["topic"] in ("trade", "consumption") and r["year"] == "2021" and r["kind"] == "target"}
    assert set(targets["id"]) == expected and expected
    assert targets["source_link"].iloc[0] == f"/source?id={targets['id'].iloc[0]}&lang=zh"
    everything = q(con, "page_indicators", topics=TOPICS, years=[], kinds=[], lang="en")
    assert len(everything) == len(rows)


def test_series_cards(con, rows):
    cards = q(con, "series_cards", series=["fixed_asset_investment", "gdp", "new_urban_jobs"])
    assert list(cards["series"]) == ["fixed_asset_investment", "gdp", "new_urban_jobs"]
    fai = cards.iloc[0]
    assert (fai["value"], fai["growth_value"], fai["target_value"]) == (257.3, 6.0, 280.0)
    assert fai["value_decimals"] == 1 and fai["growth_decimals"] == 1
    gdp = cards.iloc[1]
    assert (gdp["value"], gdp["growth_value"], gdp["target_value"], gdp["target_measure"]) == \
        (660.0, 3.4, 7.2, "yoy_growth_pct")
    jobs = cards.iloc[2]
    assert (jobs["value"], jobs["target_value"], jobs["target_qualifier"]) == (10288.0, 8000.0, "以上")


def test_growth_rates_sorted_with_declines(con, rows):
    df = q(con, "growth_rates", topics=["consumption"])
    expected = {i for i, r in rows.items()
                if r["topic"] == "consumption" and r["kind"] == "actual" and r["measure"] == "yoy_growth_pct"}
    assert set(df["id"]) == expected
    assert list(df["value"]) == sorted(df["value"])
    assert df["value"].iloc[0] == -20.6  # accommodation fell 20.6%


def test_rates_and_completion(con):
    df = q(con, "rates_and_completion", topics=["trade"])
    completion = df[df["measure"] == "completion_pct"].set_index("series")
    assert completion.loc["fdi_utilized", "value"] == 67.3 and not completion.loc["fdi_utilized", "beat_plan"]
    assert completion.loc["zhejiang_merchant_capital", "beat_plan"]
    assert (df["unit"] == "%").all()  # the 万分之 export share is not a percent


def test_levels_in_yuan(con, rows):
    df = q(con, "levels_in_yuan", topics=["macro", "fiscal"])
    expected = [i for i, r in rows.items() if r["topic"] in ("macro", "fiscal") and r["measure"] == "level"
                and r["unit"] == "亿元" and r["kind"] == "actual"]
    assert set(df["id"]) == set(expected) and "gdp_2020" in expected
    assert list(df["value"]) == sorted(df["value"], reverse=True)


def test_results_vs_targets(con, rows):
    df = q(con, "topic_results_vs_targets", topics=TOPICS).set_index("series")
    fai = df.loc["fixed_asset_investment"]
    assert (fai["result_value"], fai["target_value"], fai["gap"]) == (257.3, 280.0, 22.7)
    assert fai["change_needed_pct"] == round((280 / 257.3 - 1) * 100, 1)
    assert not fai["met_already"]
    unemployment = df.loc["registered_unemployment_rate"]
    assert unemployment["met_already"]  # 2.6% is below the 3.5% ceiling, and lower is better
    # each pair is one series and measure, a result and the next year's target
    for _, r in df.iterrows():
        assert rows[r["result_id"]]["kind"] == "actual" and rows[r["target_id"]]["kind"] == "target"
        assert int(rows[r["target_id"]]["year"]) == int(rows[r["result_id"]]["year"]) + 1
        assert rows[r["result_id"]]["measure"] == rows[r["target_id"]]["measure"]


def test_main_targets_start_with_the_main_paragraph(con):
    df = q(con, "main_targets")
    assert df["target_section"].iloc[0] == "二"
    assert df["series"].iloc[0] == "gdp"
    assert len(df) == len(q(con, "topic_results_vs_targets", topics=TOPICS))


def test_derived_figures_are_computed_and_labelled(con, rows):
    df = q(con, "topic_derived", topics=TOPICS).set_index("derived_id")
    gdp = df.loc["implied_target_level__gdp"]
    level, growth = float(rows["gdp_2020"]["value"]), float(rows["gdp_growth_target_2021"]["value"])
    assert gdp["value"] == round(level * (1 + growth / 100), 2)
    assert list(gdp["input_ids"]) == ["gdp_2020", "gdp_growth_target_2021"]
    plan = df.loc["implied_plan__fdi_utilized"]
    assert plan["value"] == round(11979 / 0.673, 2)
    prior = df.loc["implied_prior_level__exports__full_year"]
    assert prior["value"] == round(443.4 / 1.198, 2) and prior["year"] == 2019
    assert df["formula_en"].str.len().min() > 0 and df["formula_zh"].str.len().min() > 0
    # nothing derived is in the CSV
    assert not set(df.index) & set(rows)


def test_plan_completion(con, rows):
    df = q(con, "plan_completion")
    assert set(df["id"]) == {i for i, r in rows.items() if r["measure"] == "completion_pct"}
    assert list(df["value"]) == sorted(df["value"], reverse=True)
    key = df.set_index("series").loc["key_project_investment"]
    assert key["beat_plan"] and key["level_value"] == 160


def test_sources(con, rows):
    df = q(con, "sources")
    assert list(df["source_id"]) == ["jb-2020-plan-report"]
    assert df["indicator_count"].iloc[0] == len(rows)
    assert df["index_no"].iloc[0] == "2950827/2021-54294"


def test_indicator_by_id(con, rows):
    df = q(con, "indicator_by_id", id="exports_2020")
    assert len(df) == 1 and df["value"].iloc[0] == 443.4 and df["title_zh"].iloc[0].startswith("关于宁波市江北区")
    assert q(con, "indicator_by_id", id="no_such_id").empty


def test_schema_columns(con):
    df = q(con, "schema_columns")
    assert {"indicators", "sources", "results_vs_targets", "derived"} <= set(df["table_name"])


def test_missing_parameter_is_a_clear_error(con):
    with pytest.raises(ValueError, match="needs parameter"):
        q(con, "indicator_by_id")


def test_query_names_cannot_escape_queries_dir():
    for name in ("../data/x", "/etc/passwd", "derived_tables/../../x", "a.b"):
        with pytest.raises(ValueError):
            db.read_sql(name)


NO_FILTERS = {"topics": [], "years": [], "kinds": [], "measures": [], "units": [], "sections": [], "q": ""}


def test_explorer_rows(con, rows):
    assert len(q(con, "explorer_rows", **NO_FILTERS, lang="en")) == len(rows)
    df = q(con, "explorer_rows", **{**NO_FILTERS, "units": ["万美元"], "kinds": ["target"]}, lang="en")
    assert set(df["id"]) == {i for i, r in rows.items() if r["unit"] == "万美元" and r["kind"] == "target"}
    found = q(con, "explorer_rows", **{**NO_FILTERS, "q": "UNEMPLOYMENT"}, lang="en")
    assert set(found["id"]) == {i for i, r in rows.items() if "unemployment" in r["indicator_en"].lower()}
    by_section = q(con, "explorer_rows", **{**NO_FILTERS, "sections": ["二"]}, lang="zh")
    assert set(by_section["id"]) == {i for i, r in rows.items() if r["section"] == "二"}


def test_facet_counts(con, rows):
    df = q(con, "facet_counts", **{**NO_FILTERS, "topics": ["trade"]})
    counts = {(f, v): n for f, v, n in df.itertuples(index=False)}
    trade = [r for r in rows.values() if r["topic"] == "trade"]
    assert counts[("kind", "actual")] == sum(r["kind"] == "actual" for r in trade)
    # a facet's own filter does not narrow its counts
    assert counts[("topic", "consumption")] == sum(r["topic"] == "consumption" for r in rows.values())
    assert sum(n for (f, _), n in counts.items() if f == "year") == len(trade)


def test_facet_values(con, rows):
    df = q(con, "facet_values")
    assert set(df[df["facet"] == "unit"]["value"]) == {r["unit"] for r in rows.values()}
    assert set(df[df["facet"] == "year"]["value"]) == {r["year"] for r in rows.values()}


def test_indicator_context(con):
    fai = q(con, "indicator_context", id="fai_2020")
    pair = fai[fai["relation"] == "pair"]
    assert list(pair["other_id"]) == ["fai_target_2021"] and pair["value"].iloc[0] == 280
    derived = fai[fai["relation"] == "derived"]
    assert set(derived["derived_id"]) == {"growth_needed__fixed_asset_investment",
                                          "implied_prior_level__fixed_asset_investment__full_year"}
    target = q(con, "indicator_context", id="fai_target_2021")
    assert list(target[target["relation"] == "pair"]["other_id"]) == ["fai_2020"]
    assert q(con, "indicator_context", id="nothing").empty


def test_row_returning_queries_stop_at_their_row_limit(con):
    limited = [name for name in db.query_names() if "row_limit" in con.extract_statements(
        db.read_sql(name))[-1].named_parameters]
    assert {"page_indicators", "explorer_rows", "growth_rates", "main_targets"} <= set(limited)
    every = {"topics": list(TOPICS), "years": [], "kinds": [], "measures": [], "units": [], "sections": [], "q": "",
             "lang": "en", "statuses": [], "sort": "report"}
    for name in limited:
        statement = con.extract_statements(db.read_sql(name))[-1]
        params = {k: v for k, v in every.items() if k in statement.named_parameters}
        full = db.run_query(con, name, **params)  # the default limit: every row of the report
        assert len(full) > 2, name
        assert len(full) < db.ROW_LIMIT
        first_two = db.run_query(con, name, **params, row_limit=2)
        assert first_two.astype(str).equals(full.head(2).astype(str)), name  # the same two rows, in order



def test_target_scorecard_rows_filter_and_sort(con, rows):
    everything = q(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    assert sorted(everything["target_id"]) == sorted(i for i, r in rows.items() if r["kind"] == "target")
    picked = q(con, "target_scorecard_rows", topics=["employment", "macro"], statuses=["met_already"], sort="report")
    assert list(picked["target_id"]) == ["unemployment_rate_target_2021"]
    by_distance = q(con, "target_scorecard_rows", topics=["investment", "trade"], statuses=[], sort="distance")
    for _, group in by_distance.groupby(["topic", "family"], sort=False):
        measured = group["distance"].dropna()
        assert list(measured) == sorted(measured, reverse=True)
        assert group["distance"].isna().tolist() == sorted(group["distance"].isna().tolist())  # no figure last
    assert q(con, "target_scorecard_rows", topics=["nope"], statuses=[], sort="report").empty
