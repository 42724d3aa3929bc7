"""One process shared by many visitors (issue 19): the console's queue is fair between visitors, with real workers."""

import threading
import time

from jiangbei.app import db
from jiangbei.console import runner

# About five seconds of one core, or killed at the console's time limit.
HEAVY = "select count(*) from range(60000000) t where hash(t.range + {i}) % 7 = 0"


def test_one_visitor_never_holds_every_slot():
    queue = runner.Queue(slots=2, max_waiting=8, per_visitor=1)
    assert queue.enter(0.1, "tabs") == 0
    assert queue.enter(0.2, "tabs") != 0  # the same visitor's second tab waits, then gives up
    assert queue.enter(0.1, "someone else") == 0  # the other slot was kept for others
    queue.leave("someone else")
    queue.leave("tabs")
    assert queue.enter(0.1, "tabs") == 0


def test_a_freed_slot_goes_to_the_visitor_with_fewest_running():
    queue = runner.Queue(slots=2, max_waiting=8, per_visitor=2)
    assert queue.enter(0.1, "a") == 0 and queue.enter(0.1, "a") == 0
    order = []

    def wait(visitor):
        assert queue.enter(5, visitor) == 0
        order.append(visitor)

    waiters = [threading.Thread(target=wait, args=(v,)) for v in ("a", "b")]
    waiters[0].start()
    time.sleep(0.1)
    waiters[1].start()  # arrived later than a's third query, but runs first: it has none running
    time.sleep(0.1)
    queue.leave("a")
    waiters[1].join(2)
    assert order == ["b"]
    queue.leave("a")
    waiters[0].join(2)
    assert order == ["b", "a"]


def test_many_tabs_of_one_visitor_do_not_fill_the_waiting_line():
    queue = runner.Queue(slots=1, max_waiting=2, per_visitor=1, visitor_waiting=2)
    assert queue.enter(0.1, "tabs") == 0
    waiters = [threading.Thread(target=queue.enter, args=(0.5, "tabs")) for _ in range(2)]
    for w in waiters:
        w.start()
    time.sleep(0.1)
    assert queue.enter(0.05, "tabs") == 3  # a third queued tab is refused at once
    started = time.monotonic()
    assert queue.enter(0.05, "newcomer") > 0  # let in line (then timed out), not refused at the door
    assert time.monotonic() - started >= 0.04
    for w in waiters:
        w.join()


def test_ten_tabs_of_heavy_sql_leave_a_plain_query_from_someone_else_quick():
    """Real workers: one visitor's ten tabs run heavy SQL; another visitor's `select 1` answers within seconds."""
    path = db.sandbox_database()
    tabs = [threading.Thread(target=runner.run, args=(HEAVY.format(i=i), path), kwargs={"visitor": "tabs"})
            for i in range(10)]
    for tab in tabs:
        tab.start()
    time.sleep(1.0)  # the tabs hold what they can
    latencies = []
    for _ in range(3):
        started = time.monotonic()
        outcome = runner.run("select 1 as one", path, visitor="someone else")
        latencies.append(time.monotonic() - started)
        assert outcome.ok, outcome.kind
    for tab in tabs:
        tab.join(60)
    assert max(latencies) < runner.TIME_LIMIT_S, latencies  # never waited for a heavy query to end


# --- Smaller findings: control characters in Excel, a cut ?sql= link.

def test_excel_of_control_characters_is_a_valid_file_with_them_marked():
    import io

    import openpyxl
    import pandas as pd

    from jiangbei.reuse import export

    outcome = runner.run("select chr(1) || 'x' as a, 'ok' || chr(31) as \"b" + chr(2) + "\", 7 as n",
                          db.sandbox_database())
    assert outcome.ok
    about = {"SQL": "select chr(1) -- " + chr(3)}
    data = export.untrusted_file(lambda: outcome.frame, "Excel", about, "run again")
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = pd.read_excel(io.BytesIO(data), sheet_name="data")
    assert list(sheet.columns) == ["a", "b\ufffd", "n"]
    assert sheet.iloc[0].tolist() == ["\ufffdx", "ok\ufffd", 7]
    assert book["about"]["B2"].value == "select chr(1) -- \ufffd"
    # the other formats keep the characters as they are
    assert pd.read_parquet(io.BytesIO(export.untrusted_file(lambda: outcome.frame, "Parquet", {}, "x")))["a"][0] \
        == "\x01x"


