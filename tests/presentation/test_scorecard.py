"""The 2021 targets scorecard (queries/derived_tables/target_scorecard.sql) on a real DuckDB built from data/:
the status of the main targets, and that figures of different periods or price bases are never silently set
against each other."""

import csv

import pandas as pd
import pytest

from jiangbei.core import store as db
from jiangbei.presentation import scorecard
from tests.conftest import DATA


@pytest.fixture(scope="module")
def card(con) -> pd.DataFrame:
    return con.execute("select * from target_scorecard").df().set_index("target_id")


@pytest.fixture(scope="module")
def facts() -> dict[str, dict]:
    with open(DATA / "indicators.csv", encoding="utf-8") as f:
        return {r["id"]: r for r in csv.DictReader(f)}


def value(facts, fact_id: str) -> float:
    return float(facts[fact_id]["value"])


def test_one_row_per_2021_target(card, facts):
    assert sorted(card.index) == sorted(i for i, r in facts.items() if r["kind"] == "target")
    assert set(card["status"]) <= set(scorecard.STATUSES)


def test_gdp_growth_target_raises_the_pace_in_percentage_points(card, facts):
    gdp = card.loc["gdp_growth_target_2021"]
    assert gdp["status"] == "raise_pace" and gdp["family"] == "growth"
    assert gdp["baseline_id"] == "gdp_growth_2020" and gdp["distance_kind"] == "pp"
    expected = value(facts, "gdp_growth_target_2021") - value(facts, "gdp_growth_2020")
    assert gdp["distance"] == pytest.approx(expected) and expected > 0.5
    assert gdp["comparability"] == "comparable"  # both at comparable prices


def test_fiscal_revenue_growth_target_eases_the_pace(card, facts):
    fiscal = card.loc["fiscal_revenue_growth_target_2021"]
    expected = value(facts, "fiscal_revenue_growth_target_2021") - value(facts, "fiscal_revenue_growth_2020")
    assert expected < -0.5
    assert (fiscal["status"], fiscal["distance"]) == ("ease_pace", pytest.approx(expected))


def test_new_urban_jobs_target_is_below_2020_with_its_implied_growth(card, facts):
    jobs = card.loc["new_urban_jobs_target_2021"]
    implied = round((value(facts, "new_urban_jobs_target_2021") / value(facts, "new_urban_jobs_2020") - 1) * 100, 1)
    assert (jobs["status"], jobs["family"], jobs["distance_kind"]) == ("below_2020", "flow", "implied_growth_pct")
    assert jobs["distance"] == implied < 0
    assert jobs["target_bound"] == "at_least" and jobs["distance_bound"] == "at_least"  # 8000人以上


def test_unemployment_is_met_already_because_lower_is_better(card, facts):
    rate = card.loc["unemployment_rate_target_2021"]
    assert rate["direction"] == "down" and rate["family"] == "rate"
    assert rate["baseline_value"] < rate["target_value"]  # 2.6% under a 3.5% ceiling
    assert rate["status"] == "met_already" and rate["target_period"] == rate["baseline_period"] == "year_end"


def test_fixed_asset_investment_target_is_above_2020(card, facts):
    fai = card.loc["fai_target_2021"]
    implied = round((value(facts, "fai_target_2021") / value(facts, "fai_2020") - 1) * 100, 1)
    assert (fai["status"], fai["distance"]) == ("above_2020", implied)
    assert fai["target_price_basis"] == fai["baseline_price_basis"] == "nominal"


def test_high_tech_firms_are_a_stock_still_to_reach_with_a_bounded_gap(card, facts):
    firms = card.loc["hightech_firms_target_2021"]
    assert (firms["status"], firms["family"], firms["distance_kind"]) == ("to_reach", "stock", "gap")
    assert firms["distance"] == value(facts, "hightech_firms_target_2021") - value(facts, "hightech_firms_2020")
    # "over 150" against "over 170": the gap is about 20, not exactly 20
    bounds = (firms["baseline_bound"], firms["target_bound"], firms["distance_bound"])
    assert bounds == ("at_least", "at_least", "about")


