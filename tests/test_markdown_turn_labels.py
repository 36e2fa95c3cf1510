"""Voices' turns under a Markdown protocol's "##" questions: bold labels, lead-ins among them."""

from __future__ import annotations

from pathlib import Path

from workbench.ingest import parse_file


def _read(tmp_path: Path, text: str) -> list[tuple[str | None, str | None, str]]:
    path = tmp_path / "runde.md"
    path.write_text(text, encoding="utf-8")
    return [(s.question, s.speaker_role, s.text) for s in parse_file(path).segments]


def test_bold_voices_beside_a_plain_moderation_are_turns(tmp_path: Path) -> None:
    text = (
        "# Protokoll\n\n## Teil A\n\n**SPEAKER_00:** Der Spielplatz ist zu klein.\n\n"
        "## Teil B\n\nModeration: Was sagen Sie dazu?\n\n**SPEAKER_01:** Abends fehlt Licht.\n"
    )
    assert _read(tmp_path, text) == [
        ("Teil A", "SPEAKER_00", "Der Spielplatz ist zu klein."),
        ("Teil B", "Moderation", "Was sagen Sie dazu?"),
        ("Teil B", "SPEAKER_01", "Abends fehlt Licht."),
    ]


def test_bold_voices_are_not_glued_to_the_moderation(tmp_path: Path) -> None:
    text = (
        "# Block 1\n\nModeration: Was fehlt?\n\n**TN 1:** Bänke am Markt.\n\n"
        "# Block 2\n\nModeration: Und sonst?\n\n**TN 2:** Licht im Park.\n"
    )
    assert _read(tmp_path, text) == [
        ("Block 1", "Moderation", "Was fehlt?"),
        ("Block 1", "TN 1", "Bänke am Markt."),
        ("Block 2", "Moderation", "Und sonst?"),
        ("Block 2", "TN 2", "Licht im Park."),
    ]


def test_a_lead_in_among_voices_is_the_protocols_statement(tmp_path: Path) -> None:
    text = (
        "# Runde\n\n## Was fehlt?\n\nModeration: Was fehlt?\n\nSprecher 1: Mehr Bänke.\n\n"
        "Ergebnis: Bänke werden geprüft.\n\nSprecher 2: Licht im Park.\n\n"
        "## Was gibt es?\n\nSprecher 1: Ein Café.\n"
    )
    assert _read(tmp_path, text) == [
        ("Was fehlt?", "Moderation", "Was fehlt?"),
        ("Was fehlt?", "Sprecher 1", "Mehr Bänke."),
        ("Was fehlt?", None, "Ergebnis: Bänke werden geprüft."),
        ("Was fehlt?", "Sprecher 2", "Licht im Park."),
        ("Was gibt es?", "Sprecher 1", "Ein Café."),
    ]


def test_a_bold_word_that_labels_nothing_keeps_its_text(tmp_path: Path) -> None:
    text = (
        "# Runde\n\n## Was fehlt?\n\n**Wichtig** ist mehr Licht.\n\n"
        "## Was gibt es?\n\n**Ziel**: mehr Grün\n\n**Problem:** Parken\n"
    )
    got = _read(tmp_path, text)
    assert ("Was fehlt?", None, "Wichtig ist mehr Licht.") in got
    assert all(role in (None, "Ziel", "Problem") for _, role, _ in got)


def test_lead_ins_that_make_each_voice_seem_once_keep_the_turns(tmp_path: Path) -> None:
    # counted with the lead-ins, seven labels for eight lines: no one seemed to speak twice
    text = (
        "# Protokoll\n\n## Was fehlt?\n\nSprecher 1: Abends fehlt Licht.\n\n"
        "Ergebnis: Bänke werden geprüft.\n\n## Was gibt es?\n\nSprecher 1: Ein Café.\n\n"
        "Notiz: Das Amt lädt ein.\n\n## Was wünschen Sie sich?\n\nModeration: Und sonst?\n\n"
        "Sprecher 2: Ein Treffpunkt.\n\nIdee: Licht prüfen.\n\nSprecher 3: Mehr Grün.\n"
    )
    assert _read(tmp_path, text) == [
        ("Was fehlt?", "Sprecher 1", "Abends fehlt Licht."),
        ("Was fehlt?", None, "Ergebnis: Bänke werden geprüft."),
        ("Was gibt es?", "Sprecher 1", "Ein Café."),
        ("Was gibt es?", None, "Notiz: Das Amt lädt ein."),
        ("Was wünschen Sie sich?", "Moderation", "Und sonst?"),
        ("Was wünschen Sie sich?", "Sprecher 2", "Ein Treffpunkt."),
        ("Was wünschen Sie sich?", None, "Idee: Licht prüfen."),
        ("Was wünschen Sie sich?", "Sprecher 3", "Mehr Grün."),
    ]


def test_a_bold_lead_in_among_bold_voices_is_the_protocols_statement(tmp_path: Path) -> None:
    text = (
        "# Protokoll\n\n## Was fehlt?\n\n**Moderation:** Was sagen Sie?\n\n"
        "**Sprecher 2:** Zu klein.\n\n**Hinweis:** Das Amt lädt ein.\n\n"
        "## Was gibt es?\n\n**Sprecher 1:** Ein Café.\n\n**Notiz:** Licht prüfen.\n"
    )
    assert _read(tmp_path, text) == [
        ("Was fehlt?", "Moderation", "Was sagen Sie?"),
        ("Was fehlt?", "Sprecher 2", "Zu klein."),
        ("Was fehlt?", None, "Hinweis: Das Amt lädt ein."),
        ("Was gibt es?", "Sprecher 1", "Ein Café."),
        ("Was gibt es?", None, "Notiz: Licht prüfen."),
    ]


def test_lead_ins_beside_field_lines_stay_the_protocols(tmp_path: Path) -> None:
    text = (
        "# Protokoll\n\n## Was fehlt?\n\nErgebnis: Bänke werden geprüft.\n\n"
        "Moderation: Frau Koch\n\nOrt: Stadtteilbüro Nord\n\n## Was gibt es?\n\n"
        "Fazit: Licht prüfen.\n\nProtokoll: Jonas Weber\n"
    )
    got = _read(tmp_path, text)
    assert all(role is None for _, role, _ in got)
    assert ("Was fehlt?", None, "Ergebnis: Bänke werden geprüft.") in got
    assert ("Was gibt es?", None, "Fazit: Licht prüfen.") in got
