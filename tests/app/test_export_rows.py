"""Every exported table, as the page builds it: each row's ids, name and value agree with indicators.csv.

The export is the shown table after the code columns of its query rows (export.with_code_columns); a table sorted
apart from its rows would put every id beside another figure's name. The frames are caught as the pages make them,
in both languages, so the rule holds for every format built from them (CSV, Excel, JSON, Parquet).
"""

import re

import pandas as pd
import pytest

from jiangbei.core import store
from jiangbei.presentation.numbers import scaled_for
from jiangbei.presentation.tables import header
from jiangbei.reuse import export
from tests.apptest import open_page
from tests.conftest import DATA

# Every view with a table and its export.
VIEWS = [("targets", {}), ("overview", {"view": "table"}), ("explorer", {})] + [
    (page, {"view": view}) for page in ("economy", "investment", "trade", "livelihood")
    for view in ("targets", "derived", "table")]
ID_COLUMNS = {"id": "value_as_reported", "target_id": "target_value_as_reported",
              "baseline_id": "baseline_value_as_reported", "result_id": "result_value_as_reported"}


@pytest.fixture(scope="module")
def indicators() -> pd.DataFrame:
    return pd.read_csv(DATA / "indicators.csv", dtype={"value": float}).set_index("id")


@pytest.fixture(scope="module")
def derived(con) -> pd.DataFrame:
    return con.sql("SELECT * FROM derived").df().set_index("derived_id")


def exported_frames(monkeypatch, page: str, lang: str, params: dict) -> list[pd.DataFrame]:
    made = []
    real = export.with_code_columns

    def recording(shown, rows):
        made.append(real(shown, rows))
        return made[-1]

    monkeypatch.setattr(export, "with_code_columns", recording)
    at = open_page(page, lang, params)
    assert not at.exception, [e.value for e in at.exception]
    return made


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page, params", VIEWS, ids=[f"{p}-{v.get('view', '')}" for p, v in VIEWS])
def test_every_exported_row_names_its_own_figure(monkeypatch, indicators, derived, page, params, lang):
    frames = exported_frames(monkeypatch, page, lang, params)
    assert frames, f"{page} {params} exported nothing"
    name_header, value_header, unit_header, note_header = (header(c, lang) for c in ("indicator", "value", "unit",
                                                                                       "note"))
    assert sum(len(frame) for frame in frames) > 0 or params.get("view") == "derived"  # livelihood has none
    for frame in frames:
        for row in frame.to_dict("records"):
            if lang == "zh" and isinstance(row.get(note_header), str):  # notes in the reader's language
                assert not re.search(r"[A-Za-z]{3,}", row[note_header]), row[note_header]
            if row.get("kind_code") == "derived":  # a derived figure: its name is the derived table's
                assert row[name_header] == derived.loc[row["id"], f"indicator_{lang}"]
                continue
            ids = {c: row[c] for c in ID_COLUMNS if isinstance(row.get(c), str)}
            assert ids, row
            names = {indicators.loc[i, f"indicator_{lang}"] for i in ids.values()}
            assert row[name_header] in names, (row[name_header], ids)
            for column, figure_id in ids.items():
                written = row[ID_COLUMNS[column]]
                assert written == pytest.approx(indicators.loc[figure_id, "value"]), (column, figure_id, written)
            if "id" in ids and value_header in row:  # the shown value is that figure's, in the reader's unit
                source = indicators.loc[ids["id"]]
                shown, unit, _ = scaled_for(source["value"], source["unit"], source["unit_en"], lang, 4)
                assert row[value_header] == pytest.approx(shown) and row[unit_header] == unit, ids


def test_a_table_and_rows_of_different_lengths_are_refused(con):
    rows = store.run_query(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    with pytest.raises(ValueError):
        export.with_code_columns(pd.DataFrame({"x": [1]}), rows)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_explorer_download_carries_price_basis_in_words_and_notes(monkeypatch, indicators, lang):
    from jiangbei.presentation.i18n import note_text, t

    [frame] = exported_frames(monkeypatch, "explorer", lang, {})
    basis, note = header("price_basis", lang), header("note", lang)
    assert {basis, note, "price_basis_code"} <= set(frame.columns)
    for row in frame.to_dict("records"):
        source = indicators.loc[row["id"]]
        assert row[basis] == t(f"price_basis_{source['price_basis']}", lang) != source["price_basis"]
        assert row[note] == (note_text(source["note"], lang) if isinstance(source["note"], str) else "")
