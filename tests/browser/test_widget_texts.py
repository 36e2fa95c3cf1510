"""The widget manager's own placeholders reach participants in German.

While a widget's model arrives the page shows the widget manager's "Loading widget..."
(on a busy server for seconds), and a widget that cannot be shown says "Error displaying
widget". The apps' pages (``voila_apps/voila.py``) carry a script that swaps each for
German as the widget manager writes it; here it runs in chromium on a page of its own,
the widget manager's writes imitated as it does them (``node.textContent = …``).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from widgets.voila_server import WIDGET_TEXTS, WIDGET_TEXTS_SCRIPT

pytestmark = pytest.mark.browser


def test_the_widget_managers_placeholders_are_german(page: Page) -> None:
    page.set_content(
        "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>App</title></head>"
        f"<body>{WIDGET_TEXTS_SCRIPT}<div id='a'></div><div id='b'></div><p id='c'></p></body>"
        "</html>"
    )
    page.evaluate(
        """() => {
            document.getElementById('a').textContent = 'Loading widget...';
            document.getElementById('b').textContent = 'Error displaying widget: model not found';
            document.getElementById('c').textContent = 'Loading widget... und mehr';
        }"""
    )
    expect(page.locator("#a")).to_have_text("Wird geladen …")
    expect(page.locator("#b")).to_have_text(
        WIDGET_TEXTS["Error displaying widget: model not found"]
    )
    expect(page.locator("#c")).to_have_text("Loading widget... und mehr")  # only whole texts
    page.evaluate("() => { document.getElementById('a').textContent = 'Error displaying widget'; }")
    expect(page.locator("#a")).to_have_text(WIDGET_TEXTS["Error displaying widget"])
