"""The server's TCP connections send without Nagle's delay (jiangbei.app.network): real sockets of this process."""

import socket

from jiangbei.app import network


def nodelay(sock: socket.socket) -> int:
    return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)


def test_open_tcp_sockets_and_later_connections_send_at_once():
    # As Streamlit 1.67 binds it: socket.socket(family), protocol 0, which asyncio leaves with Nagle on.
    with socket.socket(socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        early = socket.create_connection(listener.getsockname())
        accepted_early, _ = listener.accept()
        unix_a, unix_b = socket.socketpair(socket.AF_UNIX)
        try:
            assert nodelay(accepted_early) == 0
            assert network.set_nodelay_on_open_tcp_sockets() >= 3  # the listener and both ends of the connection
            assert nodelay(listener) == nodelay(accepted_early) == nodelay(early) == 1
            with socket.create_connection(listener.getsockname()):
                accepted_late, _ = listener.accept()
                with accepted_late:  # a connection accepted afterwards inherits it from the listener
                    assert nodelay(accepted_late) == 1
            # Other sockets are left alone and still work.
            unix_a.sendall(b"x")
            assert unix_b.recv(1) == b"x"
        finally:
            for sock in (early, accepted_early, unix_a, unix_b):
                sock.close()


def test_setting_it_keeps_every_descriptor_open():
    with socket.socket(socket.AF_INET) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        network.set_nodelay_on_open_tcp_sockets()
        listener.getsockname()  # still open: only the duplicates were closed
        assert listener.fileno() >= 0
