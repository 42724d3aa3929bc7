"""Rules every chart the pages draw keeps, checked on each real figure (every chart kind, every page's topics,
both languages, and /targets' dumbbells): a true summary and a data table of all its points, English text in
English, a price basis on every growth figure, and the source line the saved image carries."""

import re

import pytest

from jiangbei.app import db, figures
from jiangbei.app.topic_page import TOPIC_PAGES
from jiangbei.presentation import chart_text, charts, scorecard
from jiangbei.presentation.i18n import t
from jiangbei.presentation.numbers import GROWTH_MEASURES

HAN = re.compile(r"[\u3400-\u9fff]")
SOURCE = {"publisher_en": "Jiangbei District Development and Reform Bureau", "publisher_zh": "江北区发展和改革局",
          "date": "2021-03-18"}


def _every_figure():
    """(name, lang, figure, rows) for every chart any page draws."""
    found = []
    for lang in ("zh", "en"):
        for page, spec in TOPIC_PAGES.items():
            for chart, (query, builder) in figures.BUILDERS.items():
                if chart in ("main_targets", "plan"):
                    continue
                rows = db.query(query, topics=spec["topics"])
                fig = builder(rows, lang)
                if fig is not None:
                    found.append((f"{page}/{chart}/{lang}", lang, fig, rows))
        for chart in ("main_targets", "plan"):  # the overview's, over every topic
            query, builder = figures.BUILDERS[chart]
            rows = db.query(query)
            fig = builder(rows, lang)
            if fig is not None:
                found.append((f"overview/{chart}/{lang}", lang, fig, rows))
        every = db.query("target_scorecard_rows", topics=[], statuses=[], sort="report")
        for family in scorecard.FAMILIES:
            rows = scorecard.chart_rows(every, family)
            fig = charts.dumbbell(rows, family, lang)
            if fig is not None:
                found.append((f"targets/{family}/{lang}", lang, fig, rows))
    return found


FIGURES = _every_figure()
IDS = [name for name, *_ in FIGURES]


def test_every_kind_of_chart_is_checked():
    kinds = {name.split("/")[1] for name in IDS}
    every = db.query("target_scorecard_rows", topics=[], statuses=[], sort="report")
    # a family with fewer than two comparable targets is listed, not charted (one dot is no chart)
    drawn = {f for f in scorecard.FAMILIES if len(scorecard.chart_rows(every, f)) >= 2}
    assert {"growth", "vs", "levels_flow", "main_targets", "plan", *drawn} <= kinds
    assert len(drawn) >= 3


@pytest.mark.parametrize("name, lang, fig, rows", FIGURES, ids=IDS)
def test_summary_and_data_table_hold_every_point(name, lang, fig, rows):
    summary = chart_text.summary(fig, lang)
    table = chart_text.table(fig, lang)
    empty = t("chart_summary_empty", lang, title="").strip(" :：")
    assert empty not in summary and len(table) > 0
    drawn = sum(len(tr.x) for tr in fig.data if chart_text._is_data(tr))
    assert len(table) == drawn  # one row per bar or marked point
    assert table[t("col_value", lang)].str.contains(r"\d").all()  # each value as written, with its number


@pytest.mark.parametrize("name, lang, fig, rows", [f for f in FIGURES if f[1] == "en"],
                         ids=[i for i in IDS if i.endswith("/en")])
def test_english_charts_show_no_chinese(name, lang, fig, rows):
    texts = [fig.layout.title.text or "", *(a.text for a in fig.layout.annotations or ())]
    for trace in fig.data:
        texts += [str(v) for v in (trace.hovertext if isinstance(trace.hovertext, tuple) else [trace.hovertext])]
        texts += [str(v) for v in (trace.text if isinstance(trace.text, tuple) else [trace.text])]
        texts += [str(v) for v in (trace.y if trace.type == "bar" and trace.orientation == "h" else ())]
        texts.append(str(trace.name or ""))
    texts += [chart_text.summary(fig, lang), *chart_text.table(fig, lang).astype(str).to_numpy().ravel()]
    assert [x for x in texts if HAN.search(x)] == []


