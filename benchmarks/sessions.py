"""Concurrent sessions through Streamlit's own websocket protocol: each reruns pages, each rerun timed."""

from __future__ import annotations

import asyncio
import time

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


async def rerun(ws, page: str, query: str, timeout_s: float) -> float:
    """One rerun of page with query on an open session; its time in ms until the script finished (a run that
    ended early because another rerun replaced it is not the end)."""
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_name = page
    started = time.perf_counter()
    await ws.send(message.SerializeToString())
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout_s))
        if forward.WhichOneof("type") == "script_finished" and \
                forward.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            return (time.perf_counter() - started) * 1000


async def _session(url: str, pages: list[str], reruns: int, timeout_s: float, out: list[float]) -> None:
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None) as ws:
        for i in range(reruns):
            out.append(await rerun(ws, pages[i % len(pages)], "lang=en", timeout_s))


async def _many(url: str, sessions: int, pages: list[str], reruns: int, timeout_s: float) -> list[float]:
    latencies: list[float] = []
    await asyncio.gather(*(_session(url, pages[i % len(pages):] + pages[:i % len(pages)], reruns, timeout_s,
                                    latencies) for i in range(sessions)))
    return latencies


def concurrent_reruns(url: str, sessions: int, pages: list[str], reruns: int = 4,
                      timeout_s: float = 60) -> list[float]:
    """Latencies (ms) of every rerun of `sessions` simultaneous sessions, each doing `reruns` page reruns."""
    return asyncio.run(asyncio.wait_for(_many(url, sessions, pages, reruns, timeout_s), timeout_s * 4))


def rerun_times(url: str, page: str, reruns: int) -> list[float]:
    """One session rerunning one page: the server's time per rerun (the first, cold run, is left out)."""
    out: list[float] = []
    asyncio.run(_session(url, [page], reruns + 1, 60, out))
    return out[1:]
