"""The memo that spares reruns recomputing what did not change (jiangbei.presentation.memo)."""

import threading

import pandas as pd

from jiangbei.presentation.memo import Memo


def test_a_value_is_computed_once_per_key():
    memo, calls = Memo(), []

    def compute(x):
        calls.append(x)
        return x * 2

    assert [memo.get(("double", x), lambda x=x: compute(x)) for x in (1, 2, 1, 2, 1)] == [2, 4, 2, 4, 2]
    assert calls == [1, 2]


def test_objects_keyed_by_identity_are_never_confused_with_equal_or_later_ones():
    memo = Memo()
    first = pd.DataFrame({"a": [1]})
    assert memo.get("rows", lambda: len(first), same=(first,)) == 1
    equal = pd.DataFrame({"a": [1]})
    assert memo.get("rows", lambda: "recomputed", same=(equal,)) == "recomputed"  # another object: another entry
    assert memo.get("rows", lambda: "not again", same=(first,)) == 1


def test_the_memo_is_bounded_dropping_the_least_recently_used():
    memo = Memo(max_entries=3)
    for key in "abc":
        memo.get(key, lambda key=key: key)
    memo.get("a", lambda: "again")  # used: kept
    memo.get("d", lambda: "d")
    assert len(memo) == 3
    assert memo.get("a", lambda: "again") == "a"
    assert memo.get("b", lambda: "recomputed") == "recomputed"


def test_threads_share_one_memo_safely():
    memo, errors = Memo(max_entries=50), []

    def work(offset):
        try:
            for i in range(2000):
                key = (i + offset) % 80
                assert memo.get(key, lambda key=key: key * 3) == key * 3
        except AssertionError as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(memo) <= 50
