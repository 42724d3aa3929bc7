"""Download files that stay until the browser has fetched them, in bounded memory, built off the shared threads.

Why (Streamlit 1.67, runtime/media_file_manager.py): a download button given a callable builds its file when
clicked (MediaFileManager.execute_deferred) and stores it under a new id that no session references. Every
script run of *any* session ends with remove_orphaned_files(): the first marks the file, the second deletes it.
With another visitor rerunning, the file was often gone before the browser asked for its URL: a 404. And with
nobody rerunning, built files stayed in memory for good.

So the app's MediaFileManager gets two rules (install() switches the runtime's one to PinningMediaFileManager):
- a built file is pinned: kept until the browser has fetched it (then FETCH_GRACE_S more, for a retry) or
  PIN_S after its click, whichever comes first; pins beyond MAX_PINNED_BYTES drop the oldest;
- a sweeper thread collects unreferenced files every SWEEP_S seconds and hands freed memory back to the
  system (also every RELEASE_EVERY_S), so a quiet app does not keep the memory of a burst.
The builds run in this module's own executors (one thread for a visitor's SQL result, a few for the rest), not
the event loop's default one, so console exports waiting for each other never hold the threads plain downloads
and other backend work need.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import PurePosixPath

PIN_S = 60.0  # longest a built file waits for its fetch
FETCH_GRACE_S = 5.0  # kept this long after a fetch (a retried or repeated request)
MAX_PINNED_BYTES = 96 * 1024 * 1024  # pinned files together; beyond, the oldest pin is dropped
SWEEP_S = 5.0
# Memory freed by ended sessions (kept by Streamlit for a reconnect, then dropped) is handed back this often.
RELEASE_EVERY_S = 30.0

# A visitor's SQL result is built one at a time (its copies are the app's largest allocations); files of the
# curated tables are small and quick.
UNTRUSTED_EXECUTOR = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export-untrusted")
TRUSTED_EXECUTOR = ThreadPoolExecutor(max_workers=3, thread_name_prefix="export")

_install_lock = threading.Lock()
_installed = False


class Build:
    """A download button's deferred data: fn builds the bytes; untrusted marks a visitor's SQL result."""

    def __init__(self, fn: Callable[[], bytes], untrusted: bool = False):
        self.fn, self.untrusted = fn, untrusted

    def __call__(self) -> bytes:
        return self.fn()


def _file_id(url: str) -> str:
    """/media/<id>.<ext> -> <id>"""
    return PurePosixPath(url).name.split(".")[0]


def _pinning_class(base: type) -> type:
    class PinningMediaFileManager(base):
        """MediaFileManager whose built downloads survive other sessions' reruns until fetched (see module)."""

        # file id -> (keep until, bytes); set by install() on the live object. Its own lock, taken after
        # self._lock where both are held: the storage's get_file (noted by fetched) runs under self._lock.
        _pins: OrderedDict[str, tuple[float, int]]
        _pins_lock: threading.Lock

        def execute_deferred(self, file_id: str) -> str:
            url = super().execute_deferred(file_id)
            built = _file_id(url)
            try:
                size = len(self._storage.get_file(built).content)  # a bare id: not counted as a fetch
            except Exception:  # noqa: BLE001 - another build's sweep raced us: nothing to pin
                return url
            with self._pins_lock:
                self._pins.pop(built, None)
                self._pins[built] = (time.monotonic() + PIN_S, size)
                total = sum(s for _, s in self._pins.values())
                while total > MAX_PINNED_BYTES and len(self._pins) > 1:
                    _, (_, dropped) = self._pins.popitem(last=False)
                    total -= dropped
            return url

        def fetched(self, file_id: str) -> None:
            with self._pins_lock:
                pin = self._pins.get(file_id)
                if pin is not None:
                    self._pins[file_id] = (min(pin[0], time.monotonic() + FETCH_GRACE_S), pin[1])

        def _get_inactive_file_ids(self) -> set[str]:  # called with self._lock held
            now = time.monotonic()
            with self._pins_lock:
                for expired in [k for k, (until, _) in self._pins.items() if until <= now]:
                    del self._pins[expired]
                pinned = set(self._pins)
            return super()._get_inactive_file_ids() - pinned

        def is_untrusted(self, file_id: str) -> bool:
            with self._lock:
                entry = self._deferred_callables.get(file_id)
            return entry is not None and getattr(entry["callable"], "untrusted", False)

        def pinned_bytes(self) -> int:
            with self._pins_lock:
                return sum(s for _, s in self._pins.values())

        def sweep(self) -> None:
            """Collect unreferenced files now (a downloadable file takes two passes: marked, then deleted)."""
            before = len(self._file_metadata)
            self.remove_orphaned_files()
            self.remove_orphaned_files()
            if len(self._file_metadata) < before:
                from jiangbei.reuse.export import release_memory

                release_memory()

    PinningMediaFileManager.__name__ = PinningMediaFileManager.__qualname__ = "PinningMediaFileManager"
    return PinningMediaFileManager


