"""``workbench forget`` names the researchers' own texts that quote an erased statement
(workbench/store/erasure_notes.py ``quoted``): it does not rewrite them, but says where
the erased text lives on — by id, never by the text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from workbench.cli.main import main

STATEMENT = "Im Zebrastreifenhaus wird nachts laut gefeiert. Die Polizei kommt nie."
OTHER = "Busse fehlen."


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> str:
    """``workbench ARGV…`` in this process; must succeed; its stdout."""
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_forget_names_memos_codes_and_recommendations_quoting_the_statement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A project memo quoting the statement kept it after forget, and nothing said so."""
    folder = tmp_path / "projekt"
    run(capsys, "init", folder)
    source = tmp_path / "aussagen.csv"
    frame = pd.DataFrame({"ID": ["1", "2"], "Text": [STATEMENT, OTHER]})
    frame.to_csv(source, sep=";", index=False)
    p = ["--project", folder]
    run(capsys, *p, "import", source, "--text-column", "Text", "--id-column", "ID")
    reply = tmp_path / "antwort.csv"  # another's answer quoting the statement
    pd.DataFrame({"ID": ["3"], "Text": [f"> {STATEMENT}\nStimmt nicht."]}).to_csv(
        reply, sep=";", index=False
    )
    run(capsys, *p, "import", reply, "--text-column", "Text", "--id-column", "ID")
    quote = "»Im Zebrastreifenhaus wird nachts  laut gefeiert.« (Manfort)"  # one sentence
    run(capsys, *p, "memo", "--author", "A", f"Auffällig: {quote}")
    run(capsys, *p, "memo", "--author", "A", f"Dazu: {OTHER} Das stimmt.")  # other one
    run(capsys, *p, "codebook", "add", "Lärm", "--example", STATEMENT.upper())
    run(capsys, *p, "recommend", "add", f"Ruhezeiten prüfen, denn: {quote}")
    out = run(capsys, *p, "forget", "--source", "1", "--dry-run")
    assert "Memo(s) 1 " in out and "Code(s) Lärm" in out and "Empfehlung(en) 1 " in out
    out = run(capsys, *p, "forget", "--source", "1")
    assert "Memo(s) 1 (" in out and "Code(s) Lärm" in out and "Empfehlung(en) 1 " in out
    assert "Aussage(n) 3 (" in out
    assert "Zebrastreifenhaus" not in out and "Polizei" not in out
    out = run(capsys, *p, "forget", "--source", "2")  # too short to look for: not named
    assert "zitieren" not in out


def test_forget_says_that_the_safety_copies_still_hold_the_statements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`workbench upgrade` leaves a copy of the database in sicherungen/; forget said
    nothing of it, and the researcher believed the statement gone everywhere."""
    folder = tmp_path / "projekt"
    run(capsys, "init", folder)
    source = tmp_path / "aussagen.csv"
    pd.DataFrame({"ID": ["1", "2"], "Text": [STATEMENT, OTHER]}).to_csv(
        source, sep=";", index=False
    )
    p = ["--project", folder]
    run(capsys, *p, "import", source, "--text-column", "Text", "--id-column", "ID")
    out = run(capsys, *p, "forget", "--source", "2")
    assert "sicherungen/" not in out  # none there: nothing to say
    (folder / "sicherungen").mkdir()
    shutil.copy(folder / "werkbank.sqlite", folder / "sicherungen" / "werkbank-upgrade.sqlite")
    out = run(capsys, *p, "forget", "--source", "1", "--dry-run")
    assert "würden die zu löschenden Daten weiterhin enthalten" in out  # nothing erased yet
    assert "gelöschten Daten" not in out
    out = run(capsys, *p, "forget", "--source", "1")
    assert "1 Sicherung(en) in sicherungen/" in out and "Zebrastreifenhaus" not in out
    assert "enthalten die gelöschten Daten weiterhin" in out


def test_the_scan_for_quotes_finds_one_among_many_erased_statements(tmp_path: Path) -> None:
    """Forget of a large survey (thousands of sentences): the scan (an index over the
    sentences since 8cb5e08; before, each sentence was looked for in each text, about
    half a minute for these 1,500 statements and 2,000 long memos) finds the one memo
    that quotes an erased sentence, by id, without its text. Not timed: tests are not."""
    import random

    from workbench import Project
    from workbench.store.erasure_notes import quoted
    from workbench.store.schema import Memo

    pick = random.Random(7)
    vocabulary = [f"wort{i}" for i in range(3000)]

    def sentence(n: int) -> str:
        return " ".join(pick.choice(vocabulary) for _ in range(n)).capitalize() + "."

    erased = [f"{sentence(10)} {sentence(10)}" for _ in range(1500)]
    memos = [" ".join(sentence(12) for _ in range(12)) for _ in range(2000)]
    memos[1234] += " Eine Karte sagte: " + erased[99].split(". ")[1]
    assert main(["init", str(tmp_path / "projekt")]) == 0
    with Project.open(tmp_path / "projekt") as project:
        with project.transaction() as session:
            session.add_all(Memo(target_type="project", author="a", text=t) for t in memos)
        with project.session() as session:
            ids = [m.id for m in session.query(Memo).order_by(Memo.id)]
            notes = quoted(session, erased)
    assert len(notes) == 1 and f"Memo(s) {ids[1234]} " in notes[0]
    assert erased[99][:20] not in notes[0]  # ids only
