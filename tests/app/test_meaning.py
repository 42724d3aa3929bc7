"""What each number means, on the pages as a reader sees them (issue 20): notes in the reader's language, growth
said as year on year with its price basis, targets never called absent when the report sets one in words."""

import re

import pytest

from tests.apptest import cards, open_page

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")


@pytest.mark.parametrize("page", ["overview", "economy", "trade", "investment", "livelihood"])
def test_chinese_pages_say_their_notes_in_chinese(page):
    at = open_page(page, "zh")
    lines = [m.value for m in at.markdown if m.value.startswith("- ")]  # the overview's beat/missed lines
    quotes = [c.get("quotes", "") for c in cards(at)]
    assert any("：" in q or ":" in q for q in quotes) and (lines or page != "overview")  # notes are shown
    for text in lines + quotes:
        assert not LATIN_WORD.search(text.replace("GDP", "")), text
