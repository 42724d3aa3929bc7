"""A markdown document shown as HTML (jiangbei.presentation.markdown): the data dictionary on the About page."""

import html
import re

import pytest

from jiangbei.presentation import markdown
from tests.conftest import DATA


@pytest.mark.parametrize("dictionary", ["README.md", "README.zh.md"])
def test_the_dictionary_keeps_every_heading_table_row_and_code_name(dictionary):
    text = markdown.demote_headings((DATA / dictionary).read_text(encoding="utf-8"), top_level=3)
    shown = markdown.document_html(text)
    headings = re.findall(r"^(#{1,6}) (.+)$", text, flags=re.M)
    shown_headings = re.findall(r'<h([1-6]) id="([^"]*)">(.*?)</h\1>', shown)
    assert [(len(h), title) for h, title in headings] == [(int(n), html.unescape(title)) for n, _, title in
                                                          shown_headings]
    assert all(anchor for _, anchor, _ in shown_headings)
    rows = [line for line in text.splitlines() if line.startswith("|") and not re.match(r"^\|[-:| ]+\|$", line)]
    assert shown.count("<tr>") == len(rows)
    for name in set(re.findall(r"`([^`]+)`", text)):
        assert f"<code>{html.escape(name, quote=False)}</code>" in shown


def test_raw_html_in_a_document_is_shown_as_text():
    shown = markdown.document_html("# A <b>title</b>\n\n<script>alert(1)</script> and <img src=x>")
    assert "<script>" not in shown and "<img" not in shown and "&lt;script&gt;" in shown


def test_heading_anchors_are_words_joined_by_hyphens():
    assert markdown.heading_id("Data dictionary") == "data-dictionary"
    assert markdown.heading_id("<code>indicators.csv</code>") == "indicators-csv"
    assert markdown.heading_id("数据字典") == "数据字典"
