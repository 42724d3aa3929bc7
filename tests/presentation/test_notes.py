"""Every figure's note in the reader's language (locales/*/notes.po), each caveat said once per cell."""

import re

import pandas as pd
import pytest

from jiangbei.core import store
from jiangbei.presentation import scorecard, tables
from jiangbei.presentation.i18n import TEXT, note_text, notes_text, t
from tests.conftest import DATA

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")  # an English word; 5G, 1:7 and the like are not
NOTES = sorted(set(pd.read_csv(DATA / "indicators.csv")["note"].dropna()))


@pytest.mark.parametrize("note", NOTES)
def test_every_note_of_the_data_has_its_chinese_and_english(note):
    assert note in TEXT, f"add this note to locales/zh|en/LC_MESSAGES/notes.po: {note}"
    zh = note_text(note, "zh")
    assert re.search(r"[\u4e00-\u9fff]", zh) and not LATIN_WORD.search(zh), zh
    assert note_text(note, "en") == note


def clauses(cell: str) -> list[str]:
    return [c.strip() for c in re.split(r"[;；]", cell) if c.strip()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_cell_of_notes_says_each_clause_once_in_its_language(con, lang):
    rows = store.run_query(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    pairs = con.sql("SELECT * FROM results_vs_targets").df()
    cells = list(scorecard.frame(rows, lang)[t("col_note", lang)]) + \
        list(tables.targets_frame(pairs, lang)[t("col_note", lang)])
    assert any(cells)
    for cell in cells:
        assert len(clauses(cell)) == len(set(clauses(cell))), cell
        if lang == "zh":
            assert not LATIN_WORD.search(cell), cell
    for note in NOTES:  # a result and its target with the same note: said once
        assert notes_text([note, note], lang) == notes_text([note], lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_growth_of_a_balance_is_read_at_the_end_of_november(con, lang):
    """A balance (stock) in a 1-11月 paragraph is at the end of November, and so is its growth; flows stay Jan–Nov."""
    from jiangbei.presentation.numbers import row_figure

    data = pd.read_csv(DATA / "indicators.csv")
    balances = set(data.loc[data["stock_flow"] == "stock", "series"])
    rows = store.run_query(con, "page_indicators", topics=list(data["topic"].unique()), years=[], kinds=[], lang=lang)
    shown = tables.indicator_frame(rows, lang, tables.TOPIC_TABLE)[t("col_period", lang)]
    jan_nov = rows["period"] == "jan_nov"
    at_end = jan_nov & (rows["series"].isin(balances))
    assert at_end.sum() >= 4 and (jan_nov & ~at_end).sum() > 0
    # "per paragraph" where the figure's sentence does not say 1-11月 (numbers.period_from_paragraph)
    assert shown[at_end].isin([t("period_end_nov", lang), t("period_end_nov_paragraph", lang)]).all()
    assert shown[jan_nov & ~at_end].isin([t("period_jan_nov", lang), t("period_jan_nov_paragraph", lang)]).all()
    for row in rows[at_end].to_dict("records"):
        assert t("period_end_nov", lang).lower() in row_figure(row, lang).lower()


def test_as_reported_keeps_the_reports_characters_in_its_order(con):
    """万分之24.7, not 24.7 万分之: the 'as reported' columns read as the report writes each figure."""
    from jiangbei.presentation.numbers import as_reported

    rows = con.sql("SELECT * FROM indicators").df()
    written = [as_reported(r.value, r.unit, r.value_decimals).replace(" ", "") in r.source_quote
               for r in rows.itertuples()]
    # the rest are the report's words for numbers (九大, 千亿, 下降20.6%) or ranks in words (排名第2)
    assert sum(written) >= 0.9 * len(rows)
    assert all(w for w, unit in zip(written, rows["unit"]) if unit in ("万分之", "比"))
