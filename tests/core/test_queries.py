"""Every canned query in queries/, run on a real DuckDB built from data/, returns the right rows."""

import csv
import math
import re

import duckdb
import pandas as pd
import pytest

from jiangbei.core import store
from jiangbei.core.schema import TOPICS
from tests.conftest import DATA, ROOT


@pytest.fixture(scope="module")
def rows():
    with open(DATA / "indicators.csv", encoding="utf-8") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


def q(con, name, **params):
    return store.run_query(con, name, **params)


def test_every_query_file_says_what_it_answers_and_documents_its_parameters():
    for path in sorted((ROOT / "queries").rglob("*.sql")):
        text = path.read_text(encoding="utf-8")
        header = "\n".join(line for line in text.splitlines() if line.startswith("--"))
        assert text.startswith("--"), f"{path.name} has no header comment"
        for param in set(re.findall(r"\$([a-z_]+)", text)):
            assert f"${param}" in header, f"{path.name}: ${param} not described in the header"


def test_every_canned_query_has_a_test():
    tested = set(re.findall(r'q\(con, "([a-z_]+)"', (ROOT / "tests" / "core" / "test_queries.py").read_text()))
    assert set(store.query_names()) <= tested


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
    assert targets["source_link"].iloc[0] == f"source?id={targets['id'].iloc[0]}&lang=zh"
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
    # 争取…280亿元以上: a lower-bound target over an exact result gives a lower-bound gap, rounded down
    assert (fai["target_bound"], fai["gap_bound"], fai["price_basis"]) == ("at_least", "at_least", "nominal")
    # 257.3 ± 0.05 and a floor of 280 (a bound adds no rounding error): 8.82 ± 0.02 points, to 0.1, rounded down
    assert fai["change_needed_pct"] == 8.8 and fai["is_derived"]
    assert df.loc["beautiful_villages_premium", "change_needed_pct"] == -14.3  # counts are exact: 6 ÷ 7 − 1
    unemployment = df.loc["registered_unemployment_rate"]
    assert unemployment["met_already"]  # 2.6% is below the 3.5% ceiling, and lower is better
    assert (unemployment["met_status"], unemployment["target_bound"]) == ("met", "at_most")
    # each pair is one series and measure, a result and the next year's target, measuring the same thing
    for _, r in df.iterrows():
        a, t = rows[r["result_id"]], rows[r["target_id"]]
        assert a["kind"] == "actual" and t["kind"] == "target"
        assert int(t["year"]) == int(a["year"]) + 1
        assert all(a[c] == t[c] for c in ("measure", "stock_flow", "price_basis", "unit"))


def test_a_flow_target_is_never_met_already(con, rows):
    df = q(con, "topic_results_vs_targets", topics=TOPICS).set_index("series")
    flows = df[(df["stock_flow"] == "flow") | df["measure"].isin(["yoy_growth_pct", "pct_point_change"])]
    assert len(flows) >= 15 and set(flows["met_status"]) == {"not_applicable"}
    assert flows["met_already"].isna().all()
    # 10,288 new jobs in 2020 say nothing about 8,000 in 2021
    assert df.loc["new_urban_jobs", "met_status"] == "not_applicable"
    judged = df[df["met_status"] != "not_applicable"]
    assert set(judged["stock_flow"]) <= {"stock", "rate"}
    # 突破150 high-tech firms against 超过170: a lower bound below the target cannot tell
    assert df.loc["hightech_firms", "met_status"] == "unknown" and pd.isna(df.loc["hightech_firms", "gap"])
    # R&D ÷ GDP and the share of China's exports are rates of a year's flows: 2020's say nothing about 2021's
    for series in ("rd_intensity", "export_national_share", "water_function_zone_compliance"):
        assert df.loc[series, "met_status"] == "not_applicable" and pd.isna(df.loc[series, "met_already"]), series
    # point-in-time rates and stocks are judged: participation rates at year end above their floors
    assert df.loc["pension_insurance_coverage", "met_status"] == "met"
    assert df.loc["pension_insurance_coverage", "met_already"]


def test_different_things_are_not_paired(con):
    df = q(con, "topic_results_vs_targets", topics=TOPICS)
    # 17 communities renovated in 2020 and 22 renovation projects to carry out in 2021
    assert "old_communities_renovated" not in set(df["series"])


