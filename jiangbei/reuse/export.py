"""Serialise exactly the table a visitor sees, in four formats, with file names that say what they hold."""

from __future__ import annotations

import ctypes
import gc
import io
import json
import re
import threading
from datetime import UTC, datetime

import pandas as pd

from jiangbei.presentation.i18n import t
from jiangbei.reuse import citation

FORMATS = {
    # label: (extension, MIME type)
    "CSV": ("csv", "text/csv"),
    "Excel": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "JSON": ("json", "application/json"),
    "Parquet": ("parquet", "application/vnd.apache.parquet"),
}
DATA_SHEET, ABOUT_SHEET = "data", "about"
# Most cells a visitor's SQL result may be exported as, per format: building an Excel file costs ~18 s of the app's
# CPU per million cells (openpyxl), JSON about 1 KB of memory per cell while it is built.
CELL_BUDGET = {"CSV": 1_000_000, "Excel": 50_000, "JSON": 300_000, "Parquet": 1_000_000}
# A spreadsheet reads a text cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠", "﹦", "﹢", "﹣", "﹫")
# Some spreadsheets skip leading spaces before reading a formula.
LEADING_SPACES = " \u3000\u00a0"
# Building a file of a visitor's result costs a few copies of it; one at a time bounds the app's peak memory.
UNTRUSTED_BUILDS = threading.BoundedSemaphore(1)


def file_name(stem_parts: list[str], lang: str, label: str) -> str:
    """jiangbei_trade_2021_en.csv: the parts in order, unsafe characters dropped."""
    parts = ["jiangbei", *stem_parts, lang]
    clean = [re.sub(r"[^0-9A-Za-z_-]+", "-", str(p)).strip("-") for p in parts]
    return "_".join(p for p in clean if p) + "." + FORMATS[label][0]


# Each number column of a file with every row's decimals as the screen writes it (660 亿元 is 660, 22.0 亿元 in CNY bn
# 2.20, 7.0% is 7.0): {column: [decimals of row 0, row 1, ...]}; negative for a figure rounded to tens or written
# in words (none after the point). Why the form differs by format: CSV is text, so each number is written with
# exactly its decimals (no 660.0 beside 660, no 2.2 for the screen's 2.20), without grouping or bound mark, so any
# reader parses it (the bound has its own column). Excel keeps numbers, so a spreadsheet sums and sorts them, and
# shows each with its decimals through the cell's number format. JSON numbers are text too: written like CSV's,
# still numbers. Parquet stores doubles, which keep no written zeros: each value is rounded to its decimals (no
# 6.6000000000000005), and the decimals are in the file's metadata (jiangbei.decimals) for a reader to format.
FileDecimals = dict[str, list]
DECIMALS_KEY = b"jiangbei.decimals"


def _known(places) -> bool:
    return places is not None and not pd.isna(places)  # None, NaN and pd.NA (a nullable integer column) are unknown


def _is_number(value) -> bool:
    import numbers

    return isinstance(value, numbers.Real) and not isinstance(value, bool) and value == value


def number_text(value, places) -> str:
    """A number with exactly places decimals, no grouping: 660, 66.0, 2.20; 17800 for a figure rounded to hundreds."""
    places = int(places)
    if places <= 0:
        return str(int(round(float(value), places)))
    return f"{float(value):.{places}f}"


def rounded(df: pd.DataFrame, decimals: FileDecimals, as_text: bool = False) -> pd.DataFrame:
    """A copy of df whose decimals columns hold each number rounded to its row's decimals (int where none), or, with
    as_text, written as text with them (for CSV); empty cells stay empty."""
    out = df.copy()
    for column, places in decimals.items():
        if column not in out.columns:
            continue
        values = []
        for value, p in zip(out[column], places):
            if not _is_number(value) or not _known(p):
                values.append(None if not _is_number(value) and not isinstance(value, str) else value)
            elif as_text:
                values.append(number_text(value, p))
            else:
                values.append(int(round(float(value), int(p))) if int(p) <= 0 else round(float(value), int(p)))
        out[column] = pd.Series(values, index=out.index, dtype=object)
    return out


def to_csv(df: pd.DataFrame, lineterminator: str = "\n") -> bytes:
    # The BOM makes Excel read the file as UTF-8, so Chinese shows correctly. A field is quoted when it holds a
    # character of lineterminator: "\r\n" (RFC 4180) also quotes a lone carriage return inside a visitor's text.
    return df.to_csv(index=False, lineterminator=lineterminator).encode("utf-8-sig")


