"""What the apps need for WCAG 2.1 AA (BITV 2.0) that ipywidgets does not give.

ipywidgets renders no live regions and no ARIA states, and its focus ring is a thin 1px
line. :class:`AriaSupport` is an invisible widget that each app puts once into its view
(whose root carries the class :data:`APP`); in the browser it
- turns every element with the class :data:`LIVE` into a polite live region
  (``role="status"``), so that a screen reader announces its new text ("✓ gespeichert");
- marks toggle buttons as pressed or not (``aria-pressed``) and names their group after
  the widget's description ("Trifft das zu?");
- names buttons that show only a symbol ("+", "−", "✗") by their tooltip;
- names each box with the class :data:`GROUP` (a need to rate) by its heading, so that
  a screen reader says which need "trifft zu", "+" or the comment field belong to;
- names each plotly chart (``role="figure"``: its zoom buttons stay usable) by its title
  and points to the text beside it, which says what the chart shows (every chart of the
  apps has one);
- after an input, asks the kernel for a sign of life: a page whose kernel has ended
  (server or kernel restarted, out of memory) shows :data:`CONNECTION_LOST` with a
  reload button instead of ignoring every click;
- moves the focus where the kernel asks (:meth:`AriaSupport.focus`), once the element
  is on the page: after "show more", to the first new entry, its scrolling box scrolled
  to it, so that keyboard and screen-reader users read on where the new text begins;
and its CSS draws a clear focus ring on every control inside an app, hides labels
meant only for screen readers (the class :data:`HIDDEN_LABEL` on a widget with a
description) and lets an app reflow on a 320–360 px wide phone or at 400 % zoom (WCAG
1.4.10): rows of controls wrap, labels and buttons wrap (a long code name on its button)
instead of ending in "…", no control is wider
than the page, and only a wide table or chart scrolls sideways, inside its own box.

:func:`readable_text` (from :mod:`workbench.core.colours`, shared with the published
site) picks black or white text for a coloured background so that the contrast is at
least 4.5:1.
"""

from __future__ import annotations

import anywidget
import traitlets

from workbench.core.colours import (
    MIN_CONTRAST,
    blend,
    contrast_ratio,
    readable_text,
    rgb,
)

APP = "sw-app"  # the root of every app: the scope of AriaSupport and of the focus ring
LIVE = "sw-live"  # a widget whose new text is announced (its element persists)
HIDDEN_LABEL = "sw-label-hidden"  # the widget's description is read, not shown
GROUP = "sw-group"  # a box whose controls belong to its heading: a group named by it
FOCUS_COLOUR = "#1f4e8c"

