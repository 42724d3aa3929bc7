"""Every number a downloaded file writes has its row's decimals, as the screen writes the figure: 660 (not 660.0)
where the report writes 660 亿元, CNY 2.20 bn (not 2.2) for 22.0 亿元, 25 projects, 180.0 USD m.

The files are the ones the pages build (each table's download buttons, caught as the page makes them and then
built), for every table kind (explorer, topic tables: results vs targets, derived, all figures; /targets; the
overview) in both languages and every format: CSV text; Excel numbers with a cell number format; JSON number
tokens; Parquet doubles rounded to their decimals, which the file's metadata carries (export.FileDecimals).
"""

import csv
import io
import json
import re

import openpyxl
import pyarrow.parquet as pq
import pytest

from jiangbei.app import downloads
from jiangbei.presentation.i18n import t
from jiangbei.presentation.numbers import scaled_for
from jiangbei.reuse import export
from tests.apptest import open_page

VIEWS = [("targets", {}), ("overview", {"view": "table"}), ("explorer", {})] + [
    (page, {"view": view}) for page in ("economy", "trade") for view in ("targets", "derived", "table")]
# code column -> the id column naming its figure
CODE_IDS = {"value_as_reported": "id", "value_computed": "id", "result_value_as_reported": "result_id",
            "target_value_as_reported": "target_id", "baseline_value_as_reported": "baseline_id"}
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


@pytest.fixture(scope="module")
def figures(con):
    cursor = con.cursor()
    rows = cursor.sql("""select id, value, unit, unit_en, value_decimals from indicators
                         union all select derived_id, value, unit, unit_en, value_decimals from derived""").df()
    return {r["id"]: r for r in rows.to_dict("records")}


def built_files(monkeypatch, page: str, lang: str, params: dict) -> list[tuple[str, bytes]]:
    """(format, bytes) of every data file the page offers, built as a click builds it."""
    made = []

    class Recording(downloads.Build):
        def __init__(self, fn, untrusted=False):
            super().__init__(fn, untrusted)
            made.append(self)

    monkeypatch.setattr(downloads, "Build", Recording)
    at = open_page(page, lang, params)
    assert not at.exception, [e.value for e in at.exception]
    files = []
    for build in made:
        data = build()
        kind = ("CSV" if data.startswith(b"\xef\xbb\xbf") else "Excel" if data.startswith(b"PK")
                else "Parquet" if data.startswith(b"PAR1") else "JSON" if data.startswith(b"[") else None)
        if kind:  # not the "About this file" text
            files.append((kind, data))
    return files


def records(kind: str, data: bytes) -> tuple[list[dict], dict]:
    """The file's rows, each number as the file writes it (text for CSV and JSON), and its decimals metadata."""
    if kind == "CSV":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")))), {}
    if kind == "JSON":  # the number tokens as written: 2.20 stays "2.20"
        return json.loads(data, parse_float=lambda s: s, parse_int=lambda s: s), {}
    if kind == "Parquet":
        table = pq.read_table(io.BytesIO(data))
        meta = json.loads(table.schema.metadata.get(export.DECIMALS_KEY, b"{}"))
        return table.to_pandas().to_dict("records"), meta
    sheet = openpyxl.load_workbook(io.BytesIO(data))["data"]
    rows = list(sheet.iter_rows())
    heads = [c.value for c in rows[0]]
    return [dict(zip(heads, row)) for row in rows[1:]], {}


def expected(row: dict, lang: str, figures: dict) -> dict[str, int]:
    """Each number column of the row -> its decimals: shown columns as the screen writes the figure (in the
    reader's unit), code columns as the report writes it."""
    places = {}
    for code, id_column in CODE_IDS.items():
        figure = figures.get(row.get(id_column))
        if code in row and figure is not None:
            places[code] = int(figure["value_decimals"])
    shown = {t("col_value", lang): "id", t("col_result_2020", lang): "result_id",
             t("col_target_2021", lang): "target_id"}
    if "baseline_id" in row:  # /targets writes its figures as text, as its cells read (≥CNY 28.0 bn)
        shown = {}
    for column, id_column in shown.items():
        figure = figures.get(row.get(id_column))
        if column in row and figure is not None:
            places[column] = scaled_for(figure["value"], figure["unit"], figure["unit_en"], lang,
                                        int(figure["value_decimals"]))[2]
    return places


def check_cell(kind: str, cell, places: int, meta_places, where) -> None:
    if cell is None or cell == "" or cell != cell:
        return  # no figure (a target without a 2020 result)
    if kind in ("CSV", "JSON"):
        assert isinstance(cell, str) and NUMBER.match(cell), where
        assert len(cell.partition(".")[2]) == max(0, places), (where, cell, places)
    elif kind == "Excel":
        assert isinstance(cell.value, (int, float)), where  # a number a spreadsheet sums
        assert cell.number_format == export.excel_number_format(max(0, places)), (where, cell.number_format)
        assert round(cell.value, max(0, places)) == cell.value, (where, cell.value)
    else:
        assert isinstance(cell, float) and round(cell, max(0, places)) == cell and meta_places == places, \
            (where, cell, meta_places, places)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page, params", VIEWS, ids=[f"{p}-{v.get('view', '')}" for p, v in VIEWS])
def test_every_number_in_every_file_has_its_rows_decimals(monkeypatch, figures, page, params, lang):
    files = built_files(monkeypatch, page, lang, params)
    assert sorted({kind for kind, _ in files}) == sorted(export.FORMATS), page
    checked = 0
    for kind, data in files:
        rows, meta = records(kind, data)
        for i, row in enumerate(rows):
            values = {k: (v.value if kind == "Excel" else v) for k, v in row.items()}
            wanted = expected(values, lang, figures)
            for column, places in wanted.items():
                check_cell(kind, row[column], places, (meta.get(column) or [None] * len(rows))[i],
                           (page, kind, column, values.get("id") or values.get("result_id") or values.get("target_id")))
                checked += 1
            if kind == "CSV":  # no other column writes a number with a decimal point (a float artefact 2020.0)
                assert not [c for c, v in row.items() if c not in wanted and re.match(r"^-?\d+\.\d+$", v or "")], row
    assert checked > 0 or params.get("view") == "derived"


def test_the_reviewers_figures_are_written_as_the_screen_shows_them(monkeypatch):
    """The seventh reading's cases: explorer en 2.20 (22.0 亿元), 25 not 25.0, zh 660 not 660.0 beside 660."""
    en = dict(built_files(monkeypatch, "explorer", "en", {}))["CSV"].decode("utf-8-sig")
    lines = {r["id"]: r for r in csv.DictReader(io.StringIO(en))}
    assert lines["insurance_premiums_2020"]["Value"] == "2.20"
    assert lines["gdp_2020"]["Value"] == "66.0" and lines["gdp_2020"]["value_as_reported"] == "660"
    zh = dict(built_files(monkeypatch, "explorer", "zh", {}))["CSV"].decode("utf-8-sig")
    lines = {r["id"]: r for r in csv.DictReader(io.StringIO(zh))}
    assert lines["gdp_2020"][t("col_value", "zh")] == "660" == lines["gdp_2020"]["value_as_reported"]
