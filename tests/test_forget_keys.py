"""What `forget` keeps of the pseudonym key: the entries of persons still named anywhere
(statements, code descriptions, memos), never those only the erased statements named."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench import Project
from workbench.cli.main import main
from workbench.store import ListedName, Memo, Pseudonym

PROTOCOL = """---
workshop: Werkstatt Manfort
district: Manfort
date: 2025-05-20
---

## Was fehlt?

- **Anna Schmidt:** Der Spielplatz hinter der Kirche ist seit dem Winter gesperrt.
- Abends fährt kein Bus mehr vom Bahnhof in die Siedlung, sagt Herr Kowalczyk.
- Frau Yilmaz wünscht sich einen Treffpunkt für Seniorinnen im Quartier.
"""


def _key(project: Project) -> dict[str, str]:
    """Placeholder → original name of the project's key."""
    with project.session() as session:
        return {k.placeholder: k.original for k in session.scalars(select(Pseudonym))}


def _memo_in_export(project: Project, path: Path) -> str:
    """The memo's text as a pseudonymised REFI-QDA export writes it."""
    assert main(["--project", str(project.path), "export", "--format", "qdpx", str(path)]) == 0
    with zipfile.ZipFile(path) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    return qde[qde.index("Rückfrage") :].split("<", 1)[0]


