"""One number format per kind, on every row of the real data (jiangbei.presentation.numbers is the one formatter):
growth rates signed with the report's decimals, differences of rates in percentage points, English money amounts
with no more decimals than the report's figure implies, a derived figure written the same on table and chart."""

import re

import pandas as pd
import pytest

from jiangbei.core.units import EN_MULTIPLY, EN_SCALE
from jiangbei.presentation import charts, scorecard, tables
from jiangbei.presentation.i18n import t
from jiangbei.presentation.numbers import GROWTH_MEASURES, format_value, scaled_for
from tests.conftest import DATA

LANGS = ("zh", "en")
PP = {"zh": "个百分点", "en": " pp"}
# A figure as written: an optional bound mark, then a sign where it has one.
SIGNED = re.compile(r"^[≥≤~]?[+−]\d")
ZERO = re.compile(r"^[≥≤~]?0(\.0+)?%")


@pytest.fixture(scope="module")
def card(con) -> pd.DataFrame:
    return con.execute("select * from target_scorecard").df()


@pytest.fixture(scope="module")
def pairs(con) -> pd.DataFrame:
    return con.execute("select * from results_vs_targets").df()


@pytest.mark.parametrize("lang", LANGS)
def test_every_growth_rate_in_the_scorecard_is_signed(card, lang):
    shown = scorecard.frame(card, lang)
    growth = (card["measure"].isin(GROWTH_MEASURES)).to_numpy()
    checked = 0
    for column in (t("col_baseline", lang), t("col_target_2021", lang)):
        for text in shown[column][growth]:
            if text != "—":
                assert SIGNED.match(text) or ZERO.match(text), (column, text)
                checked += 1
    assert checked >= 5


@pytest.mark.parametrize("lang", LANGS)
def test_every_growth_label_on_the_charts_is_signed(card, pairs, lang):
    growth = scorecard.chart_rows(card, "growth")
    fig = charts.dumbbell(growth, "growth", lang)
    labels = [text for trace in fig.data if trace.text is not None for text in trace.text]
    assert len(labels) >= 2 * len(growth) - 1
    assert all(SIGNED.match(text) or ZERO.match(text) for text in labels), labels
    fig = charts.result_vs_target(pairs[pairs["measure"].isin(GROWTH_MEASURES)], lang)
    bars = [text for trace in fig.data for text in trace.text]
    assert bars and all(SIGNED.match(text) or ZERO.match(text) for text in bars), bars


@pytest.mark.parametrize("lang", LANGS)
def test_every_difference_of_rates_is_in_percentage_points(card, pairs, lang):
    checked = 0
    for _, row in card.iterrows():
        if row["distance_kind"] == "pp" and row["distance"] == row["distance"]:
            assert scorecard.distance_text(row, lang).endswith(PP[lang]), row["target_id"]
            checked += 1
    for _, row in pairs.iterrows():
        if row["gap_unit"] == "个百分点" and row["gap"] == row["gap"]:
            assert scorecard.gap_text(row, lang).endswith(PP[lang]), row["target_id"]
            checked += 1
    rates = scorecard.chart_rows(card, "rate")
    fig = charts.dumbbell(rates, "rate", lang)
    labels = [text for trace in fig.data if trace.text is not None for text in trace.text]
    assert labels and all(text.endswith(PP[lang]) for text in labels), labels
    assert checked >= 5


def _places(text: str) -> int:
    number = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    return len(number.group(1) or "") if number else 0


def test_no_english_money_amount_shows_more_decimals_than_its_source(con):
    """Stated and derived amounts alike: a derived figure rounded to tens (17,800 万美元, decimals -2) is USD 178 m,
    never USD 178.0 m, a digit its inputs do not support and the Chinese page does not show."""
    rows = con.execute("""select value, unit, unit_en, value_decimals from indicators where value is not null
                          union all select value, unit, unit_en, value_decimals from derived""").df()
    assert (rows["value_decimals"] < 0).any()  # the rule is exercised on figures rounded to tens
    checked = 0
    for _, r in rows[rows["unit"].isin(EN_SCALE)].iterrows():
        divisor = EN_SCALE[r["unit"]][0]
        implied = int(r["value_decimals"]) + len(str(divisor)) - 1
        text = format_value(r["value"], r["unit"], r["unit_en"], "en", int(r["value_decimals"]))
        _, _, table_places = scaled_for(r["value"], r["unit"], r["unit_en"], "en", int(r["value_decimals"]))
        # a figure written in words (千亿元: decimals -3) has none after the conversion either
        assert _places(text) <= max(0, implied) and table_places == _places(text), (r.to_dict(), text, table_places)
        checked += 1
    assert checked >= 10