def test_a_target_without_a_2020_figure_has_no_baseline(card):
    trade = card.loc["total_trade_target_2021"]
    assert trade["status"] == "no_baseline" and pd.isna(trade["distance"]) and trade["comparability"] == "no_figure"


def rebuilt(data_copy, edit) -> pd.DataFrame:
    """The scorecard of a copy of data/ with one edit to indicators.csv."""
    frame = pd.read_csv(data_copy / "indicators.csv", dtype=str, keep_default_na=False)
    edit(frame)
    frame.to_csv(data_copy / "indicators.csv", index=False)
    return db.build_database(data_copy).execute("select * from target_scorecard").df().set_index("target_id")


def test_a_jan_nov_baseline_is_never_set_against_a_full_year_target(data_copy):
    def to_jan_nov(frame):
        frame.loc[frame["id"] == "fiscal_revenue_growth_2020", "period"] = "jan_nov"

    fiscal = rebuilt(data_copy, to_jan_nov).loc["fiscal_revenue_growth_target_2021"]
    assert (fiscal["status"], fiscal["comparability"]) == ("no_baseline", "period_differs")
    assert pd.isna(fiscal["distance"])


def test_a_different_price_basis_is_flagged(data_copy):
    def to_nominal(frame):
        frame.loc[frame["id"] == "gdp_growth_2020", "price_basis"] = "nominal"

    gdp = rebuilt(data_copy, to_nominal).loc["gdp_growth_target_2021"]
    assert gdp["comparability"] == "basis_differs"


@pytest.mark.parametrize("target, status", [(3.9, "hold_pace"), (2.9, "hold_pace"), (3.95, "raise_pace"),
                                            (2.8, "ease_pace")])
def test_hold_pace_is_within_half_a_point(data_copy, target, status):
    def move_target(frame):
        frame.loc[frame["id"] == "gdp_growth_target_2021", "value"] = str(target)

    assert rebuilt(data_copy, move_target).loc["gdp_growth_target_2021", "status"] == status


def test_the_table_says_status_in_words_and_symbols_with_units_and_bounds(con):
    rows = db.run_query(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    shown = scorecard.frame(rows, "en")
    shown.index = scorecard.topic_order(rows)["target_id"]
    assert shown.loc["gdp_growth_target_2021", "Status"] == "▲ Raise the pace"
    assert shown.loc["gdp_growth_target_2021", "Distance (derived)"] == "+3.8 pp"
    assert shown.loc["hightech_firms_target_2021", "2020 (baseline)"] == "≥150 firms (year end)"
    assert shown.loc["hightech_firms_target_2021", "Distance (derived)"] == "~+20 firms"
    assert shown.loc["fai_target_2021", "2021 target"] == "≥CNY 28.0 bn"
    assert shown.loc["fai_target_2021", "2021 target as reported"] == "280 亿元"
    assert shown.loc["unemployment_rate_target_2021", "Better"] == "lower is better"
    assert shown.loc["unemployment_rate_target_2021", "2021 target"] == "≤3.5% (year end)"  # 保持在: a ceiling
    zh = scorecard.frame(rows, "zh")
    assert "2020年已达到" in set(zh["状态"].str[2:]) and "✓ 2020年已达到" in set(zh["状态"])


def test_one_dumbbell_per_family_and_none_for_a_lone_target(con):
    from jiangbei.presentation import charts

    rows = db.run_query(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    for family in scorecard.FAMILIES:
        members = scorecard.chart_rows(rows, family)
        fig = charts.dumbbell(members, family, "en")
        assert fig is not None and len(fig.layout.annotations) == len(members)  # one name per target
        assert charts.dumbbell(members.head(1), family, "en") is None  # a lone dot is no chart
    assert scorecard.not_charted(rows, scorecard.FAMILIES) == int(rows["distance"].isna().sum())