def _handler_class(base: type) -> type:
    class OwnThreadsDeferredFileHandler(base):
        """Streamlit's handler, building in this module's executors instead of asyncio.to_thread."""

        async def handle(self, request, session_id):
            from streamlit.proto.ForwardMsg_pb2 import BackendOperationResponse, DeferredFileResponsePayload

            manager = self._get_media_file_mgr()
            file_id = request.deferred_file.file_id
            executor = UNTRUSTED_EXECUTOR if getattr(manager, "is_untrusted", lambda _: False)(file_id) \
                else TRUSTED_EXECUTOR
            try:
                url = await asyncio.get_running_loop().run_in_executor(executor, manager.execute_deferred, file_id)
                return BackendOperationResponse(request_id=request.request_id,
                                                deferred_file=DeferredFileResponsePayload(url=url))
            except Exception:  # noqa: BLE001 - as Streamlit's own handler: logged, the client told it failed
                import logging

                logging.getLogger(__name__).exception("Building the download %s failed", file_id)
                return BackendOperationResponse(request_id=request.request_id,
                                                error_msg="Failed to generate file for download")

    OwnThreadsDeferredFileHandler.__name__ = OwnThreadsDeferredFileHandler.__qualname__ = \
        "OwnThreadsDeferredFileHandler"
    return OwnThreadsDeferredFileHandler


def install() -> None:
    """Give the running Streamlit server the rules above; once per process, from a script run."""
    global _installed  # noqa: PLW0603
    if _installed:
        return
    with _install_lock:
        if _installed:
            return
        from streamlit import runtime
        from streamlit.runtime import app_session

        if not runtime.exists():  # bare mode or AppTest without a server: nothing to serve downloads from
            return
        manager = pin_downloads(runtime.get_instance().media_file_mgr)
        # Sessions made from now on build downloads in our executors.
        app_session.DeferredFileHandler = _handler_class(app_session.DeferredFileHandler)
        threading.Thread(target=_sweep_forever, args=(manager,), name="download-sweeper", daemon=True).start()
        _installed = True


def pin_downloads(manager):
    """Switch a MediaFileManager (and its storage's reads) to the pinning rules; returns it."""
    with manager._lock:
        manager._pins, manager._pins_lock = OrderedDict(), threading.Lock()
        manager.__class__ = _pinning_class(type(manager))
    storage = manager._storage
    get_file = storage.get_file

    def get_file_and_note(filename: str):
        found = get_file(filename)
        if "." in filename:  # "<id>.<ext>": the /media route serving it (get_url asks by bare id)
            manager.fetched(_file_id(filename))
        return found

    storage.get_file = get_file_and_note
    return manager


def _sweep_forever(manager) -> None:
    from jiangbei.reuse.export import release_memory

    released = time.monotonic()
    while True:
        time.sleep(SWEEP_S)
        try:
            manager.sweep()
            if time.monotonic() - released > RELEASE_EVERY_S:
                release_memory()
                released = time.monotonic()
        except Exception:  # noqa: BLE001 - a failed sweep is retried; it must never end the thread
            import logging

            logging.getLogger(__name__).exception("download sweep failed")