def test_forget_keeps_the_key_of_persons_named_elsewhere(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A memo names a person nobody else names (memos keep their author's words, an export
    puts the person into the key): forgetting an unrelated statement deleted that entry,
    and the next export gave the person a new number, another than the file of the last."""
    source = tmp_path / "werkstatt.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    p = ["--project", str(project.path)]
    assert main([*p, "import", str(source)]) == 0
    key = {name: placeholder for placeholder, name in _key(project).items()}
    project.add_code("Bedarf", description="Angeregt von Frau Yilmaz in der Werkstatt")
    memo = "Rückfrage bei Jürgen Wieczorek vom Bauamt wegen der Sperrung."
    assert main([*p, "memo", "--author", "Team", memo]) == 0
    before = _memo_in_export(project, tmp_path / "vorher.qdpx")
    assert "Wieczorek" not in before and "[Person" in before
    segments = project.segments().set_index("text")["segment_id"]
    bus = next(i for text, i in segments.items() if "Bus" in text)
    yilmaz = next(i for text, i in segments.items() if "Treffpunkt" in text)
    capsys.readouterr()
    assert main([*p, "forget", "--statement", str(bus), str(yilmaz)]) == 0
    after = _key(project)
    assert key["Herr Kowalczyk"] not in after  # named only in an erased statement
    assert after[key["Frau Yilmaz"]] == "Frau Yilmaz"  # the code's description names her
    assert after[key["Anna Schmidt"]] == "Anna Schmidt"  # the remaining statement's speaker
    assert "Jürgen Wieczorek" in after.values()  # the memo names him
    assert _memo_in_export(project, tmp_path / "nachher.qdpx") == before


@pytest.mark.backends
def test_a_speaker_forgotten_leaves_the_key_though_a_memo_names_them(
    project: Project, tmp_path: Path
) -> None:
    """Anna Schmidt asks to be forgotten; a researcher's memo names her. Her name stayed in
    the key and on the participant list (the memo rule kept it), without a word."""
    source = tmp_path / "werkstatt.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    p = ["--project", str(project.path)]
    assert main([*p, "import", str(source)]) == 0
    memo = "Rückfrage bei Anna Schmidt wegen des Zitats zum Spielplatz."
    assert main([*p, "memo", "--author", "Team", memo]) == 0
    assert "Anna Schmidt" in _key(project).values()
    assert main([*p, "forget", "--speaker", "Anna Schmidt"]) == 0
    assert "Anna Schmidt" not in _key(project).values()
    with project.session() as session:
        listed = set(session.scalars(select(ListedName.name)))
    assert "Anna Schmidt" not in listed


@pytest.mark.backends
def test_forget_speaker_replaces_the_persons_name_in_memos(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The memo kept "Anna Schmidt" after `forget --speaker`, `forget` did not say so, and
    the next export put her back into the key under a new number. Her name (in full, with
    a title, the surname alone) becomes her placeholder in every memo; others stay."""
    source = tmp_path / "werkstatt.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    p = ["--project", str(project.path)]
    assert main([*p, "import", str(source)]) == 0
    anna = {name: ph for ph, name in _key(project).items()}["Anna Schmidt"]
    memos = [
        "Rückfrage bei Anna Schmidt wegen des Zitats; Frau Schmidt ruft zurück.",
        "Schmidts Hinweis zum Spielplatz prüfen, sagt Herr Kowalczyk.",
        "Nichts zu Personen.",
    ]
    for memo in memos:
        assert main([*p, "memo", "--author", "Team", memo]) == 0
    capsys.readouterr()
    assert main([*p, "forget", "--speaker", "Anna Schmidt"]) == 0
    out = capsys.readouterr().out
    assert "2  Memos, in denen der Name durch den Platzhalter ersetzt wurde" in out
    assert "Schmidt" not in out
    assert project.memos()["text"].tolist() == [
        f"Rückfrage bei {anna} wegen des Zitats; {anna} ruft zurück.",
        f"{anna}s Hinweis zum Spielplatz prüfen, sagt Herr Kowalczyk.",
        "Nichts zu Personen.",
    ]
    key = _key(project)
    assert anna not in key and "Herr Kowalczyk" in key.values()
    _memo_in_export(project, tmp_path / "danach.qdpx")
    assert "Schmidt" not in " ".join(_key(project).values())  # the export did not add her


def test_forget_speaker_says_which_texts_keep_the_persons_name_in_the_key(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Another speaker's statement names Anna Schmidt: `forget --speaker` kept her name in
    the key (rightly: that statement has her placeholder) without a word, and the
    researcher answering her request believed it gone."""
    source = tmp_path / "werkstatt.md"
    source.write_text(
        PROTOCOL.replace("- Abends", "- **Moderation:** Frau Schmidt hat recht.\n- Abends"),
        encoding="utf-8",
    )
    p = ["--project", str(project.path)]
    assert main([*p, "import", str(source)]) == 0
    anna = {name: ph for ph, name in _key(project).items()}["Anna Schmidt"]
    segments = project.segments()
    [other] = segments[segments["text"] == f"{anna} hat recht."]["segment_id"].tolist()
    capsys.readouterr()
    assert main([*p, "forget", "--speaker", "Anna Schmidt"]) == 0
    out = capsys.readouterr().out
    assert f"Hinweis: {anna} bleibt mit Namen im Pseudonymschlüssel" in out
    assert f"1 Aussage(n) anderer (ID {other})" in out and "Schmidt" not in out
    assert anna in _key(project)
    assert main([*p, "forget", "--statement", str(other)]) == 0
    assert anna not in _key(project)  # as the note says
    assert "Hinweis" not in capsys.readouterr().out


def test_forget_speaker_leaves_words_in_memos_that_only_look_like_the_surname(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Lena Kurz asked to be forgotten: every "kurz" and "Kurz" of every memo became her
    placeholder ("[Person 1] gesagt: … die Wege sind [Person 1]"), for good. Her name in
    full or with a form of address still goes; a surname that is also a word stays alone."""
    source = tmp_path / "werkstatt.md"
    source.write_text(PROTOCOL.replace("**Anna Schmidt:**", "**Lena Kurz:**"), encoding="utf-8")
    p = ["--project", str(project.path)]
    assert main([*p, "import", str(source)]) == 0
    lena = {name: ph for ph, name in _key(project).items()}["Lena Kurz"]
    memos = [
        "Kurz gesagt: mehr Bänke. Die Wege sind kurz, die Treffen lang.",
        "Rückfrage bei Lena Kurz; Frau Kurz ruft zurück.",
    ]
    for memo in memos:
        assert main([*p, "memo", "--author", "Team", memo]) == 0
    assert main([*p, "forget", "--speaker", "Lena Kurz"]) == 0
    assert "1  Memos, in denen der Name" in capsys.readouterr().out
    assert project.memos()["text"].tolist() == [
        memos[0],
        f"Rückfrage bei {lena}; {lena} ruft zurück.",
    ]


def test_a_person_named_only_in_a_file_name_keeps_the_key_entry(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Interview_Anna_Schmidt.md" is stored as "Interview_[Person 1].md". Editing a memo
    that mentioned [Person 1], or forgetting another statement, deleted her key entry
    ("… die nur dieses Memo nannte"): the project no longer knew whose interview it was,
    her next interview got a new number, and her erasure request found nothing."""
    source = tmp_path / "Interview_Anna_Schmidt.md"
    source.write_text(
        PROTOCOL.replace("**Anna Schmidt:** ", "").split("- Frau Yilmaz")[0], encoding="utf-8"
    )
    p = ["--project", str(project.path)]
    assert main([*p, "import", str(source)]) == 0
    anna = {name: ph for ph, name in _key(project).items()}["Anna Schmidt"]
    assert anna in project.segments()["document"].iloc[0]
    assert main([*p, "memo", "--author", "Team", f"Rückfrage zum Interview mit {anna}"]) == 0
    assert main([*p, "memos", "edit", "1", "Rückfrage erledigt"]) == 0
    assert "Pseudonymschlüssel" not in capsys.readouterr().out
    assert _key(project).get(anna) == "Anna Schmidt"
    assert main([*p, "forget", "--statement", str(project.segments()["segment_id"][0])]) == 0
    assert _key(project).get(anna) == "Anna Schmidt"
    assert main([*p, "forget", "--statement", str(project.segments()["segment_id"][0])]) == 0
    assert anna not in _key(project)  # no statement of the document is left: nor is she


def test_a_user_name_the_key_writes_in_lower_case_is_replaced_in_memos(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """A chat's user name ("claudia_h") stands in the key as written: in a memo it is
    replaced however it is written, as before the rule for capitalised surnames."""
    from workbench.ingest.name_known import ordinary_word
    from workbench.store import erasure_keys

    with project.transaction() as session:
        session.add(
            Pseudonym(
                kind="person",
                normalised="claudia_h",
                original="claudia_h",
                placeholder="[Person 9]",
            )
        )
    assert (
        main(["--project", str(project.path), "memo", "--author", "Team", "Frage an claudia_h"])
        == 0
    )
    with project.transaction() as session:
        assert erasure_keys.forget_in_memos(session, {"[Person 9]"}, ordinary_word) == 1
    assert project.memos()["text"].tolist() == ["Frage an [Person 9]"]


def test_a_full_name_merged_with_its_first_name_becomes_one_placeholder_in_memos(
    project: Project, tmp_path: Path
) -> None:
    """The import met "Anna" first, then "Anna Müller": one person, key "müller" written
    "Anna". ``forget --speaker Anna`` made the memo "Anna Müller bringt …" into
    "[Person 1] [Person 1] bringt …"; the full name is replaced as one."""
    path = tmp_path / "Protokoll.md"
    path.write_text(
        "---\nworkshop: Werkstatt Manfort\ndistrict: Manfort\ndate: 2025-05-20\n---\n\n"
        "## Was fehlt?\n\n- **Anna:** Es fehlen Bänke am Spielplatz.\n"
        "- **Karl Becker:** Die Straßenbeleuchtung ist zu dunkel.\n"
        "- **Anna Müller:** Und der Bus fährt zu selten.\n",
        encoding="utf-8",
    )
    args = ["--project", str(project.path)]
    assert main([*args, "import", str(path)]) == 0
    assert sorted(_key(project).values()) == ["Anna Müller", "Karl Becker"]
    assert main([*args, "memo", "--author", "Team", "Anna Müller bringt Kuchen, sagt Anna."]) == 0
    assert main([*args, "forget", "--speaker", "Anna"]) == 0
    assert project.memos()["text"].tolist() == ["[Person 1] bringt Kuchen, sagt [Person 1]."]


def test_forget_speaker_leaves_another_persons_hyphenated_name_in_memos_whole(
    project: Project, tmp_path: Path
) -> None:
    """Anna and Anna-Lena Krüger are two people of the key. ``forget --speaker Anna`` made
    the memo's "Anna-Lena Krüger" into "[Person 1]-Lena Krüger": another person's name
    damaged, and her words now read as the forgotten person's."""
    path = tmp_path / "chat.txt"
    path.write_text(
        "[18:02] Anna: Wir brauchen mehr Bänke am Markt.\n"
        "[18:03] Anna-Lena Krüger: Und der Spielplatz ist kaputt.\n"
        "[18:04] Karl Becker: Beratung vor Ort fehlt.\n",
        encoding="utf-8",
    )
    args = ["--project", str(project.path)]
    assert main([*args, "import", str(path), "--district", "Manfort"]) == 0
    assert sorted(_key(project).values()) == ["Anna", "Anna-Lena Krüger", "Karl Becker"]
    memo = "Anna-Lena Krüger und Anna sehen es ähnlich; Annas Idee, Anna-Lenas auch."
    assert main([*args, "memo", "--author", "Team", memo]) == 0
    assert main([*args, "forget", "--speaker", "Anna"]) == 0
    assert project.memos()["text"].tolist() == [
        "Anna-Lena Krüger und [Person 1] sehen es ähnlich; [Person 1]s Idee, Anna-Lenas auch."
    ]


def test_forget_does_not_count_a_deleted_memo_as_one_that_names_the_placeholder(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A memo on Anna Schmidt's own statement goes with it; `forget` still counted it among
    the memos "in denen der Name durch den Platzhalter ersetzt wurde", and the team looked
    for a memo that no longer existed. Only the memos that remain are counted."""
    source = tmp_path / "werkstatt.md"
    source.write_text(PROTOCOL, encoding="utf-8")
    p = ["--project", str(project.path)]
    assert main([*p, "import", str(source)]) == 0
    segments = project.segments().set_index("text")["segment_id"]
    own = next(i for text, i in segments.items() if "Spielplatz" in text)
    assert main([*p, "memo", "--author", "Team", "--segment", str(own), "Frau Schmidt fragen"]) == 0
    assert main([*p, "memo", "--author", "Team", "Anna Schmidt zurückrufen."]) == 0
    capsys.readouterr()
    assert main([*p, "forget", "--speaker", "Anna Schmidt"]) == 0
    counts = {
        line.split(maxsplit=1)[1]: int(line.split()[0])
        for line in capsys.readouterr().out.splitlines()
        if line.startswith(" ") and line.split()[0].isdigit()
    }
    assert counts["Memos"] == 1
    assert counts["Memos, in denen der Name durch den Platzhalter ersetzt wurde"] == 1
    with project.session() as session:
        (left,) = session.scalars(select(Memo.text))
    assert "Schmidt" not in left and "[Person" in left
