"""A page's request info (with the participant's token) does not stay in the Voilà server
(widgets/voila_server.py, :func:`keep_request_channels`).

Voilà keeps request info that arrives before the kernel's channel in a class-wide dict and
never removed it, not even after handing it over: every token of a day's participants
stayed in the server's memory. It is dropped when written to the kernel, or after
``REQUEST_INFO_KEPT`` seconds for a kernel that never connects.
"""

from __future__ import annotations

import asyncio

import pytest

from widgets import voila_server
from widgets.voila_server import keep_request_channels

PAYLOAD = '{"QUERY_STRING": "token=K7QX-93ZD"}'


@pytest.fixture
def handler(monkeypatch: pytest.MonkeyPatch) -> type:
    """Voilà's handler with this module's patch, its class-wide dicts fresh for the test."""
    from voila.request_info_handler import RequestInfoSocketHandler

    for name in ("open", "on_close", "send_updates"):
        monkeypatch.setattr(RequestInfoSocketHandler, name, RequestInfoSocketHandler.__dict__[name])
    keep_request_channels()
    monkeypatch.setattr(RequestInfoSocketHandler, "_waiters", {})
    monkeypatch.setattr(RequestInfoSocketHandler, "_cache", {})
    return RequestInfoSocketHandler


class Channel:
    """A kernel's channel that records what it was sent."""

    def __init__(self) -> None:
        self.sent: list[object] = []

    def write_message(self, message: object) -> None:
        self.sent.append(message)


def test_request_info_is_dropped_once_the_kernel_has_it(handler: type) -> None:
    async def page_then_kernel() -> None:
        handler.send_updates({"kernel_id": "kernel-a", "payload": PAYLOAD})  # no channel yet
        assert handler._cache == {"kernel-a": PAYLOAD}
        channel = Channel()
        handler.open(channel, "kernel-a")
        assert channel.sent == [PAYLOAD]  # the kernel hears of its request …
        assert handler._cache == {}  # … and the server keeps no token

    asyncio.run(page_then_kernel())


def test_request_info_for_a_kernel_that_never_connects_is_dropped_after_a_while(
    handler: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(voila_server, "REQUEST_INFO_KEPT", 0.05)

    async def page_without_kernel() -> dict:
        handler.send_updates({"kernel_id": "kernel-a", "payload": PAYLOAD})
        handler.send_updates({"kernel_id": "kernel-b", "payload": PAYLOAD})
        assert set(handler._cache) == {"kernel-a", "kernel-b"}  # waits for the kernel
        await asyncio.sleep(0.01)
        handler.open(Channel(), "kernel-b")
        await asyncio.sleep(0.2)
        return dict(handler._cache)

    assert asyncio.run(page_without_kernel()) == {}
