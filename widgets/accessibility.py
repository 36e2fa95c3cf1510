"""What the apps need for WCAG 2.1 AA (BITV 2.0) that ipywidgets does not give.

ipywidgets renders no live regions and no ARIA states, and its focus ring is a thin 1px
line. :class:`AriaSupport` is an invisible widget that each app puts once into its view
(whose root carries the class :data:`APP`); in the browser it
- turns every element with the class :data:`LIVE` into a polite live region
  (``role="status"``), so that a screen reader announces its new text ("✓ gespeichert");
- marks toggle buttons as pressed or not (``aria-pressed``) and names their group after
  the widget's description ("Trifft das zu?");
- names buttons that show only a symbol ("+", "−", "✗") by their tooltip;
- names each plotly chart (``role="figure"``: its zoom buttons stay usable) by its title
  and points to the text beside it, which says what the chart shows (every chart of the
  apps has one);
and its CSS draws a clear focus ring on every control inside an app, hides labels
meant only for screen readers (the class :data:`HIDDEN_LABEL` on a widget with a
description) and lets an app reflow on a 320–360 px wide phone or at 400 % zoom (WCAG
1.4.10): rows of controls wrap, labels wrap instead of ending in "…", no control is wider
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

function render({ model, el }) {
  el.style.display = "none";
  const state = (window.__swAriaSupport = window.__swAriaSupport || { scopes: new Set() });
  state.scopes.add(model.get("scope"));
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

export default { render };
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
.{APP} .widget-hbox, .{APP} .widget-toggle-buttons > div {{ flex-wrap: wrap; }}
.{APP} .widget-label:not(.widget-inline-hbox > label) {{
  white-space: normal; overflow: visible; height: auto;
}}
.{APP} .widget-inline-hbox, .{APP} .widget-box, .{APP} .jupyter-button {{ max-width: 100%; }}
.{APP} .widget-box, .{APP} .widget-inline-hbox > :is(select, input, textarea) {{ min-width: 0; }}
.{APP} .widget-output, .{APP} .widget-html-content:has(table) {{
  max-width: 100%; overflow-x: auto;
}}
"""


class AriaSupport(anywidget.AnyWidget):
    """Invisible: adds live regions, ARIA states and names, and the focus ring to an app."""

    _esm = _ESM
    _css = _CSS
    scope = traitlets.Unicode(f".{APP}").tag(sync=True)


__all__ = [
    "APP",
    "HIDDEN_LABEL",
    "LIVE",
    "MIN_CONTRAST",
    "AriaSupport",
    "blend",
    "contrast_ratio",
    "readable_text",
    "rgb",
]
