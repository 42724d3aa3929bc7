"""Each chart's text alternative (jiangbei.presentation.chart_text), read from the real figures the pages draw."""

from jiangbei.core import store
from jiangbei.presentation import chart_text, charts
from jiangbei.presentation.numbers import bounded, format_value

TRADE = ["trade", "consumption"]


def test_summary_names_what_the_chart_shows_and_its_extremes(con):
    growth = store.run_query(con, "growth_rates", topics=TRADE)
    fig = charts.growth_bars(growth, "en")
    low, high = growth.loc[growth["value"].idxmin()], growth.loc[growth["value"].idxmax()]
    text = chart_text.summary(fig, "en")
    assert text.startswith(f"Growth in 2020, year on year: {len(growth)} values, lowest ")
    signed = lambda v: f"{v:+.1f}".replace("-", "−")  # a true minus sign, as the chart writes it
    basis = lambda row, lang: charts.basis_label(row["price_basis"], lang, short=True)  # growth says real/nominal
    assert f"lowest {low['indicator_en']} ({basis(low, 'en')}) at {signed(low['value'])}%" in text
    assert f"highest {high['indicator_en']} ({basis(high, 'en')}) at {signed(high['value'])}%" in text

    zh = chart_text.summary(charts.growth_bars(growth, "zh"), "zh")
    assert f"最低为{low['indicator_zh']}({basis(low, 'zh')})（{signed(low['value'])}%）" in zh


def test_the_data_table_holds_every_bar_with_its_unit(con):
    levels = store.run_query(con, "levels_in_yuan", topics=["macro", "industry", "services", "innovation", "fiscal"])
    fig = charts.levels_bars(levels, "en")  # the year's amounts; balances are charted apart
    table = chart_text.table(fig, "en")
    assert list(table.columns) == ["Item", "Value"]
    flows = levels[levels["stock_flow"] == "flow"]
    assert len(table) == min(15, len(flows))
    shown = flows.head(15)  # each value with its bound, as the bar says it (突破660亿元: over CNY 66.0 bn)
    assert set(table["Value"]) == {bounded(format_value(r.value, "亿元", "", "en"), r.qualifier, r.bound, "en")
                                   for r in shown.itertuples()}


def test_small_multiples_say_each_panel_has_its_own_scale(con):
    pairs = store.run_query(con, "topic_results_vs_targets", topics=TRADE)
    fig = charts.result_vs_target(pairs, "en")
    panels = min(9, len(pairs))
    assert chart_text.summary(fig, "en").startswith(f"2020 result vs 2021 target: {panels} small charts")
    table = chart_text.table(fig, "en")
    assert list(table.columns) == ["Chart", "Item", "Value"]
    assert table["Chart"].nunique() == panels
    first = pairs.iloc[0]
    assert table["Chart"].iloc[0].startswith(first["indicator_en"])


def test_a_single_value_is_listed_not_charted(con):
    """One bar is no chart (issue 13): the page lists it instead, so no chart needs a one-value summary."""
    rates = store.run_query(con, "rates_and_completion", topics=["employment", "social", "environment", "governance"])
    shares = rates[rates["measure"] == "share_pct"]
    assert len(shares) >= 2 and charts.shares_bars(shares, "en") is not None
    assert charts.shares_bars(shares.head(1), "en") is None

