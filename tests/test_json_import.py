"""JSON and JSON Lines exports of participation platforms, read as tables: nested keys
joined with "/", lists of objects left out (or read with --sheet), clear errors."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import expand_paths, table_json

AUTHORS = ("Gerda Schwalbe", "gschwalbe", "gerda@example.org", "Hans Adler", "hans@example.org")
COMMENTER = ("Kurt Meier", "kurt.meier@example.org")


def _import(project: Project, path: Path, *options: str) -> int:
    return main(["--project", str(project.path), "import", str(path), *options])


def _texts(project: Project) -> list[str]:
    return project.segments()["text"].tolist()


def _proposals() -> list[dict[str, Any]]:
    """Two proposals as Decidim's JSON export gives them (one with a comment)."""
    return [
        {
            "id": 12,
            "title": {"de": "Mehr Bänke", "en": ""},
            "body": {"de": "<p>Am Rhein fehlen Bänke, sagt <strong>Gerda Schwalbe</strong>.</p>"},
            "author": {
                "id": 7,
                "name": "Gerda Schwalbe",
                "nickname": "gschwalbe",
                "email": "gerda@example.org",
            },
            "scope": {"id": 3, "name": {"de": "Opladen"}},
            "category": {"id": 1, "name": {"de": "Verkehr"}},
            "tags": ["Park", "Rhein"],
            "is_amend": False,
            "supports": 4,
            "comments": [
                {
                    "id": 1,
                    "body": {"de": "Stimmt, auch am Busbahnhof."},
                    "author": {"name": "Kurt Meier", "email": "kurt.meier@example.org"},
                }
            ],
        },
        {
            "id": 13,
            "title": {"de": "Radwege"},
            "body": {"de": "<p>Wir brauchen <em>sichere</em> Radwege.</p>"},
            "author": {"id": 8, "name": "Hans Adler", "email": "hans@example.org"},
            "scope": {"id": 4, "name": {"de": "Manfort"}},
            "category": {"id": 1, "name": {"de": "Verkehr"}},
            "comments": [],
        },
    ]