def to_json(df: pd.DataFrame, decimals: FileDecimals | None = None) -> bytes:
    records = json.loads(df.to_json(orient="records", force_ascii=False, date_format="iso"))
    if not decimals or not records:
        return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")
    # Laid out as json.dumps(indent=1) does, with each number of a decimals column written as the screen writes it
    # (2.20, 660): a JSON number is text, so 2.20 is a number token like 2.2, and a parser reads the same value.
    objects = []
    for i, record in enumerate(records):
        items = []
        for key, value in record.items():
            places = decimals[key][i] if key in decimals else None
            if _is_number(value) and _known(places):
                text = number_text(value, places)
            else:
                text = json.dumps(value, ensure_ascii=False)
            items.append(f"  {json.dumps(key, ensure_ascii=False)}: {text}")
        objects.append(" {\n" + ",\n".join(items) + "\n }")
    return ("[\n" + ",\n".join(objects) + "\n]").encode("utf-8")


def to_excel(df: pd.DataFrame, about: dict[str, str], decimals: FileDecimals | None = None) -> bytes:
    """The data sheet first; then a sheet with the source, licence, citation, view and export time (about_fields).
    decimals: each number of those columns stays a number, shown with its row's decimals (a cell number format)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        df.to_excel(writer, sheet_name=DATA_SHEET, index=False)
        _number_formats(writer.sheets[DATA_SHEET], df, decimals or {})
        # the sheet's header in the language of its labels (the about fields are written in the export's language)
        lang = "zh" if any(re.search(r"[\u4e00-\u9fff]", key) for key in about) else "en"
        header = [t("about_sheet_field", lang), t("about_sheet_value", lang)]
        pd.DataFrame(list(about.items()), columns=header).to_excel(writer, sheet_name=ABOUT_SHEET, index=False)
        format_sheet(writer.sheets[DATA_SHEET], df)
        format_sheet(writer.sheets[ABOUT_SHEET], None)
    return buffer.getvalue()


def excel_number_format(places) -> str:
    """The cell format that shows a number with places decimals, grouped as the screen groups it: #,##0.00."""
    return "#,##0" + ("." + "0" * int(places) if int(places) > 0 else "")


def _number_formats(sheet, df: pd.DataFrame, decimals: FileDecimals) -> None:
    for j, column in enumerate(df.columns, start=1):
        for i, places in enumerate(decimals.get(column, ()), start=2):  # row 1 is the header
            cell = sheet.cell(row=i, column=j)
            if _is_number(cell.value) and _known(places):
                cell.number_format = excel_number_format(places)


# Excel column widths, in characters: wide enough for a header or a short value, never a whole sentence.
MIN_WIDTH, MAX_WIDTH = 8, 60


def format_sheet(sheet, df: pd.DataFrame | None) -> None:
    """A sheet a reader can use at once: the header row frozen, a filter on every column, each column as wide as
    its header or its longest value up to MAX_WIDTH (a CJK character counts twice), long text wrapped."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    if sheet.max_row < 1 or sheet.max_column < 1:
        return
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(sheet.iter_cols(min_row=1, max_row=min(sheet.max_row, 200)), start=1):
        width = max((_display_width(cell.value) for cell in column), default=MIN_WIDTH)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))
        if width > MAX_WIDTH:
            for cell in sheet[letter][1:]:
                cell.alignment = wrap


def _display_width(value) -> int:
    """Characters a cell needs: a CJK character is as wide as two Latin ones."""
    if value is None:
        return 0
    text = str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def cells(table) -> int:
    """Cells of a DataFrame or an Arrow table."""
    return table.shape[0] * table.shape[1]


def fits(table, label: str) -> bool:
    """Whether a visitor's SQL result (a DataFrame or an Arrow table) is small enough to export in this format."""
    return cells(table) <= CELL_BUDGET[label]


def _inert(value):
    return "'" + value if isinstance(value, str) and value.lstrip(LEADING_SPACES).startswith(FORMULA_STARTS) \
        else value


