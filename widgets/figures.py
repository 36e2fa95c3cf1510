"""Plotly figures in the Voilà apps: offline, fast, and with escaped labels.

A figure is shown as plotly's mime bundle (``application/vnd.plotly.v1+json``) inside an
``ipywidgets.Output``. The renderer for that mime type is the ``jupyterlab-plotly``
extension that ships in the plotly wheel (``share/jupyter/labextensions``); Voilà 0.5
loads it like JupyterLab does and serves its plotly.js from the environment — no CDN,
works offline, cached by the browser after the first page.

Measured on the 2-core machine, a bare Voilà notebook with one bar chart, cold kernels,
navigation → chart visible (medians of 3–4 loads):
- this mime bundle: 2.9 s (a widget-only notebook: 2.3–3.0 s);
- ``fig.show()`` / ``plotly.io.show``: 4.3–5.4 s — it imports nbformat and jsonschema
  (1.5 s) only to check nbformat's version;
- ``go.FigureWidget`` (an anywidget since plotly 6): 7.9–10 s — every figure sends the
  5 MB widget bundle, plotly.js included, through the kernel's websocket;
- ``fig.to_html()`` in a ``widgets.HTML``: does not work (scripts set via innerHTML
  never run).
The price of the mime bundle: clicks on a chart don't reach Python. The apps therefore
choose with ipywidgets controls (dropdowns, lists) and redraw the figure.

Whatever the route, the first plotly figure on a page costs a 1.0–1.5 s main-thread task
in the browser on the 2-core machine (plotly.js initialising; a 2-bar chart costs the
same as the 487-point map), and the page shows no widget until it is done. So the apps
draw text first and their charts once the page shows them: :class:`ShownSignal` tells
Python when the view has been rendered. Tables that can be heatmaps are shaded HTML.

Plotly reads a subset of HTML in every text it draws (titles, tick labels, hover texts,
legend entries); :func:`plot_text` escapes user-supplied strings for it.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING

import anywidget
import ipywidgets as w

from widgets.app_support import esc
from workbench.core.formatting import PLOTLY_SEPARATORS

if TYPE_CHECKING:
    import plotly.graph_objects as go

PLOTLY_MIME = "application/vnd.plotly.v1+json"
# Not ``responsive``: with it plotly sizes a figure to its container's height, which is 0
# for an Output, and the figure overlaps whatever follows (seen in Voilà).
# ``showSendToCloud`` off: plotly.js 3 otherwise shows a "Share chart..." button that
# uploads the figure — hover texts with participants' quotes included — to Plotly Cloud.
CONFIG = {"displaylogo": False, "showSendToCloud": False}
# German number format in every chart (decimal comma, thousands point).
GERMAN_SEPARATORS = PLOTLY_SEPARATORS


def plot_text(value: object, width: int | None = None, limit: int | None = None) -> str:
    """``value`` escaped for plotly, cut to ``limit`` characters, wrapped at ``width``.

    >>> plot_text('<b>fett</b> & mehr')
    '&lt;b&gt;fett&lt;/b&gt; &amp; mehr'
    >>> plot_text("eins zwei drei", width=8)
    'eins<br>zwei<br>drei'
    >>> plot_text("ein langer Text", limit=9)
    'ein lang…'
    """
    text = " ".join(str("" if value is None else value).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    lines = textwrap.wrap(text, width) if width else [text]
    return "<br>".join(esc(line) for line in lines)


def figure_bundle(figure: go.Figure) -> dict[str, dict]:
    """The mime bundle of ``figure`` (JSON-ready: numpy arrays become lists)."""
    content = json.loads(figure.to_json())
    content["config"] = dict(CONFIG)
    return {PLOTLY_MIME: content}


def show_figure(output: w.Output, figure: go.Figure) -> None:
    """Replace what ``output`` shows by ``figure``.

    The output's ``outputs`` are set directly (what ``Output.append_display_data`` does
    internally): no IPython display machinery, so it works the same in a kernel, in a
    widget callback and in tests without one.
    """
    output.outputs = (
        {"output_type": "display_data", "data": figure_bundle(figure), "metadata": {}},
    )


def figure_output(css_class: str) -> w.Output:
    """An empty ``Output`` for a figure, with a stable CSS class for tests."""
    output = w.Output(layout=w.Layout(width="100%"))
    output.add_class(css_class)
    return output


def shown_figure(output: w.Output) -> dict:
    """The figure an ``Output`` shows (``{"data": …, "layout": …}``), for tests; or {}."""
    for item in output.outputs:
        if PLOTLY_MIME in item.get("data", {}):
            return item["data"][PLOTLY_MIME]
    return {}


class ShownSignal(anywidget.AnyWidget):
    """An invisible widget that calls ``on_shown`` once, when a browser has rendered it.

    Put it last in a view: the view's text is on the screen before ``on_shown`` runs
    (e.g. draws the charts). Outside a browser (tests) :meth:`fire` does the same.
    """

    # After the next frame has been painted, tell Python (once per page).
    _esm = """
    function render({ model, el }) {
      el.style.display = "none";
      requestAnimationFrame(() => setTimeout(() => model.send({ event: "shown" }), 0));
    }
    export default { render };
    """

    def __init__(self, on_shown: Callable[[], None]):
        super().__init__()
        self.on_shown = on_shown
        self.fired = False
        self.on_msg(self._on_message)

    def fire(self) -> None:
        """Run ``on_shown`` unless it has run already."""
        if not self.fired:
            self.fired = True
            self.on_shown()

    def _on_message(self, _widget: object, content: dict, _buffers: object) -> None:
        if isinstance(content, dict) and content.get("event") == "shown":
            self.fire()