def test_main_targets_start_with_the_main_paragraph(con):
    df = q(con, "main_targets")
    assert df["target_section"].iloc[0] == "二"
    assert df["series"].iloc[0] == "gdp"
    assert len(df) == len(q(con, "topic_results_vs_targets", topics=TOPICS))


def test_derived_figures_are_computed_and_labelled(con, rows):
    df = q(con, "topic_derived", topics=TOPICS).set_index("derived_id")
    assert df["is_derived"].all()
    # 突破660亿元 (nominal, a lower bound: exact as a bound) × (1 + 7.2 % real growth, ± 0.05): at least 707.5 ± 0.3
    # at 2020 prices, stated to the unit (the first uncertain digit), rounded down: at least 707
    gdp = df.loc["implied_target_level__gdp"]
    level, growth = float(rows["gdp_2020"]["value"]), float(rows["gdp_growth_target_2021"]["value"])
    assert gdp["value"] == math.floor(level * (1 + growth / 100)) and gdp["value_decimals"] == 0
    # the report does not state the growth target's price basis, so neither does the level it implies
    assert (gdp["price_basis"], gdp["bound"], gdp["year"]) == ("not_stated", "at_least", 2021)
    assert "price basis of the growth not stated" in gdp["indicator_en"] and "价格口径未说明" in gdp["indicator_zh"]
    assert list(gdp["input_ids"]) == ["gdp_2020", "gdp_growth_target_2021"]
    # nominal revenue × nominal growth target stays nominal and exact; a target is the number the plan sets (7% is
    # 7.0, no rounding error), so 84.3 × 1.07 (90.20 ± 0.05) is stated to the tenth: 90.2
    revenue = df.loc["implied_target_level__general_budget_revenue"]
    assert (revenue["value"], revenue["price_basis"], revenue["bound"]) == (90.2, "nominal", "exact")
    # a plan to the significant figures of its least precise input: 11979 ÷ 67.3 % → 17,800
    plan = df.loc["implied_plan__fdi_utilized"]
    assert plan["value"] == 17800 and plan["bound"] == "exact"
    assert df.loc["implied_plan__zhejiang_merchant_capital", "value"] == 76  # 84 ÷ 110 % = 76.4 ± 0.8: to the unit
    # 2430.1 ÷ 1.263 = 1924.1 ± 0.8: the unit is the first uncertain digit
    services = df.loc["implied_prior_level__services_leading_revenue__jan_nov"]
    assert (services["value"], services["value_decimals"]) == (1924, 0)
    # 争取突破40亿元 is a floor, exact as a bound; 35.7 is known to 0.05: growth needed is 12.04 ± 0.16 points, to the
    # unit, rounded down: at least 12 %
    software = df.loc["growth_needed__software_revenue"]
    assert (software["value"], software["value_decimals"], software["bound"]) == (12, 0, "at_least")
    # 443.4 ÷ 1.198 = 370.1 ± 0.2: a tenth is less than the error, so units are kept
    prior = df.loc["implied_prior_level__exports__full_year"]
    assert prior["value"] == 370 and prior["year"] == 2019 and prior["price_basis"] == "nominal"
    # Jan-Nov figures give the Jan-Nov level of the year before
    assert df.loc["implied_prior_level__services_leading_revenue__jan_nov", "period"] == "jan_nov"
    # 争取…280亿元以上 (a floor) over 257.3 ± 0.05: 8.82 ± 0.02 points, so the growth needed is at least 8.8 %
    needed = df.loc["growth_needed__fixed_asset_investment"]
    assert (needed["value"], needed["bound"], needed["price_basis"]) == (8.8, "at_least", "nominal")
    assert df["formula_en"].str.len().min() > 0 and df["formula_zh"].str.len().min() > 0
    # nothing derived is in the CSV
    assert not set(df.index) & set(rows)


def test_nothing_derived_mixes_price_bases(con):
    df = q(con, "topic_derived", topics=TOPICS).set_index("derived_id")
    # no 2019 nominal GDP or value added from a real growth rate
    assert "implied_prior_level__gdp__full_year" not in df.index
    assert "implied_prior_level__digital_core_manufacturing_va__full_year" not in df.index
    for derived_id, r in df.iterrows():
        bases = {b for (b,) in con.execute(
            "SELECT price_basis FROM indicators WHERE list_contains($ids, id)", {"ids": list(r["input_ids"])}
        ).fetchall()}
        if r["price_basis"] in ("comparable", "not_stated"):
            assert r["derivation"] == "implied_target_level" and "price" in r["indicator_en"], derived_id
        else:
            assert bases <= {r["price_basis"], "none"}, derived_id


