"""The headline cards (jiangbei.cards): what each card says, and that report text cannot inject HTML."""

from jiangbei import cards, db
from tests.apptest import _CardParser


def series_card(con, series: str) -> dict:
    return db.run_query(con, "series_cards", series=[series]).to_dict("records")[0]


def read(html: str) -> list[dict[str, str]]:
    parser = _CardParser()
    parser.feed(html)
    return parser.cards


def test_a_card_shows_result_growth_target_and_both_quotes(con):
    row = series_card(con, "gdp")
    [card] = read(cards.cards_html(db.run_query(con, "series_cards", series=["gdp"]), "en"))
    assert card["label"] == row["indicator_en"]
    assert card["value"].startswith("over ")  # 突破660亿元: a lower bound, not the value itself
    assert card["delta"] == f"▲ +{row['growth_value']}% yoy · better"  # the arrow and the word, not colour alone
    assert card["note"].startswith("2021 target: +7.2%")
    assert f"“{row['source_quote']}”" in card["quotes"] and f"“{row['target_quote']}”" in card["quotes"]


def test_a_card_without_growth_or_target_says_so(con):
    row = series_card(con, "registered_unemployment_rate") | {"target_value": None, "target_quote": None}
    shown = cards.card(row, "zh")
    assert shown["delta"] is None and shown["delta_tone"] is None
    assert shown["target"] == "报告未给出2021年目标"


def test_a_fall_is_good_where_lower_is_better(con):
    row = series_card(con, "registered_unemployment_rate")
    assert cards.card(row | {"growth_value": -0.4, "growth_decimals": 1}, "en")["delta_tone"] == "good"
    assert cards.card(row | {"growth_value": 0.4, "growth_decimals": 1}, "en")["delta_tone"] == "bad"
    gdp = series_card(con, "gdp")
    assert cards.card(gdp | {"growth_value": -1.0}, "en")["delta"].startswith("▼ −")
    assert cards.card(gdp | {"growth_value": -1.0}, "en")["delta_tone"] == "bad"


def test_report_text_is_escaped(con):
    frame = db.run_query(con, "series_cards", series=["gdp"])
    frame.loc[0, "source_quote"] = "<script>alert(1)</script>"
    frame.loc[0, "indicator_en"] = "<b>GDP</b>"
    html = cards.cards_html(frame, "en")
    assert "<script>" not in html and "<b>GDP" not in html
    [card] = read(html)
    assert card["label"] == "<b>GDP</b>" and "<script>alert(1)</script>" in card["quotes"]


def test_chinese_quotes_on_an_english_page_are_marked_chinese_and_folded(con):
    frame = db.run_query(con, "series_cards", series=["gdp"])
    row = frame.to_dict("records")[0]
    english = cards.cards_html(frame, "en")
    # The fold's name says whose sentences it holds (for a screen reader: eight folds, eight names).
    assert f'<summary>Source sentences<span class="jb-sr">: {row["indicator_en"]}</span></summary>' in english
    assert f'<p class="quotes"><span lang="zh">“{row["source_quote"]}”' in english
    assert f'<p class="label">{row["indicator_en"]}</p>' in english  # English text is not marked
    assert 'lang="zh"' not in cards.cards_html(frame, "zh")  # the page itself is Chinese