def test_the_console_page_with_control_characters_shows_no_error():
    from tests.apptest import open_page

    at = open_page("sql", "en", {"sql": "select chr(1) || 'x' as a"})
    assert not at.exception and not at.error


def test_a_linked_query_longer_than_the_limit_says_it_was_cut():
    from tests.apptest import open_page

    long_sql = "select 1 as n -- " + "x" * runner.MAX_SQL_CHARS
    for lang, words in (("en", "only the first 10,000 characters"), ("zh", "只有前 10,000 个字符")):
        at = open_page("sql", lang, {"sql": long_sql})
        assert not at.exception
        assert any(words in w.value and f"{len(long_sql):,}" in w.value for w in at.warning)
        assert len(at.text_area(key="sql_text").value) == runner.MAX_SQL_CHARS
    at = open_page("sql", "en", {"sql": "select 1 as n"})
    assert not any("characters long" in w.value for w in at.warning)


def test_the_tabs_of_one_browser_are_one_visitor():
    from streamlit.web.server.starlette.starlette_app_utils import generate_xsrf_token_string

    from jiangbei.app import sql_console

    token = b"0123456789abcdef"
    # Each page load sends the same token under a new mask: still one visitor.
    tabs = {sql_console.visitor_of(generate_xsrf_token_string(token, 1_700_000_000)) for _ in range(5)}
    assert len(tabs) == 1
    assert sql_console.visitor_of(generate_xsrf_token_string(b"another browser!", 1_700_000_000)) not in tabs
    assert sql_console.visitor_of(None) == sql_console.visitor_of("") == sql_console.NO_COOKIE  # scripts share one


# --- Downloads: a built file outlives other sessions' reruns until fetched, then goes; memory stays bounded.

def _store():
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    from jiangbei.app import downloads

    manager = downloads.pin_downloads(MediaFileManager(MemoryMediaFileStorage("/media")))
    return manager, manager._storage


def _click(manager, data: bytes) -> str:
    from jiangbei.app import downloads

    placeholder = manager.add_deferred(downloads.Build(lambda: data), "text/csv", "1.2.3", file_name="f.csv")
    return manager.execute_deferred(placeholder).rsplit("/", 1)[1]  # "<id>.csv", as the browser asks for it


def test_a_built_file_survives_other_sessions_reruns_until_fetched(monkeypatch):
    from jiangbei.app import downloads

    monkeypatch.setattr(downloads, "FETCH_GRACE_S", 0.0)
    manager, storage = _store()
    name = _click(manager, b"a,b\n1,2\n")
    for _ in range(5):  # the end of five script runs of other sessions
        manager.remove_orphaned_files()
    assert storage.get_file(name).content == b"a,b\n1,2\n"  # the browser's fetch: still there
    manager.sweep()
    assert name.split(".")[0] not in storage._files_by_id  # fetched: gone at the next sweep


def test_an_unfetched_file_goes_after_its_pin_and_pins_are_bounded(monkeypatch):
    from jiangbei.app import downloads

    manager, storage = _store()
    monkeypatch.setattr(downloads, "PIN_S", 0.0)
    name = _click(manager, b"never fetched")
    manager.sweep()
    assert name.split(".")[0] not in storage._files_by_id
    monkeypatch.setattr(downloads, "PIN_S", 60.0)
    monkeypatch.setattr(downloads, "MAX_PINNED_BYTES", 2_500)
    for i in range(5):
        _click(manager, bytes([i]) * 1_000)
    assert manager.pinned_bytes() <= 2_500  # the oldest pins dropped first
    manager.sweep()
    assert len(storage._files_by_id) == 2


def test_clicking_again_stores_one_file():
    manager, storage = _store()
    assert _click(manager, b"same bytes") == _click(manager, b"same bytes")
    assert len(storage._files_by_id) == 1


def test_the_same_view_gives_the_same_excel_bytes_at_every_click():
    from datetime import UTC, datetime

    import pandas as pd

    from jiangbei.reuse import export

    shown = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    first = export.serialise(frame, "Excel", {"Exported": shown.isoformat()}, exported=shown)
    time.sleep(1.1)  # openpyxl stamps files to the second
    assert export.serialise(frame, "Excel", {"Exported": shown.isoformat()}, exported=shown) == first
    assert export.untrusted_file(lambda: frame, "Excel", {}, "x", shown) == \
        export.untrusted_file(lambda: frame, "Excel", {}, "x", shown)
