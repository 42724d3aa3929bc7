"""The headline cards (jiangbei.presentation.cards): what each card says, and that report text cannot inject HTML."""

import re

import pandas as pd

from jiangbei.core import store
from jiangbei.presentation import cards, charts
from jiangbei.presentation.numbers import bounded, format_change, format_value, qualifier_text
from tests.apptest import _CardParser


def series_card(con, series: str) -> dict:
    return store.run_query(con, "series_cards", series=[series]).to_dict("records")[0]


def read(html: str) -> list[dict[str, str]]:
    parser = _CardParser()
    parser.feed(html)
    return parser.cards


def test_a_card_shows_result_growth_target_and_both_quotes(con):
    row = series_card(con, "gdp")
    [card] = read(cards.cards_html(store.run_query(con, "series_cards", series=["gdp"]), "en"))
    assert card["label"] == row["indicator_en"]
    assert card["value"].startswith("over ")  # 突破660亿元: a lower bound, not the value itself
    # the report does not say whether 3.4% is real: the card does not say so either
    assert card["delta"] == f"▲ +{row['growth_value']}% yoy (basis not stated)"
    # GDP missed its 2020 plan (the report says so in words): said on the card beside the figure
    assert card["note"].startswith("missed the 2020 annual plan · 2021 target: +7.2%")
    assert row["note"] in card["quotes"]  # the caveats travel with the figure
    # English sentences, marked as a translation, with the Chinese originals one click away (lang="zh")
    assert f"“{row['source_quote_en']}” · “{row['target_quote_en']}” (unofficial translation)" in card["quotes"]
    assert card["original"] == f"“{row['source_quote']}” · “{row['target_quote']}”"
    html = cards.cards_html(store.run_query(con, "series_cards", series=["gdp"]), "en")
    assert '<details class="original"><summary>Chinese original</summary><p class="original" lang="zh">' in html
    [zh_card] = read(cards.cards_html(store.run_query(con, "series_cards", series=["gdp"]), "zh"))
    assert f"“{row['source_quote']}”" in zh_card["quotes"] and "original" not in zh_card


def test_a_card_without_growth_or_target_says_so(con):
    row = series_card(con, "registered_unemployment_rate") | {"target_value": None, "target_quote": None}
    shown = cards.card(row, "zh")
    assert shown["delta"] is None
    assert shown["target"] == "报告未给出可比的2021年目标"


def test_the_growth_line_says_the_direction_and_no_verdict(con):
    """Every card's growth line is the arrow, the signed rate and its basis: no good/bad words or colour, which
    read as a verdict on the year (GDP grew and missed its plan; faster loan growth is not 'better')."""
    every = [r[0] for r in con.execute("select series from series_summary order by series").fetchall()]
    frame = store.run_query(con, "series_cards", series=every)
    assert frame["growth_value"].notna().sum() >= 5
    for lang in ("zh", "en"):
        html = cards.cards_html(frame, lang)
        assert 'class="delta good"' not in html and 'class="delta bad"' not in html and ".good" not in html
        for c in frame.to_dict("records"):
            delta = cards.card(c, lang)["delta"]
            if pd.isna(c["growth_value"]):
                assert delta is None
                continue
            arrow = "▲" if c["growth_value"] >= 0 else "▼"
            assert delta.startswith(f"{arrow} {format_change(c['growth_value'], lang, int(c['growth_decimals']))}")
            for word in ("better", "worse", "向好", "向差", "good", "bad"):
                assert word not in delta, (c["series"], lang, delta)
    gdp = series_card(con, "gdp")
    assert cards.card(gdp | {"growth_value": -1.0}, "en")["delta"].startswith("▼ −")


def test_report_text_is_escaped(con):
    frame = store.run_query(con, "series_cards", series=["gdp"])
    frame.loc[0, "source_quote"] = "<script>alert(1)</script>"
    frame.loc[0, "source_quote_en"] = "<script>alert(2)</script>"
    frame.loc[0, "indicator_en"] = "<b>GDP</b>"
    html = cards.cards_html(frame, "en")
    assert "<script>" not in html and "<b>GDP" not in html
    [card] = read(html)
    assert card["label"] == "<b>GDP</b>" and "<script>alert(2)</script>" in card["quotes"]
    assert "<script>alert(1)</script>" in card["original"]


