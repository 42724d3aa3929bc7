"""Each chart's text alternative (jiangbei.presentation.chart_text), read from the real figures the pages draw."""

import re

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
    assert set(table["Value"]) == {
        bounded(format_value(r.value, "亿元", "", "en", int(r.value_decimals)), r.qualifier, r.bound, "en")
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



def test_chinese_labels_wrap_between_words_and_read_whole_in_text_alternatives(con):
    """A wrapped Chinese label never starts a line with closing punctuation nor ends one with an opening bracket
    (避头尾), never splits a number range (1-11月), and its text alternative reads the label unbroken (价格, not
    价 格)."""
    rows = con.sql("SELECT * FROM indicators").df()
    for _, row in rows.iterrows():
        label = charts._label(row, "zh", basis=True)
        lines = label.split("<br>")
        for before, after in zip(lines, lines[1:]):
            assert after[0] not in charts._NO_LINE_START and before[-1] not in charts._NO_LINE_END, label
            assert not (before[-1].isdigit() and after[0] in "-–"), label
            assert not (before[-1] in "-–" and after[0].isdigit()), label
        assert chart_text.plain(label) == label.replace("<br>", ""), label
        # a note that fits a line is never split: the name, then (1-11月，价格口径未说明) at its commas
        notes = re.findall(r"[（(]([^()（）]*)[)）]", label.replace("<br>", ""))
        for note in (n for whole in notes for n in re.split(r"[，,]", whole) if 0 < len(n) <= 12):
            assert any(note in line for line in lines), (note, label)


def test_every_growth_bar_says_its_price_basis_in_its_hover(con):
    """The topic pages' growth bars: each point's hover names its price basis (real, nominal or not stated), as
    its axis label does."""
    from jiangbei.core.schema import TOPICS
    from jiangbei.presentation.i18n import t

    for lang in ("zh", "en"):
        df = store.run_query(con, "growth_rates", topics=TOPICS)
        assert len(df) > 5
        fig = charts.growth_bars(df, lang)
        hovers = [h for trace in fig.data for h in trace.hovertext]
        assert len(hovers) == len(df)
        for hover, basis in zip(hovers, df["price_basis"]):
            assert f"{t('col_price_basis', lang)}: {charts.basis_label(basis, lang)}" in hover, hover


def test_figures_listed_instead_of_charted_are_written_by_the_one_formatter(con):
    """A kind of figure with one member is listed, not charted: its line is the figure as cards write it (a growth
    rate with yoy and its price basis, e.g. fixed-asset investment on /investment)."""
    from jiangbei.core.schema import TOPICS
    from jiangbei.presentation import tables
    from jiangbei.presentation.i18n import t
    from jiangbei.presentation.numbers import row_figure

    df = store.run_query(con, "growth_rates", topics=TOPICS)
    for lang in ("zh", "en"):
        for line, row in zip(tables.figure_lines(df, lang), df.to_dict("records")):
            assert line.endswith(row_figure(row, lang)) and t("yoy", lang) in line, line
            assert charts.basis_label(row["price_basis"], lang, short=True) in line, line


def test_chinese_text_breaks_only_at_brackets_arrows_commas_and_colons_where_the_parts_fit():
    """Every Chinese string of the catalogs, wrapped as a chart title is (20 characters): where each part between
    soft break points fits a line, lines break only at those points (增速目标: / 2020年增速 / → 2021年目标),
    never inside a word (2020年增 / 速)."""
    from jiangbei.presentation.i18n import TEXT

    texts = [entry["zh"] for entry in TEXT.values() if isinstance(entry.get("zh"), str) and len(entry["zh"]) > 20]
    checked = 0
    for text in texts:
        parts = [p for p in charts._SOFT_BREAK.split(text) if p]
        if any(len(p) > 20 for p in parts):
            continue
        lines = charts._wrap_chars(text, 20).split("<br>")
        assert "".join(lines) == text
        boundaries = {sum(len(p) for p in parts[:i]) for i in range(len(parts) + 1)}
        ends = {sum(len(line) for line in lines[:i]) for i in range(1, len(lines))}
        assert ends <= boundaries, lines
        checked += len(lines) > 1
    assert checked >= 10
