"""The server's TCP connections send each message at once (TCP_NODELAY).

Streamlit 1.67 binds its listening socket as socket.socket(family) (protocol 0), and asyncio turns Nagle's
algorithm off only on sockets whose protocol says TCP, so every connection keeps it on: after a run's first small
message, the rest wait for the browser's delayed acknowledgement, ~40 ms per burst. Measured through the websocket
(benchmarks/RESULTS.md, notes): a rerun of the About page reached the client in 48 ms, in 13 ms with TCP_NODELAY.
Linux gives a listening socket's TCP_NODELAY to every connection it accepts later, so setting it once on the
process's TCP sockets (the listener and the connections open at that moment) covers every later visitor.
"""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

_lock = threading.Lock()
_done = False


def set_nodelay_on_open_tcp_sockets() -> int:
    """Set TCP_NODELAY on every TCP socket this process holds (Linux: read from /proc/self/fd); return how many.
    Other descriptors (files, pipes, Unix sockets) are left alone; one closed meanwhile is skipped."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return 0
    count = 0
    for entry in fds.iterdir():
        try:
            if not os.readlink(entry).startswith("socket:"):
                continue
            # A duplicate of the descriptor: options are the socket's own, and closing the copy leaves it open.
            with socket.socket(fileno=os.dup(int(entry.name))) as sock:
                if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.type == socket.SOCK_STREAM:
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    count += 1
        except (OSError, ValueError):
            continue
    return count


def send_without_delay() -> None:
    """Once per process (the first run, when the server's listening socket and first connection exist)."""
    global _done
    with _lock:
        if not _done:
            _done = True
            set_nodelay_on_open_tcp_sockets()