def test_every_derived_row_says_the_condition_it_holds_under(con):
    """Each derived row has a note in both languages: an implied prior-year level is conditional on the same scope
    (同口径) and price basis; a level from a growth whose basis is real or not stated is conditional, never a
    nominal forecast; a bound or Jan-Nov figure says so; and its inputs' caveats travel with it."""
    df = q(con, "topic_derived", topics=TOPICS)
    assert len(df) >= 15 and df["note_zh"].str.len().gt(0).all() and df["note_en"].str.len().gt(0).all()
    for r in df.to_dict("records"):
        ident = r["derived_id"]
        if r["derivation"] == "implied_prior_level":
            assert "同口径" in r["note_zh"] and "same scope" in r["note_en"] and "conditional" in r["note_en"], ident
            assert "不一定等于" in r["note_zh"] and "not necessarily the figure published" in r["note_en"], ident
        if r["price_basis"] in ("comparable", "not_stated"):
            assert "not a forecast of the nominal" in r["note_en"] or "conditional" in r["note_en"], ident
            assert "价格" in r["note_zh"], ident
        if r["bound"] in ("at_least", "at_most"):
            assert "bound" in r["note_en"] and "限" in r["note_zh"], ident
        if r["period"] == "jan_nov":
            assert "November" in r["note_en"] and "11月" in r["note_zh"], ident
        inputs = con.execute("SELECT note FROM indicators WHERE list_contains($ids, id) AND note <> ''",
                             {"ids": list(r["input_ids"])}).fetchall()
        for (note,) in inputs:
            assert note in (r["input_notes"] or ""), ident
    # no prior-year level from a growth rate of another price basis (real growth is no nominal 2019 level)
    prior = con.execute("""
        SELECT d.derived_id FROM derived AS d, indicators AS l, indicators AS g
        WHERE d.derivation = 'implied_prior_level' AND l.id = d.input_ids[1] AND g.id = d.input_ids[2]
          AND l.price_basis <> g.price_basis""").fetchall()
    assert prior == []
    exports = df.set_index("derived_id").loc["implied_prior_level__exports__full_year"]
    assert "preliminary customs data" in exports["input_notes"] and "newly counted" in exports["input_notes"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_derived_tab_table_and_its_export_carry_the_note(con, lang):
    from jiangbei.presentation import tables
    from jiangbei.presentation.i18n import t

    df = q(con, "topic_derived", topics=TOPICS)
    shown = tables.derived_frame(df, lang)
    notes = shown[t("col_note", lang)]
    assert (notes.str.len() > 0).all()
    assert list(notes.str.split(r"[;；] ?").str[0]) == list(df[f"note_{lang}"].str.split(r"[;；] ?").str[0])
    # the export of the tab is the shown table after its code columns: the note travels into the file
    import io

    from jiangbei.reuse import export

    exported = pd.read_csv(io.BytesIO(export.to_csv(export.with_code_columns(shown, df))))
    assert list(exported[t("col_note", lang)]) == list(notes)


def test_opposite_bounds_give_no_figure(con):
    # 突破150 -> 超过170 high-tech firms: both lower bounds pull the change opposite ways, so it has no bound and is
    # not stated
    pairs = q(con, "topic_results_vs_targets", topics=TOPICS).set_index("series")
    firms = pairs.loc["hightech_firms"]
    assert (firms["result_bound"], firms["target_bound"]) == ("at_least", "at_least")
    assert pd.isna(firms["gap_bound"]) and pd.isna(firms["gap"]) and pd.isna(firms["change_needed_pct"])
    df = q(con, "topic_derived", topics=TOPICS)
    assert df["bound"].notna().all()


def test_plan_completion(con, rows):
    df = q(con, "plan_completion")
    # every completion rate, and every result the report judges against the plan only in words
    assert set(df["id"]) == {i for i, r in rows.items() if r["measure"] == "completion_pct" or r["plan_verdict"]}
    rates = df[df["measure"] == "completion_pct"]
    assert list(rates["value"]) == sorted(rates["value"], reverse=True)
    worded = df[df["measure"] != "completion_pct"].set_index("id")
    assert worded["value"].isna().all() and set(worded["plan_verdict"]) <= {"beat", "missed"}
    assert (worded["beat_plan"] == (worded["plan_verdict"] == "beat")).all()
    # GDP missed its 2020 plan (难以完成年度目标): it is in the list, as missed, with the report's words
    assert not worded.loc["gdp_2020", "beat_plan"] and "难以完成年度目标" in worded.loc["gdp_2020", "note"]
    key = df.set_index("series").loc["key_project_investment"]
    assert key["beat_plan"] and key["level_value"] == 160


def test_plan_outcome_is_beat_met_or_missed_by_one_rule(con, rows):
    df = q(con, "plan_completion")
    for r in df.to_dict("records"):
        if r["measure"] == "completion_pct" and r["bound"] == "exact":
            expected = "beat" if r["value"] > 100 else "met" if r["value"] == 100 else "missed"
        else:
            expected = r["plan_verdict"]
        assert r["plan_outcome"] == expected and r["beat_plan"] == (expected == "beat"), r["id"]
    # GDP missed its 2020 plan (难以完成年度目标) and is among the missed, with the report's words
    assert df.set_index("id").loc["gdp_2020", "plan_outcome"] == "missed"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_exactly_the_plan_is_met_in_the_lines_and_the_chart(data_copy, lang):
    from jiangbei.presentation import charts, tables
    from jiangbei.presentation.i18n import t

    frame = pd.read_csv(data_copy / "indicators.csv", dtype=str, keep_default_na=False)
    row = frame["id"] == "zhejiang_merchant_capital_completion_2020"
    frame.loc[row, ["value", "source_quote"]] = ["100", frame.loc[row, "source_quote"].iloc[0].replace("110%", "100%")]
    frame.to_csv(data_copy / "indicators.csv", index=False)
    df = store.run_query(store.build_database(data_copy), "plan_completion")
    assert set(df["plan_outcome"]) == {"beat", "met", "missed"}
    lines = tables.plan_outcome_lines(df, lang)
    assert len(lines) == 3
    met_name = df.set_index("plan_outcome").loc["met", f"indicator_{lang}"]
    assert met_name in lines[1] and lines[1].startswith(t("plan_outcome_met", lang, names="")[:4])
    gdp = df.set_index("id").loc["gdp_2020", f"indicator_{lang}"]
    assert gdp in lines[2]  # missed, said in words
    fig = charts.completion_bars(df, lang)
    names = [trace.name for trace in fig.data]
    assert [t(k, lang) for k in ("beat_plan", "met_plan", "missed_plan")] == names[:3]
    met = fig.data[1]
    assert list(met.x) == [100.0] and met.marker.pattern.shape  # a pattern, never colour alone


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
    assert {"indicators", "sources", "results_vs_targets", "derived", "glossary"} <= set(df["table_name"])
    typed = df[df["table_name"] == "indicators"].set_index("column_name")
    assert {"price_basis", "stock_flow", "bound"} <= set(typed.index)
    assert typed["column_comment"].notna().all()


def test_missing_parameter_is_a_clear_error(con):
    with pytest.raises(ValueError, match="needs parameter"):
        q(con, "indicator_by_id")


def test_query_names_cannot_escape_queries_dir():
    for name in ("../data/x", "/etc/passwd", "derived_tables/../../x", "a.b"):
        with pytest.raises(ValueError):
            store.read_sql(name)


NO_FILTERS = {"topics": [], "pages": [], "years": [], "kinds": [], "measures": [], "units": [], "sections": [], "q": "",
              "min_value": None, "max_value": None}


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
    assert (pair["qualifier"].iloc[0], pair["bound"].iloc[0]) == ("争取…以上", "at_least")
    derived = fai[fai["relation"] == "derived"]
    assert set(derived["derived_id"]) == {"growth_needed__fixed_asset_investment",
                                          "implied_prior_level__fixed_asset_investment__full_year"}
    target = q(con, "indicator_context", id="fai_target_2021")
    assert list(target[target["relation"] == "pair"]["other_id"]) == ["fai_2020"]
    assert q(con, "indicator_context", id="nothing").empty


def test_row_returning_queries_stop_at_their_row_limit(con):
    limited = [name for name in store.query_names() if "row_limit" in con.extract_statements(
        store.read_sql(name))[-1].named_parameters]
    assert {"page_indicators", "explorer_rows", "growth_rates", "main_targets"} <= set(limited)
    every = {**NO_FILTERS, "topics": list(TOPICS), "lang": "en", "statuses": [], "sort": "report"}
    for name in limited:
        statement = con.extract_statements(store.read_sql(name))[-1]
        params = {k: v for k, v in every.items() if k in statement.named_parameters}
        full = store.run_query(con, name, **params)  # the default limit: every row of the report
        assert len(full) > 2, name
        assert len(full) < store.ROW_LIMIT
        first_two = store.run_query(con, name, **params, row_limit=2)
        assert first_two.astype(str).equals(full.head(2).astype(str)), name  # the same two rows, in order



def test_table_rows(con, rows):
    assert q(con, "table_rows", table="indicators")["n"].iloc[0] == len(rows)
    assert q(con, "table_rows", table="page_groups")["n"].iloc[0] == len(TOPICS)


def test_page_groups_put_every_topic_on_one_page(con):
    groups = con.execute("select topic, page from page_groups").fetchall()
    assert sorted(t for t, _ in groups) == sorted(TOPICS)
    trade = q(con, "explorer_rows", **{**NO_FILTERS, "pages": ["trade"]}, lang="en")
    assert set(trade["topic"]) == {"trade", "consumption"}
    counts = q(con, "facet_counts", **{**NO_FILTERS, "kinds": ["target"]})
    pages = dict(counts[counts["facet"] == "page"][["value", "n"]].itertuples(index=False))
    targets = q(con, "explorer_rows", **{**NO_FILTERS, "kinds": ["target"]}, lang="en")
    assert pages["trade"] == targets["topic"].isin(["trade", "consumption"]).sum() > 0
    assert sum(pages.values()) == len(targets)


def test_value_range(con):
    ranged = q(con, "explorer_rows", **{**NO_FILTERS, "min_value": 10, "max_value": 20}, lang="en")
    assert len(ranged) > 0 and ranged["value"].between(10, 20).all()


def test_target_scorecard_rows_filter_and_sort(con, rows):
    everything = q(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    assert sorted(everything["target_id"]) == sorted(i for i, r in rows.items() if r["kind"] == "target")
    picked = q(con, "target_scorecard_rows", topics=["employment", "macro"], statuses=["met_already"],
               sort="report")
    assert list(picked["target_id"]) == ["unemployment_rate_target_2021"]
    by_distance = q(con, "target_scorecard_rows", topics=["investment", "trade"], statuses=[], sort="distance")
    for _, group in by_distance.groupby(["topic", "family"], sort=False):
        measured = group["distance"].dropna()
        assert list(measured) == sorted(measured, reverse=True)
        assert group["distance"].isna().tolist() == sorted(group["distance"].isna().tolist())  # no figure last
    assert q(con, "target_scorecard_rows", topics=["nope"], statuses=[], sort="report").empty


def test_glossary_queries(con):
    with open(DATA / "glossary.csv", encoding="utf-8") as f:
        terms = list(csv.DictReader(f))
    everything = q(con, "glossary")
    assert list(everything["term_zh"]) == [t["term_zh"] for t in terms]
    trade = q(con, "glossary_for_topics", topics=["trade", "consumption"])
    assert {"限上", "自营出口", "浙商回归", "亿元", "万美元"} <= set(trade["term_zh"])
    assert "增容调绿" not in set(trade["term_zh"])
    assert list(trade["term_zh"]) == [t for t in everything["term_zh"] if t in set(trade["term_zh"])]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_results_beside_targets_say_each_figures_own_bound(con, lang):
    """A 2020 result known only as a bound (突破150家) is never shown as if exact beside its target: each figure
    has its own bound and wording, and the English 'as reported' cells keep the report's words around the number."""
    from jiangbei.presentation import tables
    from jiangbei.presentation.i18n import t
    from jiangbei.presentation.numbers import qualifier_parts

    df = con.sql("SELECT * FROM results_vs_targets").df()
    assert (df["result_bound"] != "exact").any()  # the rule is exercised
    shown = tables.targets_frame(df, lang)
    for year, kind in (("2020", "result"), ("2021", "target")):
        assert list(shown[f"{t('col_bound', lang)} ({year})"]) == [t(f"bound_{b}", lang) for b in df[f"{kind}_bound"]]
        if lang == "en":
            for cell, qualifier in zip(shown[t(f"col_{kind}_reported", lang)], df[f"{kind}_qualifier"]):
                before, after = qualifier_parts(qualifier)
                assert cell.startswith(before) and cell.endswith(after), (cell, qualifier)
