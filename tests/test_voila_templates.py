"""The app pages Voilà renders with the apps' configuration load nothing from other servers.

Voilà's lab template links Font Awesome's stylesheets from cdn.jsdelivr.net; a
participant opening the rating link would send their IP address to that CDN. With
``voila_apps/voila.py`` (:func:`widgets.voila_server.configure`) the templates are read
without such links; the icons come from Voilà's own bundle.
"""

from __future__ import annotations

import re

from voila.exporter import VoilaExporter
from voila.paths import collect_template_paths

from widgets.voila_server import EXTERNAL_CSS, cache_templates

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