def untrusted_file(frame_at_click, label: str, about: dict[str, str], unavailable_message: str,
                   exported: datetime | None = None) -> bytes:
    """The file of a visitor's SQL result, built one at a time, its memory handed back afterwards. If the result
    cannot be had any more (frame_at_click raises), the file holds one cell saying so, never an empty table."""
    with UNTRUSTED_BUILDS:
        try:
            frame = frame_at_click()
        except Exception:  # noqa: BLE001 - any failure to rebuild becomes the message, not a silent empty file
            frame = pd.DataFrame({"message": [unavailable_message]})
        try:
            return serialise(frame, label, about, untrusted=True, exported=exported)
        finally:
            del frame
            release_memory()


def release_memory() -> None:
    """Collect, then ask glibc and Arrow's allocator (jemalloc, which holds the console's answers) to return freed
    pages to the system (the app runs with postScriptGC off)."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to hand back this way
        pass
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except (ImportError, AttributeError):  # an older pyarrow: its pool decays on its own
        pass


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy in which text cells and column names that a spreadsheet would run as a formula start with ' ."""
    out = df.copy()
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        if not pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_datetime64_any_dtype(column):
            out.isetitem(i, column.map(_inert, na_action="ignore").astype(column.dtype))
    out.columns = [_inert(str(c)) for c in out.columns]
    return out


# Characters an .xlsx file cannot hold (XML 1.0 forbids most C0 controls); openpyxl refuses the whole file.
EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
EXCEL_REPLACEMENT = "\ufffd"  # the Unicode replacement character marks where one was


def excel_safe(df: pd.DataFrame) -> pd.DataFrame:
    """df with control characters in text cells and column names replaced by EXCEL_REPLACEMENT (a copy if any)."""
    def clean(value):
        return EXCEL_ILLEGAL.sub(EXCEL_REPLACEMENT, value) if isinstance(value, str) else value

    text = [i for i in range(df.shape[1]) if not pd.api.types.is_numeric_dtype(df.iloc[:, i])
            and not pd.api.types.is_datetime64_any_dtype(df.iloc[:, i])]
    if not any(df.iloc[:, i].map(lambda v: isinstance(v, str) and EXCEL_ILLEGAL.search(v) is not None,
                                 na_action="ignore").any() for i in text) \
            and not any(EXCEL_ILLEGAL.search(str(c)) for c in df.columns):
        return df
    out = df.copy()
    for i in text:
        out.isetitem(i, out.iloc[:, i].map(clean, na_action="ignore").astype(out.iloc[:, i].dtype))
    out.columns = [clean(str(c)) for c in out.columns]
    return out


_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def stamped_xlsx(data: bytes, when: datetime) -> bytes:
    """The .xlsx with every time stamp (zip entries; created and modified in docProps/core.xml) set to when."""
    import zipfile

    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    stamp = when.astimezone(UTC)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "docProps/core.xml":
                content = _CORE_TIMES.sub(rb"\g<1>" + stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                                          content)
            entry.date_time = stamp.timetuple()[:6]
            target.writestr(entry, content)
    return out.getvalue()


def serialise(df: pd.DataFrame, label: str, about: dict[str, str], untrusted: bool = False,
              exported: datetime | None = None, decimals: FileDecimals | None = None) -> bytes:
    """The file of df in a format; untrusted (a visitor's SQL result): spreadsheet formulas neutralised. Excel:
    control characters, which the format cannot hold, are replaced by EXCEL_REPLACEMENT; with exported, its
    time stamps are that time, so the same view gives the same bytes (the media store keeps one file per view).
    decimals: the number columns' decimals per row, as the screen writes them (FileDecimals: how each format
    keeps them)."""
    if untrusted and label in ("CSV", "Excel"):
        df = neutralise_formulas(df)
    decimals = {c: list(p) for c, p in (decimals or {}).items() if c in df.columns}
    if decimals:
        df = rounded(df, decimals, as_text=label == "CSV")
    if label == "CSV":
        return to_csv(df, "\r\n" if untrusted else "\n")
    if label == "Excel":
        data = to_excel(excel_safe(df), {k: EXCEL_ILLEGAL.sub(EXCEL_REPLACEMENT, v) for k, v in about.items()},
                        decimals)
        return data if exported is None else stamped_xlsx(data, exported)
    if label == "JSON":
        return to_json(df, decimals)
    if label == "Parquet":
        return to_parquet_with_about(df, about, decimals)
    raise ValueError(f"unknown export format {label!r}")


# --- Reuse: code columns that join across languages, and what the file is (licence, citation, view, time).

