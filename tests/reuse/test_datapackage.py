"""data/datapackage.json: generated from jiangbei/core/schema.py, describes every CSV in data/, and the data validate
against it with the frictionless package (types, enumerations, keys)."""

import csv
import json

import pytest
from frictionless import Package, validate

from jiangbei.core import schema
from jiangbei.reuse import citation, datapackage
from tests.conftest import DATA

DESCRIPTOR = DATA / datapackage.FILE_NAME


def _descriptor() -> dict:
    return json.loads(DESCRIPTOR.read_text(encoding="utf-8"))


def test_the_file_is_what_schema_py_generates():
    # Drift: a column added to schema.py (or to the comments) without `python -m jiangbei.reuse.datapackage` fails here.
    assert DESCRIPTOR.read_text(encoding="utf-8") == datapackage.render(DATA)


def test_every_csv_in_data_is_a_resource_whose_fields_are_its_header():
    resources = {r["path"]: r for r in _descriptor()["resources"]}
    csvs = sorted(p.name for p in DATA.glob("*.csv"))
    assert sorted(resources) == csvs
    for name in csvs:
        with open(DATA / name, encoding="utf-8") as handle:
            header = next(csv.reader(handle))
        assert [f["name"] for f in resources[name]["schema"]["fields"]] == header, name


def test_fields_equal_schema_columns_with_enumerations():
    resources = {r["name"]: r for r in _descriptor()["resources"]}
    fields = resources["indicators"]["schema"]["fields"]
    assert [f["name"] for f in fields] == schema.INDICATOR_COLUMNS
    assert [f["name"] for f in resources["sources"]["schema"]["fields"]] == schema.SOURCE_COLUMNS
    enums = {f["name"]: f["constraints"]["enum"] for f in fields if "enum" in f.get("constraints", {})}
    assert enums == schema.ENUMS
    assert resources["indicators"]["schema"]["primaryKey"] == ["id"]
    assert resources["indicators"]["schema"]["foreignKeys"][0]["reference"] == {"resource": "sources",
                                                                                "fields": ["source_id"]}
    assert _descriptor()["licenses"] == [citation.LICENCE]


def test_the_data_validate_against_the_descriptor():
    report = validate(str(DESCRIPTOR))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert Package(str(DESCRIPTOR)).get_resource("indicators").read_rows()[0]["year"] == 2020


@pytest.mark.parametrize("column, bad, error", [
    ("topic", "nonsense", "constraint-error"),      # outside the enumeration
    ("year", "twenty", "type-error"),              # not an integer
    ("source_id", "no-such-source", "foreign-key"),  # no row of sources
])
def test_a_broken_copy_fails_validation(data_copy, column, bad, error):
    (data_copy / datapackage.FILE_NAME).write_text(DESCRIPTOR.read_text(encoding="utf-8"), encoding="utf-8")
    path = data_copy / "indicators.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[3][column] = bad
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    report = validate(str(data_copy / datapackage.FILE_NAME))
    assert not report.valid
    assert error in {e[0] for e in report.flatten(["type"])}


def test_a_csv_added_to_data_becomes_a_resource(data_copy):
    # e.g. a table of notes added later, which no schema in jiangbei/core/schema.py names: described from its header
    # and the database's types, and it validates.
    (data_copy / "notes.csv").write_text("note_id,text\n1,over\n2,or more\n", encoding="utf-8")
    (data_copy / datapackage.FILE_NAME).write_text(datapackage.render(data_copy), encoding="utf-8")
    resources = {r["name"]: r for r in json.loads((data_copy / datapackage.FILE_NAME).read_text())["resources"]}
    assert [f["name"] for f in resources["notes"]["schema"]["fields"]] == ["note_id", "text"]
    assert validate(str(data_copy / datapackage.FILE_NAME)).valid
