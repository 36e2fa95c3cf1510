"""Sparse projects for reports and profile views: metadata and analysis steps missing.

Each builder makes a project in a folder the test owns and returns it open:

- ``card_wall``: a card-wall CSV with a text column only — no Sozialraum (everything is
  Gesamtstadt), no date, no roles, no codebook, no codings, no indicators — and, if
  ``needs``, a need run over all statements (``workbench needs --segments all``).
- ``one_statement``: a single statement and a codebook, nothing coded.
- ``no_statements``: a project as ``workbench init`` leaves it.
- ``partial``: two Sozialräume, statements only from one (one with a speaker role, one
  without) coded but not clustered, an indicator without a city value, and a
  recommendation without title or addressees.

``FORBIDDEN`` finds what a report or view must never show for missing data.
"""

from __future__ import annotations

import re
from pathlib import Path

from workbench import Project
from workbench.ingest.table import TableMapping

# "nan", "NaN", "NaT", "<NA>", "None" as words, or an empty "()".
FORBIDDEN = re.compile(r"\bnan\b|\bNaN\b|\bNaT\b|<NA>|&lt;NA&gt;|\bNone\b|\(\s*\)")

CARDS = ("Mehr Bänke im Park", "Der Jugendtreff fehlt", "Der Bus fährt zu selten",
         "Mehr Bänke an der Bushaltestelle", "Der Jugendtreff ist abends zu")  # fmt: skip


def _csv(path: Path, header: str, rows: list[str]) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def card_wall(folder: Path, needs: bool = True) -> Project:
    """Cards with a text column only, optionally clustered as needs."""
    project = Project.create(folder / "karten-projekt")
    source = _csv(folder / "karten.csv", "Text", list(CARDS))
    project.import_files([source], TableMapping(text_column="Text"))
    if needs:
        from workbench.analysis.needs import NeedParams, run_needs

        run_needs(project, NeedParams(segments="all"), progress=False)
    return project


def _codebook(project: Project, folder: Path) -> None:
    codebook = folder / "codebook.yaml"
    codebook.write_text(
        "title: Codebuch\nversion: 1\ncodes:\n  - name: Bedarf\n  - name: Ressource\n",
        encoding="utf-8",
    )
    project.import_codebook(codebook)


def one_statement(folder: Path) -> Project:
    """One statement and a codebook; nothing coded."""
    project = Project.create(folder / "eine-aussage")
    source = _csv(folder / "eine.csv", "Text", ["Es fehlt ein Treffpunkt für Ältere"])
    project.import_files([source], TableMapping(text_column="Text"))
    _codebook(project, folder)
    return project


def no_statements(folder: Path) -> Project:
    """A freshly created project."""
    return Project.create(folder / "leer")


def partial(folder: Path) -> Project:
    """Districts, a codebook and an indicator, but gaps in each."""
    from workbench.synthesis import recommendations
    from workbench.synthesis.indicators import import_indicators

    project = Project.create(folder / "teilweise", districts=["Manfort", "Opladen"])
    source = _csv(
        folder / "manfort.csv",
        "Text;Rolle",
        ["Die Bibliothek ist ein guter Treffpunkt;Jugendhilfe", "Es fehlt ein Spielplatz;"],
    )
    mapping = TableMapping(text_column="Text", role_column="Rolle")
    project.import_files([source], mapping, district="Manfort")
    _codebook(project, folder)
    codings = _csv(
        folder / "kodierungen.csv",
        "document,source_id,coder,code",
        ["manfort.csv,2,A,Ressource", "manfort.csv,3,A,Bedarf"],
    )
    project.import_codings(codings)
    indicators = _csv(
        folder / "indikatoren.csv",
        "district,indicator,year,value,unit,source",
        ["Manfort,Einwohner,2024,17763,Personen,Stadt"],
    )
    import_indicators(project, indicators)
    recommendations.add_recommendation(project, "Einen Spielplatz bauen", scope="Manfort")
    return project
