"""A feedback round snapshots its cards' labels on one line, as every label is stored.

``workbench tokens`` copies need cluster labels and recommendation titles into
``feedback_items``; a title or label an older version or a foreign file left with an
escape sequence, BEL, CR or U+202E was copied with them (session 46 fixed the terminal only):
the round kept showing it to every later reader (apps, exports, ``feedback --json``).
Ordinary labels are snapshot byte for byte, so a round issued before keeps its items.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from tests.feedback_data import _import, store_need_run
from workbench import Project
from workbench.core.errors import has_control
from workbench.participation import feedback
from workbench.store import FeedbackItem, make_engine
from workbench.synthesis.recommendations import add_recommendation

BAD = "\x1b[2J\x9b31m\x1b]0;Titel\x07\x08\r\u202e"
# labels a run or a researcher writes: they stay as written (double blanks, markup, a
# leading blank, an ampersand, brackets as in "Kita [31 Plätze]")
ORDINARY = [
    "Treffpunkte für Jugendliche",
    "Beratung & Anträge <b>",
    " Ressourcen  und Möglichkeiten ",
    "Kita [31 Plätze]",
]


def _labels(project: Project) -> set[str]:
    with project.session() as session:
        return {item.label for item in session.scalars(select(FeedbackItem))}


def test_round_snapshots_labels_without_control_characters(
    project: Project, tmp_path: Path
) -> None:
    ids = _import(project, tmp_path)
    labels = [f"Lern{BAD}räume", "Hilfe\x1b[31mbei Anträgen", *ORDINARY]  # six statements
    store_need_run(project, [(label, [i]) for label, i in zip(labels, ids, strict=True)])
    add_recommendation(project, "Lernräume öffnen.", title="Titel", status="Entwurf")
    engine = make_engine(project.db_url)
    with engine.begin() as c:  # as an older version left it
        c.execute(text("UPDATE recommendations SET title = :t"), {"t": f"Tit{BAD}el"})
    engine.dispose()
    feedback.issue_tokens(project, 1)
    labels = _labels(project)
    assert not any(has_control(label) or "\x1b" in label for label in labels), labels
    assert {"Lern31m räume", "Hilfe bei Anträgen", "Tit31m el"} <= labels
    assert set(ORDINARY) <= labels  # byte for byte


def test_ordinary_labels_keep_the_round(project: Project, tmp_path: Path) -> None:
    """Tokens issued before and after: the same round, the same items (answers pool)."""
    ids = _import(project, tmp_path)
    store_need_run(project, [(label, [i]) for label, i in zip(ORDINARY, ids[:4], strict=True)])
    with project.session() as session:
        feedback.issue_tokens(project, 1)
        before = {(i.key, i.label) for i in session.scalars(select(FeedbackItem))}
    feedback.issue_tokens(project, 1)
    with project.session() as session:
        after = {(i.key, i.label) for i in session.scalars(select(FeedbackItem))}
    assert before == after and {label for _, label in after} == set(ORDINARY)


def test_an_untitled_recommendations_text_is_its_card_label_on_one_line(
    project: Project, tmp_path: Path
) -> None:
    """A draft without a title shows its text as the card's label: on one line like every
    label (it kept its line breaks and an older version's CR); an ordinary text stays."""
    ids = _import(project, tmp_path)
    store_need_run(project, [("Treffpunkte", ids[:1])])
    add_recommendation(project, "Lernräume öffnen.\n\nAuch samstags.", status="Entwurf")
    add_recommendation(project, "Beratung  vor Ort [2x]", status="Entwurf")
    add_recommendation(project, "Busse", status="Entwurf")
    engine = make_engine(project.db_url)
    with engine.begin() as c:  # as an older version or a foreign file left it
        c.execute(
            text("UPDATE recommendations SET text = :t WHERE text = 'Busse'"),
            {"t": f"Busse\r\nöfter{BAD}fahren"},
        )
    engine.dispose()
    feedback.issue_tokens(project, 1)
    labels = _labels(project) - {"Treffpunkte"}
    assert not any(has_control(label) or "\n" in label for label in labels), labels
    assert labels == {
        "Lernräume öffnen. Auch samstags.",
        "Beratung  vor Ort [2x]",  # byte for byte
        "Busse öfter31m fahren",
    }
