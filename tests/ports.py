"""A free TCP port on 127.0.0.1 that stays ours until the server a test starts binds it.

A port found free by binding and closing a socket is free only in that moment: another
process of a parallel test run (a Voilà kernel, a JupyterHub proxy, a PostgreSQL cluster)
can be given it before the server the test starts a second later binds it, and that server
then fails with "Address already in use". :func:`reserve_port` leaves the port in
TIME_WAIT instead (a connection to it is accepted and closed from its side): for about a
minute the kernel hands it to nobody (no ``bind(0)``, no outgoing connection, no plain
``bind``), while a server that sets ``SO_REUSEADDR`` — PostgreSQL, tornado (Voilà,
Jupyter, JupyterHub) and node (configurable-http-proxy) all do — binds and listens on it.
"""

from __future__ import annotations

import socket

HOST = "127.0.0.1"


def reserve_port() -> int:
    """A port nobody else gets for a minute; a server with SO_REUSEADDR binds it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((HOST, 0))
        listener.listen(1)
        address = listener.getsockname()
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
            client.connect(address)
            accepted, _ = listener.accept()
            accepted.close()  # closed first on the port's side: the port's end waits there
        return address[1]