def _write(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def test_flatten_doctests() -> None:
    assert doctest.testmod(table_json).failed == 0


def test_a_decidim_proposals_export_is_read_like_its_csv(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "vorschlaege.json", _proposals())
    code = _import(project, path, "--id-column", "id", "--district-column", "scope/name/de")
    assert code == 0
    out = capsys.readouterr().out
    assert "Spalte 'body/de' als Text erkannt" in out
    assert "Liste 'comments' (in 1 Objekt) nicht übernommen" in out
    assert "--sheet comments" in out
    assert "author/email: Kontaktdaten, nicht übernommen" in out
    segments = project.segments()
    assert _texts(project) == [
        "Mehr Bänke. Am Rhein fehlen Bänke, sagt [Person 1].",
        "Radwege. Wir brauchen sichere Radwege.",
    ]
    assert segments["source_id"].tolist() == ["12", "13"]
    assert segments["district"].tolist() == ["Opladen", "Manfort"]
    first = segments["attributes"].iloc[0]
    assert first["category/name/de"] == "Verkehr"
    assert first["tags"] == "Park; Rhein"
    assert first["supports"] == 4
    assert not any(k.startswith(("author/name", "author/email", "comments")) for k in first)
    assert project.documents()["importer"].tolist() == ["json"]
    stored = stored_text(project)
    for secret in (*AUTHORS, *COMMENTER, "Stimmt, auch am Busbahnhof"):
        assert secret not in stored


def test_comments_are_read_when_asked_for_with_sheet(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "vorschlaege.json", _proposals())
    assert _import(project, path, "--id-column", "id") == 0
    assert _import(project, path, "--sheet", "comments") == 0
    capsys.readouterr()
    assert "Stimmt, auch am Busbahnhof." in _texts(project)
    assert sorted(project.documents()["importer"]) == ["json", "json:comments"]
    comment = project.segments().iloc[-1]["attributes"]
    assert comment[table_json.PARENT_ID] == 12
    stored = stored_text(project)
    for secret in (*AUTHORS, *COMMENTER):
        assert secret not in stored


def test_comments_and_replies_are_in_their_proposals_district(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A comment on a proposal in Opladen was stored as Gesamtstadt: the comment has no
    scope of its own, and the proposal's was not carried over. A comment that names its
    own district keeps it."""
    proposals = _proposals()
    proposals[0]["comments"][0]["replies"] = [{"id": 2, "body": {"de": "Und an der Kita."}}]
    proposals[1]["comments"] = [
        {"id": 3, "body": {"de": "Der Radweg endet am Markt."}},
        {"id": 4, "body": {"de": "Am Rhein auch."}, "scope": {"name": {"de": "Opladen"}}},
    ]
    path = _write(tmp_path / "vorschlaege.json", proposals)
    assert _import(project, path, "--sheet", "comments") == 0
    out = capsys.readouterr().out
    assert "'scope/name/de' (Sozialraum) je Eintrag aus seinem übergeordneten Objekt" in out
    assert project.segments()["district"].tolist() == ["Opladen", "Manfort", "Opladen"]
    assert _import(project, path, "--sheet", "comments/replies") == 0
    assert project.segments()["district"].tolist()[-1] == "Opladen"


def test_replies_to_comments_are_read_with_the_path_the_notice_names(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proposals = _proposals()
    proposals[0]["comments"][0]["replies"] = [
        {"id": 2, "body": {"de": "Und an der Kita."}, "author": {"name": "Kurt Meier"}}
    ]
    path = _write(tmp_path / "vorschlaege.json", proposals)
    assert _import(project, path, "--sheet", "comments") == 0
    out = capsys.readouterr().out
    assert "Mit --sheet comments/replies einzeln importieren" in out  # the advice works:
    assert _import(project, path, "--sheet", "comments/replies") == 0
    capsys.readouterr()
    assert _texts(project) == ["Stimmt, auch am Busbahnhof.", "Und an der Kita."]
    reply = project.segments().iloc[-1]["attributes"]
    assert reply[table_json.PARENT_ID] == 1  # the comment it answers
    assert "Kurt Meier" not in stored_text(project)


def test_a_wrapper_object_holds_its_list_under_data(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    value = {
        "meta": {"total": 2, "links": [{"href": "https://example.org"}]},
        "data": [
            {
                "id": "a",
                "type": "idea",
                "attributes": {"body": "Mehr Schatten auf dem Spielplatz."},
            },
            {"id": "b", "type": "idea", "attributes": {"body": "Ein Trinkbrunnen am Markt."}},
        ],
    }
    path = _write(tmp_path / "ideen.json", value)
    assert _import(project, path) == 0
    out = capsys.readouterr().out
    assert "Objekte der Liste 'data' gelesen" in out
    assert _texts(project) == ["Mehr Schatten auf dem Spielplatz.", "Ein Trinkbrunnen am Markt."]
    assert project.segments()["attributes"].iloc[1]["id"] == "b"


def test_a_nested_wrapper_and_graphql_edges(project: Project, tmp_path: Path) -> None:
    value = {"data": {"proposals": {"edges": [{"node": {"body": "Mehr Licht im Park."}}]}}}
    path = _write(tmp_path / "graphql.json", value)
    assert _import(project, path) == 0
    assert _texts(project) == ["Mehr Licht im Park."]


@pytest.mark.parametrize("suffix", [".jsonl", ".ndjson"])
def test_json_lines_one_object_a_line(project: Project, tmp_path: Path, suffix: str) -> None:
    lines = [
        {"id": 1, "text": "Der Bus fährt zu selten.", "author": {"name": "Hans Adler"}},
        {"id": 2, "text": "Mehr Bänke am Rhein.", "email": "hans@example.org"},
    ]
    path = tmp_path / f"beitraege{suffix}"
    text = json.dumps(lines[0], ensure_ascii=False) + "\n\n" + json.dumps(lines[1]) + "\n"
    path.write_text(text, encoding="utf-8")
    assert _import(project, path) == 0
    assert _texts(project) == ["Der Bus fährt zu selten.", "Mehr Bänke am Rhein."]
    assert project.segments()["source_id"].tolist() == ["1", "3"]  # the lines they are on
    stored = stored_text(project)
    assert "Hans Adler" not in stored and "hans@example.org" not in stored


def test_a_folder_imports_its_json_files(tmp_path: Path) -> None:
    _write(tmp_path / "a.json", [{"text": "x"}])
    (tmp_path / "b.jsonl").write_text('{"text": "y"}\n', encoding="utf-8")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.json", "b.jsonl"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "kaputt.json",
            '[\n {"id": 1, "text": "a"},\n {"id": 2 "text": "b"}\n]',
            "Datei kaputt.json, Zeile 3: Kein gültiges JSON (Komma erwartet",
        ),
        ("komma.json", '[{"text": "a"},]', "Datei komma.json, Zeile 1: Kein gültiges JSON"),
        ("zahl.json", "42", "Datei zahl.json: Die JSON-Datei enthält nur eine Zahl"),
        ("text.json", '"Hallo"', "enthält nur eine Zeichenkette"),
        (
            "ohne.json",
            '{"meta": {"count": 0}, "links": {"self": "x"}}',
            "Keine Liste von Objekten (Beiträgen) gefunden, auch nicht unter 'data', "
            "'proposals', 'results', 'items' o. Ä.; Schlüssel der Datei: 'meta', 'links'",
        ),
        ("leer.json", "[]", "Datei leer.json: Die Liste ist leer"),
        ("leer2.json", '{"data": []}', "Die Liste unter 'data' ist leer"),
        ("nichts.json", "   \n", "Die Datei ist leer"),
        ("zahlen.json", "[1, 2]", "Eintrag 1 der Liste ist eine Zahl, kein Objekt"),
        ("zeile.jsonl", '{"text": "a"}\n{"text": "b"\n', "Datei zeile.jsonl, Zeile 2: Kein"),
        ("liste.ndjson", '{"text": "a"}\n[1]\n', "Zeile 2: JSON Lines: jede Zeile ist ein Objekt"),
    ],
)
def test_bad_json_stops_with_a_clear_message(
    project: Project,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str,
    message: str,
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert _import(project, path) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert project.segments().empty
    assert project.documents().empty


def test_sheet_naming_no_list_lists_those_there_are(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "vorschlaege.json", _proposals())
    assert _import(project, path, "--sheet", "votes") == 2
    assert "Liste 'votes' (--sheet) fehlt; Listen von Objekten in der Datei: 'comments'" in (
        capsys.readouterr().err
    )
    assert project.segments().empty


def test_whisperx_speaker_labels_are_roles_not_people(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """WhisperX/pyannote JSON names voices "SPEAKER_00": imported as a table, each became a
    [Person N] (a person in the name list's sense), unlike the same label in a transcript.
    Now the column is the statements' role; a column of names stays people."""
    segment = {"words": [{"word": "Was", "start": 0.5, "end": 0.7, "speaker": "SPEAKER_00"}]}
    value = {
        "segments": [
            {"start": 0.5, "end": 4.2, "text": " Was fehlt Ihnen hier?", "speaker": "SPEAKER_00"}
            | segment,
            {
                "start": 4.8,
                "end": 9.0,
                "text": " Ein Treffpunkt am Abend.",
                "speaker": "SPEAKER_01",
            },
            {"start": 9.5, "end": 12.0, "text": " Und mehr Licht.", "speaker": "SPEAKER_01"},
        ],
        "word_segments": [{"word": "Was", "start": 0.5, "end": 0.7}],
    }
    path = _write(tmp_path / "interview.json", value)
    # a recogniser's JSON is read as a transcript; naming a column keeps it a table
    assert _import(project, path, "--text-column", "text") == 0
    assert "Spalte 'speaker' als Rolle erkannt" in capsys.readouterr().out
    segments = project.segments()
    assert segments["speaker_role"].tolist() == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_01"]
    assert not any("speaker" in a for a in segments["attributes"])
    named = [
        dict(s, speaker=n)
        for s, n in zip(value["segments"], ("Anna Berger", "Ole Kranz", "Ole Kranz"), strict=True)
    ]
    other = _write(tmp_path / "benannt.json", {"segments": named})
    assert _import(project, other, "--allow-duplicates", "--text-column", "text") == 0
    latest = project.segments().iloc[3:]
    assert latest["speaker_role"].isna().all()
    assert [a["speaker"] for a in latest["attributes"]] == [
        "[Person 1]",
        "[Person 2]",
        "[Person 2]",
    ]
    assert "Anna Berger" not in stored_text(project)
