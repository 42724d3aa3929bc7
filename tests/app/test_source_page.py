"""The source page in both languages and each ?text= mode, and the English translation's marks (AppTest)."""

import re
from html.parser import HTMLParser

import pytest

from jiangbei.core import source_text, store
from jiangbei.core.validate import english_number_span, paragraph_of
from tests.apptest import ignored_params, open_page, visible_text
from tests.conftest import DATA

ZH = (DATA / "source" / "jiangbei-2020-plan-report.zh.txt").read_text(encoding="utf-8")
EN = (DATA / "source" / "jiangbei-2020-plan-report.en.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rows():
    return store.build_database(DATA).execute("select * from indicators").df()


def report(at) -> str:
    return next(e.proto.body for e in at.get("html") if 'class="report ' in e.proto.body)


def paragraph_langs(body: str) -> list[str]:
    return re.findall(r'<div class="para" lang="(zh|en)">', body)


def test_every_indicator_is_marked_in_the_english_text(rows):
    spans = source_text.locate_en(rows, ZH, EN)
    assert sorted(i for s in spans for i in s.ids) == sorted(rows["id"])
    en_lines = EN.split("\n")
    for span in spans:
        row = rows[rows["id"] == span.ids[0]].iloc[0]
        # the mark is the value as the translation writes it, in the line that translates the Chinese quote's line
        assert EN.count("\n", 0, span.start) == paragraph_of(ZH, row["source_quote"])
        assert row["source_quote_en"] in en_lines[EN.count("\n", 0, span.start)]
        quote = EN[span.quote_start:span.quote_end]
        assert quote == row["source_quote_en"]
        assert english_number_span(f"{abs(row['value']):.{max(0, row['value_decimals'])}f}", row["unit"], quote) == \
            (span.start - span.quote_start, span.end - span.quote_start)
    assert EN[spans[0].start:spans[0].end] == "66"  # 突破660亿元: CNY 66 billion


@pytest.mark.parametrize("lang, mode, langs", [
    ("zh", None, {"zh"}), ("en", None, {"en"}),
    ("zh", "en", {"en"}), ("en", "zh", {"zh"}), ("zh", "both", {"zh", "en"}), ("en", "both", {"zh", "en"}),
])
def test_each_text_mode_in_both_languages(rows, lang, mode, langs):
    at = open_page("source", lang, {"text": mode} if mode else {})
    assert not at.exception
    body = report(at)
    assert set(paragraph_langs(body)) == langs
    marks = body.count('<details class="fact"')
    expected = {"zh": len(source_text.locate(rows, ZH)), "en": len(source_text.locate_en(rows, ZH, EN))}
    assert marks == sum(expected[x] for x in langs)
    # every paragraph of each text shown, side by side in the same rows
    for shown in langs:
        assert paragraph_langs(body).count(shown) == sum(1 for line in ZH.split("\n") if line.strip())
    note = "unofficial translation" if lang == "en" else "非官方翻译"
    assert ("en" in langs) == any(note in i.value for i in at.info)
    # the Chinese quote is in a number's details only where the Chinese text is not on the page
    assert ('class="fact-original"' in body) == (langs == {"en"})
    assert at.query_params.get("text") == (mode if mode and mode != lang else None)


def test_chinese_inside_the_english_page_is_marked_as_chinese():
    at = open_page("source", "en")
    body = report(at)
    originals = re.findall(r'Chinese original: <q( lang="zh")?>', body)
    assert originals and all(originals)
    assert "限上商品销售额同比增长19.2%" in body
    title = [e.proto.body for e in at.get("html") if e.proto.body.startswith('<p lang="zh"')]
    assert title and "关于宁波市江北区" in title[0]
    assert "Report on the execution" in visible_text(at)


def test_marked_numbers_link_to_their_sentence_and_explorer_row_with_relative_links():
    body = report(open_page("source", "en", {"text": "both"}))
    assert 'href="/' not in body
    assert 'href="source?id=gdp_2020&amp;lang=en&amp;text=both"' in body
    assert 'href="explorer?q=gdp_2020&amp;lang=en"' in body
    assert "<script" not in body


def test_focus_is_marked_in_both_texts_and_scrolled_to_in_the_page_language():
    body = report(open_page("source", "en", {"text": "both", "id": "fdi_target_2021"}))
    assert body.count('class="focus"') == 2
    focused = re.findall(r'<span class="focus" id="([^"]+)">(.*?)</span>', body)
    assert [f[0] for f in focused] == ["report-focus-zh", "report-focus"]
    assert focused[0][1].startswith("实现大市外内资") and focused[1][1].startswith("to receive domestic capital")


def test_text_mode_is_kept_in_the_url():
    at = open_page("source", "zh")
    at.segmented_control(key="source_text_mode").set_value("both").run()
    assert at.query_params.get("text") == "both"
    assert set(paragraph_langs(report(at))) == {"zh", "en"}
    at.segmented_control(key="source_text_mode").set_value("zh").run()
    assert "text" not in at.query_params  # the default is not written


def test_a_bad_text_mode_is_named_and_ignored():
    at = open_page("source", "en", {"text": "fr"})
    assert not at.exception
    assert "text=fr" in ignored_params(at)
    assert set(paragraph_langs(report(at))) == {"en"}


class _Nesting(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, (tag, self.open)
        self.open.pop()


def test_tags_nest_whichever_sentence_is_focused(rows):
    """A focused quote may start or end with its number (81 key projects…; …exceeded 200): tags still nest."""
    zh_spans, en_spans = source_text.locate(rows, ZH), source_text.locate_en(rows, ZH, EN)
    starts_or_ends = {s.ids[0] for s in en_spans if s.start == s.quote_start or s.end == s.quote_end}
    assert {"key_projects_2020", "firm_rd_institutions_2020"} <= starts_or_ends
    for focus in rows["id"]:
        for text, spans, lang in ((ZH, zh_spans, "zh"), (EN, en_spans, "en")):
            checker = _Nesting()
            checker.feed(source_text.to_html(text, spans, {}, focus, lang))
            assert checker.open == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_marked_number_says_its_bound_period_and_unit_as_every_page_does(con, lang):
    from jiangbei.app import explorer, report_view
    from jiangbei.presentation.numbers import (
        format_value,
        period_from_paragraph,
        period_mark,
        period_stock_flow,
        row_figure,
    )

    rows = store.run_query(con, "explorer_rows", **explorer.View().query_params(lang))
    facts = report_view.facts(rows, lang, lang)
    for r in rows.to_dict("records"):
        label = facts[r["id"]].label
        assert row_figure(r, lang) in label, (label, r["id"])  # the one formatter (numbers.py)
        # Jan–Nov, end of November, year end; "per paragraph" where its sentence does not say 1-11月
        assert period_mark(r["period"], lang, period_stock_flow(r), period_from_paragraph(r)) in label
        if r["bound"] != "exact":  # over CNY 66.0 bn, never the bare CNY 66.0 bn
            bare = format_value(r["value"], r["unit"], r["unit_en"], lang, int(r["value_decimals"]))
            assert f"= {bare} (" not in label, label
