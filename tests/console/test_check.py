"""The SQL console's checker (jiangbei.console.check): anything but one SELECT is refused before a worker starts,
with the kind of refusal the page turns into its message. No process, no database: DuckDB's parser only."""

import pytest

from jiangbei.console import check

SYSTEM = [
    "install httpfs", "force install httpfs", "load httpfs", "load json", "set threads = 8", "reset threads",
    "set enable_external_access = true", "set memory_limit = '20GB'", "pragma version", "pragma enable_profiling",
    "call pragma_version()", "checkpoint", "use system", "detach memory", "begin transaction",
    "set lock_configuration = false",
]

CHANGES = [
    "drop table indicators", "delete from indicators", "update indicators set value = 0",
    "insert into indicators (id) values ('x')", "create table evil as select 1",
    "create or replace view indicators as select 1 as x", "alter table indicators rename to gone",
    "create temp table t as select 1", "truncate indicators", "create macro evil() as 1",
    "begin; delete from indicators; commit", "drop view results_vs_targets",
    "comment on table indicators is 'x'", "create sequence s",
]
WRITES = [
    "copy (select 1) to '/tmp/a.csv'", "copy indicators to '/tmp/b.parquet' (format parquet)",
    "export database '/tmp/exported'", "attach '/tmp/c.duckdb' as c", "select 1; copy (select 1) to '/tmp/e.csv'",
]


@pytest.mark.parametrize("sql", SYSTEM + CHANGES + WRITES)
def test_anything_but_one_select_is_refused(sql):
    outcome = check.check(sql)
    assert outcome is not None and (outcome.ok, outcome.kind) == (False, "not_allowed")


@pytest.mark.parametrize("sql", ["select 1", "with t as (select 1 as x) select x from t", "from indicators",
                                 "select * from indicators -- a comment", "values (1), (2)"])
def test_one_query_passes(sql):
    assert check.check(sql) is None


@pytest.mark.parametrize("sql, kind", [
    ("", "empty"), ("   \n", "empty"), ("-- just a comment\n/* and another */", "empty"),
    ("hello world, this is not SQL", "syntax"), ("；；；", "syntax"),
    ("select 1; select 2", "not_allowed"),
    ("select 1 " + " " * check.MAX_SQL_CHARS, "too_long"),
])
def test_bad_input_gets_its_kind(sql, kind):
    outcome = check.check(sql)
    assert outcome is not None and (outcome.ok, outcome.kind) == (False, kind)
