"""Exports read back to exactly the rows and columns shown, in every format."""

import csv
import io
import json

import openpyxl
import pandas as pd
import pytest

from jiangbei.app import db
from jiangbei.core import store
from jiangbei.core.schema import TOPICS
from jiangbei.presentation import scorecard, tables
from jiangbei.reuse import export
from tests.conftest import DATA


@pytest.fixture(scope="module")
def shown():
    """The explorer's English table for the trade topic, as the page shows it."""
    con = store.build_database(DATA)
    rows = store.run_query(con, "explorer_rows", topics=["trade"], years=[], kinds=[], measures=[], units=[],
                        sections=[], q="", lang="en", pages=[], min_value=None, max_value=None)
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
    assert about == ABOUT


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
    con = store.build_database(DATA)
    rows = store.run_query(con, "explorer_rows", topics=[], years=[], kinds=[], measures=[], units=[], sections=[],
                        q="", lang="zh", pages=[], min_value=None, max_value=None)
    frame = tables.indicator_frame(rows, "zh")
    back = pd.read_csv(io.BytesIO(export.serialise(frame, "CSV", ABOUT)), encoding="utf-8-sig")
    assert len(back) == sum(1 for _ in open(DATA / "indicators.csv", encoding="utf-8")) - 1
    assert len(store.run_query(con, "page_indicators", topics=TOPICS, years=[], kinds=[], lang="zh")) == len(back)


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


# --- Reuse across languages: code columns, and what each file is.

def _sources():
    return store.run_query(store.build_database(DATA), "sources").to_dict("records")


def _export(lang: str, label: str) -> pd.DataFrame:
    """The explorer's trade view exported in lang with its code columns, read back."""
    con = store.build_database(DATA)
    rows = store.run_query(con, "explorer_rows", topics=["trade"], years=[], kinds=[], measures=[], units=[],
                        sections=[], q="", lang=lang, pages=[], min_value=None, max_value=None)
    data = export.with_code_columns(tables.indicator_frame(rows, lang).drop(columns=[tables.header("link", lang)]),
                                    rows)
    about = export.about_fields(lang, _sources(), {"topic": "trade"}, "http://x/explorer?topic=trade", len(data))
    raw = export.serialise(data, label, about)
    if label == "CSV":
        return pd.read_csv(io.BytesIO(raw), encoding="utf-8-sig", keep_default_na=False)
    if label == "Excel":
        return pd.read_excel(io.BytesIO(raw), sheet_name="data", keep_default_na=False)
    if label == "JSON":
        return pd.DataFrame(json.loads(raw))
    return pd.read_parquet(io.BytesIO(raw))


@pytest.mark.parametrize("label", list(export.FORMATS))
def test_a_chinese_and_an_english_export_join_on_id(label):
    zh, en = _export("zh", label), _export("en", label)
    n = len(export.CODE_COLUMNS)
    assert list(zh.columns[:n]) == list(en.columns[:n]) == export.CODE_COLUMNS
    assert "指标" in zh.columns and "Indicator" in en.columns
    joined = zh.merge(en, on="id", suffixes=("_zh", "_en"), validate="one_to_one")
    assert len(joined) == len(zh) == len(en) > 0
    # The codes agree row by row; the labels differ by language.
    for code in export.CODE_COLUMNS[1:]:
        assert (joined[f"{code}_zh"] == joined[f"{code}_en"]).all(), code
    assert set(joined["topic_code_zh"]) == {"trade"} and (joined["指标"] != joined["Indicator"]).all()
    # as written, not translated
    assert set(en["unit_as_reported"]) <= set(pd.read_csv(DATA / "indicators.csv")["unit"])


