"""The synthesis commands show a stored name's control characters as ⏎ or � (decision 017).

Session 45 filtered stderr, notices and the listings of codes, memos and waves; it left the
recommendation listings, the concept's warnings, ``suggest`` and other listings unfuzzed.
Here the analysed demo with the study's recommendations gets names as an older version or
a foreign file left them (recommendation title, scope, actors, need cluster label, cited
document, status history, code, coder, district, workshop): escape sequences (ESC "[", the
C1 CSI U+009B, OSC "ESC ]" … BEL), BS, CR and U+202E, which turns the rest of a line around.
No control character of them may reach the terminal through a human listing or message;
machine-readable output on stdout (``recommend list --json``, ``recommend export -``,
``agreement --json``, ``feedback --json``) stays byte-exact: the data is not altered.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import studie
from sqlalchemy import text

from tests.synthesis_data import demo_copy
from workbench import Project
from workbench.cli.main import main
from workbench.core.typed_text import line_label
from workbench.store import make_engine

# a terminal's ways to be steered: clear screen, C1 CSI colour, window title (OSC … BEL),
# backspace, carriage return (the line redrawn over), a right-to-left override
BAD = "\x1b[2J\x9b31m\x1b]0;Titel\x07\x08\r\u202e"
# the marks that turn text around in a terminal with bidi support
_TURNING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def steering(output: str) -> int:
    """The characters of ``output`` that steer a terminal: control characters but the line
    end, line/paragraph separators, embeddings, overrides and isolates."""
    return sum(
        (c != "\n" and unicodedata.category(c) in ("Cc", "Zl", "Zp")) or c in _TURNING
        for c in output
    )


def spoil(project: Project) -> None:
    """Stored names with :data:`BAD`, as an older version or a foreign file left them."""
    engine = make_engine(project.db_url)
    with engine.begin() as c:
        c.execute(text("UPDATE recommendations SET title = 'Tit' || :b || 'el', author = :b"),
                  {"b": BAD})  # fmt: skip
        c.execute(text("UPDATE recommendations SET actors = :a"),
                  {"a": json.dumps([f"Akt{BAD}eur", "Quartiersmanagement"])})  # fmt: skip
        c.execute(text("UPDATE recommendation_needs SET label = 'Be' || :b || 'darf'"), {"b": BAD})
        c.execute(text("UPDATE recommendation_evidence SET document = 'Dok' || :b || '.csv'"),
                  {"b": BAD})  # fmt: skip
        c.execute(text("UPDATE districts SET name = 'Man' || :b || 'fort' WHERE name='Manfort'"),
                  {"b": BAD})  # fmt: skip
        c.execute(text("UPDATE workshops SET name = name || :b"), {"b": BAD})
        c.execute(text("UPDATE codes SET path = path || :b, name = name || :b "
                       "WHERE path LIKE 'Bedarf/%'"), {"b": BAD})  # fmt: skip
        runs = c.execute(text("SELECT id, clusters FROM need_runs")).all()
        for run_id, clusters in runs:
            clusters = json.loads(clusters) if isinstance(clusters, str) else clusters
            for cluster in clusters:
                cluster["label"] = f"Clu{BAD}ster"
            c.execute(text("UPDATE need_runs SET clusters = :c WHERE id = :i"),
                      {"c": json.dumps(clusters), "i": run_id})  # fmt: skip
    engine.dispose()


@pytest.fixture(scope="module")
def spoilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The analysed demo with the study's recommendations and a status step, its names (coder
    B too) spoilt with :data:`BAD`, a need link whose cluster is gone, access codes of a
    feedback round (a closed project folder)."""
    folder = tmp_path_factory.mktemp("schmutzig")
    project = demo_copy(tmp_path_factory, folder / "projekt")
    studie.add_recommendations(project)
    project.close()
    arguments = ["--project", str(folder / "projekt"), "recommend", "status", "1", "in Umsetzung"]
    assert main([*arguments, "--date", "2025-01-02", "--by", "Team", "--note", "gut"]) == 0
    with Project.open(folder / "projekt") as project:
        spoil(project)
        engine = make_engine(project.db_url)
        with engine.begin() as c:
            c.execute(text("UPDATE recommendation_status SET actor = :a, note = :a"),
                      {"a": f"Te{BAD}am"})  # fmt: skip
            c.execute(text("UPDATE codings SET coder = coder || :b WHERE coder = 'B'"),
                      {"b": BAD})  # fmt: skip
            c.execute(text("UPDATE recommendation_needs SET members = '[999999]' "
                           "WHERE id = (SELECT min(id) FROM recommendation_needs)"))  # fmt: skip
        engine.dispose()
    tokens = ["--project", str(folder / "projekt"), "tokens", "--n", "2"]
    assert main([*tokens, "--out", str(folder / "codes.csv")]) == 0  # items: the cluster labels
    (folder / "konzept.md").write_text(
        f"# Konzept\n\n## Sozialraum: Nirgend{BAD}wo\n\nText.\n", encoding="utf-8"
    )
    return folder


LISTINGS = [
    ["recommend", "list"],
    ["recommend", "check"],
    ["recommend", "history"],
    ["konzept", "--out", "{folder}/konzept.html", "--text", "{folder}/konzept.md"],
    ["suggest", "--out", "{folder}/vorschlaege.csv", "--backend", "tfidf", "--coder", "X"],
    ["agreement"],
    ["map", "--show"],
    ["feedback"],
]


@pytest.mark.parametrize("command", LISTINGS, ids=lambda c: " ".join(c[:2]))
def test_listings_show_no_control_characters(
    spoilt: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Every line on the terminal: no ESC, CSI, BEL, BS, CR or override of a stored name."""
    argv = [part.format(folder=spoilt) for part in command]
    assert main(["--project", str(spoilt / "projekt"), *argv]) in (0, 1)  # 1: check's warnings
    out, err = capsys.readouterr()
    assert steering(out) == 0, out
    assert steering(err) == 0, err


def test_data_on_stdout_is_not_altered(spoilt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON on stdout carries the stored names as they are: ``recommend export -`` is the
    file ``recommend export`` writes; ``recommend list --json``, ``agreement --json`` and
    ``feedback --json`` hold the title, coder and item label with every character."""
    project = ["--project", str(spoilt / "projekt")]
    assert main([*project, "recommend", "export", str(spoilt / "ketten.json")]) == 0
    capsys.readouterr()
    assert main([*project, "recommend", "export", "-"]) == 0
    assert capsys.readouterr().out == (spoilt / "ketten.json").read_text(encoding="utf-8")
    assert main([*project, "recommend", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {r["title"] for r in listed} == {f"Tit{BAD}el"}
    assert f"Akt{BAD}eur" in listed[0]["actors"]
    assert main([*project, "agreement", "--json"]) == 0
    assert f"B{BAD}" in json.loads(capsys.readouterr().out)["coders"]
    assert main([*project, "feedback", "--json"]) == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert line_label(f"Tit{BAD}el") in {item["label"] for item in items}  # as snapshot