# Stable codes, the same in every language's export, so a zh file and an en file join on id. Their names never
# clash with a display header in any case (DuckDB and spreadsheets read unit/Unit as one name and rename one
# Unit_1): codes end in _code, and the figure is given as the report writes it (value_as_reported in
# unit_as_reported: 660 亿元 in both files, while the English Value column says 66 CNY bn).
CODE_COLUMNS = ["id", "series", "topic_code", "kind_code", "measure_code", "price_basis_code", "value_as_reported",
                "unit_as_reported"]
ABOUT_SUFFIX = ".about.txt"
PARQUET_KEY = b"jiangbei.about"
# query column -> code column
_CODE_SOURCES = {"series": "series", "topic": "topic_code", "kind": "kind_code", "measure": "measure_code",
                 "price_basis": "price_basis_code", "value": "value_as_reported", "unit": "unit_as_reported"}


def as_written(values: pd.Series, decimals: pd.Series) -> pd.Series:
    """Numbers as the report writes them, for a file: 660 (not 660.0) where it gives no decimals, 7.0 where it gives
    one, 150 for a derived figure rounded to tens (decimals -1); a number type either way (int or float), so a
    spreadsheet still sums them. NULL stays empty."""
    def one(value, places):
        if value is None or value != value:
            return None
        places = int(places) if places == places and places is not None else None
        if places is None:
            return float(value)
        return int(round(value)) if places <= 0 else round(float(value), places)

    return pd.Series([one(v, d) for v, d in zip(values, decimals)], index=values.index, dtype=object)


def _figure_codes(rows: pd.DataFrame) -> dict[str, str]:
    """The code columns of a kind of row that hold its figures: code column -> query column."""
    if "result_id" in rows.columns:
        return {"result_value_as_reported": "result_value", "target_value_as_reported": "target_value"}
    if "baseline_id" in rows.columns:
        return {"target_value_as_reported": "target_value", "baseline_value_as_reported": "baseline_value"}
    if "derived_id" in rows.columns:  # computed here, not reported: value_computed, never "as reported"
        return {"value_computed": "value", "unit_computed": "unit"}
    return {"value_as_reported": "value"} if "value" in rows.columns else {}


def _code_places(rows: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Each figure's code column -> (the query column of its figure, the query column of its decimals)."""
    found = {}
    for code, column in _figure_codes(rows).items():
        if not code.endswith(("value_as_reported", "value_computed")):
            continue
        side = column[: -len("value")]  # result_, target_, baseline_ or ""
        places = f"{side}decimals" if side else "value_decimals"
        if column in rows.columns and places in rows.columns:
            found[code] = (column, places)
    return found


def code_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The code columns of query rows: indicators have them all; a result/target pair has result_id and target_id
    for id and both values as reported (a scorecard row: target_id and its baseline_id), and derived figures their
    derived_id (kind derived)."""
    rows = rows.reset_index(drop=True)
    values = _figure_codes(rows)
    if "result_id" in rows.columns:
        ids = rows[["result_id", "target_id"]]
    elif "baseline_id" in rows.columns:
        ids = rows[["target_id", "baseline_id"]]
    elif "derived_id" in rows.columns:
        ids = pd.DataFrame({"id": rows["derived_id"], "kind_code": "derived", "input_ids": rows["input_ids"].map(
            lambda ids: ", ".join(ids))})
    else:  # an indicator: its figure is among _CODE_SOURCES
        ids, values = rows[["id"]], {}
    rest = {code: rows[column] for column, code in _CODE_SOURCES.items()
            if column in rows.columns and code not in ids.columns
            and not (code.endswith("_as_reported") and "derived_id" in rows.columns)}
    if "price_basis_code" not in rest and "target_price_basis" in rows.columns:
        rest["price_basis_code"] = rows["target_price_basis"]
    for code, column in values.items():
        rest[code] = rows[column]
    # each figure with the decimals the report gives it (or SQL rounded it to): 660, 7.0, 第1名 as 1
    for code, (column, places) in _code_places(rows).items():
        if code in rest:
            rest[code] = as_written(rows[column], rows[places])
    return pd.concat([ids, pd.DataFrame(rest, index=rows.index)], axis=1)


def file_decimals(formats: dict[str, list[tuple[int, str]]] | None, rows: pd.DataFrame | None) -> FileDecimals:
    """The decimals of every number column of a file of the shown table after the code columns of its rows
    (with_code_columns): the shown columns' as the screen writes them (formats: tables.value_formats …, each row's
    decimals and bound mark), the code columns' as the report writes them (value_decimals …)."""
    decimals: FileDecimals = {column: [places for places, _ in cells] for column, cells in (formats or {}).items()}
    if rows is not None:
        rows = rows.reset_index(drop=True)
        for code, (_, places) in _code_places(rows).items():
            decimals[code] = list(rows[places])
    return decimals