def test_joined_zh_and_en_exports_agree_in_meaning_and_no_header_clashes(tmp_path):
    """Rule: code columns never share a name with a display column in any case (DuckDB would rename one Unit_1),
    and the code figure means the same in both files: value_as_reported in unit_as_reported is the report's
    number, which the Chinese file shows as its value and the English file shows scaled (亿元 → CNY bn)."""
    import duckdb

    from jiangbei.presentation.numbers import scaled_for

    frames = {}
    for lang in ("zh", "en"):
        frame = _export(lang, "CSV")
        lowered = [str(c).lower() for c in frame.columns]
        assert len(set(lowered)) == len(lowered), lang
        path = tmp_path / f"{lang}.csv"
        path.write_bytes(export.serialise(frame, "CSV", {}))
        names = [d[0] for d in duckdb.read_csv(str(path)).description]
        assert names == list(frame.columns) and not [n for n in names if n.endswith("_1")], lang
        frames[lang] = frame
    joined = frames["zh"].merge(frames["en"], on="id", suffixes=("_zh", "_en"), validate="one_to_one")
    assert (joined["value_as_reported_zh"] == joined["value_as_reported_en"]).all()
    assert (joined["unit_as_reported_zh"] == joined["unit_as_reported_en"]).all()
    assert (joined["数值"].astype(float) == joined["value_as_reported_zh"].astype(float)).all()
    scaled = [scaled_for(float(v), u, ue, "en")[0]
              for v, u, ue in zip(joined["value_as_reported_en"], joined["unit_as_reported_en"],
                                  pd.read_csv(DATA / "indicators.csv").set_index("id").loc[joined["id"], "unit_en"])]
    assert [round(float(v), 6) for v in joined["Value"]] == [round(s, 6) for s in scaled]
    assert {"price_basis_code"} <= set(joined.columns) or {"price_basis_code_zh"} <= set(joined.columns)


def test_an_excel_export_has_a_frozen_header_a_filter_and_readable_widths():
    import openpyxl

    frame = _export("en", "CSV")
    about = export.about_fields("en", _sources(), {}, "http://x/", len(frame))
    book = openpyxl.load_workbook(io.BytesIO(export.serialise(frame, "Excel", about)))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions
        widths = [sheet.column_dimensions[c].width for c in "ABCDEFGH"[:sheet.max_column]]
        assert all(export.MIN_WIDTH <= w <= export.MAX_WIDTH for w in widths)
    data = book[export.DATA_SHEET]
    header = {cell.value: cell.column_letter for cell in data[1]}
    # a sentence column is wide (and wraps), a code column is not
    assert data.column_dimensions[header[tables.header("source_quote", "en")]].width == export.MAX_WIDTH
    assert data.column_dimensions[header["id"]].width < export.MAX_WIDTH


@pytest.mark.parametrize("lang, licence, exported", [("zh", "许可", "导出时间(UTC)"),
                                                     ("en", "Licence", "Exported (UTC)")])
def test_every_file_says_what_it_is_in_its_language(lang, licence, exported):
    about = export.about_fields(lang, _sources(), {"topic": "trade"}, "http://x/explorer?topic=trade&lang=" + lang,
                                41)
    assert "CC BY 4.0" in about[licence] and about[exported].endswith("+00:00")
    frame = pd.DataFrame({"id": ["a"], "value": [1.0]})
    # Excel: the about sheet, labels in the export's language.
    sheet = pd.read_excel(io.BytesIO(export.serialise(frame, "Excel", about)), sheet_name="about")
    assert dict(sheet.itertuples(index=False))[licence] == about[licence]
    # Parquet: the same fields in its key-value metadata.
    import pyarrow.parquet as pq
    metadata = pq.read_schema(io.BytesIO(export.serialise(frame, "Parquet", about))).metadata
    assert json.loads(metadata[export.PARQUET_KEY]) == about
    # CSV and JSON hold only data; the "About this file" text goes beside them.
    text = export.about_text(about, "jiangbei_trade_en.csv", lang).decode("utf-8")
    assert "jiangbei_trade_en.csv" in text and "http://x/explorer?topic=trade&lang=" + lang in text
    assert about[exported] in text and "2950827/2021-54294" in text  # the citation's index number
    assert export.about_name("jiangbei_trade_en.csv") == "jiangbei_trade_en.csv.about.txt"


@pytest.mark.parametrize("query, params, ids, value_code", [
    ("main_targets", {}, ["result_id", "target_id"], "unit_as_reported"),
    # a derived figure is computed, not reported: its raw value and unit are value_computed, unit_computed
    ("topic_derived", {"topics": ["trade"]}, ["id"], "unit_computed"),
])
def test_pairs_and_derived_figures_carry_their_codes(query, params, ids, value_code):
    con = store.build_database(DATA)
    rows = store.run_query(con, query, **params)
    frames = {}
    for lang in ("zh", "en"):
        shown = (tables.targets_frame if query == "main_targets" else tables.derived_frame)(rows, lang)
        frames[lang] = export.with_code_columns(shown, rows)
    assert list(frames["zh"].columns[:len(ids)]) == ids
    assert {"series", "topic_code", "measure_code", value_code, "price_basis_code"} <= set(frames["en"].columns)
    for frame in frames.values():  # no two headers alike but for case (DuckDB would rename one ID_1)
        assert len({str(c).lower() for c in frame.columns}) == len(frame.columns), list(frame.columns)
        if query == "topic_derived":
            assert not any(str(c).endswith("_as_reported") for c in frame.columns)
    joined = frames["zh"].merge(frames["en"], on=ids, suffixes=("_zh", "_en"), validate="one_to_one")
    assert len(joined) == len(rows) > 0



