"""A small memo for pure functions of the data: a rerun that changes nothing recomputes nothing.

Streamlit reruns a page's whole script on every interaction, and the words, tables and chart texts a page shows
are pure functions of the data version, the language and the page's parameters. The app layer keys each entry by
those (jiangbei.core.store.fingerprint is the data version). Entries may also be keyed by the identity of objects
the app's caches hand out (a cached figure or query result): the memo keeps a reference to each such object, so
its id cannot be reused by another object while the entry lives, and a hit checks that the objects are the same.

Bounded (least recently used entries go first) and safe across Streamlit's script threads. No Streamlit here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

# A page shows tens of memoised things per language and view, most a few kB; large things (figures, HTML tables,
# the marked-up report) have memos of their own with smaller bounds, so memory stays bounded (benchmarks: RSS).
MAX_ENTRIES = 1024


class Memo:
    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.max_entries = max_entries
        self._entries: OrderedDict[tuple, tuple[tuple, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any], same: tuple = ()) -> Any:
        """compute()'s value for key (and the objects in same, by identity), computed once while it is kept.

        Two threads missing the same key at once may both compute it; the values are equal, the last one is kept.
        """
        full_key = (key, *(id(o) for o in same))
        with self._lock:
            entry = self._entries.get(full_key)
            if entry is not None and all(a is b for a, b in zip(entry[0], same)):
                self._entries.move_to_end(full_key)
                return entry[1]
        value = compute()
        with self._lock:
            self._entries[full_key] = (same, value)
            self._entries.move_to_end(full_key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


MEMO = Memo()


def memoised(key: Hashable, compute: Callable[[], Any], same: tuple = ()) -> Any:
    """The process's memo (MEMO.get)."""
    return MEMO.get(key, compute, same)