def with_code_columns(shown: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The shown table (localized headers and labels) after the code columns of the same rows, in the same order:
    row i of shown must be made from row i of rows (a table sorted apart from its rows would mislabel every id)."""
    if len(shown) != len(rows):
        raise ValueError(f"the shown table has {len(shown)} rows, its query rows {len(rows)}: they must be the same")
    return pd.concat([code_frame(rows), shown.reset_index(drop=True)], axis=1)


# Every code column a file may hold (code_frame), and the ones two files join on, in order of preference.
CODE_NAMES = [*CODE_COLUMNS, "result_id", "target_id", "baseline_id", "input_ids", "result_value_as_reported",
              "target_value_as_reported", "baseline_value_as_reported", "value_computed", "unit_computed"]
JOIN_KEYS = ["id", "result_id", "target_id"]


def about_fields(lang: str, sources: list[dict], filters: dict[str, str], view_url: str, n_rows: int,
                 extra: dict[str, str] | None = None, exported: datetime | None = None,
                 columns: list[str] | None = None) -> dict[str, str]:
    """What a downloaded file is, in lang, labels included. exported: when the view was shown (default now); the
    page passes the time of its run, so clicking again gives the same bytes and the media store keeps one file.
    columns: the file's columns; the code columns it names are those the file has (none: no such line)."""
    codes = [c for c in (CODE_COLUMNS if columns is None else columns) if c in CODE_NAMES]
    key = next((k for k in JOIN_KEYS if k in codes), None)
    fields = {
        "about_file_title": t("app_title", lang),
        "about_file_source": "; ".join(s[f"title_{lang}"] for s in sources),
        "about_file_publisher": "; ".join(s[f"publisher_{lang}"] for s in sources),
        "about_file_licence": t("licence_text", lang, licence=citation.LICENCE_SHORT, url=citation.LICENCE["path"]),
        "about_file_cite": citation.citation(sources, lang),
        "about_file_view": view_url,
        "about_file_filters": "; ".join(f"{k}={v}" for k, v in filters.items()) or t("about_file_no_filters", lang),
        "about_file_rows": str(n_rows),
        "about_file_exported": (exported or datetime.now(UTC)).isoformat(timespec="seconds"),
        "about_file_codes": t("about_file_codes_text", lang, columns=", ".join(codes), join=key) if key else "",
        "about_file_language": lang,
        **(extra or {}),
    }
    return {t(key, lang) if key.startswith("about_file_") else key: value for key, value in fields.items() if value}


def about_name(data_file_name: str) -> str:
    """jiangbei_trade_en.csv -> jiangbei_trade_en.csv.about.txt: sorts next to the data file it describes."""
    return data_file_name + ABOUT_SUFFIX


def about_text(about: dict[str, str], data_file_name: str, lang: str) -> bytes:
    """The "About this file" download: plain UTF-8 text any reader opens, in the export's language."""
    lines = [t("about_file_heading", lang, file=data_file_name), ""]
    lines += [f"{label}: {value}" for label, value in about.items()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def to_parquet_with_about(df: pd.DataFrame, about: dict[str, str], decimals: FileDecimals | None = None) -> bytes:
    """Parquet with the about fields in its key-value metadata (jiangbei.about, a JSON object); decimals: those
    columns are doubles (rounded by serialise) and their decimals per row are in jiangbei.decimals."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    decimals = decimals or {}
    if decimals:  # one type per column: a double (660 and 66.5 alike), the decimals kept beside it
        df = df.copy()
        for column in decimals:
            df[column] = pd.to_numeric(df[column], errors="coerce").astype("float64")
    table = pa.Table.from_pandas(df, preserve_index=False)
    metadata = {**(table.schema.metadata or {}), PARQUET_KEY: json.dumps(about, ensure_ascii=False).encode("utf-8")}
    if decimals:
        metadata[DECIMALS_KEY] = json.dumps(
            {c: [int(p) if _known(p) else None for p in places] for c, places in decimals.items()},
            ensure_ascii=False).encode("utf-8")
    buffer = io.BytesIO()
    pq.write_table(table.replace_schema_metadata(metadata), buffer)
    return buffer.getvalue()