@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_about_line_names_only_the_code_columns_the_file_has(lang):
    """/targets files hold target_id and baseline_id, not id: "About this file" names those and the key to join on."""
    con = store.build_database(DATA)
    rows = store.run_query(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    frame = export.with_code_columns(scorecard.frame(rows, lang), rows)
    about = export.about_fields(lang, _sources(), {}, "http://x/", len(frame), columns=list(frame.columns))
    line = about[export.t("about_file_codes", lang)]
    named = line.split(":" if lang == "zh" else ": ")[0].split(", ")
    assert named == [c for c in frame.columns if c in export.CODE_NAMES] and "id" not in named
    assert "target_id" in line.split(named[-1], 1)[1]  # the join key
    # a visitor's SQL result has no code columns: no such line
    assert export.t("about_file_codes", lang) not in export.about_fields(lang, _sources(), {}, "http://x/", 1,
                                                                           columns=[])


def test_scorecard_exports_carry_the_target_and_baseline_ids():
    con = store.build_database(DATA)
    rows = store.run_query(con, "target_scorecard_rows", topics=[], statuses=[], sort="report")
    frames = {lang: export.with_code_columns(scorecard.frame(rows, lang), rows) for lang in ("zh", "en")}
    assert list(frames["zh"].columns[:2]) == ["target_id", "baseline_id"]
    joined = frames["zh"].merge(frames["en"], on="target_id", suffixes=("_zh", "_en"), validate="one_to_one")
    assert len(joined) == len(rows) > 0 and set(joined["series_zh"]) == set(rows["series"])

# --- Issue 11: a visitor's SQL result never reaches a spreadsheet as a live formula, and exports are bounded.

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1+1", "＋1", "－1", "＠A1",
            " =1+1", "﹦1", "\u3000+1"]


@pytest.fixture(scope="module")
def hostile():
    """A console result built from real SQL in the sandbox: every text cell starts like a formula."""
    from jiangbei.console import runner

    select = ", ".join(f"'{f}' as c{i}" for i, f in enumerate(FORMULAS)).replace("\t", "' || chr(9) || '") \
        .replace("\r", "' || chr(13) || '")
    outcome = runner.run(f"select {select}, -5 as n, 'plain' as p, 1 as \"=cmd\"", db.sandbox_database())
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_excel_about_sheet_speaks_the_files_language(shown, lang):
    """The 'about' sheet's header row is in the export's language, like its labels (字段 | 内容 in a Chinese file)."""
    about = export.about_fields(lang, _sources(), {}, "http://x/", len(shown))
    data = export.serialise(shown, "Excel", about)
    header = list(pd.read_excel(io.BytesIO(data), sheet_name="about").columns)
    assert header == [export.t("about_sheet_field", lang), export.t("about_sheet_value", lang)]
    assert export.t("about_sheet_field", "zh") != export.t("about_sheet_field", "en")


@pytest.mark.parametrize("query, params", [("explorer_rows", None), ("main_targets", {}),
                                           ("topic_derived", {"topics": ["trade", "investment"]})])
def test_figures_in_files_are_written_with_the_reports_decimals(query, params):
    """Rule: a file's as-reported (or computed) figure has the decimals the report gives it: 660 not 660.0, 7.0 stays
    7.0, a rank 1 not 1.0, a derived figure rounded to tens 150; a number type, so a spreadsheet can sum it."""
    from jiangbei.app import explorer

    con = store.build_database(DATA)
    rows = store.run_query(con, query, **(explorer.View().query_params("en") if params is None else params))
    text = export.to_csv(export.code_frame(rows)).decode("utf-8-sig").splitlines()
    header = text[0].split(",")
    columns = [i for i, h in enumerate(header) if h.endswith(("value_as_reported", "value_computed"))]
    assert columns
    side = {"result_value_as_reported": "result_decimals", "target_value_as_reported": "target_decimals"}
    checked = 0
    for line, r in zip(csv.reader(text[1:]), rows.to_dict("records")):
        for i in columns:
            places = r[side.get(header[i], "value_decimals")]
            if line[i] == "":
                continue
            written = line[i].split(".")[1] if "." in line[i] else ""
            assert len(written) == max(int(places), 0), (header[i], line[i], places)
            checked += 1
    assert checked >= len(rows)
