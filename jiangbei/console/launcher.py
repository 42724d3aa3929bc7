"""Starts the SQL console's worker processes for the app (see jiangbei.console.runner), from this small process.

Between fork and exec a child is a copy of its parent: forked from the ~300 MB app, every worker briefly counts as
another app in the process tree's memory. Forked from here, it counts as this ~15 MB process.

Run by the app as `python -m jiangbei.console.launcher FD`, FD being its end of a Unix SOCK_SEQPACKET socket. Each
request is one JSON message {"id", "argv", "cwd", "env"} carrying two file descriptors, the worker's stdin and
stdout; the launcher answers {"id", "pid"} when the worker has started and {"id", "pid", "returncode"} when it has
ended. When the app goes away its end of the socket closes; the launcher then exits, and its workers die with it
(they set PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading

MAX_MESSAGE = 64 * 1024


def main() -> int:
    channel = socket.socket(fileno=int(sys.argv[1]))
    sending = threading.Lock()

    def send(message: dict) -> None:
        with sending:
            try:
                channel.send(json.dumps(message).encode("utf-8"))
            except OSError:  # the app is gone
                pass

    def watch(process: subprocess.Popen, request_id: int) -> None:
        send({"id": request_id, "pid": process.pid, "returncode": process.wait()})

    while True:
        try:
            message, fds, _, _ = socket.recv_fds(channel, MAX_MESSAGE, 2)
        except OSError:
            break
        if not message:  # the app closed its end: it exited or was killed
            break
        request = json.loads(message)
        try:
            process = subprocess.Popen(request["argv"], stdin=fds[0], stdout=fds[1], stderr=subprocess.DEVNULL,
                                       cwd=request["cwd"], env=request["env"], start_new_session=True)
        except OSError as err:
            send({"id": request["id"], "pid": 0, "error": str(err)})
            continue
        finally:
            for fd in fds:
                os.close(fd)
        send({"id": request["id"], "pid": process.pid})
        threading.Thread(target=watch, args=(process, request["id"]), daemon=True).start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