_ESM = r"""
const SYMBOL_ONLY = /^[^\p{L}\p{N}]{1,3}$/u;

function set(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function enhance(root) {
  root.querySelectorAll(".sw-live").forEach((el) => {
    set(el, "role", "status");
    set(el, "aria-live", "polite");
    set(el, "aria-atomic", "true");
  });
  root.querySelectorAll(".widget-toggle-buttons").forEach((widget) => {
    const label = widget.querySelector(":scope > label.widget-label");
    const group = widget.querySelector(":scope > div");
    const name = label ? label.textContent.trim().replace(/:$/, "") : "";
    if (group && name) {
      set(group, "role", "group");
      set(group, "aria-label", name);
    }
    widget.querySelectorAll("button.widget-toggle-button").forEach((button) => {
      set(button, "aria-pressed", String(button.classList.contains("mod-active")));
    });
  });
  root.querySelectorAll(".sw-group").forEach((box) => {
    const heading = box.querySelector("h2, h3, h4");
    const name = heading ? heading.textContent.trim() : "";
    if (name) {
      set(box, "role", "group");
      set(box, "aria-label", name);
    }
  });
  root.querySelectorAll("button.jupyter-button[title]").forEach((button) => {
    const title = button.getAttribute("title");
    if (title && title !== "null" && SYMBOL_ONLY.test(button.textContent.trim())) {
      set(button, "aria-label", title);
    }
  });
  root.querySelectorAll(".js-plotly-plot").forEach((chart) => {
    const title = chart.querySelector(".gtitle");
    const name = (title ? title.textContent.trim() + ". " : "Diagramm. ") +
      "Was es zeigt, steht im Text daneben.";
    set(chart, "role", "figure");
    set(chart, "aria-label", name);
  });
}

// A page whose kernel has ended (culled, restarted, server restarted) would ignore every
// click without a word: after an input the kernel is asked for a sign of life, and
// without an answer the page says so and offers to reload.
function showLost(text) {
  if (document.querySelector(".sw-connection-lost")) return;
  const box = document.createElement("div");
  box.className = "sw-connection-lost";
  box.setAttribute("role", "alert");
  const line = document.createElement("p");
  line.textContent = text;
  const reload = document.createElement("button");
  reload.type = "button";
  reload.textContent = "Seite neu laden";
  reload.addEventListener("click", () => window.location.reload());
  box.append(line, reload);
  document.body.prepend(box);
  reload.focus();
}

const CONTROLS = "button, select, input, textarea, summary, a, [tabindex]";

function watchConnection(model) {
  let waiting = null;
  model.on("msg:custom", (msg) => {
    if (msg && msg.event === "pong" && waiting) {
      clearTimeout(waiting);
      waiting = null;
    }
  });
  const ask = (event) => {
    const target = event.target && event.target.closest ? event.target : null;
    if (!target || !target.closest(model.get("scope")) || !target.closest(CONTROLS)) return;
    if (waiting) return;
    // A kernel that is busy (a long cell in JupyterLab, a slow handler) answers later:
    // wait on; only a kernel that is not working and has not answered is gone.
    const check = () => {
      const kernel = model.widget_manager && model.widget_manager.kernel;
      if (kernel && kernel.status === "busy" && kernel.connectionStatus === "connected") {
        waiting = setTimeout(check, model.get("answer_ms"));
        return;
      }
      waiting = null;
      showLost(model.get("lost_text"));
    };
    waiting = setTimeout(check, model.get("answer_ms"));
    try {
      model.send({ event: "ping" });
    } catch (error) {
      clearTimeout(waiting);
      waiting = null;
      showLost(model.get("lost_text"));
    }
  };
  ["click", "change", "keydown"].forEach((type) => document.addEventListener(type, ask, true));
}

// The kernel asks for the focus on an element that its next update puts on the page
// (a message may come before the update is drawn): wait for it, a few seconds at most.
function focusWhenShown(selector, frames) {
  const target = document.querySelector(selector);
  if (!target) {
    if (frames > 0) requestAnimationFrame(() => focusWhenShown(selector, frames - 1));
    return;
  }
  let box = target.parentElement;
  while (box && box !== document.body && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) {
    box = box.parentElement;
  }
  if (box && box !== document.body) {  // the entry at the top of its scrolling box
    box.scrollTop += target.getBoundingClientRect().top - box.getBoundingClientRect().top;
  }
  target.focus();
}

function initialize({ model }) {
  model.on("msg:custom", (msg) => {
    if (msg && msg.event === "focus" && msg.selector) focusWhenShown(msg.selector, 300);
  });
}

function render({ model, el }) {
  el.style.display = "none";
  const state = (window.__swAriaSupport = window.__swAriaSupport || { scopes: new Set() });
  state.scopes.add(model.get("scope"));
  if (!state.watching) {
    state.watching = true;
    watchConnection(model);
  }
  const run = () => {
    state.pending = false;
    state.scopes.forEach((scope) => document.querySelectorAll(scope).forEach(enhance));
  };
  const schedule = () => {
    if (!state.pending) {
      state.pending = true;
      requestAnimationFrame(run);
    }
  };
  if (!state.observer) {
    state.observer = new MutationObserver(schedule);
    state.observer.observe(document.body, {
      subtree: true, childList: true, attributes: true,
      attributeFilter: ["class", "title"],
    });
  }
  schedule();
}

export default { initialize, render };
"""

