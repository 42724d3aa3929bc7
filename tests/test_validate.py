"""The validator passes on the real data and locates each kind of fault."""

import csv
import subprocess
import sys
import time

import pytest

from jiangbei import db, schema
from jiangbei.validate import MAX_FILE_BYTES, chinese_numeral, validate, value_in_quote
from tests.apptest import open_page, visible_text
from tests.conftest import DATA, ROOT


def read_rows(data_dir):
    with open(data_dir / "indicators.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_rows(data_dir, rows, columns=schema.INDICATOR_COLUMNS):
    with open(data_dir / "indicators.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def break_row(data_dir, row_id, **changes):
    rows = read_rows(data_dir)
    line = next(i for i, r in enumerate(rows) if r["id"] == row_id) + 2  # header is line 1
    rows[line - 2].update(changes)
    write_rows(data_dir, rows)
    return line


def test_real_data_is_clean():
    assert validate(DATA) == []


def test_real_data_size_and_coverage():
    rows = read_rows(DATA)
    assert len(rows) >= 180
    assert {r["topic"] for r in rows} == set(schema.TOPICS)
    assert {r["kind"] for r in rows} == {"actual", "target"}


def test_cli_exit_status(data_copy):
    ok = subprocess.run([sys.executable, "-m", "jiangbei.validate", str(DATA)], cwd=ROOT,
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout
    break_row(data_copy, "gdp_2020", value="661")
    bad = subprocess.run([sys.executable, "-m", "jiangbei.validate", str(data_copy)], cwd=ROOT,
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert "gdp_2020" in bad.stdout and "661" in bad.stdout


@pytest.mark.parametrize(
    "row_id, changes, expected",
    [
        ("gdp_2020", {"value": "661"}, "does not appear in its source_quote"),
        ("gdp_2020", {"source_quote": "全区地区生产总值突破670亿元"}, "not found in the source text"),
        ("gdp_2020", {"value": "six hundred"}, "is not a number"),
        ("gdp_2020", {"value": ""}, "value is empty"),
        ("gdp_2020", {"topic": "economy"}, "topic 'economy' is not one of"),
        ("gdp_2020", {"kind": "forecast"}, "kind 'forecast' is not one of"),
        ("gdp_2020", {"measure": "pct"}, "measure 'pct' is not one of"),
        ("gdp_2020", {"period": "h1"}, "period 'h1' is not one of"),
        ("gdp_2020", {"indicator_en": " "}, "indicator_en is empty"),
        ("gdp_2020", {"indicator_zh": ""}, "indicator_zh is empty"),
        ("gdp_2020", {"source_id": "nowhere"}, "source_id 'nowhere' is not"),
        ("gdp_2020", {"year": "20x0"}, "not a four-digit year"),
        ("gdp_2020", {"source_quote": "660亿元"}, "expected 8-80"),
        ("gdp_2020", {"id": "GDP 2020"}, "not a snake_case slug"),
        ("new_urban_jobs_2020", {"value": "1028"}, "does not appear"),  # a number inside a longer one
    ],
)
def test_fault_is_named_and_located(data_copy, row_id, changes, expected):
    line = break_row(data_copy, row_id, **changes)
    problems = validate(data_copy)
    assert problems, "fault was not caught"
    hit = [p for p in problems if expected in p.message]
    assert hit, [str(p) for p in problems]
    assert hit[0].file == "indicators.csv" and hit[0].line == line
    assert hit[0].row_id == changes.get("id", row_id)
    assert str(line) in str(hit[0]) and hit[0].row_id in str(hit[0])


def test_duplicate_id(data_copy):
    rows = read_rows(data_copy)
    rows[5]["id"] = rows[4]["id"]
    write_rows(data_copy, rows)
    dupes = [p for p in validate(data_copy) if p.message == "duplicate id"]
    assert {p.line for p in dupes} == {6, 7}
    assert all(p.row_id == rows[4]["id"] for p in dupes)


def test_duplicate_natural_key(data_copy):
    rows = read_rows(data_copy)
    copy = dict(rows[0], id="gdp_2020_again")
    write_rows(data_copy, rows + [copy])
    problems = [p for p in validate(data_copy) if "duplicate (series" in p.message]
    assert {p.row_id for p in problems} == {"gdp_2020", "gdp_2020_again"}


def test_missing_column(data_copy):
    rows = read_rows(data_copy)
    write_rows(data_copy, rows, [c for c in schema.INDICATOR_COLUMNS if c != "unit_en"])
    problems = validate(data_copy)
    assert len(problems) == 1
    assert problems[0].line == 1 and "missing column(s): unit_en" in problems[0].message


def test_missing_file(data_copy):
    (data_copy / "indicators.csv").unlink()
    problems = validate(data_copy)
    assert [p.file for p in problems] == ["indicators.csv"] and "missing" in problems[0].message


def test_missing_source_text(data_copy):
    for f in (data_copy / "source").iterdir():
        f.unlink()
    problems = validate(data_copy)
    assert any(p.file == "sources.csv" and "not found" in p.message for p in problems)
    assert any(p.file == "indicators.csv" and "source_id" in p.message for p in problems)


def test_empty_file(data_copy):
    (data_copy / "indicators.csv").write_text("")
    problems = validate(data_copy)
    assert len(problems) == 1 and problems[0].message == "file is empty"


def test_not_utf8(data_copy):
    path = data_copy / "indicators.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.encode("gb18030"))
    problems = validate(data_copy)
    assert len(problems) == 1 and "not UTF-8" in problems[0].message
    assert problems[0].line == 2  # the first Chinese character is on the first data row


def test_ragged_row(data_copy):
    path = data_copy / "indicators.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3] + ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = validate(data_copy)
    assert len(problems) == 1 and problems[0].line == 4 and "fields, expected" in problems[0].message


@pytest.mark.parametrize("numeral, value", [("四", 4), ("十", 10), ("十八", 18), ("两", 2), ("千", 1000),
                                            ("一百五十", 150), ("一万二千", 12000), ("九", 9)])
def test_chinese_numerals(numeral, value):
    assert chinese_numeral(numeral) == value


def test_value_in_quote_rules():
    assert value_in_quote("-20.6", "分别同比下降20.6%、6.5%")
    assert value_in_quote("1000", "限上商品销售额突破千亿元大关")
    assert value_in_quote("7", "创业带动就业比例达到1:7")
    assert not value_in_quote("7", "同比增长7.0%")  # 7.0 as written must be stored as 7.0
    assert not value_in_quote("2", "同比增长12.8%")


# --- Issue 11: the header is checked by name and order (DuckDB reads columns by position), dates are ISO,
# oversized files are refused before parsing, and anything that fails while loading gives the error page.

def swapped(columns, a, b):
    columns = list(columns)
    i, j = columns.index(a), columns.index(b)
    columns[i], columns[j] = columns[j], columns[i]
    return columns


def write_header(data_dir, header):
    """The same rows under another header line (the fields stay in the schema's order)."""
    path = data_dir / "indicators.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[0] = ",".join(header)
    path.write_text("\n".join(lines), encoding="utf-8")


BREAKAGES = {
    "swapped unit and unit_en": lambda d: write_header(d, swapped(schema.INDICATOR_COLUMNS, "unit", "unit_en")),
    "duplicate header": lambda d: write_header(d, [c if c != "note" else "unit" for c in schema.INDICATOR_COLUMNS]),
    "moved column": lambda d: write_rows(d, read_rows(d), [*schema.INDICATOR_COLUMNS[1:], "id"]),
    "non-ISO date": lambda d: (d / "sources.csv").write_text(
        (d / "sources.csv").read_text(encoding="utf-8").replace("2021-03-18", "20210318"), encoding="utf-8"),
    "slashed date": lambda d: (d / "sources.csv").write_text(
        (d / "sources.csv").read_text(encoding="utf-8").replace("2021-03-18", "2021/03/18"), encoding="utf-8"),
    "arabic-indic year": lambda d: break_row(d, "gdp_2020", year="202٠"),
}
EXPECTED = {
    "swapped unit and unit_en": "columns out of order: unit (column 12, expected 11), unit_en (column 11",
    "duplicate header": "duplicate column(s): unit",
    "moved column": "columns out of order: id (column 18, expected 1)",
    "non-ISO date": "date '20210318' is not YYYY-MM-DD",
    "slashed date": "date '2021/03/18' is not YYYY-MM-DD",
    "arabic-indic year": "year '202٠' is not a four-digit year",
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_header_order_and_dates_are_checked(data_copy, breakage):
    BREAKAGES[breakage](data_copy)
    messages = [p.message for p in validate(data_copy)]
    assert any(EXPECTED[breakage] in m for m in messages), messages


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_each_breakage_gives_the_error_page_in_both_languages(data_copy, monkeypatch, breakage):
    BREAKAGES[breakage](data_copy)
    monkeypatch.setenv("JIANGBEI_DATA_DIR", str(data_copy))
    for lang, title in (("en", "failed validation"), ("zh", "数据未通过校验")):
        at = open_page("economy", lang)
        assert not at.exception
        assert title in at.error[0].value
        assert EXPECTED[breakage] in at.code[0].value


def test_the_header_check_follows_the_schema(data_copy, monkeypatch):
    # A column added to the schema (and to the CSV's end) is expected in that place by name.
    monkeypatch.setattr(schema, "INDICATOR_COLUMNS", [*schema.INDICATOR_COLUMNS, "code"])
    problems = validate(data_copy)
    assert [p.message for p in problems] == ["missing column(s): code"]


def test_an_oversized_file_is_refused_before_it_is_read(data_copy):
    path = data_copy / "indicators.csv"
    with open(path, "r+b") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, so reading it would be the slow part
    started = time.perf_counter()
    problems = validate(data_copy)
    assert time.perf_counter() - started < 1
    assert [p.message for p in problems] == [f"file is too large ({MAX_FILE_BYTES + 1:,} bytes, at most "
                                             f"{MAX_FILE_BYTES:,})"]


def test_a_database_that_fails_to_load_gives_the_error_page(data_copy, monkeypatch):
    # A fault the validator does not know of: its verdict is replaced by "clean", the load itself is real DuckDB.
    break_row(data_copy, "gdp_2020", year="202٠")
    monkeypatch.setattr(db, "validate", lambda directory: [])
    monkeypatch.setenv("JIANGBEI_DATA_DIR", str(data_copy))
    for lang in ("en", "zh"):
        at = open_page("trade", lang)
        assert not at.exception
        assert "loading failed: ConversionException" in at.code[0].value
        assert "Traceback" not in visible_text(at)