def _basis_column(rows):
    return "target_price_basis" if "target_price_basis" in rows.columns else "price_basis"


PRICED = [f for f in FIGURES
          if _basis_column(f[3]) in f[3].columns and f[3][_basis_column(f[3])].map(charts.priced).any()]


def test_growth_charts_have_priced_figures():
    assert {"growth", "vs", "main_targets"} <= {name.split("/")[1] for name, *_ in PRICED}


@pytest.mark.parametrize("name, lang, fig, rows", PRICED, ids=[f[0] for f in PRICED])
def test_growth_figures_say_their_price_basis(name, lang, fig, rows):
    """Every growth rate says its price basis in its hover (real, nominal, or not stated); a count, share or money
    level says none (it would be meaningless there)."""
    column = _basis_column(rows)
    growth = rows["measure"].isin(GROWTH_MEASURES) if "measure" in rows.columns else rows[column].isna()
    said = {charts.basis_label(code, lang) for code in rows[growth][column] if charts.priced(code)}
    hovers = [str(h) for tr in fig.data if chart_text._is_data(tr) for h in (tr.hovertext or ())]
    assert all(label in " ".join(hovers) for label in said)
    lines = sum(h.count(f"{t('col_price_basis', lang)}:") for h in hovers)
    assert lines <= sum(growth) * 2  # at most a result's and a target's point per growth row


def test_an_unknown_price_basis_reads_not_stated():
    for lang in ("zh", "en"):
        assert charts.basis_label("brand_new_code", lang) == t("price_basis_unknown", lang)
        assert charts.basis_label(None, lang, short=True) == t("price_basis_short_unknown", lang)
        assert charts.basis_label("comparable", lang) == t("price_basis_comparable", lang)


@pytest.mark.parametrize("name, lang, fig, rows", FIGURES[::3], ids=IDS[::3])
def test_the_drawn_chart_names_place_source_date_and_link_and_keeps_the_original(name, lang, fig, rows):
    before = fig.to_plotly_json()
    shown = charts.with_source_line(fig, lang, SOURCE, "https://example.org/targets?lang=" + lang)
    assert fig.to_plotly_json() == before  # the cached figure is shared by every session: never changed
    line = next(a for a in shown.layout.annotations if a.name == "source_line")
    assert t("chart_place", lang) in line.text and SOURCE[f"publisher_{lang}"] in line.text
    assert "2021-03-18" in line.text and "example.org/targets?lang=" in line.text
    assert line.y < 0 and shown.layout.margin.b > (fig.layout.margin.b or 0)  # below the axis, inside the image
    assert shown.layout.margin.t >= (fig.layout.margin.t or 0) + charts.MODEBAR_ROOM


@pytest.mark.parametrize("name, lang, fig, rows", FIGURES, ids=IDS)
def test_bar_labels_wrap_and_keep_every_word(name, lang, fig, rows):
    """A category label is wrapped, never cut: each line fits a phone's narrow chart and, joined again, the label
    still holds the whole name with its qualifiers (规上, 限上) and notes."""
    width = 38 if lang == "en" else 14
    names = set(rows[f"indicator_{lang}"]) if f"indicator_{lang}" in rows.columns else set()
    for trace in fig.data:
        if trace.type != "bar" or trace.orientation != "h":
            continue
        for label in trace.y:
            lines = str(label).split("<br>")
            assert all(len(line) <= width or " " not in line for line in lines), label
            joined = ("" if lang == "zh" else " ").join(lines)
            if lang == "zh" and names:
                assert any(joined.startswith(n) for n in names), joined


@pytest.mark.parametrize("name, lang, fig, rows", [f for f in FIGURES if f[0].split("/")[0] == "targets"],
                         ids=[i for i in IDS if i.startswith("targets/")])