def test_the_table_writes_a_value_with_the_cards_decimals(con):
    rows = con.execute("select * from indicators where value is not null").df()
    shown = tables.shown_values(rows, "en")
    for (_, r), (_, s) in zip(rows.iterrows(), shown.iterrows()):
        if r["unit"] in EN_SCALE:
            text = format_value(r["value"], r["unit"], r["unit_en"], "en", int(r["value_decimals"]))
            assert _places(text) == s["decimals"], (r["id"], text, s["decimals"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("family", ["rate", "flow"])
def test_a_derived_figure_reads_the_same_on_chart_and_table(card, family, lang):
    rows = scorecard.chart_rows(card, family)
    if len(rows) < 2:
        pytest.fail(f"family {family} has no chart")
    fig = charts.dumbbell(rows, family, lang)
    labels = {text for trace in fig.data[2:] for text in trace.text}
    table = {scorecard.distance_text(r, lang) for _, r in rows.iterrows()}
    assert labels == table


def _cells(page: str, header: str) -> list[str]:
    import html as html_module

    label = html_module.escape(header, quote=True)
    cell = rf'<td class="num" data-label="{re.escape(label)}">([^<]*)</td>'
    return [html_module.unescape(c) for c in re.findall(cell, page)]


@pytest.mark.parametrize("lang", LANGS)
def test_every_html_table_writes_each_figure_with_its_own_decimals_and_bound(con, pairs, lang):
    """Rule: a table writes each stated figure with the decimals the report gives it and its bound mark, in the
    reader's units and grouping, as cards do (7.0% stays 7.0, 突破660亿元 is ≥66.0 in CNY bn, 1,333,000) — the
    results-beside-targets tables as well as the tables of all figures and of derived figures."""
    from jiangbei.presentation.numbers import BOUND_MARKS, format_number

    everything = con.execute("select * from indicators").df()
    derived = con.execute("select * from derived").df()
    checked = bounded = 0
    for frame, formats, sides in (
        (tables.targets_frame(pairs, lang), tables.targets_formats(pairs, lang),
         (("col_result_2020", "result"), ("col_target_2021", "target"))),
        (tables.indicator_frame(everything, lang, ["indicator", "value", "unit"]),
         tables.value_formats(everything, lang), (("col_value", ""),)),
        (tables.derived_frame(derived, lang), tables.value_formats(derived, lang), (("col_value", ""),)),
    ):
        page = tables.html_table(frame, formats=formats, page_lang=lang)
        source = pairs if sides[0][1] else (everything if len(frame) == len(everything) else derived)
        for key, side in sides:
            prefix = f"{side}_" if side else ""
            cells = _cells(page, t(key, lang))
            values = source[f"{prefix}value"]
            shown = tables.shown_values(source, lang, f"{prefix}value", f"{prefix}value_decimals" if not side
                                        else f"{side}_decimals")
            expected = [BOUND_MARKS.get(b, "") + format_number(v, lang, int(d))
                        for v, d, b in zip(shown["value"], shown["decimals"], source[f"{prefix}bound"]) if v == v]
            assert cells == expected and len(cells) == values.notna().sum(), key
            checked += len(cells)
            bounded += sum(c[:1] in "≥≤~" for c in cells)
    assert checked > 200 and bounded >= 10
    growth = pairs[pairs["measure"].isin(GROWTH_MEASURES) & (pairs["result_value"] % 1 == 0)
                   & (pairs["result_decimals"] > 0)]
    assert len(growth)  # a figure such as 7.0% is exercised


@pytest.mark.parametrize("lang", LANGS)
def test_a_period_read_from_the_paragraph_says_so_wherever_it_is_written(con, lang):
    """Rule: a Jan–Nov period the figure's own sentence does not state (its note says the paragraph's 1-11月) is
    written "per paragraph" in tables, figure texts and chart labels; one its sentence states is written plainly."""
    from jiangbei.presentation.numbers import period_from_paragraph, row_figure

    rows = con.execute("select * from indicators where period = 'jan_nov'").df().to_dict("records")
    read = [r for r in rows if period_from_paragraph(r)]
    assert read and len(read) < len(rows)  # both kinds exist
    marks = {t("period_jan_nov_paragraph", lang), t("period_end_nov_paragraph", lang)}
    labels = tables.period_labels(pd.DataFrame(rows), lang)
    for r, label in zip(rows, labels):
        said = period_from_paragraph(r)
        assert (label in marks) == said, (r["id"], label)
        assert any(m in row_figure(r, lang) for m in marks) == said, r["id"]
        label = charts._label(r, lang).replace("<br>", "" if lang == "zh" else " ")
        assert any(m in label for m in marks) == said, (r["id"], label)


def test_a_zero_the_report_writes_after_the_point_is_kept_in_english(con):
    """22.0 亿元 is CNY 2.20 bn (not 2.2): the report's written decimals all move with the conversion."""
    rows = con.execute("select * from indicators where value is not null and value_decimals > 0").df()
    checked = 0
    for r in rows[rows["unit"].isin(EN_SCALE)].to_dict("records"):
        divisor = EN_SCALE[r["unit"]][0]
        text = format_value(r["value"], r["unit"], r["unit_en"], "en", int(r["value_decimals"]))
        assert _places(text) == int(r["value_decimals"]) + len(str(divisor)) - 1, (r["id"], text)
        checked += 1
    assert checked >= 10


_ARABIC = re.compile(r"\d+(?:\.\d+)?")
_SHOWN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def test_every_figure_is_shown_with_the_precision_its_report_wrote():
    """Rule, on every row of data/indicators.csv (read as text, apart from the database): the report's written
    precision decides. A figure written in digits keeps its written decimals in Chinese, and in English every one
    of them moved by the conversion (22.0 亿元: 2.20); a figure written only in words (突破千亿元, 十强, 四大) has
    no written decimals, so it shows none in either language: over CNY 100 bn, never 100.0."""
    from jiangbei.core import store

    csv_rows = pd.read_csv(DATA / "indicators.csv", dtype=str, keep_default_na=False)
    db = store.build_database(DATA).sql("select id, value, unit, unit_en, value_decimals from indicators").df()
    decimals = dict(zip(db["id"], db["value_decimals"]))
    words = digits = 0
    for r in csv_rows.to_dict("records"):
        written = r["value"].lstrip("-")
        in_words = written not in _ARABIC.findall(r["source_quote"])
        value = float(r["value"])
        for lang in LANGS:
            text = format_value(value, r["unit"], r["unit_en"], lang, int(decimals[r["id"]]))
            shown = abs(scaled_for(value, r["unit"], r["unit_en"], lang, 4)[0])  # the number, not 10,000 of a unit
            number = next(n for n in _SHOWN_NUMBER.findall(text)
                          if float(n.replace(",", "")) == pytest.approx(shown))
            places = _places(number)
            if in_words or value == 0:
                assert places == 0, (r["id"], lang, text)
                continue
            own = len(written.partition(".")[2])
            shift = len(str(EN_SCALE[r["unit"]][0])) - 1 if lang == "en" and r["unit"] in EN_SCALE else 0
            if lang == "en" and r["unit"] in EN_MULTIPLY:  # 8.5 万平方米: 85,000 m², decimals moved the other way
                assert places == max(0, own - len(str(EN_MULTIPLY[r["unit"]])) + 1), (r["id"], lang, text)
            elif lang == "zh" or shift == 0:
                assert places == own, (r["id"], lang, text)
            elif own:  # the written decimals all move with the conversion
                assert places == own + shift, (r["id"], lang, text)
            else:  # 660 亿元: CNY 66.0 bn, the written units digit kept, no digit the report did not write
                assert 1 <= places <= shift, (r["id"], lang, text)
        words += in_words
        digits += not in_words
    assert words >= 5 and digits >= 150