def test_growth_is_never_called_real_unless_the_data_says_comparable(con):
    shown = read(cards.cards_html(store.run_query(con, "series_cards", series=["general_budget_revenue", "gdp"]), "zh"))
    assert "(可比价)" not in shown[0]["delta"] and "价格口径未说明" not in shown[0]["delta"]  # nominal revenue
    assert "(可比价)" not in shown[1]["delta"] and "(价格口径未说明)" in shown[1]["delta"]


def test_a_card_says_the_period_and_the_bound(con):
    [loans] = read(cards.cards_html(store.run_query(con, "series_cards", series=["bank_loans"]), "en"))
    assert loans["value"].endswith("(end of November per paragraph)")  # a balance in the 1-11月 paragraph
    [services] = read(cards.cards_html(store.run_query(con, "series_cards", series=["services_leading_revenue"]), "zh"))
    assert services["value"].endswith("(1-11月)")
    # 城镇登记失业率保持在3.5%: a ceiling although the report has no bound word for it
    [rate] = read(cards.cards_html(store.run_query(con, "series_cards", series=["registered_unemployment_rate"]), "en"))
    assert rate["note"].startswith("2021 target: at most 3.5%")
    [firms] = read(cards.cards_html(store.run_query(con, "series_cards", series=["hightech_firms"]), "en"))
    assert firms["value"].startswith("over ") and "(year end)" in firms["value"].lower()
    assert "striving for more than 170" in firms["note"]  # 力争 governs the list 力争…高新技术企业超过170家


def test_every_qualifier_and_bound_of_the_data_reads_in_english(con):
    rows = con.execute("SELECT DISTINCT qualifier, bound FROM indicators").fetchall()
    for qualifier, bound in rows:
        assert not re.search(r"[\u4e00-\u9fff]", qualifier_text(qualifier, "en")), qualifier
        assert not re.search(r"[\u4e00-\u9fff]", bounded("5", qualifier, bound, "en", keep_words=True)), qualifier


def test_result_and_target_bars_keep_their_bounds(con):
    pairs = store.run_query(con, "topic_results_vs_targets", topics=["innovation", "employment"])
    bars = charts.result_vs_target(pairs, "en").data
    # on the bar its bound as a mark (the panel's title gives the unit); in its hover the report's words
    labels = {tuple(trace.text)[0] for trace in bars}
    assert {"≥150", "≥170", "≤3.5", "≥8,000"} <= labels
    hovers = " ".join(tuple(trace.hovertext)[0] for trace in bars)
    for words in ("over 150 firms", "striving for more than 170 firms", "at most 3.5%", "8,000 persons or more"):
        assert words in hovers


def test_charts_say_jan_nov_and_keep_bounds(con):
    levels = charts.levels_bars(store.run_query(con, "levels_in_yuan", topics=["macro", "services"]), "en").data[0]
    labels = {y.replace("<br>", " "): text for y, text in zip(levels.y, levels.text)}
    gdp = next(y for y in labels if y.startswith("Gross domestic product (GDP)"))
    assert labels[gdp] == "over CNY 66.0 bn"  # 突破660亿元
    assert any("(Jan–Nov" in y and "six leading service" in y for y in labels)
    growth = charts.growth_bars(store.run_query(con, "growth_rates", topics=["services"]), "zh").data[0]
    names = [y.replace("<br>", "") for y in growth.y]  # wrapped, not cut
    assert any(y.startswith("服务业六大主导产业营业收入增速(1-11月，") for y in names)
    assert any(y.startswith("软件业务收入增速(") for y in names)

def test_chinese_quotes_on_an_english_page_are_marked_chinese_and_folded(con):
    frame = store.run_query(con, "series_cards", series=["gdp"])
    row = frame.to_dict("records")[0]
    english = cards.cards_html(frame, "en")
    # The fold's name says whose sentences it holds (for a screen reader: eight folds, eight names).
    assert f'<summary>Source sentences<span class="jb-sr">: {row["indicator_en"]}</span></summary>' in english
    [card] = read(english)  # the English sentence, then its original marked Chinese
    assert card["quotes"].startswith(f"“{row['source_quote_en']}”") and card["original"].startswith("“全区")
    assert f'<p class="original" lang="zh"><span lang="zh">“{row["source_quote"]}”' in english
    assert f'<p class="label">{row["indicator_en"]}</p>' in english  # English text is not marked
    assert 'lang="zh"' not in cards.cards_html(frame, "zh")  # the page itself is Chinese


