"""data/datapackage.json: the dataset described as a Frictionless Data Package, generated from
jiangbei/core/schema.py.

`python -m jiangbei.reuse.datapackage` rewrites the file; tests/reuse/test_datapackage.py fails when the file and the
schema drift apart, and validates the data against it with the frictionless package. Every CSV of data/ is a
resource: indicators and sources with the schema's enumerations and keys, any other (a table added later) from its
header.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from jiangbei.core import schema, store
from jiangbei.core.validate import INDICATORS_FILE, SOURCES_FILE
from jiangbei.reuse import citation

FILE_NAME = "datapackage.json"
# DuckDB type -> Table Schema type.
FIELD_TYPES = {"VARCHAR": "string", "INTEGER": "integer", "DOUBLE": "number", "DATE": "date"}


def _database_columns(directory: Path) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """(table, column) -> description, and (table, column) -> DuckDB type, as the app loads data/ (the
    descriptions are the comments the SQL console shows, queries/load/comments.sql)."""
    con = store.build_database(directory)
    frame = store.run_query(con, "schema_columns")
    comments = {(r.table_name, r.column_name): r.column_comment for r in frame.itertuples()
                if isinstance(r.column_comment, str) and r.column_comment}
    return comments, {(r.table_name, r.column_name): r.data_type for r in frame.itertuples()}


def _other_resource(path: Path, comments: dict, types: dict, dialect: dict) -> dict:
    """A CSV of data/ that schema.py does not describe column by column (a table added later, e.g. a glossary):
    its header's columns, typed as the app's database loads the table of the same name (text otherwise)."""
    import csv

    with open(path, encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    table = path.stem
    fields = []
    for name in header:
        field = {"name": name, "type": FIELD_TYPES.get(types.get((table, name), "VARCHAR"), "string")}
        if (table, name) in comments:
            field["description"] = comments[(table, name)]
        fields.append(field)
    return {"name": table, "path": path.name, "profile": "tabular-data-resource", "format": "csv",
            "mediatype": "text/csv", "encoding": "utf-8", "dialect": dialect,
            "schema": {"fields": fields, "missingValues": [""]}}


def _fields(table: str, columns: list[str], types: dict[str, str], comments: dict, enums: dict,
            required: list[str]) -> list[dict]:
    fields = []
    for name in columns:
        field: dict = {"name": name, "type": FIELD_TYPES[types[name]]}
        if name == "value":
            field["type"] = "number"  # read as text by DuckDB only to keep its written decimals
        if (table, name) in comments:
            field["description"] = comments[(table, name)]
        constraints: dict = {}
        if name in required:
            constraints["required"] = True
        if name in enums:
            constraints["enum"] = list(enums[name])
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    return fields


def descriptor(directory: Path | None = None) -> dict:
    """The Data Package descriptor of data/, from schema.py's columns, types and enumerations."""
    directory = directory or store.DEFAULT_DATA_DIR
    comments, types = _database_columns(directory)
    indicator_fields = _fields("indicators", schema.INDICATOR_COLUMNS, schema.INDICATOR_TYPES, comments,
                               schema.ENUMS, schema.REQUIRED)
    for field in indicator_fields:
        if field["name"] == "id":
            field["constraints"] = {**field["constraints"], "unique": True, "pattern": schema.ID_PATTERN}
        if field["name"] == "source_quote":
            field["constraints"] = {**field["constraints"], "minLength": schema.QUOTE_MIN,
                                    "maxLength": schema.QUOTE_MAX}
    source_fields = _fields("sources", schema.SOURCE_COLUMNS, schema.SOURCE_TYPES, comments, {},
                            [c for c in schema.SOURCE_COLUMNS if c != "note"])
    csv_dialect = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True}
    return {
        "profile": "tabular-data-package",
        "name": citation.DATASET_NAME,
        "title": "Jiangbei District 2020 plan execution and 2021 draft plan: indicator data · "
                 "江北区2020年计划执行情况与2021年计划草案报告:指标数据",
        "description": "Every quantitative fact of the Ningbo Jiangbei District report on the execution of its 2020 "
                       "economic and social development plan and its 2021 plan draft, one row each, with the exact "
                       "sentence it was taken from. See README.md in this folder for how it was curated.",
        "version": citation.VERSION,
        "keywords": ["Ningbo", "Jiangbei", "economic plan", "宁波", "江北区", "国民经济和社会发展计划"],
        "licenses": [citation.LICENCE],
        "sources": [{"title": "宁波市江北区发展和改革局: 关于宁波市江北区2020年国民经济和社会发展计划执行情况与2021年"
                              "国民经济和社会发展计划草案的报告 (2021-03-18, 索引号 2950827/2021-54294), public "
                              "government information (主动公开)",
                     "path": "source/jiangbei-2020-plan-report.zh.txt"}],
        "resources": [
            {
                "name": "indicators", "path": INDICATORS_FILE, "profile": "tabular-data-resource",
                "title": "Indicators · 指标", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                "dialect": csv_dialect,
                "schema": {
                    "fields": indicator_fields,
                    "missingValues": [""],
                    "primaryKey": ["id"],
                    "foreignKeys": [{"fields": ["source_id"],
                                     "reference": {"resource": "sources", "fields": ["source_id"]}}],
                },
            },
            {
                "name": "sources", "path": SOURCES_FILE, "profile": "tabular-data-resource",
                "title": "Sources · 来源", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                "dialect": csv_dialect,
                "schema": {"fields": source_fields, "missingValues": [""], "primaryKey": ["source_id"]},
            },
            *[_other_resource(path, comments, types, csv_dialect) for path in sorted(directory.glob("*.csv"))
              if path.name not in (INDICATORS_FILE, SOURCES_FILE)],
        ],
    }


def render(directory: Path | None = None) -> str:
    return json.dumps(descriptor(directory), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else store.DEFAULT_DATA_DIR
    (target / FILE_NAME).write_text(render(target), encoding="utf-8")
    print(f"wrote {target / FILE_NAME}")
