"""Exports read back to exactly the rows and columns shown, in every format."""

import io
import json

import openpyxl
import pandas as pd
import pytest

from jiangbei import db, export, tables
from jiangbei.schema import TOPICS
from tests.conftest import DATA


@pytest.fixture(scope="module")
def shown():
    """The explorer's English table for the trade topic, as the page shows it."""
    con = db.build_database(DATA)
    rows = db.run_query(con, "explorer_rows", topics=["trade"], years=[], kinds=[], measures=[], units=[],
                        sections=[], q="", lang="en")
    return tables.indicator_frame(rows, "en").drop(columns=["In the report"])


ABOUT = {"source": "report", "filters": "topic=trade", "language": "en"}


def test_csv_has_a_bom_and_reads_back(shown):
    data = export.serialise(shown, "CSV", ABOUT)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    pd.testing.assert_frame_equal(back, shown, check_dtype=False)


def test_excel_has_data_then_about_sheet(shown):
    data = export.serialise(shown, "Excel", ABOUT)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["data", "about"]
    back = pd.read_excel(io.BytesIO(data), sheet_name="data", keep_default_na=False)
    pd.testing.assert_frame_equal(back, shown, check_dtype=False)
    about = dict(pd.read_excel(io.BytesIO(data), sheet_name="about").itertuples(index=False))
    assert about["filters"] == "topic=trade" and about["source"] == "report"
    assert int(about["rows"]) == len(shown) and about["exported_at_utc"].endswith("+00:00")


def test_json_reads_back_with_chinese_unescaped(shown):
    data = export.serialise(shown, "JSON", ABOUT)
    records = json.loads(data)
    assert len(records) == len(shown) and list(records[0]) == list(shown.columns)
    assert "亿元" in data.decode("utf-8")  # the source sentences, not \\u escapes
    pd.testing.assert_frame_equal(pd.DataFrame(records), shown, check_dtype=False)


def test_parquet_reads_back(shown):
    back = pd.read_parquet(io.BytesIO(export.serialise(shown, "Parquet", ABOUT)))
    pd.testing.assert_frame_equal(back, shown, check_dtype=False)


def test_unfiltered_export_holds_every_row():
    con = db.build_database(DATA)
    rows = db.run_query(con, "explorer_rows", topics=[], years=[], kinds=[], measures=[], units=[], sections=[],
                        q="", lang="zh")
    frame = tables.indicator_frame(rows, "zh")
    back = pd.read_csv(io.BytesIO(export.serialise(frame, "CSV", ABOUT)), encoding="utf-8-sig")
    assert len(back) == sum(1 for _ in open(DATA / "indicators.csv", encoding="utf-8")) - 1
    assert len(db.run_query(con, "page_indicators", topics=TOPICS, years=[], kinds=[], lang="zh")) == len(back)


@pytest.mark.parametrize("parts, lang, label, name", [
    (["trade", "2021"], "en", "CSV", "jiangbei_trade_2021_en.csv"),
    (["all"], "zh", "Excel", "jiangbei_all_zh.xlsx"),
    (["trade", "出口 / x"], "en", "JSON", "jiangbei_trade_x_en.json"),
    (["economy", "targets"], "zh", "Parquet", "jiangbei_economy_targets_zh.parquet"),
])
def test_file_names_say_what_they_hold(parts, lang, label, name):
    assert export.file_name(parts, lang, label) == name


def test_unknown_format_is_refused(shown):
    with pytest.raises(ValueError):
        export.serialise(shown, "XML", ABOUT)


# --- Issue 11: a visitor's SQL result never reaches a spreadsheet as a live formula, and exports are bounded.

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", "＋1", "－1", "＠A1"]


@pytest.fixture(scope="module")
def hostile():
    """A console result built from real SQL in the sandbox: every text cell starts like a formula."""
    from jiangbei import sandbox

    select = ", ".join(f"'{f}' as c{i}" for i, f in enumerate(FORMULAS)).replace("\t", "' || chr(9) || '") \
        .replace("\r", "' || chr(13) || '")
    outcome = sandbox.run(f"select {select}, -5 as n, 'plain' as p, 1 as \"=cmd\"", db.sandbox_database())
    assert outcome.ok, outcome.message
    return outcome.frame


def test_csv_of_a_console_result_has_no_live_formula(hostile):
    back = pd.read_csv(io.BytesIO(export.serialise(hostile, "CSV", ABOUT, untrusted=True)), encoding="utf-8-sig",
                       keep_default_na=False)
    for i, formula in enumerate(FORMULAS):
        assert back[f"c{i}"].iloc[0] == "'" + formula
    assert back["n"].iloc[0] == -5 and back["p"].iloc[0] == "plain"  # numbers and plain text untouched
    assert "'=cmd" in back.columns


def test_excel_of_a_console_result_has_no_formula_cell(hostile):
    book = openpyxl.load_workbook(io.BytesIO(export.serialise(hostile, "Excel", ABOUT, untrusted=True)))
    cells = [c for row in book["data"].iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    values = {c.value for c in cells}
    assert "'" + FORMULAS[0] in values and -5 in values


def test_json_and_parquet_keep_raw_values(hostile):
    records = json.loads(export.serialise(hostile, "JSON", ABOUT, untrusted=True))
    assert records[0]["c0"] == FORMULAS[0] and records[0]["c8"] == "－1"
    back = pd.read_parquet(io.BytesIO(export.serialise(hostile, "Parquet", ABOUT, untrusted=True)))
    assert back["c1"].iloc[0] == "+1+2"


def test_curated_exports_are_unchanged_and_start_no_cell_like_a_formula(shown):
    assert export.serialise(shown, "CSV", ABOUT) == export.serialise(shown, "CSV", ABOUT, untrusted=False)
    text = shown.select_dtypes(exclude="number").astype(str)
    assert not text.map(lambda v: v.startswith(export.FORMULA_STARTS)).any().any()
    pd.testing.assert_frame_equal(export.neutralise_formulas(shown), shown)


def test_every_format_has_a_cell_budget():
    wide = pd.DataFrame(0, index=range(1000), columns=[f"c{i}" for i in range(150)])  # 150,000 cells
    assert {label: export.fits(wide, label) for label in export.FORMATS} == \
        {"CSV": True, "Excel": False, "JSON": True, "Parquet": True}
    at_budget = wide.iloc[:500, :100]  # 50,000 cells: the Excel budget, and one row more is over it
    assert export.fits(at_budget, "Excel") and not export.fits(wide.iloc[:501, :100], "Excel")
    sheet = openpyxl.load_workbook(io.BytesIO(export.serialise(at_budget, "Excel", ABOUT, untrusted=True)))["data"]
    assert (sheet.max_row, sheet.max_column) == (501, 100)
