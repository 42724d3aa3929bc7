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