def test_a_gap_or_change_chart_says_its_unit_and_both_levels_in_words(name, lang, fig, rows):
    """The text alternative of a dumbbell drawn as a gap (pp) or change (%) gives each value with its unit and the
    2020 result and 2021 target it is computed from, which the axis alone does not show."""
    family = name.split("/")[1]
    if charts.DUMBBELL_AXES[family] == "values":
        return
    unit = "%" if charts.DUMBBELL_AXES[family] == "change" else ("pp" if lang == "en" else "个百分点")
    table = chart_text.table(fig, lang)
    assert len(table) == len(rows)
    for label, value in zip(table[t("chart_col_label", lang)], table[t("col_value", lang)]):
        assert value.endswith(unit), value
        assert "2020" in label and "2021" in label and re.search(r"\d.*→.*\d", label), label


@pytest.mark.parametrize("name, lang, fig, rows", FIGURES, ids=IDS)
def test_chart_text_writes_numbers_as_tables_do(name, lang, fig, rows):
    """Every text a chart shows (bar labels, hovers): a negative number with a true minus (−20.6%), never an ASCII
    hyphen; a growth rate in a hover signed (+3.4%); the price basis named once per line ("Price basis: not
    stated", not "Price basis: price basis not stated")."""
    texts = []
    for trace in fig.data:
        for attr in ("hovertext", "text"):
            value = getattr(trace, attr, None)
            texts += [str(v) for v in (value if isinstance(value, tuple) else [value]) if v is not None]
    hyphen = re.compile(r"(?<![\w-])-\d")
    assert [x for x in texts if hyphen.search(x)] == []
    label = t("col_price_basis", lang).lower()
    for text in texts:
        for line in text.split("<br>"):
            assert line.lower().count(label) <= 1, line
    growth = rows["measure"].isin(GROWTH_MEASURES).any() if "measure" in rows.columns else False
    if name.split("/")[1] == "growth" and growth:
        bold = [m for x in texts for m in re.findall(r"<b>([^<]*)</b>", x)]
        assert bold and all(re.match(r"^[≥≤~]?([+−]\d|0(?![.\d]))", b) or not re.search(r"\d", b) for b in bold), bold


def test_every_caveat_of_the_report_has_its_hover_words():
    from jiangbei.core.schema import CAVEATS

    assert set(charts.CAVEAT_KEYS) == set(CAVEATS)
    for lang in ("zh", "en"):
        assert all(t(key, lang) != key for key in charts.CAVEAT_KEYS.values())


def _flat(text: str) -> str:
    return re.sub(r"<br>|\s", "", text)


@pytest.mark.parametrize("name, lang, fig, rows", FIGURES, ids=IDS)
def test_a_figure_with_a_caveat_says_it_in_its_hover(name, lang, fig, rows):
    """Rule: every drawn figure whose note holds one of the report's caveats (exports: newly counted e-commerce
    firms) says it in its hover, so it is never ranked among like-for-like figures unmarked. A hover is matched to
    its row by the source sentence it quotes."""
    from jiangbei.core.schema import CAVEATS

    hovers = [_flat(str(h)) for tr in fig.data if chart_text._is_data(tr) for h in (tr.hovertext or ())]
    for side in ("", "result_", "target_", "baseline_"):
        if f"{side}note" not in rows.columns or f"{side}quote" not in rows.columns:
            continue
        for r in rows.to_dict("records"):
            note, sentence = r[f"{side}note"], r.get(f"{side}quote_en" if lang == "en" else f"{side}quote")
            if not isinstance(note, str) or not isinstance(sentence, str):
                continue
            for phrase, (words, _) in CAVEATS.items():
                if words in note:
                    for hover in hovers:
                        if _flat(sentence) in hover:
                            assert _flat(t(charts.CAVEAT_KEYS[phrase], lang)) in hover, (name, side, phrase)


@pytest.mark.parametrize("name, lang, fig, rows", FIGURES, ids=IDS)
def test_every_chart_is_drawn_in_installed_fonts(name, lang, fig, rows):
    """The camera button's image is drawn where the page's web font does not load: a chart in that font was measured
    in it and drawn wider, cutting labels. Every chart names installed fonts, ending in a generic family."""
    family = fig.layout.font.family
    assert family == charts.FONT_FAMILY[lang] and family.endswith("sans-serif")
    assert "Source Sans" not in family