def test_every_card_growth_says_its_price_basis(con):
    """Real and nominal growth side by side on the cards: each priced growth names its basis, whatever it is."""
    from jiangbei.app.topic_page import TOPIC_PAGES

    every = [s for page in TOPIC_PAGES.values() for s in page["cards"]]
    rows = store.run_query(con, "series_cards", series=every).to_dict("records")
    priced = [r for r in rows if r["growth_value"] == r["growth_value"] and charts.priced(r["growth_price_basis"])]
    assert len(priced) >= 5
    for lang in ("zh", "en"):
        for row in priced:
            assert charts.basis_label(row["growth_price_basis"], lang, short=True) in cards.card(row, lang)["delta"]


def every_card(con) -> list[dict]:
    series = [s for (s,) in con.sql("SELECT DISTINCT series FROM series_summary ORDER BY 1").fetchall()]
    return store.run_query(con, "series_cards", series=series).to_dict("records")


def test_a_growth_figure_says_year_on_year_and_its_price_basis(con):
    from jiangbei.presentation.i18n import t
    from jiangbei.presentation.numbers import GROWTH_MEASURES, basis_label

    for lang in ("zh", "en"):
        bases = {basis_label(code, lang, short=True) for code in ("comparable", "nominal", "not_stated")}
        for row in every_card(con):
            card = cards.card(row, lang)
            for measure, text in ((row["measure"], card["value"]), (row["target_measure"], card["target"])):
                if measure in GROWTH_MEASURES:
                    assert re.search(r"[+−]\d", text) and t("yoy", lang) in text, text
                    assert any(f"({b})" in text for b in bases), text
                else:  # a price basis only where it means something: never on a level, count or share
                    assert not any(f"({b})" in text for b in bases), text


def test_a_target_set_only_in_words_is_never_called_no_target(con):
    from jiangbei.core.store import data_dir
    from jiangbei.presentation.i18n import TEXT, t

    report = {lang: next((data_dir() / "source").glob(f"*.{lang}.txt")).read_text() for lang in ("zh", "en")}
    worded = {k.removeprefix("qualitative_target_") for k in TEXT if k.startswith("qualitative_target_")}
    assert worded
    for row in every_card(con):
        for lang in ("zh", "en"):
            target = cards.card(row, lang)["target"]
            if row["series"] in worded:
                sentence = t(f"qualitative_target_{row['series']}", lang)
                assert sentence in report[lang] and sentence in target and t("no_target", lang) not in target


def test_every_card_with_a_plan_result_says_how_the_year_did_against_its_plan(con):
    """Rule: a result measured against its annual plan, by a completion rate (FDI 67.3%) or in the report's words
    (GDP), says so on its card with the rate, by the same macro as the plan lists."""
    rates = con.execute("""select series, value, value_decimals, plan_outcome(value, bound) as outcome
                           from indicators where kind = 'actual' and measure = 'completion_pct'""").df()
    worded = con.execute("select series, plan_verdict from indicators where plan_verdict <> ''").df()
    assert len(rates) >= 3 and {"missed", "beat"} <= set(rates["outcome"])
    every = rates["series"].tolist() + worded["series"].tolist()
    frame = store.run_query(con, "series_cards", series=every)
    shown = {c["series"]: c for c in frame.to_dict("records")}
    assert set(shown) == set(every)
    for r in rates.to_dict("records"):
        for lang in ("en", "zh"):
            rate = format_value(r["value"], "%", "%", lang, int(r["value_decimals"]))
            said = cards.t("plan_verdict_with_rate", lang, verdict=cards.t(f"plan_verdict_{r['outcome']}", lang),
                           rate=rate)
            assert cards.card(shown[r["series"]], lang)["target"].startswith(f"{said} · "), (r["series"], lang)
    for r in worded.to_dict("records"):
        for lang in ("en", "zh"):
            said = cards.t(f"plan_verdict_{r['plan_verdict']}", lang)
            assert cards.card(shown[r["series"]], lang)["target"].startswith(f"{said} · "), (r["series"], lang)
    fdi = cards.card(shown["fdi_utilized"], "en")["target"]
    assert fdi.startswith("missed the 2020 annual plan (67.3% of plan)")
