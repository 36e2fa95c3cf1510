"""Feedback: tokens, validation, upsert, budget, summary numbers, 30 concurrent writers, CLI."""

from __future__ import annotations

import csv
import json
import math
import multiprocessing
import stat
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.feedback_data import count, rated_project, store_need_run
from workbench import Project
from workbench.cli.main import main
from workbench.core.domain import InputError, WorkbenchError
from workbench.participation import feedback
from workbench.participation.feedback import BudgetExceeded, InvalidToken
from workbench.store import FeedbackAnswer, FeedbackItem, FeedbackToken


@pytest.fixture
def rated(project: Project, tmp_path: Path) -> Project:
    """A small project with a stored need run of three clusters."""
    return rated_project(project, tmp_path)


# -- tokens --------------------------------------------------------------------------------
@pytest.mark.backends
def test_tokens_are_random_and_stored_only_as_hashes(rated: Project) -> None:
    tokens = feedback.issue_tokens(rated, 50, district="Manfort")
    assert len(set(tokens)) == 50
    assert all(len(t) == 22 and feedback.TOKEN_FORMAT.fullmatch(t) for t in tokens)
    with rated.session() as s:
        stored = set(s.scalars(select(FeedbackToken.token_hash)))
    assert stored == {feedback.hash_token(t) for t in tokens}
    raw = b"".join(p.read_bytes() for p in rated.path.glob("werkbank.sqlite*"))
    assert not any(t.encode() in raw for t in tokens)  # no plain token anywhere in the db
    ballot = feedback.open_ballot(rated, tokens[0])
    assert ballot.district == "Manfort" and ballot.workshop is None
    assert [i.label for i in ballot.items][:2] == ["Lernräume", "Treffpunkte für Jugendliche"]
    assert ballot.budget == feedback.DEFAULT_BUDGET and ballot.points_left == 10


