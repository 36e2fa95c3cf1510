"""KeyCatcher: keyboard shortcuts for a panel, in JupyterLab and in Voilà.

ipywidgets has no key events. This small ``anywidget`` listens to ``keydown`` on the
page (capture phase, so JupyterLab's notebook shortcuts never see a key the panel
handles) and sends each handled key to Python as a custom message — one message per key
press, never a synced value, so fast typing can't lose or repeat keys the way a text
field that is read and cleared from Python can.

Which key presses count:
- only the keys in ``handled_keys``, without Ctrl/Alt/Meta;
- only when the focus is inside the panel (the element with class ``scope``), or, with
  ``page_wide=True`` (the Voilà app, where the panel is the whole page), also when
  nothing is focused;
- never while typing in a text field or text area (memo, search): there Escape leaves
  the field and gives the keys back to the panel.
``focus_keys`` (key → CSS selector): such a key moves the focus to the element inside
the panel matching the selector (``m`` the memo field, ``n`` the new code's name).

In Python, :meth:`KeyCatcher.press` runs the same path as a key press in the browser;
tests use it.
"""

from __future__ import annotations

from collections.abc import Callable

import anywidget
import traitlets

_ESM = r"""
const TYPING = new Set(["text", "search", "email", "number", "password", "tel", "url",
  "date", "datetime-local", "month", "time", "week"]);

function isTyping(target) {
  if (!target || !target.tagName) return false;
  if (target.isContentEditable || target.tagName === "TEXTAREA") return true;
  return target.tagName === "INPUT" && TYPING.has((target.type || "text").toLowerCase());
}

function render({ model, el }) {
  const box = document.createElement("div");
  box.className = "sw-keys-box";
  box.tabIndex = 0;
  box.setAttribute("role", "note");
  const update = () => {
    box.textContent = model.get("label");
    box.setAttribute("aria-label", model.get("label"));
  };
  update();
  model.on("change:label", update);
  el.appendChild(box);

  const onKey = (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    const scope = el.closest(model.get("scope"));
    const target = event.target;
    const inside = scope !== null && scope.contains(target);
    const onPage = model.get("page_wide") &&
      (target === document.body || target === document.documentElement);
    if (!inside && !onPage) return;
    if (isTyping(target)) {
      if (event.key === "Escape" && inside) {
        target.blur();
        box.focus();
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    if (!model.get("handled_keys").includes(event.key)) return;
    event.preventDefault();
    event.stopPropagation();
    const focusSelector = (model.get("focus_keys") || {})[event.key];
    if (focusSelector && scope !== null) {
      const field = scope.querySelector(focusSelector);
      if (field) field.focus();
      return;
    }
    model.send({ event: "key", key: event.key });
  };
  document.addEventListener("keydown", onKey, true);
  return () => document.removeEventListener("keydown", onKey, true);
}

export default { render };
"""

_CSS = """
.sw-keys-box {
  border: 1px dashed #888; border-radius: 4px; padding: 4px 8px; color: #333;
  font-size: 0.85em; background: #fafafa; cursor: default;
}
.sw-keys-box:focus { outline: 2px solid #1d3557; background: #eef3fb; }
"""


class KeyCatcher(anywidget.AnyWidget):
    """Sends the key presses of ``handled_keys`` inside ``scope`` to the ``on_key`` callbacks."""

    _esm = _ESM
    _css = _CSS
    handled_keys = traitlets.List(traitlets.Unicode()).tag(sync=True)
    label = traitlets.Unicode("").tag(sync=True)
    scope = traitlets.Unicode(".sw-panel").tag(sync=True)
    page_wide = traitlets.Bool(False).tag(sync=True)
    focus_keys = traitlets.Dict(value_trait=traitlets.Unicode()).tag(sync=True)

    def __init__(self, **kwargs: object):
        super().__init__(**kwargs)
        self._callbacks: list[Callable[[str], None]] = []
        self.on_msg(self._on_message)

    def on_key(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(key)`` for every handled key press."""
        self._callbacks.append(callback)

    def press(self, key: str) -> None:
        """Handle ``key`` as if it was pressed in the browser (ignored unless handled)."""
        if key not in self.handled_keys:
            return
        for callback in self._callbacks:
            callback(key)

    def _on_message(self, _widget: object, content: dict, _buffers: object) -> None:
        if isinstance(content, dict) and content.get("event") == "key":
            self.press(str(content.get("key", "")))