_CSS = f"""
.{APP} :is(button, select, input, textarea, summary, a, [tabindex]):focus-visible {{
  outline: 3px solid {FOCUS_COLOUR} !important;
  outline-offset: 2px !important;
}}
.{APP} .{HIDDEN_LABEL} > label.widget-label {{
  position: absolute !important; width: 1px !important; height: 1px !important;
  padding: 0 !important; margin: -1px !important; overflow: hidden !important;
  clip: rect(0, 0, 0, 0) !important; white-space: nowrap !important; border: 0 !important;
}}
.sw-connection-lost {{
  position: sticky; top: 0; z-index: 1000; margin: 0; padding: 0.6rem 1rem;
  background: #fdecea; color: #5f1411; border-bottom: 2px solid #b3261e; font-size: 15px;
}}
.sw-connection-lost p {{ margin: 0 0 0.4rem; }}
.sw-connection-lost button {{ font-size: 15px; padding: 0.2rem 0.8rem; }}
.sw-connection-lost button:focus-visible {{
  outline: 3px solid {FOCUS_COLOUR}; outline-offset: 2px;
}}
.{APP} .widget-hbox, .{APP} .widget-toggle-buttons > div {{ flex-wrap: wrap; }}
.{APP} .widget-label:not(.widget-inline-hbox > label) {{
  white-space: normal; overflow: visible; height: auto;
}}
.{APP} .widget-inline-hbox, .{APP} .widget-box, .{APP} .jupyter-button {{ max-width: 100%; }}
.{APP} .jupyter-button {{
  white-space: normal; overflow-wrap: anywhere; height: auto;
  min-height: var(--jp-widgets-inline-height); line-height: 1.3;
  padding-top: 4px; padding-bottom: 4px;
}}
.{APP} .widget-box, .{APP} .widget-inline-hbox > :is(select, input, textarea) {{ min-width: 0; }}
.{APP} .widget-output, .{APP} .widget-html-content:has(table) {{
  max-width: 100%; overflow-x: auto;
}}
"""


CONNECTION_LOST = (
    "Die Verbindung zum Server ist unterbrochen: Ihre letzte Eingabe ist nicht angekommen. "
    "Bitte laden Sie die Seite neu."
)
ANSWER_MS = 30_000  # a busy kernel answers late (a click's handler runs first)


class AriaSupport(anywidget.AnyWidget):
    """Invisible: live regions, ARIA states and names, the focus ring, a lost connection.

    After each input in the app the browser asks the kernel for a sign of life (a
    ``ping`` message, answered with ``pong``); without an answer within ``answer_ms`` from a
    kernel that is not busy (a long cell in JupyterLab is no lost connection), or if the
    message cannot be sent at all, the page shows :data:`CONNECTION_LOST` with a reload
    button instead of ignoring every click.
    """

    _esm = _ESM
    _css = _CSS
    scope = traitlets.Unicode(f".{APP}").tag(sync=True)
    lost_text = traitlets.Unicode(CONNECTION_LOST).tag(sync=True)
    answer_ms = traitlets.Int(ANSWER_MS).tag(sync=True)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._on_message)

    def focus(self, selector: str) -> None:
        """Move the browser's focus to ``selector`` once it is on the page (scrolled to)."""
        self.send({"event": "focus", "selector": selector})

    def _on_message(self, _widget: object, content: dict, _buffers: object) -> None:
        if isinstance(content, dict) and content.get("event") == "ping":
            self.send({"event": "pong"})


__all__ = [
    "ANSWER_MS",
    "APP",
    "CONNECTION_LOST",
    "GROUP",
    "HIDDEN_LABEL",
    "LIVE",
    "MIN_CONTRAST",
    "AriaSupport",
    "blend",
    "contrast_ratio",
    "readable_text",
    "rgb",
]
