"""Hostile SQL through the real SQL page (AppTest): nothing leaks, nothing is written, nothing changes,
every query ends in time with a message instead of a traceback, and the app stays up with bounded memory."""

import csv
import os
import re
import subprocess
import sys
import threading
import time
import uuid

import pandas as pd
import pytest

from jiangbei.app import db, sql_console
from jiangbei.console import examples, runner, worker
from jiangbei.reuse import export
from tests.apptest import open_page, table_text, visible_text
from tests.conftest import DATA

CANARY = f"CANARY-{uuid.uuid4().hex}"
ROWS = sum(1 for _ in csv.DictReader(open(DATA / "indicators.csv", encoding="utf-8")))
PAGE_LIMIT_S = 20


@pytest.fixture(scope="module")
def canary(tmp_path_factory):
    folder = tmp_path_factory.mktemp("canary", numbered=True)
    path = folder / "secret.csv"
    path.write_text(f"secret\n{CANARY}\n", encoding="utf-8")
    return path


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def run_sql(sql: str, lang: str = "en"):
    """Type sql into the console of a fresh session and press Run; return the app and the seconds it took."""
    at = open_page("sql", lang)
    at.text_area(key="sql_text").set_value(sql)
    started = time.perf_counter()
    at.button(key="sql_run").click().run(timeout=PAGE_LIMIT_S + 10)
    return at, time.perf_counter() - started


def assert_safe(at, seconds):
    assert not at.exception, [e.value for e in at.exception]
    assert seconds < PAGE_LIMIT_S
    text = visible_text(at) + table_text(at)
    assert "Traceback" not in text and 'File "' not in text
    assert CANARY not in text
    return text


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


READS = [
    "select * from read_text('{canary}')",
    "select * from read_blob('{canary}')",
    "select * from read_csv('{canary}')",
    "select * from read_csv_auto('{canary}', header = false)",
    "select * from read_json('{canary}')",
    "select * from read_parquet('{canary}')",
    "select * from sniff_csv('{canary}')",
    "select * from glob('{folder}/*')",
    "select * from '{canary}'",
    "select * from \"{canary}\"",
    "select * from read_text('file://{canary}')",
    "select content from read_text('{folder}/*.csv')",
    "select * from read_text('/etc/passwd')",
    "with t as (select * from read_csv('{canary}')) select * from t",
    "select (select string_agg(content, '') from read_text('{canary}')) as x",
]


@pytest.mark.parametrize("template", READS)
def test_reading_files_never_shows_their_content(template, canary):
    at, seconds = run_sql(template.format(canary=canary, folder=canary.parent))
    text = assert_safe(at, seconds)
    assert "root:x:" not in text
    assert at.error, "a file read should end in an error message"


WRITES = [
    "copy (select 1) to '{out}/a.csv'",
    "copy indicators to '{out}/b.parquet' (format parquet)",
    "export database '{out}/exported'",
    "attach '{out}/c.duckdb' as c",
    "attach '{out}/d.duckdb' as d; create table d.t as select 1",
    "select 1; copy (select 1) to '{out}/e.csv'",
    "copy (select * from indicators) to '{out}/f.json'",
]


@pytest.mark.parametrize("template", WRITES)
def test_writing_leaves_no_file(template, out_dir):
    at, seconds = run_sql(template.format(out=out_dir))
    assert_safe(at, seconds)
    assert at.error
    assert list(out_dir.iterdir()) == []


# Every statement that is not one SELECT is refused by the checker before a worker starts: the thirty cases are
# unit tests of jiangbei.console.check (tests/console/test_check.py). Here one of each kind goes through the page.


def test_changing_the_system_is_refused():
    at, seconds = run_sql("set enable_external_access = true")
    assert_safe(at, seconds)
    assert "Only a single SELECT query is allowed" in at.error[0].value


