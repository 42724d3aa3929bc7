"""What the accessibility work changed on the pages, in AppTest: the Chinese data dictionary, heading order,
translated filter placeholders, link names, and the charts' text alternatives."""

import html
import re

import pytest

from jiangbei.presentation import markdown
from tests.apptest import html_tables, open_page
from tests.conftest import DATA


def headings(at) -> list[int]:
    """The levels of the page's headings in order: st.title 1, st.header 2, markdown #… by its hashes, st.html's
    <h1>…<h6> by their numbers."""
    levels = []
    for element in at.main:
        kind = getattr(element, "type", "")
        if kind == "title":
            levels.append(1)
        elif kind == "header":
            levels.append(2)
        elif kind == "subheader":
            levels.append(3)
        elif kind == "markdown":
            levels += [len(m) for m in re.findall(r"^(#{1,6}) ", str(element.value), flags=re.M)]
        elif kind == "html":
            levels += [int(m) for m in re.findall(r"<h([1-6])[ >]", element.proto.body)]
    return levels


@pytest.mark.parametrize("lang, dictionary", [("zh", "README.zh.md"), ("en", "README.md")])
def test_about_shows_the_dictionary_in_the_pages_language_under_its_heading(lang, dictionary):
    at = open_page("about", lang)
    shown = "\n".join(e.proto.body for e in at.get("html"))
    first_heading = (DATA / dictionary).read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
    # the dictionary's h1, below the page's h1 and h2
    assert f'<h3 id="{markdown.heading_id(first_heading)}">{html.escape(first_heading)}</h3>' in shown
    levels = headings(at)
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels


def test_the_chinese_dictionary_has_every_column_of_the_english_one():
    columns = set(re.findall(r"^\| `([a-z_]+)`", (DATA / "README.md").read_text(encoding="utf-8"), flags=re.M))
    chinese = (DATA / "README.zh.md").read_text(encoding="utf-8")
    assert columns and {c for c in columns if f"`{c}`" not in chinese} == set()


@pytest.mark.parametrize("page", ["overview", "economy"])
def test_pages_headings_do_not_jump(page):
    levels = headings(open_page(page, "en"))
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels


@pytest.mark.parametrize("lang, placeholder", [("zh", "全部"), ("en", "All")])
def test_filters_say_all_in_the_pages_language(lang, placeholder):
    at = open_page("trade", lang, {"view": "table"})
    assert [m.placeholder for m in at.multiselect] == [placeholder] * 3


def test_table_links_are_named_by_the_sentence_they_open():
    at = open_page("trade", "en", {"view": "table"})
    body = next(e.proto.body for e in at.get("html") if "jb-table" in e.proto.body and "aria-label" in e.proto.body)
    names = [html.unescape(n) for n in re.findall(r'aria-label="([^"]+)"', body)]
    indicators = list(html_tables(at)[0]["Indicator"])
    assert names == [f"Show in report: {name}" for name in indicators]


def test_every_chart_has_a_sentence_and_its_data():
    at = open_page("economy", "zh")
    summaries = [c.value for c in at.caption if re.search("最低为|个小图|仅一项", c.value)]
    charts = len(at.get("plotly_chart"))
    assert charts >= 1 and len(summaries) == charts
    assert [e.label for e in at.expander if e.label == "本图数据"] == ["本图数据"] * charts


def test_demote_headings_keeps_order_and_code():
    text = "# A\n## B\n```\n# not a heading\n```\n### C"
    assert markdown.demote_headings(text, top_level=3) == "### A\n#### B\n```\n# not a heading\n```\n##### C"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("page", ["explorer", "sql"])
def test_every_grid_has_an_accessible_name_with_its_row_count(page, lang):
    # A screen reader announces the grid by this name before its cells; it gives the rows the grid holds.
    at = open_page(page, lang)
    assert at.dataframe, f"/{page} shows no grid"
    for grid in at.dataframe:
        rows = len(grid.value)
        assert rows and re.search(rf"(?<!\d){rows}(?!\d)", grid.proto.alt), (grid.proto.alt, rows)
        assert bool(re.search(r"[\u4e00-\u9fff]", grid.proto.alt)) == (lang == "zh"), grid.proto.alt
