"""The Sozialraum site: profiles, overview, topic map and report as static HTML.

``workbench publish --out DIR`` writes, for everyone who only reads:

- ``index.html``: the city-wide overview (workshops, needs across districts, indicators
  in comparison) with links to every profile and, with imported boundaries, a map of the
  districts whose areas link to their pages;
- ``sozialraum-….html``: one profile per Sozialraum and the city (the report of that
  district, :mod:`workbench.synthesis.reports`);
- ``themenlandkarte.html``: the topic map (:mod:`workbench.analysis.topic_map`);
- ``bericht.html``: the city-wide report;
- ``assets/``: the stylesheet and plotly.js, once for all pages.

Plain files with relative links and a navigation on every page: any web server or a USB
stick carries them, they open from ``file://`` and need no network (no CDN, no server,
no kernel). Texts are the stored, pseudonymised ones. ``lang="de"`` on every page. Data
that is missing (no districts, no runs, no indicators) gives the sentence naming the
command that provides it, never an error. ``werkbank-seite.json`` lists the files written,
so that publishing again into the same folder removes pages that no longer exist (e.g. of
a renamed district); a folder with other files in it is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.core.domain import WorkbenchError
from workbench.core.fileio import write_atomic
from workbench.synthesis.reports.model import collect
from workbench.synthesis.reports.outline import build_report
from workbench.synthesis.site.charts import plotly_asset
from workbench.synthesis.site.layout import ASSETS, STYLESHEET, NavEntry, page, stylesheet
from workbench.synthesis.site.pages import (
    OVERVIEW_TITLE,
    REPORT_FILE,
    overview_body,
    profile_body,
    profile_pages,
    report_body,
)
from workbench.synthesis.site.topic_map import TITLE as MAP_TITLE
from workbench.synthesis.site.topic_map import topic_map_body

if TYPE_CHECKING:
    from workbench.project import Project

INDEX = "index.html"
MAP_FILE = "themenlandkarte.html"
MANIFEST = "werkbank-seite.json"
PROFILES_GROUP = "Sozialräume"


@dataclass(frozen=True)
class Site:
    """What was published: the folder and the pages (file → title), assets not included."""

    folder: Path
    pages: dict[str, str]
    files: tuple[str, ...]  # every file written, relative to the folder

    @property
    def index(self) -> Path:
        """The start page."""
        return self.folder / INDEX


def build_site(
    project: Project, generated_at: datetime | None = None, max_quotes: int = 3
) -> tuple[dict[str, bytes], dict[str, str]]:
    """Every file of the site (relative path → content) and the pages' titles."""
    from workbench.analysis.topic_map import has_topic_run, map_data

    if max_quotes < 0:
        raise WorkbenchError("Die Zahl der Zitate darf nicht negativ sein.")
    when = generated_at or datetime.now(UTC)
    # public: coders are not named, nor the team's cluster numbers and commands
    data = replace(collect(project), coder_names=False, public=True)
    full = build_report(data, max_quotes)
    profiles = profile_pages(data)
    entries = (
        NavEntry(INDEX, OVERVIEW_TITLE),
        *(NavEntry(p.file, p.label, PROFILES_GROUP) for p in profiles),
        NavEntry(MAP_FILE, MAP_TITLE),
        NavEntry(REPORT_FILE, "Bericht"),
    )
    plotly_name, plotly_js = plotly_asset()
    files: dict[str, bytes] = {
        STYLESHEET: stylesheet(),
        f"{ASSETS}/{plotly_name}": plotly_js,
    }
    titles: dict[str, str] = {}

    def add(file: str, title: str, body: str, charts: bool = True) -> None:
        files[file] = page(
            title, body, entries, file, data.project, plotly_name if charts else None
        )
        titles[file] = title

    add(INDEX, OVERVIEW_TITLE, overview_body(data, full, profiles, when))
    for p in profiles:
        title, body = profile_body(data, p.district, max_quotes, when)
        add(p.file, title, body)
    topic_map = map_data(project) if has_topic_run(project) else None
    if topic_map is not None and data.stale:  # runs older than the statements: say so here too
        topic_map = replace(topic_map, notes=(*topic_map.notes, *data.stale_public))
    map_body, charts = topic_map_body(topic_map, when)
    add(MAP_FILE, MAP_TITLE, map_body, charts)
    add(REPORT_FILE, full.title, report_body(full, when))
    return files, titles


def _previous(folder: Path) -> set[str]:
    """Files of an earlier publication in ``folder``; refuse a folder with other files, or
    one whose parent is missing (a typo would create a whole path, as other outputs do not)."""
    if not folder.exists():
        if not folder.absolute().parent.is_dir():
            raise WorkbenchError(
                f"{folder} lässt sich nicht anlegen: der Ordner {folder.absolute().parent} fehlt."
            )
        return set()
    if not folder.is_dir():
        raise WorkbenchError(f"{folder} ist eine Datei, kein Ordner.")
    manifest = folder / MANIFEST
    if manifest.is_file():
        try:
            listed = json.loads(manifest.read_text(encoding="utf-8"))["files"]
        except (ValueError, KeyError, TypeError) as err:
            raise WorkbenchError(f"{manifest} ist beschädigt; bitte den Ordner leeren.") from err
        return {str(f) for f in listed}
    if any(folder.iterdir()):
        raise WorkbenchError(
            f"Der Ordner {folder} ist nicht leer und enthält keine veröffentlichte Seite der "
            "Werkbank. Bitte einen leeren oder neuen Ordner angeben."
        )
    return set()


def publish(
    project: Project,
    out: str | Path,
    generated_at: datetime | None = None,
    max_quotes: int = 3,
) -> Site:
    """Write the static Sozialraum site into ``out`` (created if missing, its parent must
    exist); return it."""
    folder = Path(out)
    previous = _previous(folder)
    files, titles = build_site(project, generated_at, max_quotes)
    (folder / ASSETS).mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        write_atomic(folder / name, content)
    for stale in sorted(previous - set(files)):
        target = (folder / stale).resolve()
        if folder.resolve() in target.parents and target.is_file():
            target.unlink()
    manifest = {"generator": "Sozialraum-Werkbank", "files": sorted(files)}
    write_atomic(
        folder / MANIFEST,
        (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8"),
    )
    return Site(folder, titles, tuple(sorted(files)))


__all__ = ["INDEX", "MANIFEST", "MAP_FILE", "REPORT_FILE", "Site", "build_site", "publish"]