def test_changing_data_is_refused_and_every_row_survives():
    at, seconds = run_sql("begin; delete from indicators; commit")
    assert_safe(at, seconds)
    assert at.error
    check, _ = run_sql(f"select count(*) as n from indicators -- {uuid.uuid4().hex}")
    assert check.dataframe[-1].value["n"].iloc[0] == ROWS


BOMBS = [
    "select count(*) from range(1000000000000)",
    "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r",
    "select list(range(100000000))",
    "select sum(a.range * b.range) from range(100000) a, range(100000) b",
    "select repeat('x', 2000000000) as s",
    "select string_agg(repeat('x', 1000), '') from range(10000000)",
    "select * from range(10000000) order by random()",
    "with recursive r(n, s) as (select 1, 'x' union all select n + 1, s || s from r where n < 64) "
    "select max(length(s)) from r",
]


@pytest.mark.parametrize("sql", BOMBS)
def test_exhausting_resources_ends_in_time_and_the_app_stays_up(sql):
    before = rss_mb()
    at, seconds = run_sql(sql)
    assert_safe(at, seconds)
    assert seconds < runner.TIME_LIMIT_S + 5
    assert at.error, "a resource bomb should end in a message"
    assert rss_mb() - before < 150, "the app's own memory grew"
    again, _ = run_sql(f"select count(*) as n from indicators -- {uuid.uuid4().hex}")
    assert again.dataframe[-1].value["n"].iloc[0] == ROWS


