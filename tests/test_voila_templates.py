"""The app pages Voilà renders with the apps' configuration load nothing from other servers.

Voilà's lab template links Font Awesome's stylesheets from cdn.jsdelivr.net; a
participant opening the rating link would send their IP address to that CDN. With
``voila_apps/voila.py`` (:func:`widgets.voila_server.configure`) the templates are read
without such links; the icons come from Voilà's own bundle.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from voila.exporter import VoilaExporter
from voila.paths import collect_template_paths

from widgets.voila_server import EXTERNAL_CSS, WIDGET_TEXTS_SCRIPT, cache_templates

APPS = Path(__file__).resolve().parent.parent / "voila_apps"

EXTERNAL_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']https?://", re.IGNORECASE)


def page_template_sources() -> dict[str, str]:
    """The source of every template a Voilà page (lab template) is rendered from."""
    paths = collect_template_paths(["voila", "nbconvert"], "lab", prune=True)
    exporter = VoilaExporter(template_paths=paths, template_name="lab")
    environment = exporter.environment
    names = [exporter.template_file, "lab/index.html.j2", "nbconvert/templates/lab/index.html.j2"]
    return {name: environment.loader.get_source(environment, name)[0] for name in names}


def test_app_pages_link_no_stylesheet_from_another_server() -> None:
    cache_templates()  # what voila_apps/voila.py does in the server
    sources = page_template_sources()
    assert all(not EXTERNAL_LINK.search(source) for source in sources.values()), [
        name for name, source in sources.items() if EXTERNAL_LINK.search(source)
    ]
    # the rest of the template stays: Voilà's own style bundle (with Font Awesome)
    assert 'include_js("static/voila-style.js")' in sources["lab/index.html.j2"]


def test_only_links_to_other_servers_are_removed() -> None:
    template = (
        '  <link rel="stylesheet" href="https://cdn.example.org/a.css" type="text/css" />\n'
        '  <link rel="stylesheet" href="{{ base_url }}static/own.css" />\n'
        "  <LINK REL='stylesheet' HREF='http://cdn.example.org/b.css'>\n"
    )
    kept = EXTERNAL_CSS.sub("", template)
    assert "cdn.example.org" not in kept
    assert '<link rel="stylesheet" href="{{ base_url }}static/own.css" />' in kept


def test_the_loading_page_speaks_german() -> None:
    """While an app's kernel runs, Voilà's page said "Running bedarfe_bewerten..." and
    "Executing 1 of 2" to participants; with the apps' configuration it says in German
    that the app is loading."""
    cache_templates()
    paths = collect_template_paths(["voila", "nbconvert"], "lab", prune=True)
    exporter = VoilaExporter(template_paths=paths, template_name="lab")
    environment = exporter.environment
    spinner = environment.loader.get_source(environment, "base/spinner.macro.html.j2")[0]
    setup = environment.loader.get_source(environment, "base/voila_setup.macro.html.j2")[0]
    assert " wird geladen …</h2>" in spinner
    assert "Wird geladen: Schritt ${cell_index} von ${cell_count} …" in setup
    index = environment.loader.get_source(environment, "lab/index.html.j2")[0]
    assert "{{ spinner.html() }}\n" + WIDGET_TEXTS_SCRIPT in index  # "Loading widget..."
    for english in ("Running", "Executing", "Reading"):
        assert not re.search(rf"\b{english}\b", spinner + setup), english


def test_the_loading_text_names_the_app() -> None:
    """Voilà imports its spinner macro without the page's context, so the loading text
    said " wird geladen …" with no app in it; it names the app's title (escaped)."""
    import nbformat

    cache_templates()
    paths = collect_template_paths(["voila", "nbconvert"], "lab", prune=True)
    exporter = VoilaExporter(template_paths=paths, template_name="lab")
    # rendered synchronously: a browser test in the same session runs an event loop
    environment = exporter.environment.overlay(enable_async=False)
    index = environment.loader.get_source(environment, "lab/index.html.j2")[0]
    imported = re.search(r'\{% import "spinner\.macro\.html\.j2".*?%\}', index)
    assert imported, "the page no longer imports the spinner"
    spinner = environment.from_string(imported.group(0) + "{{ spinner.html() }}")
    notebook = nbformat.v4.new_notebook(metadata={"title": "Bedarfe <bewerten>"})
    html = spinner.render(nb=notebook, resources={"metadata": {"name": "bedarfe_bewerten"}})
    assert '<h2 id="loading_text">Bedarfe &lt;bewerten&gt; wird geladen …</h2>' in html
    untitled = spinner.render(
        nb=nbformat.v4.new_notebook(), resources={"metadata": {"name": "kodieren"}}
    )
    assert '<h2 id="loading_text">kodieren wird geladen …</h2>' in untitled


def test_every_app_has_a_german_page_title() -> None:
    """The browser tab and the loading text name the app ("Bedarfe bewerten"), not its
    file ("bedarfe_bewerten"); a screen reader reads the title first (WCAG 2.4.2)."""
    titles = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))["metadata"].get("title")
        for path in sorted(APPS.glob("*.ipynb"))
    }
    assert titles == {
        "bedarfe_bewerten": "Bedarfe bewerten",
        "kodieren": "Aussagen kodieren",
        "sozialraumprofil": "Sozialraumprofil",
        "themenlandkarte": "Themenlandkarte",
    }
