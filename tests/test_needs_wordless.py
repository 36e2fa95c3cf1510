"""A chat message of only an emoji or a sign ("👍", "+1", "😀😀") stays a statement (it is
part of the conversation and may be coded or counted, like a comment "👍" in the apps),
but it names no need in words: a need run leaves it out and says how many (before, such
messages were clustered as a need, "Ohne Wortinhalt: 👍" beside the real needs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench import Project, WorkbenchError
from workbench.analysis import needs
from workbench.analysis.needs import NeedParams
from workbench.cli.main import main

SAID = [
    "Der Park ist abends zu dunkel",
    "Im Park fehlen Laternen am Weg",
    "Der Spielplatz braucht Schatten",
    "Auf dem Spielplatz fehlt ein Sonnensegel",
    "Der Bus fährt abends zu selten",
    "Die Buslinie 5 sollte öfter fahren",
]
SIGNS = ["👍", "+1", "😀😀", "[Person 1] 👍"]


def _chat(tmp_path: Path) -> Path:
    lines = []
    for number, text in enumerate(SAID + SIGNS):
        lines += [f"18:{number + 10:02d}:00 From Anna Schmidt to Everyone:", f"\t{text}"]
    path = tmp_path / "meeting_saved_chat.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_message_of_only_an_emoji_is_kept_but_not_clustered_as_a_need(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        pass
    folder = str(project.path)
    assert main(["--project", folder, "import", str(_chat(tmp_path)), "--district", "Manfort"]) == 0
    project = Project.open(project.path)
    texts = project.segments()["text"].tolist()
    assert {"👍", "+1", "😀😀"} <= set(texts)  # kept as statements
    out = tmp_path / "bedarfe.csv"
    capsys.readouterr()
    args = ["needs", "--segments", "all", "--backend", "tfidf", "--n-clusters", "3"]
    assert main(["--project", folder, *args, "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "4 Aussagen ohne Wortinhalt" in err and "nicht geclustert" in err
    assert "😀" not in err  # no participant's text in the message
    table = needs.assignments(project)
    assert sorted(table["text"]) == sorted(SAID)
    assert not needs.clusters(project)["label"].str.startswith("Ohne Wortinhalt").any()


def test_a_need_run_of_only_wordless_statements_stops_with_the_reason(tmp_path: Path) -> None:
    with Project.create(tmp_path / "projekt", districts=["Manfort"]) as project:
        pass
    assert main(["--project", str(project.path), "import", str(_chat(tmp_path))]) == 0
    project = Project.open(project.path)
    segments = project.segments()
    signs = segments[segments["text"].isin(SIGNS)]
    assert len(signs) == len(SIGNS)
    with pytest.raises(WorkbenchError, match="Keine Aussage mit Wortinhalt"):
        needs.select_statements(project, NeedParams(segments="all"), signs)


def test_a_wave_comparison_does_not_ask_to_recompute_for_wordless_statements(
    project: Project, tmp_path: Path
) -> None:
    """The comparison of waves counted "👍" as a need statement missing from the run and
    asked, after every run, to compute the needs again."""
    from workbench.analysis import waves
    from workbench.ingest.table import TableMapping

    mapping = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
    for wave, texts in (("2021", SAID[:3]), ("2023", [*SAID[3:], "👍", "+1"])):
        rows = [f"{wave}-{i};{text};Manfort" for i, text in enumerate(texts)]
        path = tmp_path / f"karten_{wave}.csv"
        path.write_text("\n".join(["ID;Text;Sozialraum", *rows]) + "\n", encoding="utf-8")
        project.import_files([path], mapping, wave=wave)
    params = NeedParams(segments="all", backend="tfidf", n_clusters=2)
    needs.run_needs(project, params, progress=False)
    notes = waves.need_comparison(project).notes
    assert not [n for n in notes if "nicht im Bedarfslauf" in n]


def test_a_sentence_in_brackets_is_clustered_a_placeholder_is_not(
    project: Project, tmp_path: Path
) -> None:
    """A protocol's late contribution in brackets ("[Nachtrag: Bolzplatz braucht ein
    Netz]") names a need in words; before, any text in brackets counted as a placeholder
    and the statement was left out of the need run like "[Name entfernt]"."""
    from workbench.ingest.table import TableMapping

    said = [*SAID, "[Nachtrag: Bolzplatz braucht ein Netz]", "[Zwischenruf: mehr Licht!]"]
    rows = [f"{i};{text};Manfort" for i, text in enumerate([*said, "[Name entfernt]"])]
    path = tmp_path / "karten.csv"
    path.write_text("\n".join(["ID;Text;Sozialraum", *rows]) + "\n", encoding="utf-8")
    mapping = TableMapping(text_column="Text", id_column="ID", district_column="Sozialraum")
    project.import_files([path], mapping)
    params = NeedParams(segments="all", backend="tfidf", n_clusters=3)
    needs.run_needs(project, params, progress=False)
    assert sorted(needs.assignments(project)["text"]) == sorted(said)
    assert needs.wordless_statements(project, params) == 1
