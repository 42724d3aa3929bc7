"""The explorer for analysts: page facet counts match the topic pages, the value range, ?row=, and "Show SQL for
this view" giving the same rows in the SQL console as in the explorer."""

import csv
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from jiangbei.app import db, explorer
from jiangbei.console import runner
from jiangbei.core.schema import PAGE_TOPICS
from jiangbei.presentation.i18n import note_text, t
from tests.apptest import open_page
from tests.conftest import DATA

with open(DATA / "indicators.csv", encoding="utf-8") as f:
    ROWS = list(csv.DictReader(f))


def _sql_link(at) -> str:
    link = next(m.value for m in at.markdown if "](sql?" in m.value)
    target = re.search(r"\]\((sql\?[^)]*)\)", link).group(1)
    assert not target.startswith("/")  # relative: the app may run under a path prefix
    return parse_qs(urlsplit(target).query)["sql"][0]


@pytest.mark.parametrize("page", list(PAGE_TOPICS))
def test_page_facet_counts_what_the_topic_page_shows(page):
    at = open_page("explorer", "en", {"page": page})
    shown = at.dataframe[0].value
    topic_page = open_page(page, "en", {"view": "table"})
    assert len(shown) == sum(r["topic"] in PAGE_TOPICS[page] for r in ROWS)
    assert len(shown) == len(topic_page.get("html")[-1].proto.body.split("<tr>")) - 2  # header row and split head


def test_page_names_say_what_the_chinese_ones_say():
    english = open_page("explorer", "en").multiselect(key="explorer_page").options
    chinese = open_page("explorer", "zh").multiselect(key="explorer_page").options
    assert english == ["Economy", "Investment & urban development", "Trade & consumption", "Livelihood"]
    assert chinese == ["经济", "投资与城建", "贸易与消费", "民生"]


def reported_number(text: str) -> float:
    """The number in an 'as reported' cell, written in the report's order (134.5 亿元, 万分之24.7, 第3名)."""
    return float(re.search(r"-?\d+(?:\.\d+)?", text.replace("1:", "")).group())


@pytest.mark.parametrize("params", [{"min": "10"}, {"max": "0"},
                                    {"min": "3", "max": "8.5", "measure": "yoy_growth_pct"}])
def test_value_range_filters_rows_and_stays_in_the_url(params):
    at = open_page("explorer", "en", params)
    low, high = float(params.get("min", "-inf")), float(params.get("max", "inf"))
    expected = [r for r in ROWS if low <= float(r["value"]) <= high
                and r["measure"] == params.get("measure", r["measure"])]
    # the range is on the report's own figure (the "As reported" column; Value is in CNY bn, USD m … in English)
    values = at.dataframe[0].value["As reported"].map(reported_number)
    assert len(values) == len(expected) > 0 and values.between(low, high).all()
    assert at.query_params["min" if "min" in params else "max"] in (params.get("min", params.get("max")),
                                                                   [params.get("min", params.get("max"))])


def test_value_range_set_in_the_page_goes_to_the_url():
    at = open_page("explorer", "en")
    at.number_input(key="explorer_min").set_value(100.0).run()
    assert dict(at.query_params)["min"] in ("100", ["100"])
    assert (at.dataframe[0].value["As reported"].map(reported_number) >= 100).all()


def test_row_in_the_url_selects_and_shows_the_row():
    at = open_page("explorer", "en", {"row": "exports_2020", "topic": "trade"})
    assert not at.exception
    assert at.header[0].value == next(r["indicator_en"] for r in ROWS if r["id"] == "exports_2020")
    assert any("`exports_2020`" in m.value for m in at.markdown)
    assert any("](explorer?row=exports_2020&lang=en)" in m.value for m in at.markdown)  # shareable, relative
    assert not at.info


def test_row_outside_the_filters_is_shown_with_a_notice():
    at = open_page("explorer", "zh", {"row": "gdp_2020", "topic": "trade"})
    assert at.header[0].value == "地区生产总值"
    assert "当前筛选" in at.info[0].value


def test_without_a_row_nothing_is_selected():
    at = open_page("explorer", "en")
    assert not at.header and "row" not in dict(at.query_params)


