"""A small Jupyter kernel client over a server's WebSocket, for tests without a browser.

Jupyter servers (Voilà, a JupyterHub user's server) relay a kernel's messages over
``/api/kernels/ID/channels``; without a subprotocol they speak JSON (a message with binary
buffers arrives as one binary frame: offsets, then the JSON message, then the buffers).
:class:`KernelChannel` sends what a browser page sends — ``execute_request`` for a cell,
``comm_open``/``comm_msg`` for ipywidgets — and waits for the kernel's answers.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from tornado.httpclient import HTTPRequest
from tornado.websocket import WebSocketClientConnection, WebSocketClosedError, websocket_connect

WIDGET_TARGET = "jupyter.widget"  # the comm target of every ipywidgets model
WIDGET_PROTOCOL_VERSION = "2.1.0"


def decode(frame: str | bytes) -> dict[str, Any]:
    """A kernel message from a text frame, or from a binary frame (its buffers dropped)."""
    if isinstance(frame, str):
        return json.loads(frame)
    count = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 + 4 * i : 8 + 4 * i], "big") for i in range(count)]
    end = offsets[1] if count > 1 else len(frame)
    return json.loads(frame[offsets[0] : end])


class KernelChannel:
    """One WebSocket connection to a kernel, as a page or a notebook holds it."""

    def __init__(self, connection: WebSocketClientConnection):
        self.connection = connection
        self.session = uuid.uuid4().hex

    @classmethod
    async def connect(
        cls, url: str, headers: dict[str, str] | None = None, timeout: float = 60
    ) -> KernelChannel:
        """Connect to ``ws://…/api/kernels/ID/channels``."""
        request = HTTPRequest(url, headers=headers or {}, connect_timeout=timeout)
        return cls(await websocket_connect(request, max_message_size=64 * 1024 * 1024))

    async def send(
        self,
        msg_type: str,
        content: dict[str, Any],
        metadata: dict[str, Any] | None = None,
        channel: str = "shell",
    ) -> str:
        """Send one message; return its id (the ``msg_id`` of the replies' parent).

        A closed connection raises :class:`ConnectionError`, as reading from it does.
        """
        msg_id = uuid.uuid4().hex
        message = {
            "header": {
                "msg_id": msg_id,
                "msg_type": msg_type,
                "username": "test",
                "session": self.session,
                "date": datetime.now(UTC).isoformat(),
                "version": "5.3",
            },
            "parent_header": {},
            "metadata": metadata or {},
            "content": content,
            "channel": channel,
            "buffers": [],
        }
        try:
            await self.connection.write_message(json.dumps(message))
        except WebSocketClosedError as err:
            raise ConnectionError("Verbindung zum Kernel geschlossen") from err
        return msg_id

    async def receive_until(
        self, wanted: Callable[[dict[str, Any]], bool], timeout: float
    ) -> dict[str, Any]:
        """Read messages until ``wanted(message)``; return that message."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("keine passende Nachricht vom Kernel")
            frame = await asyncio.wait_for(self.connection.read_message(), left)
            if frame is None:
                raise ConnectionError("Verbindung zum Kernel geschlossen")
            message = decode(frame)
            if wanted(message):
                return message

    async def execute(self, code: str, timeout: float = 120) -> str:
        """Run ``code`` as a cell; return what it printed (an error raises with its text)."""
        msg_id = await self.send(
            "execute_request",
            {"code": code, "silent": False, "store_history": False, "allow_stdin": False},
        )
        printed: list[str] = []
        while True:
            message = await self.receive_until(
                lambda m: m.get("parent_header", {}).get("msg_id") == msg_id, timeout
            )
            kind, content = message["header"]["msg_type"], message["content"]
            if kind == "stream":
                printed.append(content["text"])
            elif kind == "error":
                raise RuntimeError("\n".join(content.get("traceback", [])) or content["evalue"])
            elif kind == "status" and content["execution_state"] == "idle":
                return "".join(printed)

    async def widget_states(self, timeout: float = 60) -> dict[str, dict[str, Any]]:
        """Every widget model's state (model id → state), fetched as a page fetches them.

        The per-widget way ipywidgets' page manager falls back to when the control comm does
        not answer in time: list the widget comms, then ask each for its state.
        """
        msg_id = await self.send("comm_info_request", {"target_name": WIDGET_TARGET})
        reply = await self.receive_until(
            lambda m: (
                m["header"]["msg_type"] == "comm_info_reply"
                and m["parent_header"].get("msg_id") == msg_id
            ),
            timeout,
        )
        pending = set(reply["content"]["comms"])
        for comm_id in pending:
            await self.send(
                "comm_msg",
                {"comm_id": comm_id, "data": {"method": "request_state"}},
                metadata={"version": WIDGET_PROTOCOL_VERSION},
            )
        states: dict[str, dict[str, Any]] = {}
        while pending:
            message = await self.receive_until(
                lambda m: (
                    m["header"]["msg_type"] == "comm_msg"
                    and m["content"].get("comm_id") in pending
                    and m["content"]["data"].get("method") == "update"
                ),
                timeout,
            )
            comm_id = message["content"]["comm_id"]
            states[comm_id] = message["content"]["data"]["state"]
            pending.discard(comm_id)
        return states

    async def set_widget(self, model_id: str, state: dict[str, Any]) -> None:
        """Change a widget's state as the page does when someone clicks or types."""
        await self.send(
            "comm_msg",
            {"comm_id": model_id, "data": {"method": "update", "state": state, "buffer_paths": []}},
            metadata={"version": WIDGET_PROTOCOL_VERSION},
        )

    async def widget_update(
        self, model_id: str, wanted: Callable[[dict[str, Any]], bool], timeout: float
    ) -> dict[str, Any]:
        """Wait until the kernel sends ``model_id`` a state for which ``wanted`` holds."""
        message = await self.receive_until(
            lambda m: (
                m["header"]["msg_type"] == "comm_msg"
                and m["content"].get("comm_id") == model_id
                and m["content"]["data"].get("method") in ("update", "echo_update")
                and wanted(m["content"]["data"].get("state", {}))
            ),
            timeout,
        )
        return message["content"]["data"]["state"]

    def close(self) -> None:
        """Close the connection (the kernel keeps running)."""
        self.connection.close()


def children(states: dict[str, dict[str, Any]], model_id: str) -> list[str]:
    """The model ids of a container widget's children."""
    return [c.removeprefix("IPY_MODEL_") for c in states[model_id].get("children", [])]


def find_widget(
    states: dict[str, dict[str, Any]], dom_class: str, within: str | None = None
) -> str:
    """The id of the first widget carrying ``dom_class`` (below ``within`` if given)."""
    if within is None:
        found = [m for m, s in states.items() if dom_class in s.get("_dom_classes", [])]
    else:
        found, todo = [], [within]
        while todo:  # depth-first, children in order
            model_id = todo.pop(0)
            if dom_class in states[model_id].get("_dom_classes", []):
                found.append(model_id)
            todo[:0] = children(states, model_id)
    if not found:
        raise LookupError(f"kein Widget mit der Klasse {dom_class}")
    return found[0]
