"""The /targets page in AppTest: every 2021 target by topic, filters and sort kept in the URL, bad filters, charts."""

import json

import pytest

from jiangbei.core import store
from jiangbei.presentation import scorecard
from jiangbei.presentation.i18n import t
from tests.apptest import html_tables, ignored_params, open_page, visible_text


def charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


@pytest.mark.parametrize("lang, status_header, gdp, raise_pace", [
    ("en", "Status", "GDP growth", "▲ Raise the pace"),
    ("zh", "状态", "地区生产总值增速", "▲ 提速"),
])
def test_every_target_with_status_in_words_and_symbol(con, lang, status_header, gdp, raise_pace):
    at = open_page("targets", lang)
    assert not at.exception and not at.error
    [table] = html_tables(at)
    assert len(table) == len(store.run_query(con, "target_scorecard_rows", topics=[], statuses=[], sort="report"))
    indicator = table.columns[1]
    assert table.set_index(indicator).loc[gdp, status_header] == raise_pace
    topics = list(dict.fromkeys(table[table.columns[0]]))
    assert len(topics) == table[table.columns[0]].nunique()  # grouped: each topic's rows together
    assert [b.label for b in at.get("download_button")][:4] == ["CSV", "Excel", "JSON", "Parquet"]
    assert "2021-03-18" in visible_text(at)  # the source line
    rows = store.run_query(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    # one tab per family with at least two comparable targets (a lone dot is no chart); only the open one drawn
    charted = [f for f in scorecard.FAMILIES if len(scorecard.chart_rows(rows, f)) >= 2]
    assert len(charted) >= 3
    assert [tab.label for tab in at.tabs] == [t(f"family_tab_{f}", lang) for f in charted]
    assert len(charts(at)) == 1


def family_charts(lang: str) -> dict[str, dict]:
    """Each family's chart, opened by its ?family= link (the tabs draw only the open one)."""
    found = {}
    for family in scorecard.FAMILIES:
        at = open_page("targets", lang, {"family": family})
        assert not at.exception and not ignored_params(at)
        if t(f"family_tab_{family}", lang) in [tab.label for tab in at.tabs]:  # else no chart: a tab too few
            [found[family]] = charts(at)
    return found


def test_each_chart_keeps_one_unit_on_its_axis():
    specs = family_charts("en")
    axes = {spec["layout"]["title"]["text"].replace("<br>", " "): spec["layout"]["xaxis"]["title"]["text"]
            for spec in specs.values()}
    expected = {
        "Growth targets: 2020 growth → 2021 target": "Growth, year on year (%)",
        "Amounts for the year: growth the 2021 target implies": "Change from the 2020 amount (%)",
        "Shares and rates: gap from 2020 to the 2021 target": "Gap from 2020 (percentage points)",
        "Stocks and ceilings: change needed from 2020": "Change from the 2020 level (%)",
    }
    assert len(axes) >= 3 and all(expected[title] == axis for title, axis in axes.items())
    rates = specs["rate"]
    names = [a["text"].replace("<br>", " ") for a in rates["layout"]["annotations"]]
    assert any("unemployment" in n and "(year end, lower is better)" in n for n in names)


def test_filters_and_sort_come_from_the_url_and_stay_there(con):
    at = open_page("targets", "en", {"topic": ["employment", "macro"], "status": "met_already"})
    [table] = html_tables(at)
    assert list(table["Indicator"]) == ["Registered urban unemployment rate"]
    assert at.query_params["topic"] == ["employment", "macro"]
    assert at.query_params["status"] == "met_already"
    assert not charts(at)  # one target is no chart
    assert "1 more target is in the table only" in visible_text(at)  # its plural form

    at = open_page("targets", "en", {"topic": "investment", "sort": "distance"})
    [table] = html_tables(at)
    expected = store.run_query(con, "target_scorecard_rows", topics=["investment"], statuses=[], sort="distance")
    assert len(table) == len(expected) and table["Indicator"].iloc[0] == expected["indicator_en"].iloc[0]
    assert at.query_params["sort"] == "distance"


@pytest.mark.parametrize("lang, notice", [("en", "status=garbage"), ("zh", "status=garbage")])
def test_garbage_filters_get_a_notice_and_are_ignored(con, lang, notice):
    at = open_page("targets", lang, {"status": "garbage", "topic": "<script>", "sort": "x'--"})
    assert not at.exception and not at.error
    text = ignored_params(at)
    assert notice in text and "topic=<script>" in text and "sort=x'--" in text
    every = store.run_query(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    assert len(html_tables(at)[0]) == len(every)
    assert "status" not in at.query_params and "topic" not in at.query_params


def test_overview_links_to_the_scorecard():
    at = open_page("overview", "en")
    assert any(link.proto.page.endswith("targets.py") or "targets" in link.proto.page for link in at.get("page_link"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_family_link_opens_its_tab_with_its_text_alternative(con, lang):
    rows = store.run_query(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    specs = family_charts(lang)
    assert list(specs) == [f for f in scorecard.FAMILIES if len(scorecard.chart_rows(rows, f)) >= 2]
    for family, spec in specs.items():
        title = spec["layout"]["title"]["text"].replace("<br>", "" if lang == "zh" else " ")
        assert title == t(f"dumbbell_{family}", lang)
        at = open_page("targets", lang, {"family": family})
        text = visible_text(at)
        assert any(title.split(":")[0].split("：")[0] in c.value for c in at.caption)  # the chart's sentence
        assert t("chart_data", lang) in [e.label for e in at.expander]  # its values one click away
        assert "2021-03-18" in text
        assert at.query_params.get("family") == (None if family == next(iter(specs)) else family)
