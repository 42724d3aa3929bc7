"""The data version every cache is keyed by (store.fingerprint): a digest of the data files' bytes."""

import os

from jiangbei.core import store


def fresh(directory):
    store._fingerprints.pop(directory, None)  # skip the few seconds the answer is kept
    return store.fingerprint(directory)


def test_the_fingerprint_is_a_short_text_that_changes_with_the_bytes_only(data_copy):
    first = fresh(data_copy)
    assert isinstance(first, str) and len(first) <= 32
    indicators = data_copy / "indicators.csv"
    os.utime(indicators, ns=(1, 1))  # touched, same bytes: the same version, caches kept
    assert fresh(data_copy) == first
    indicators.write_bytes(indicators.read_bytes().replace(b"\n", b"\r\n", 1))
    changed = fresh(data_copy)
    assert changed != first
    (data_copy / "notes.txt").write_text("a new file", encoding="utf-8")
    assert fresh(data_copy) not in (first, changed)


def test_the_fingerprint_is_kept_for_its_ttl_then_read_again(data_copy):
    first = store.fingerprint(data_copy)
    (data_copy / "glossary.csv").write_bytes(b"changed")
    assert store.fingerprint(data_copy) == first  # within FINGERPRINT_TTL_S
    assert fresh(data_copy) != first
