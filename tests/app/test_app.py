"""The real app in AppTest: every page in both languages, its key figures, language, URL filters, bad data."""

import csv
import json
import re

import pytest

from jiangbei.app import figures
from jiangbei.app.topic_page import TOPIC_PAGES
from jiangbei.core import store
from jiangbei.core.schema import TOPICS
from jiangbei.presentation import tables
from tests.apptest import PAGES, cards, html_tables, ignored_params, open_page, table_text, visible_text
from tests.conftest import DATA

# Figures each page must show as text (cards, captions), in both languages.
KEY_FIGURES = {
    "overview": ["660", "443.4"],
    "economy": ["660", "84.3"],
    "trade": ["443.4", "76.1"],
    "investment": ["257.3", "280"],
    "livelihood": ["10288", "2.6"],
}
TITLES = {"overview": ("江北区计划报告数据看板", "Jiangbei Plan Dashboard"), "targets": ("2021年目标", "2021 targets"),
          "economy": ("经济", "Economy"),
          "investment": ("投资与城建", "Investment & urban development"),
          "trade": ("贸易与消费", "Trade & consumption"),
          "livelihood": ("民生", "Livelihood"),
          "explorer": ("指标浏览", "Indicator explorer"), "sql": ("SQL 查询", "SQL console"),
          "source": ("报告原文", "The report"), "about": ("关于数据", "About the data")}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_in_both_languages(page, lang):
    at = open_page(page, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == TITLES[page][0 if lang == "zh" else 1]
    text = visible_text(at)
    for figure in KEY_FIGURES.get(page, []):
        assert figure in text, f"{figure} not shown on {page} ({lang})"


@pytest.mark.parametrize("page", ["economy", "investment", "trade", "livelihood"])
def test_topic_page_has_cards_charts_table_and_source(page):
    at = open_page(page, "en")
    assert len(cards(at)) >= 4
    if not at.get("plotly_chart"):  # each kind of figure alone: one bar is no chart, so they are listed
        assert "here they are" in visible_text(at) and "%" in visible_text(at)
    assert "Source: Jiangbei District Development and Reform Bureau" in visible_text(at)
    assert "2021-03-18" in visible_text(at)
    assert not html_tables(at)  # the full table waits in its own tab
    # Each chart's values are one click away, in a table under it.
    data_tables = html_tables(at, chart_data=True)
    assert len(data_tables) == len(at.get("plotly_chart"))
    assert all(list(f.columns)[-2:] == ["Item", "Value"] for f in data_tables)

    at = open_page(page, "en", {"view": "table"})
    assert len(html_tables(at)) == 1 and not at.get("plotly_chart")
    assert [b.label for b in at.get("download_button")][:4] == ["CSV", "Excel", "JSON", "Parquet"]
    assert "Source: Jiangbei District Development and Reform Bureau" in visible_text(at)


def test_every_row_is_on_exactly_one_topic_page():
    seen = [topic for page in TOPIC_PAGES.values() for topic in page["topics"]]
    assert sorted(seen) == sorted(TOPICS)


def test_topic_tables_together_hold_every_row():
    with open("data/indicators.csv", encoding="utf-8") as f:
        quotes = [r["source_quote"] for r in csv.DictReader(f)]
    shown = 0
    for page in TOPIC_PAGES:
        at = open_page(page, "zh", {"view": "table"})
        table = html_tables(at)[-1]
        shown += len(table)
        assert set(table["原文"]) <= set(quotes)
    assert shown == len(quotes)


def test_english_page_translates_everything_it_labels():
    at = open_page("trade", "en", {"view": "table"})
    table = html_tables(at)[-1]
    assert list(table.columns) == ["Indicator", "Value", "Unit", "As reported", "Year", "Period", "Kind", "Measure",
                                   "Bound", "Qualifier", "Price basis", "Note",
                                   "Source sentence (unofficial translation)", "In the report"]
    assert set(table["Price basis"]) <= {"current prices (nominal)", "no price", "not stated"}
    assert set(table["Bound"]) == {"exact", "at least"}  # 超过万分之25, 突破600亿元 … are lower bounds
    assert not any(re.search(r"[\u4e00-\u9fff]", q) for q in table["Qualifier"])  # 争取超过 … in English
    # each English sentence, then its Chinese original folded under "Chinese original" (tests/apptest.py reads text)
    with open(DATA / "indicators.csv", encoding="utf-8") as f:
        pairs = {f"{r['source_quote_en']}Chinese original{r['source_quote']}" for r in csv.DictReader(f)}
    assert set(table["Source sentence (unofficial translation)"]) <= pairs
    body = [e.proto.body for e in at.get("html") if "<table>" in e.proto.body][-1]
    assert body.count('<details class="original"><summary>Chinese original</summary><span lang="zh">') == len(table)
    assert "66.0" in list(table["Value"])  # values as the report writes them (66.0, not 66)
    assert set(table["Kind"]) == {"2020 result", "2021 target"}
    assert "亿元" not in "".join(table["Unit"]) and "万美元" not in "".join(table["Unit"])


@pytest.mark.parametrize("page, view", [("trade", "targets"), ("trade", "table"), ("economy", "table"),
                                        ("investment", "targets")])
def test_english_cards_and_tables_use_one_unit_system(page, view):
    """Every card's money figure is in the table in the same number and unit (CNY 13.45 bn, not 134.5 · CNY 100
    million); the report's own figure stays in an 'as reported' column."""
    at = open_page(page, "en", {"view": view})
    table = html_tables(at)[-1]
    value_column = "Value" if "Value" in table.columns else "2020 result"
    # 85,000: grouped as on the cards; ≥66.0: a bound marked in the cell
    rows = {(name, unit, float(value.replace(",", "").lstrip("≥≤~"))) for name, value, unit
            in zip(table["Indicator"], table[value_column], table["Unit"]) if value}
    names = {name for name, _, _ in rows}
    checked = 0
    for card in cards(at):
        money = re.search(r"(CNY|USD) ([\d,.]+) (bn|m)\b", card["value"])
        if money and card["label"] in names:
            assert (card["label"], f"{money[1]} {money[3]}", float(money[2].replace(",", ""))) in rows, card
            checked += 1
    assert checked >= 1
    assert "CNY 100 million" not in "".join(table["Unit"]) and "USD 10,000" not in "".join(table["Unit"])
    reported = table["As reported"] if "As reported" in table.columns else table["2020 result as reported"]
    assert any(text.endswith("亿元") for text in reported)


def test_chinese_numbers_are_formatted_for_chinese():
    at = open_page("livelihood", "zh")
    assert "10,288人" in [c["value"] for c in cards(at)]
    assert "2.6%(年末)" in [c["value"] for c in cards(at)]  # a rate read at year end says so


def test_language_switch_keeps_the_page_and_the_url():
    at = open_page("trade", "zh")
    assert at.title[0].value == "贸易与消费"
    at.button_group[0].set_value("en").run()
    assert at.title[0].value == "Trade & consumption"
    assert at.query_params["lang"] == "en"


def test_bad_language_is_ignored_with_a_notice():
    at = open_page("economy", "fr")
    assert not at.exception
    assert "lang=fr" in ignored_params(at)
    assert at.query_params["lang"] == "zh"  # AppTest has no browser locale: Chinese
    assert at.title[0].value == "经济"


def test_url_filters_select_rows():
    at = open_page("trade", "en", {"view": "table", "kind": "target", "year": "2021"})
    table = html_tables(at)[-1]
    assert len(table) > 0 and set(table["Kind"]) == {"2021 target"}
    assert set(table["Year"]) == {"2021"}
    assert "280" not in table_text(at)  # fixed-asset investment is not on the trade page


def chart_titles(at) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


@pytest.mark.parametrize("page", ["trade", "livelihood"])
def test_each_view_tab_opens_from_the_url_with_its_own_content(con, page):
    topics = TOPIC_PAGES[page]["topics"]
    at = open_page(page, "en")
    assert chart_titles(at)[0] == "Growth in 2020, year on year" and len(chart_titles(at)) == 2
    assert "view" not in at.query_params  # the first tab is the default: no parameter

    at = open_page(page, "en", {"view": "targets"})
    assert chart_titles(at) == ["2020 result vs 2021 target"]
    pairs = html_tables(at)[0]
    assert list(pairs.columns[:3]) == ["Indicator", "2020 result", "2021 target"]
    expected = store.run_query(con, "topic_results_vs_targets", topics=topics)
    assert len(pairs) == len(expected)
    # each figure with the decimals the report gives it and its bound (7.0% is 7.0, 突破150 is ≥150)
    written = tables.targets_frame(expected, "en")
    formats = tables.targets_formats(expected, "en")
    for column in ("2020 result", "2021 target"):
        assert list(pairs[column]) == [tables.number_text(v, d, mark, "en")
                                       for v, (d, mark) in zip(written[column], formats[column])], column
    assert at.query_params["view"] == "targets"

    at = open_page(page, "en", {"view": "derived"})
    assert chart_titles(at) == []
    expected = store.run_query(con, "topic_derived", topics=topics)
    if expected.empty:  # livelihood: its only level pair (approval time, at most 80 -> at most 50) has no bound
        assert html_tables(at) == [] and "No rows" in " ".join(i.value for i in at.info)
    else:
        derived = html_tables(at)[0]
        assert {"Formula", "Bound", "Price basis"} <= set(derived.columns)
        assert len(derived) == len(expected)


def test_overview_shows_the_main_targets_as_a_chart_or_as_a_table(con):
    at = open_page("overview", "en")
    assert len(at.get("plotly_chart")) == 2 and not html_tables(at)
    assert "view" not in at.query_params

    at = open_page("overview", "en", {"view": "table"})
    assert len(at.get("plotly_chart")) == 1  # the plan chart below the tabs
    [targets] = html_tables(at)
    assert len(targets) == len(store.run_query(con, "main_targets"))
    assert list(targets.columns[:3]) == ["Indicator", "2020 result", "2021 target"]
    assert [b.label for b in at.get("download_button")][:4] == ["CSV", "Excel", "JSON", "Parquet"]
    assert at.query_params["view"] == "table"
    # what beat or missed the plan includes the results the report judges only in words, in both languages:
    # GDP missed its 2020 plan (难以完成年度目标), with the report's words
    rows = store.run_query(con, "plan_completion")
    worded = rows[rows["plan_verdict"].notna()]
    for lang, missed in (("en", "missed the 2020 annual plan"), ("zh", "未完成2020年度目标")):
        text = visible_text(open_page("overview", lang))
        gdp = worded.set_index("id").loc["gdp_2020", f"indicator_{lang}"]
        assert f"{gdp}:" in text or f"{gdp}：" in text, lang
        assert missed in text and "难以完成年度目标" in text, lang


def test_levels_tab_charts_flows_and_stocks_apart_or_is_not_shown(con):
    at = open_page("economy", "zh", {"view": "levels"})
    assert chart_titles(at) == ["2020年总量(1-11月者已标注)", "2020年余额(时点数)"]
    flows, stocks = (json.loads(c.proto.spec)["data"][0]["y"] for c in at.get("plotly_chart"))
    # Jan-Nov revenues are marked; deposits and loans are balances at the end of November, never among the flows
    assert any("1-11月" in label for label in flows) and all("11月末" in label for label in stocks)
    assert store.run_query(con, "levels_in_yuan", topics=TOPIC_PAGES["livelihood"]["topics"]).empty
    at = open_page("livelihood", "en", {"view": "levels"})
    assert "Levels" not in [tab.label for tab in at.tabs]
    assert "view=levels" in ignored_params(at)  # a shared link to it gets a notice
    assert chart_titles(at)[0] == "Growth in 2020, year on year"


def test_malformed_url_filters_get_a_notice_not_an_exception():
    at = open_page("trade", "en", {"kind": "forecast", "year": "19x9", "nonsense": "<script>", "view": "x'--"})
    assert not at.exception
    notice = ignored_params(at)
    assert "kind=forecast" in notice and "year=19x9" in notice and "nonsense" in notice and "view=x'--" in notice
    assert len(at.get("plotly_chart")) == 2  # the first tab

    at = open_page("trade", "en", {"view": "table", "kind": "forecast", "year": "19x9"})
    assert "kind=forecast" in ignored_params(at)
    trade_topics = TOPIC_PAGES["trade"]["topics"]
    with open(DATA / "indicators.csv", encoding="utf-8") as f:
        every_trade_row = sum(r["topic"] in trade_topics for r in csv.DictReader(f))
    assert len(html_tables(at)[-1]) == every_trade_row  # filters ignored


@pytest.mark.parametrize("breakage", ["bad_value", "not_utf8", "missing_column", "empty"])
def test_invalid_data_shows_an_error_page_not_a_traceback(data_copy, monkeypatch, breakage):
    path = data_copy / "indicators.csv"
    text = path.read_text(encoding="utf-8")
    if breakage == "bad_value":
        path.write_text(text.replace(",660,", ",six hundred,", 1), encoding="utf-8")
    elif breakage == "not_utf8":
        path.write_bytes(text.encode("gb18030"))
    elif breakage == "missing_column":
        path.write_text(text.replace("indicator_en,", "", 1), encoding="utf-8")
    else:
        path.write_text("", encoding="utf-8")
    monkeypatch.setenv("JIANGBEI_DATA_DIR", str(data_copy))
    for lang, title in (("en", "failed validation"), ("zh", "数据未通过校验")):
        at = open_page("overview", lang)
        assert not at.exception
        assert title in at.error[0].value
        assert "indicators.csv" in at.code[0].value
        assert "Traceback" not in visible_text(at)


def test_a_capped_table_says_so(monkeypatch):
    monkeypatch.setattr(store, "ROW_LIMIT", 5)
    try:
        at = open_page("trade", "en", {"view": "table"})
    finally:
        figures._build.clear()  # figures built under the small limit must not reach later tests
    assert "Only the first 5 rows are shown" in " ".join(w.value for w in at.warning)
    assert len(html_tables(at)[-1]) == 5


@pytest.mark.parametrize("lang, label, explanation", [
    ("en", "Terms used on this page", "Meaning"),
    ("zh", "本页用到的术语", "解释"),
])
def test_topic_page_explains_the_terms_it_uses(con, lang, label, explanation):
    at = open_page("trade", lang)
    [expander] = [e for e in at.expander if e.label.startswith(label)]
    [terms] = html_tables(at, glossary=True)
    expected = store.run_query(con, "glossary_for_topics", topics=TOPIC_PAGES["trade"]["topics"])
    assert str(len(expected)) in expander.label and len(terms) == len(expected)
    assert terms.columns[2] == explanation
    assert {"限上", "浙商回归", "自营出口", "实际利用外资"} <= set(terms.iloc[:, 0])
    assert "增容调绿" not in set(terms.iloc[:, 0])  # an industry term, used on the economy page only
    meaning = dict(zip(terms.iloc[:, 0], terms.iloc[:, 2]))
    column = "explanation_en" if lang == "en" else "explanation_zh"
    assert meaning["浙商回归"] == expected.set_index("term_zh").loc["浙商回归", column]


def test_the_terms_follow_the_page(con):
    at = open_page("economy", "en")
    [terms] = html_tables(at, glossary=True)
    assert {"规上", "增容调绿", "两直", "亩"} <= set(terms["Chinese term"])
    assert "green-space ratio" in " ".join(terms["Meaning"])  # 增容调绿 explained


@pytest.mark.parametrize("lang, title, column", [("en", "Glossary", "English"), ("zh", "术语表", "英文译法")])
def test_about_page_shows_the_whole_glossary(con, lang, title, column):
    at = open_page("about", lang)
    assert not at.exception
    assert title in [h.value for h in at.subheader]
    glossary = store.run_query(con, "glossary")
    [shown] = [f for f in html_tables(at) if column in f.columns]
    assert len(shown) == len(glossary) and list(shown[column]) == list(glossary["term_en"])