def test_normal_queries_return_the_right_numbers():
    with open(DATA / "indicators.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    at, seconds = run_sql("select count(*) as n, count(distinct topic) as topics from indicators")
    assert_safe(at, seconds)
    result = at.dataframe[-1].value
    assert result["n"].iloc[0] == len(rows) and result["topics"].iloc[0] == len({r["topic"] for r in rows})
    at, _ = run_sql("select value from indicators where id = 'gdp_2020'")
    assert at.dataframe[-1].value["value"].iloc[0] == 660
    at, _ = run_sql("select round(sum(value), 4) as s from indicators where topic = 'trade' and kind = 'actual'")
    expected = round(sum(float(r["value"]) for r in rows if r["topic"] == "trade" and r["kind"] == "actual"), 4)
    assert at.dataframe[-1].value["s"].iloc[0] == pytest.approx(expected)
    at, _ = run_sql("select gap from results_vs_targets where series = 'fixed_asset_investment'")
    assert at.dataframe[-1].value["gap"].iloc[0] == pytest.approx(280 - 257.3)
    assert at.query_params["sql"].startswith("select gap")
    # the glossary and the typed columns are tables and columns like the others
    at, _ = run_sql("select g.term_en, i.price_basis from glossary g join indicators i on contains(i.indicator_zh, "
                    "g.term_zh) where i.id = 'industrial_va_growth_2020'")
    shown = at.dataframe[-1].value
    assert list(shown["term_en"]) == ["above designated size (industry)", "value added"]
    assert set(shown["price_basis"]) == {"not_stated"}  # the report does not say real or nominal


def test_large_results_are_cut_with_a_notice():
    at, seconds = run_sql("select * from range(25000)")
    assert_safe(at, seconds)
    assert len(at.dataframe[-1].value) == runner.MAX_ROWS
    assert "only the first 10,000" in at.warning[0].value


@pytest.mark.parametrize("sql, message", [
    ("", "Enter a SQL query"),
    ("-- just a comment\n/* and another */", "Enter a SQL query"),
    ("select 1; select 2", "Only a single SELECT"),
    ("hello world, this is not SQL", "SQL syntax error"),
    ("；；；", "SQL syntax error"),
    ("select * from no_such_table", "The query failed"),
    ("select 1/0 as x, 'a'::int as y", "The query failed"),
    # the editor cuts text at MAX_SQL_CHARS; what remains is judged as SQL
    pytest.param("x" * (runner.MAX_SQL_CHARS * 3), "SQL syntax error", id="very-long-text"),
    pytest.param("select 1 " + "-" * (runner.MAX_SQL_CHARS * 2), "", id="very-long-comment"),
])
def test_bad_input_gets_a_clear_message(sql, message):
    at, seconds = run_sql(sql)
    assert_safe(at, seconds)
    if message:
        assert message in at.error[0].value
    else:
        assert not at.error and at.dataframe[-1].value.iloc[0, 0] == 1


def test_too_long_text_is_refused_before_parsing():
    outcome = runner.run("select 1 " + " " * runner.MAX_SQL_CHARS, db_path="/nonexistent")
    assert (outcome.ok, outcome.kind) == (False, "too_long")


def test_messages_are_in_the_visitors_language():
    at, seconds = run_sql("drop table indicators", lang="zh")
    assert_safe(at, seconds)
    assert "只允许单条 SELECT 查询" in at.error[0].value


def test_duplicate_column_names_are_shown():
    at, seconds = run_sql("select 1 as a, 2 as a")
    assert_safe(at, seconds)
    assert list(at.dataframe[-1].value.columns) == ["a", "a_2"]
    assert runner.unique_names(["a", "a", "a_2", "a"]) == ["a", "a_3", "a_2", "a_4"]


def test_a_shared_url_runs_its_query():
    at = open_page("sql", "en", {"sql": "select 42 as answer"})
    assert not at.exception
    assert at.dataframe[-1].value["answer"].iloc[0] == 42


def test_examples_fill_the_editor_and_run():
    at = open_page("sql", "en")
    at.selectbox(key="sql_example").set_value("series_cards").run()
    text = at.text_area(key="sql_text").value
    assert "['gdp', 'exports', 'fixed_asset_investment']" in text and "$series" in text  # header keeps names
    at.button(key="sql_run").click().run(timeout=30)
    assert list(at.dataframe[-1].value["series"]) == ["gdp", "exports", "fixed_asset_investment"]


def test_worker_environment_holds_no_app_secrets(monkeypatch):
    monkeypatch.setenv("JIANGBEI_SECRET_TOKEN", CANARY)
    assert CANARY not in str(runner._worker_env())
    assert os.environ["JIANGBEI_SECRET_TOKEN"] == CANARY


@pytest.mark.parametrize("name", examples.names())
def test_every_example_fills_its_parameters_and_runs(con, name):
    sql = examples.example_sql(name)
    assert not re.search(r"^[^-]*\$[a-z_]+", sql, flags=re.MULTILINE), "a parameter was left unfilled"
    con.execute(sql).fetchall()


# --- Issue 11: legal SQL never crashes the page, and an answer is bounded where it is made.

LEGAL = {
    "hugeint": ("select 170141183460469231731687303715884105727::hugeint as h",
                {"h": "170141183460469231731687303715884105727"}),
    "repeated-names": ("select 1 as a, 2 as a, 3 as a_2", {"a": 1, "a_3": 2, "a_2": 3}),
    "nested-70": ("select " + "[" * 70 + "1" + "]" * 70 + " as deep", {"deep": "[" * 70 + "1" + "]" * 70}),
    "nul": ("select 'a' || chr(0) || 'b' as z", {"z": "a\x00b"}),
    "struct-map-union": ("select {'x': 1, 'y': [2, 3]} as s, map {'k': 'v'} as m, "
                         "union_value(num := 2)::union(num int, str varchar) as u, 1.25::decimal(10, 2) as d, "
                         "interval 3 day as i, '\\xAB'::blob as b, uuid() is not null as ok",
                         {"s": "{'x': 1, 'y': [2, 3]}", "m": "{k=v}", "u": "2", "d": 1.25, "i": "3 days",
                          "b": "\\xAB", "ok": True}),
}


@pytest.mark.parametrize("name", list(LEGAL))
def test_legal_sql_shows_a_table_never_an_error_box(name):
    sql, expected = LEGAL[name]
    at, seconds = run_sql(sql)
    assert_safe(at, seconds)
    assert not at.error
    frame = at.dataframe[-1].value
    assert list(frame.columns) == list(expected)
    assert frame.iloc[0].to_dict() == expected


def test_every_duckdb_type_shows_as_a_table():
    at, seconds = run_sql("select * from test_all_types()")
    assert_safe(at, seconds)
    assert not at.error
    frame = at.dataframe[-1].value
    assert frame.shape == (3, len(set(frame.columns)))
    assert frame["hugeint"].iloc[1] == "170141183460469231731687303715884105727"
    assert frame["int_array"].iloc[0] == "[]" and frame["dec38_10"].iloc[1] == pytest.approx(1e28)


def held_bytes(frame) -> int:
    return int(frame.memory_usage(index=True, deep=True).sum())


def test_a_wide_answer_stops_at_the_cell_budget_and_says_first_n_rows(monkeypatch):
    sql = "select " + ", ".join(["*"] * 650) + f" from (select 0 as z from range(10001)) -- {uuid.uuid4().hex}"
    for lang, words in (("en", "First {n} rows shown"), ("zh", "只显示前 {n} 行")):
        at, seconds = run_sql(sql, lang)
        assert_safe(at, seconds)
        frame = at.dataframe[-1].value
        assert frame.shape[1] == 650 and frame.size <= runner.MAX_CELLS
        assert len(frame) == runner.MAX_CELLS // 650
        assert words.format(n=f"{len(frame):,}") in at.warning[0].value


def test_an_answer_of_empty_lists_stops_at_the_byte_budget():
    sql = "select " + ", ".join(["*"] * 300) + f" from (select []::int[] as z from range(10001)) -- {uuid.uuid4().hex}"
    at, seconds = run_sql(sql)
    assert_safe(at, seconds)
    frame = at.dataframe[-1].value
    assert frame.iloc[0, 0] == "[]" and 0 < len(frame) < 10001
    assert held_bytes(frame) <= runner.MAX_HELD_BYTES
    assert "First" in at.warning[0].value


def test_twenty_million_characters_are_cut_in_the_worker():
    outcome = runner.run("select repeat(chr(1), 20000000) as s", db.sandbox_database())
    assert outcome.ok
    text = outcome.frame["s"].iloc[0]
    assert text == "\x01" * runner.MAX_TEXT_CHARS + worker.CUT_MARKER
    at, seconds = run_sql(f"select repeat('x', 20000000) as s -- {uuid.uuid4().hex}")
    assert_safe(at, seconds)
    assert at.dataframe[-1].value["s"].iloc[0].endswith("…[cut]")


def test_the_parent_reads_a_worker_with_a_bound_and_kills_it():
    flood = subprocess.Popen([sys.executable, "-c", "import sys\nwhile True: sys.stdout.write('x' * 65536)"],
                             stdout=subprocess.PIPE, start_new_session=True)
    try:
        assert runner.read_bounded(flood.stdout.fileno(), time.perf_counter() + 10, 1_000_000) == "too_big"
    finally:
        os.killpg(flood.pid, 9)
        flood.wait()
        flood.stdout.close()
    assert flood.returncode == -9


def test_the_session_keeps_only_the_sql_not_the_result():
    sql = f"select * from range(5000) -- {uuid.uuid4().hex}"
    at, seconds = run_sql(sql)
    assert_safe(at, seconds)
    assert at.session_state["sql_ran"] == sql and at.session_state["sql_failure"] is None
    assert "sql_outcome" not in at.session_state
    # The one copy is the shared cache's, and a hit hands out that object, not a copy.
    cached = sql_console.results.get((sql, db.sandbox_database()))
    assert cached is not None and len(cached.frame) == 5000
    assert sql_console.results.get((sql, db.sandbox_database())) is cached


def test_the_result_cache_is_bounded_by_bytes():
    cache = sql_console.ResultCache(max_bytes=250_000, ttl_s=60)
    outcomes = [runner.run(f"select * from range(10000) -- {i}", db.sandbox_database()) for i in range(4)]
    sizes = [sql_console.outcome_bytes(o) for o in outcomes]
    assert all(80_000 < s < 90_000 for s in sizes)  # 10,000 int64
    for i, outcome in enumerate(outcomes):
        cache.put(("q", i), outcome)
    assert cache.total <= 250_000 and len(cache) == 3
    assert cache.get(("q", 0)) is None and cache.get(("q", 3)) is outcomes[3]  # the oldest went first


def test_a_busy_console_says_the_queue_position():
    queue = runner.Queue(slots=1, max_waiting=8)
    assert queue.enter(0.1) == 0  # a slot taken
    positions = []
    waiter = threading.Thread(target=lambda: positions.append(queue.enter(0.6)))
    waiter.start()
    time.sleep(0.1)
    assert queue.enter(0.2) == 2  # behind the waiter
    waiter.join()
    assert positions == [1]
    queue.leave()
    assert queue.enter(0.1) == 0
    message, _ = sql_console.failure_message(runner.Outcome(False, "busy", position=3), "en")
    assert "3 queries are ahead of yours" in message
    one_ahead = runner.Outcome(False, "busy", position=1)
    assert "1 query is ahead of yours" in sql_console.failure_message(one_ahead, "en")[0]
    assert "前面还有 3 个查询" in sql_console.failure_message(runner.Outcome(False, "busy", position=3), "zh")[0]


def test_a_session_that_spent_its_cpu_budget_waits(monkeypatch):
    monkeypatch.setattr(sql_console, "SESSION_BUDGET_S", 0.1)  # less than one worker's start-up
    monkeypatch.setattr(sql_console, "SESSION_REFILL_PER_S", 0.001)
    tag = uuid.uuid4().hex
    at = open_page("sql", "en")
    for i in range(2):
        at.text_area(key="sql_text").set_value(f"select {i} as n -- {tag}")
        at.button(key="sql_run").click().run(timeout=30)
    assert not at.exception
    assert "Please wait about" in at.error[0].value
    # A cached result costs nothing.
    at.text_area(key="sql_text").set_value(f"select 0 as n -- {tag}")
    at.button(key="sql_run").click().run(timeout=30)
    assert not at.error and at.dataframe[-1].value.iloc[0, 0] == 0


# --- Found by an independent attack on the merged app: load-dependent failures, exports of lost results.

def test_a_failure_that_may_come_from_load_is_not_cached(monkeypatch):
    """A time-out under load must not fail a shared link for everyone for ten minutes."""
    sql_console.results.clear()
    calls, real_run = [], runner.run

    def slow_then_fine(sql, path, *args, **kwargs):  # the first run times out (as under load), later ones are real
        calls.append(sql)
        return runner.Outcome(False, "timeout", "5 s") if len(calls) == 1 else real_run(sql, path)

    monkeypatch.setattr(sql_console.runner, "run", slow_then_fine)
    sql = "select 42 as answer"
    assert sql_console.run(sql).kind == "timeout"
    assert sql_console.run(sql).ok and len(calls) == 2  # run again, not answered from the cache
    assert sql_console.run(sql).ok and len(calls) == 2  # a result is cached
    sql_console.results.clear()


def test_an_export_whose_result_cannot_be_rebuilt_says_so():
    def lost():
        raise sql_console.ExportUnavailable("busy")

    raw = export.untrusted_file(lost, "CSV", {}, "run the query again")
    assert raw.decode("utf-8-sig").splitlines() == ["message", "run the query again"]
    assert export.untrusted_file(lambda: pd.DataFrame({"a": [1, 2]}), "CSV", {}, "x").decode(
        "utf-8-sig").split() == ["a", "1", "2"]