@pytest.mark.parametrize("params", [
    {"page": "trade", "year": "2021", "cols": ["id", "value"]},
    {"q": "出口", "sort": "value", "order": "desc", "cols": ["id", "value"]},
    {"measure": "yoy_growth_pct", "min": "5", "sort": "indicator", "rows": "25", "cols": ["id", "value"]},
    {"kind": "target", "unit": "%", "sort": "topic", "order": "desc", "cols": ["id", "value"]},
    {"cols": ["id", "value"], "order": "desc"},
])
def test_show_sql_gives_the_same_rows_in_the_sql_console(params):
    at = open_page("explorer", "en", params)
    shown = list(at.dataframe[0].value["ID"])
    sql = _sql_link(at)
    # The generated SQL, run in the visitor sandbox, returns the explorer's rows in the explorer's order.
    outcome = runner.run(sql, db.sandbox_database())
    assert outcome.ok, outcome.message
    assert list(outcome.frame["id"]) == shown and len(shown) > 0
    # And the console opened from the link runs it and shows the same rows.
    sql_page = open_page("sql", "en", {"sql": sql})
    assert not sql_page.exception and sql_page.text_area(key="sql_text").value == sql
    assert list(sql_page.dataframe[-1].value["id"]) == shown


def test_view_sql_drops_filters_that_filter_nothing():
    sql = explorer.view_sql(explorer.View(), "zh")
    assert "WHERE" not in sql and "LIMIT 1000" in sql and sql.startswith("-- ")


@pytest.mark.parametrize("page", ["about", "explorer"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cite_this_in_plain_text_and_bibtex(page, lang):
    at = open_page(page, lang)
    assert t("cite_title", lang) in [e.label for e in at.expander]
    blocks = [c.value for c in at.code]
    plain = next(b for b in blocks if "2950827/2021-54294" in b and not b.startswith("@"))
    bibtex = next(b for b in blocks if b.startswith("@misc{"))
    assert "CC BY 4.0" in plain and "CC BY 4.0" in bibtex and "year = {2021}" in bibtex
    assert ("江北区发展和改革局" in plain) == (lang == "zh")
    assert bibtex.count("{") == bibtex.count("}")


def test_about_page_states_the_licence_and_offers_the_descriptor():
    at = open_page("about", "en")
    assert any("CC BY 4.0" in m.value and "public government information" in m.value for m in at.markdown)
    assert any("datapackage.json" in m.value for m in at.markdown)


def test_a_row_in_english_shows_its_english_sentence_with_the_chinese_one_folded():
    at = open_page("explorer", "en", {"row": "exports_2020"})
    assert not at.exception
    row = next(r for r in explorer.all_rows("en").to_dict("records") if r["id"] == "exports_2020")
    shown = " ".join(m.value for m in at.markdown)
    assert f"**{row['source_quote_en']}**" in shown and f"**{row['source_quote']}**" in shown
    assert [e.label for e in at.expander if e.label == "Chinese original"] == ["Chinese original"]


def test_a_row_with_a_price_basis_says_it():
    at = open_page("explorer", "en", {"row": "gdp_growth_2020"})
    row = next(r for r in explorer.all_rows("en").to_dict("records") if r["id"] == "gdp_growth_2020")
    from jiangbei.presentation.charts import basis_label
    assert any(basis_label(row["price_basis"], "en", short=True) in m.value and "`gdp_growth_2020`" in m.value
               for m in at.markdown)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_rows_details_hold_its_value_sentence_and_related_figures(lang):
    # Every row's details, in both languages: its id, its own sentence in bold within the paragraph (on an English
    # page the English one, with the official Chinese under it), and a heading for paired and for derived figures.
    everything = explorer.all_rows(lang)
    for row in (r for _, r in everything.iterrows()):
        detail = explorer.row_detail(row, lang)
        assert detail.title == row[f"indicator_{lang}"] and f"`{row['id']}`" in detail.summary
        sentence = row["source_quote_en"] if lang == "en" else row["source_quote"]
        assert f"**{sentence}**" in detail.quote
        assert (detail.original is not None) == (lang == "en")
        if detail.original:
            assert f"**{row['source_quote']}**" in detail.original
        assert [heading for heading, _ in detail.related] == [t("explorer_paired", lang), t("explorer_derived", lang)]
        assert f"explorer?row={row['id']}&lang={lang}" in detail.links
        # the figure's caveats come with it, and each derived figure's line carries its inputs' caveats too
        note = note_text(row["note"], lang)
        assert (note in detail.summary) if note else t("col_note", lang) not in detail.summary
        if note:
            for line in dict(detail.related)[t("explorer_derived", lang)]:
                assert all(clause.strip() in line for clause in re.split(r"[;；]", note) if clause.strip()), line


def test_the_chosen_row_is_the_click_else_the_url_and_says_when_filters_hide_it():
    everything = explorer.all_rows("en")
    trade = everything[everything["topic"] == "trade"].reset_index(drop=True)
    outside = everything[everything["topic"] != "trade"]["id"].iloc[0]
    row, hidden = explorer.chosen_row(trade, [1], outside, "en")  # a click wins over the URL
    assert row["id"] == trade["id"].iloc[1] and not hidden
    row, hidden = explorer.chosen_row(trade, [], outside, "en")
    assert row["id"] == outside and hidden
    assert explorer.chosen_row(trade, [], None, "en") == (None, False)