def test_no_code_starts_with_a_minus(rated: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """One in 64 random codes began with "-": Excel shows it as #NAME? (a formula) in the
    codes' CSV, and ``forget --token -…`` took it for an option. Such a draw is discarded."""
    draws = iter(["-5gT3x0yKnFH7UP7D9nNgQ", "_5gT3x0yKnFH7UP7D9nNgQ", "Q5gT3x0yKnFH7UP7D9nNg-"])
    monkeypatch.setattr(
        "workbench.participation.tokens.secrets.token_urlsafe", lambda _n: next(draws)
    )
    assert feedback.issue_tokens(rated, 2) == ["_5gT3x0yKnFH7UP7D9nNgQ", "Q5gT3x0yKnFH7UP7D9nNg-"]


def test_token_scope_workshop_or_district(rated: Project) -> None:
    [token] = feedback.issue_tokens(rated, 1, workshop="Quartiersworkshop Opladen")
    ballot = feedback.open_ballot(rated, token)
    assert (ballot.workshop, ballot.district) == ("Quartiersworkshop Opladen", "Opladen")
    with pytest.raises(InputError, match="nicht beide"):
        feedback.issue_tokens(rated, 1, workshop="Quartiersworkshop Opladen", district="Opladen")
    with pytest.raises(InputError, match="Unbekannter Workshop 'Nirgendwo'"):
        feedback.issue_tokens(rated, 1, workshop="Nirgendwo")
    with pytest.raises(InputError, match="Unbekannter Sozialraum"):
        feedback.issue_tokens(rated, 1, district="Atlantis")
    with pytest.raises(InputError, match="Anzahl"):
        feedback.issue_tokens(rated, 0)
    assert count(rated, FeedbackToken) == 1  # the refused calls wrote nothing


def test_a_workshop_named_like_districts_in_other_case_or_spelled_out_umlauts(
    rated: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`tokens --workshop` takes a name as a team types it, like `--district`: before, only
    the exact spelling was found ("Unbekannter Workshop")."""
    [token] = feedback.issue_tokens(rated, 1, workshop="quartiersworkshop OPLADEN")
    assert feedback.open_ballot(rated, token).workshop == "Quartiersworkshop Opladen"
    out = tmp_path / "codes.csv"
    where = ["--project", str(rated.path), "tokens", "--n", "1", "--out", str(out)]
    assert main([*where, "--workshop", "quartiersworkshop opladen"]) == 0
    assert "1 Zugangscode (Quartiersworkshop Opladen) →" in capsys.readouterr().out
    assert main([*where, "--workshop", "Quartiersworkshop Köln"]) == 2
    assert "Unbekannter Workshop 'Quartiersworkshop Köln'" in capsys.readouterr().err
    assert count(rated, FeedbackToken) == 2


def test_no_tokens_without_a_need_run(project: Project) -> None:
    with pytest.raises(WorkbenchError, match="workbench needs"):
        feedback.issue_tokens(project, 5)


def test_items_are_snapshots_that_survive_reruns(rated: Project) -> None:
    [first] = feedback.issue_tokens(rated, 1)
    [second] = feedback.issue_tokens(rated, 1)
    old = feedback.open_ballot(rated, first)
    assert feedback.open_ballot(rated, second).round_id == old.round_id  # same items: one round
    feedback.save_answer(rated, first, old.items[0].item_id, "trifft zu", 2)

    # the researchers re-run with a renamed and a merged cluster
    ids = rated.segments()["segment_id"].astype(int).tolist()
    store_need_run(
        rated,
        [
            ("Lern- und Treffräume", [ids[0], ids[3], ids[1], ids[4]]),
            ("Beratung & Anträge <b>", [ids[2], ids[5]]),
        ],
    )
    [third] = feedback.issue_tokens(rated, 1)
    new = feedback.open_ballot(rated, third)
    assert new.round_id != old.round_id
    assert [i.label for i in new.items] == ["Lern- und Treffräume", "Beratung & Anträge <b>"]
    assert new.items[1].item_id == old.items[2].item_id  # unchanged cluster: the same item
    assert feedback.open_ballot(rated, first).items == old.items  # the old token sees its items
    summary = feedback.feedback_summary(rated).set_index("label")
    # the answered old item points to the cluster of the latest run that holds its members
    assert summary.loc["Lernräume", "cluster"] == 0
    assert summary.loc["Beratung & Anträge <b>", "cluster"] == 1
    assert summary.loc["Lernräume", "agree"] == 1


def test_draft_recommendations_become_items(rated: Project) -> None:
    from workbench.synthesis import recommendations

    draft = recommendations.add_recommendation(
        rated,
        "Lernräume in Schulen nachmittags öffnen",
        scope="Manfort",
        title="Lernräume öffnen",
        actors=["Schulen und Kitas"],
    )
    recommendations.add_recommendation(rated, "Schon beschlossen", status="abgestimmt")
    [token] = feedback.issue_tokens(rated, 1)
    items = feedback.open_ballot(rated, token).items
    recs = [i for i in items if i.kind == feedback.KIND_RECOMMENDATION]
    assert [(i.label, i.text, i.scope) for i in recs] == [
        ("Lernräume öffnen", "Lernräume in Schulen nachmittags öffnen", "Manfort")
    ]
    assert recs[0].kind_label == "Empfehlungsentwurf"
    with rated.session() as s:
        record = s.get(FeedbackItem, recs[0].item_id)
        assert record.source == {"recommendation_id": draft}
    # a changed text is a new item: participants rate what they were shown
    recommendations.update_recommendation(rated, draft, text="Geänderter Text")
    [again] = feedback.issue_tokens(rated, 1)
    changed = [i for i in feedback.open_ballot(rated, again).items if i.kind != "need"]
    assert changed[0].item_id != recs[0].item_id and changed[0].text == "Geänderter Text"


# -- answers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "token", [None, "", "kurz", "x" * 22, "ab<script>cdefghijklmnop", "ä" * 22]
)
def test_invalid_token_is_refused_and_writes_nothing(rated: Project, token: str | None) -> None:
    [valid] = feedback.issue_tokens(rated, 1)
    item = feedback.open_ballot(rated, valid).items[0].item_id
    with pytest.raises(InvalidToken) as err:
        feedback.save_answer(rated, token, item, "trifft zu", 3, "Hallo")
    assert "Zugangscode" in str(err.value)
    with pytest.raises(InvalidToken):
        feedback.open_ballot(rated, token)
    assert count(rated, FeedbackAnswer) == 0


@pytest.mark.backends
def test_answers_are_upserted_never_duplicated(rated: Project) -> None:
    [token] = feedback.issue_tokens(rated, 1)
    item = feedback.open_ballot(rated, token).items[0].item_id
    feedback.save_answer(rated, token, item, "trifft zu", 2, "stimmt")
    feedback.save_answer(rated, token, item, "disagree", 4, "doch nicht <script>x</script>")
    assert count(rated, FeedbackAnswer) == 1
    answer = feedback.open_ballot(rated, token).answers[item]
    assert answer == feedback.Answer(item, "disagree", 4, "doch nicht <script>x</script>")
    # an answer with nothing in it withdraws the stored one
    feedback.save_answer(rated, token, item, None, 0, "")
    assert count(rated, FeedbackAnswer) == 0


def test_bad_answers_write_nothing(rated: Project) -> None:
    [token] = feedback.issue_tokens(rated, 1)
    [other] = feedback.issue_tokens(rated, 1)
    item = feedback.open_ballot(rated, token).items[0].item_id
    with pytest.raises(InputError, match="Unbekannte Bewertung"):
        feedback.save_answer(rated, token, item, "vielleicht")
    with pytest.raises(InputError, match="Punkte"):
        feedback.save_answer(rated, token, item, "agree", -1)
    with pytest.raises(InputError, match=r"zu lang \(2\.345 Zeichen, höchstens 2\.000\)"):
        feedback.save_answer(rated, token, item, "agree", 0, "x" * 2345)
    with pytest.raises(InputError, match="gibt es in Ihrer Befragung nicht"):
        feedback.save_answer(rated, token, 9999, "agree")
    assert count(rated, FeedbackAnswer) == 0
    assert other != token


@pytest.mark.backends
def test_points_budget_is_enforced(rated: Project) -> None:
    first, second = feedback.issue_tokens(rated, 2)
    a, b, c = (i.item_id for i in feedback.open_ballot(rated, first).items)
    feedback.save_answer(rated, first, a, points=6)
    feedback.save_answer(rated, first, b, "trifft zu", 4)
    with pytest.raises(BudgetExceeded, match="höchstens 0"):
        feedback.save_answer(rated, first, c, "trifft zu", 1)
    with pytest.raises(BudgetExceeded, match="höchstens 4"):
        feedback.save_answer(rated, first, b, "trifft zu", 5)
    assert feedback.open_ballot(rated, first).answers[b].points == 4  # unchanged
    assert c not in feedback.open_ballot(rated, first).answers  # nothing written
    feedback.save_answer(rated, first, a, points=1)  # taking points back frees them
    feedback.save_answer(rated, first, c, "trifft zu", 5)
    assert feedback.open_ballot(rated, first).points_left == 0
    feedback.save_answer(rated, second, a, points=10)  # every token has its own budget
    with pytest.raises(InputError, match="Punktebudget"):
        feedback.issue_tokens(rated, 1, budget=0)
    [small] = feedback.issue_tokens(rated, 1, budget=3)
    with pytest.raises(BudgetExceeded):
        feedback.save_answer(rated, small, a, points=4)


# -- summary ---------------------------------------------------------------------------------
@pytest.mark.backends
def test_summary_numbers_on_a_hand_made_example(rated: Project) -> None:
    t1, t2 = feedback.issue_tokens(rated, 2, district="Manfort")
    t3, t4 = feedback.issue_tokens(rated, 2, workshop="Quartiersworkshop Opladen")
    a, b, c = (i.item_id for i in feedback.open_ballot(rated, t1).items)
    for token, item, rating, points, comment in [
        (t1, a, "trifft zu", 5, ""),
        (t2, a, "trifft zu", 3, ""),
        (t3, a, "trifft nicht zu", 0, ""),
        (t4, a, "weiß nicht", 2, "<script>alert(1)</script>"),
        (t1, b, "trifft zu", 0, ""),
        (t3, b, "trifft zu", 0, ""),
        (t2, b, None, 2, ""),
    ]:
        feedback.save_answer(rated, token, item, rating, points, comment)
    summary = feedback.feedback_summary(rated).set_index("item_id")
    first = summary.loc[a]
    assert (first.participants, first.agree, first.disagree, first.unsure, first.points) == (
        4, 2, 1, 1, 10,
    )  # fmt: skip
    assert first.agree_share == pytest.approx(2 / 3)
    assert first.division == pytest.approx(8 / 9)  # 4 · 2/3 · 1/3
    # Manfort 2:0 → (2+1)/(2+2) = 3/4, Opladen 0:1 → 1/3; geometric mean √(1/4) = 1/2
    assert first.group_consensus == pytest.approx(0.5)
    assert first.group_spread == pytest.approx(1.0)
    assert (first.groups, first.comments) == (2, 1)
    second = summary.loc[b]
    assert (second.participants, second.agree, second.disagree, second.points) == (3, 2, 0, 2)
    assert (second.agree_share, second.division) == (1.0, 0.0)
    assert second.group_consensus == pytest.approx(2 / 3) and second.group_spread == 0.0
    third = summary.loc[c]
    assert third.participants == 0 and math.isnan(third.agree_share)
    assert math.isnan(third.group_consensus) and third.groups == 0
    assert summary.loc[a, "kind"] == "Bedarf"

    by_workshop = feedback.feedback_summary(rated, by="workshop").set_index("item_id")
    # Manfort's tokens have no workshop: one group "ohne Zuordnung" beside Opladen's
    assert by_workshop.loc[a, "groups"] == 2
    feedback.save_answer(rated, t2, c, None, 0, "nur ein Kommentar")
    comments = feedback.feedback_comments(rated)
    assert comments[["group", "rating", "comment"]].values.tolist() == [
        ["Opladen", "weiß nicht", "<script>alert(1)</script>"],  # stored as given (escaped
        ["Manfort", "", "nur ein Kommentar"],  # by the views)
    ]
    assert feedback.feedback_status(rated) == {
        "rounds": 1,
        "tokens": 4,
        "participants": 4,
        "answers": 8,
    }


def test_consensus_measures() -> None:
    assert feedback.consensus(0, 0)[0] != feedback.consensus(0, 0)[0]  # NaN
    assert feedback.consensus(5, 5) == (0.5, 1.0)
    assert feedback.consensus(0, 3) == (0.0, 0.0)
    united, spread, groups = feedback.group_measures({"A": (9, 1), "B": (9, 1)})
    split, spread_split, _ = feedback.group_measures({"A": (10, 0), "B": (0, 10)})
    assert united > 0.7 and spread == 0.0 and groups == 2
    assert split < 0.35 and spread_split == 1.0  # each group united, the groups opposed
    assert math.isnan(feedback.group_measures({"A": (2, 0), "B": (0, 0)})[1])  # one group


# -- concurrency -------------------------------------------------------------------------------
PARTICIPANTS = 30


@pytest.mark.backends
def test_thirty_writers_at_once_threads(rated: Project) -> None:
    tokens = feedback.issue_tokens(rated, PARTICIPANTS)
    item = feedback.open_ballot(rated, tokens[0]).items[0].item_id
    barrier = threading.Barrier(PARTICIPANTS)
    errors: list[BaseException] = []

    def participant(n: int, token: str) -> None:
        with Project.open(rated.path) as own:  # each participant: its own engine (kernel)
            try:
                barrier.wait()  # a comment of its own, not the token's random start
                feedback.save_answer(own, token, item, "trifft zu", 1, f"Kommentar {n}")
            except BaseException as err:  # collected for the assertion
                errors.append(err)

    threads = [threading.Thread(target=participant, args=(n, t)) for n, t in enumerate(tokens)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert count(rated, FeedbackAnswer) == PARTICIPANTS
    assert feedback.feedback_summary(rated).set_index("item_id").loc[item, "points"] == 30


@pytest.mark.backends
def test_one_token_in_many_tabs_never_duplicates_or_overspends(rated: Project) -> None:
    [token] = feedback.issue_tokens(rated, 1)
    items = [i.item_id for i in feedback.open_ballot(rated, token).items]
    barrier = threading.Barrier(PARTICIPANTS)
    outcomes: list[str] = []

    def tab(n: int) -> None:
        with Project.open(rated.path) as own:
            barrier.wait()
            try:  # 30 saves of 4 points over 3 items: at most 10 points may stick
                feedback.save_answer(own, token, items[n % 3], "trifft zu", 4)
                outcomes.append("ok")
            except BudgetExceeded:
                outcomes.append("budget")

    threads = [threading.Thread(target=tab, args=(n,)) for n in range(PARTICIPANTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ballot = feedback.open_ballot(rated, token)
    assert len(outcomes) == PARTICIPANTS and "budget" in outcomes
    assert ballot.points_used <= ballot.budget
    assert len(ballot.answers) == 2 and count(rated, FeedbackAnswer) == 2


def _answer_in_process(path: str, token: str, item: int, start_at: float) -> str:
    import time

    from workbench import Project
    from workbench.participation import feedback

    with Project.open(path) as project:
        time.sleep(max(0.0, start_at - time.time()))  # all start writing at the same moment
        feedback.save_answer(project, token, item, "trifft nicht zu", 0, "eigener Prozess")
    return token


@pytest.mark.backends
def test_thirty_writers_at_once_processes(rated: Project) -> None:
    """30 processes (as 30 Voilà kernels are) write at the same moment."""
    import time

    tokens = feedback.issue_tokens(rated, PARTICIPANTS)
    item = feedback.open_ballot(rated, tokens[0]).items[1].item_id
    # fork: the children start without re-importing everything (spawn takes over a minute
    # on two cores); no database connection may cross the fork, so close the parent's.
    rated.engine.dispose()
    context = multiprocessing.get_context("fork")
    start_at = time.time() + 2
    with ProcessPoolExecutor(PARTICIPANTS, mp_context=context) as pool:
        done = list(
            pool.map(
                _answer_in_process,
                [str(rated.path)] * PARTICIPANTS,
                tokens,
                [item] * PARTICIPANTS,
                [start_at] * PARTICIPANTS,
            )
        )
    assert sorted(done) == sorted(tokens)
    with rated.session() as s:
        rows = s.execute(select(FeedbackAnswer.token_id, FeedbackAnswer.item_id)).all()
    assert len(rows) == PARTICIPANTS == len(set(rows))


# -- CLI ------------------------------------------------------------------------------------
def test_cli_tokens_and_feedback(
    rated: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ["--project", str(rated.path)]
    out = tmp_path / "codes.csv"
    assert main([*where, "tokens", "--n", "3", "--district", "Opladen", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "3 Zugangscodes (Opladen)" in printed
    assert "/voila/render/bedarfe_bewerten.ipynb?token=<Zugangscode>" in printed
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig"), delimiter=";"))
    assert len(rows) == 3 and all(r["url"].endswith(f"?token={r['token']}") for r in rows)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # the only copy of the codes

    assert main([*where, "tokens", "--n", "2", "--base-url", "https://beteiligung.example"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert lines[0] == "token;url" and len(lines) == 3
    assert lines[1].split(";")[1].startswith("https://beteiligung.example/voila/render/")
    assert "Link-Muster" in captured.err

    token = rows[0]["token"]
    item = feedback.open_ballot(rated, token).items[0].item_id
    feedback.save_answer(rated, token, item, "trifft zu", 7)
    assert main([*where, "feedback", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == {"answers": 1, "participants": 1, "rounds": 1, "tokens": 5}
    first = next(i for i in data["items"] if i["item_id"] == item)
    assert (first["agree"], first["points"], first["division"]) == (1, 7, 0.0)
    assert all(i["agree_share"] is None for i in data["items"] if i["item_id"] != item)

    assert main([*where, "feedback"]) == 0
    text = capsys.readouterr().out
    assert "1 von 5 Zugangscodes haben geantwortet" in text
    assert text.splitlines()[2].split()[:3] == [str(item), "Bedarf", "7"]  # most points first
    assert text.splitlines()[2].split()[7:9] == ["1,00", "0,00"]  # shares the German way

    assert main([*where, "tokens", "--n", "1", "--workshop", "Nirgendwo"]) == 2
    assert "Unbekannter Workshop" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main([*where, "tokens", "--n", "1", "--workshop", "A", "--district", "B"])
