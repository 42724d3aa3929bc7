"""Serialise exactly the table a visitor sees, in four formats, with file names that say what they hold."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime

import pandas as pd

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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def file_name(stem_parts: list[str], lang: str, label: str) -> str:
    """jiangbei_trade_2021_en.csv: the parts in order, unsafe characters dropped."""
    parts = ["jiangbei", *stem_parts, lang]
    clean = [re.sub(r"[^0-9A-Za-z_-]+", "-", str(p)).strip("-") for p in parts]
    return "_".join(p for p in clean if p) + "." + FORMATS[label][0]


def to_csv(df: pd.DataFrame, lineterminator: str = "\n") -> bytes:
    # The BOM makes Excel read the file as UTF-8, so Chinese shows correctly. A field is quoted when it holds a
    # character of lineterminator: "\r\n" (RFC 4180) also quotes a lone carriage return inside a visitor's text.
    return df.to_csv(index=False, lineterminator=lineterminator).encode("utf-8-sig")


def to_json(df: pd.DataFrame) -> bytes:
    records = json.loads(df.to_json(orient="records", force_ascii=False, date_format="iso"))
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def to_parquet(df: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    df.to_parquet(buffer, index=False)
    return buffer.getvalue()


def to_excel(df: pd.DataFrame, about: dict[str, str]) -> bytes:
    """The data sheet first; then a sheet with the source, the filters applied and the export time."""
    buffer = io.BytesIO()
    about = {**about, "exported_at_utc": datetime.now(UTC).isoformat(timespec="seconds"),
             "rows": str(len(df))}
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        df.to_excel(writer, sheet_name=DATA_SHEET, index=False)
        pd.DataFrame(list(about.items()), columns=["field", "value"]).to_excel(
            writer, sheet_name=ABOUT_SHEET, index=False)
    return buffer.getvalue()


def cells(table) -> int:
    """Cells of a DataFrame or an Arrow table."""
    return table.shape[0] * table.shape[1]


def fits(table, label: str) -> bool:
    """Whether a visitor's SQL result (a DataFrame or an Arrow table) is small enough to export in this format."""
    return cells(table) <= CELL_BUDGET[label]


def _inert(value):
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """A copy in which text cells and column names that a spreadsheet would run as a formula start with ' ."""
    out = df.copy()
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        if not pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_datetime64_any_dtype(column):
            out.isetitem(i, column.map(_inert, na_action="ignore").astype(column.dtype))
    out.columns = [_inert(str(c)) for c in out.columns]
    return out


def serialise(df: pd.DataFrame, label: str, about: dict[str, str], untrusted: bool = False) -> bytes:
    """The file of df in a format; untrusted (a visitor's SQL result): spreadsheet formulas neutralised."""
    if untrusted and label in ("CSV", "Excel"):
        df = neutralise_formulas(df)
    if label == "CSV":
        return to_csv(df, "\r\n" if untrusted else "\n")
    if label == "Excel":
        return to_excel(df, about)
    if label == "JSON":
        return to_json(df)
    if label == "Parquet":
        return to_parquet(df)
    raise ValueError(f"unknown export format {label!r}")
