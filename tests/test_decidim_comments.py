"""Decidim's comments export read beside its proposals export: a comment is found by its
Decidim ID and lies in its proposal's district."""

from __future__ import annotations

import csv
import doctest
from pathlib import Path

import pytest

from tests.conftest import stored_text
from workbench import Project
from workbench.cli.main import main
from workbench.ingest import decidim

SPACE = "https://beteiligung.example.org/processes/quartier/f/7/proposals"
PROPOSALS = [
    ["id", "category/name/de", "scope/id", "scope/name/de", "participatory_space/id",
     "component/id", "title/de", "body/de", "state", "reference", "supports", "comments",
     "published_at", "url", "author/name"],
    ["101", "Freizeit", "12", "Manfort", "2", "7", "Mehr Bänke am Rhein",
     "<p>Am Rheinufer fehlen Sitzbänke.</p>", "accepted", "LEV-PROP-2021-03-101", "14", "2",
     "2021-03-12 10:00:00 UTC", f"{SPACE}/101", "Jürgen Wieczorek"],
    ["102", "Jugend", "14", "Opladen", "2", "7", "Jugendtreff länger öffnen",
     "<p>Der Treff schließt um 18 Uhr.</p>", "evaluating", "LEV-PROP-2021-03-102", "9", "1",
     "2021-03-13 11:00:00 UTC", f"{SPACE}/102", "Hannelore Kaczmarek"],
    ["103", "Verkehr", "", "", "2", "7", "Busse am Abend", "<p>Abends fährt kein Bus.</p>",
     "evaluating", "LEV-PROP-2021-03-103", "3", "1", "2021-03-13 12:00:00 UTC",
     f"{SPACE}/103", "Kurt Meier"],
]  # fmt: skip
COMMENTS = [
    ["id", "created_at", "body/de", "locale", "author/id", "author/name", "alignment",
     "depth", "user_group/id", "user_group/name/de", "commentable_id", "commentable_type",
     "root_commentable_url"],
    ["501", "2021-03-14 09:00:00 UTC", "<p>Ja, unbedingt! Meine Mutter läuft nicht weit.</p>",
     "de", "77", "Anna Müller", "1", "0", "", "", "101", "Decidim::Proposals::Proposal",
     f"{SPACE}/101"],
    ["502", "2021-03-14 10:30:00 UTC", "<p>Genau, und Schatten wäre auch gut.</p>", "de",
     "78", "Peter Brandt", "0", "1", "", "", "501", "Decidim::Comments::Comment",
     f"{SPACE}/101/"],
    ["503", "2021-03-15 18:00:00 UTC", "<p>Bis 20 Uhr wäre gut.</p>", "de", "79",
     "Ayse Demir", "1", "0", "", "", "102", "Decidim::Proposals::Proposal", f"{SPACE}/102"],
    ["504", "2021-03-15 19:00:00 UTC", "<p>Der 250er fährt nur bis 19 Uhr.</p>", "de", "80",
     "Olga Nowak", "0", "0", "", "", "103", "Decidim::Proposals::Proposal", f"{SPACE}/103"],
]  # fmt: skip


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return path


def _import(project: Project, *arguments: str) -> int:
    return main(["--project", str(project.path), "import", *arguments])


def _places(project: Project) -> dict[str, str]:
    segments = project.segments()
    return dict(zip(segments["source_id"], segments["district"], strict=True))


def test_the_examples_in_the_docstrings_hold() -> None:
    assert doctest.testmod(decidim).failed == 0


def test_comments_imported_with_their_proposals_are_in_their_districts(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder with both exports (the comments' file first): every comment was stored
    city-wide under its line number; it belongs to its proposal's district, a reply too
    (its proposal only in the address), and is found by its Decidim ID. A proposal without
    scope leaves its comment city-wide."""
    _csv(tmp_path / "export" / "comments.csv", COMMENTS)
    _csv(tmp_path / "export" / "proposals.csv", PROPOSALS)
    assert _import(project, str(tmp_path / "export")) == 0
    out = capsys.readouterr().out
    assert "Spalte 'id' als ID erkannt" in out
    assert "3 Kommentare ohne eigenen Sozialraum im Sozialraum ihres Vorschlags" in out
    assert _places(project) == {
        "501": "Manfort",
        "502": "Manfort",
        "503": "Opladen",
        "504": "Gesamtstadt",
        "101": "Manfort",
        "102": "Opladen",
        "103": "Gesamtstadt",
    }
    stored = stored_text(project)
    assert "Müller" not in stored and "Wieczorek" not in stored


@pytest.mark.backends  # the stored proposals' addresses read on PostgreSQL too
def test_comments_imported_later_find_their_stored_proposals(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _import(project, str(_csv(tmp_path / "proposals.csv", PROPOSALS))) == 0
    assert _import(project, str(_csv(tmp_path / "comments.csv", COMMENTS))) == 0
    assert "3 Kommentare ohne eigenen Sozialraum" in capsys.readouterr().out
    places = _places(project)
    assert [places[c] for c in ("501", "502", "503", "504")] == [
        "Manfort",
        "Manfort",
        "Opladen",
        "Gesamtstadt",
    ]
    # --district for the file goes first
    other = _csv(tmp_path / "more" / "comments.csv", [COMMENTS[0], ["601", *COMMENTS[1][1:]]])
    assert _import(project, str(other), "--district", "Wiesdorf") == 0
    assert _places(project)["601"] == "Wiesdorf"


def test_mentions_hashtags_and_links_read_as_the_platform_shows_them(
    project: Project, tmp_path: Path
) -> None:
    """Decidim exports a comment's text as stored: a mention as the global ID of the
    account ("gid://…/Decidim::User/77", a number that names the person on the platform),
    a hashtag and a link to a proposal likewise. They were stored so, unreadable; now a
    mention is a profile, a hashtag and a proposal read as on the platform."""
    gid = "gid://lev-beteiligung/Decidim"
    said = (
        f"<p>{gid}::User/77 hat recht, siehe {gid}::Proposals::Proposal/102. "
        f"{gid}::Hashtag/3/_Spielplatz</p>"
    )
    rows = [COMMENTS[0], [*COMMENTS[1][:2], said, *COMMENTS[1][3:]]]
    assert _import(project, str(_csv(tmp_path / "comments.csv", rows))) == 0
    assert project.segments()["text"].tolist() == [
        "[Profil] hat recht, siehe Vorschlag 102. #Spielplatz"
    ]
    assert "gid://" not in stored_text(project) and "User/77" not in stored_text(project)


def test_comments_before_their_proposals_say_how_to_get_their_districts(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Comments imported alone stayed city-wide without a word, and a second import of
    the file after the proposals changes nothing: the import says so at once. A comment
    on a proposal without scope that is in the project is no such case."""
    assert _import(project, str(_csv(tmp_path / "comments.csv", COMMENTS))) == 0
    out = capsys.readouterr().out
    assert "4 Kommentare zu Vorschlägen, die weder im Projekt noch in diesem Import sind" in out
    assert "den Export der Vorschläge vorher oder zusammen mit ihnen importieren" in out

    assert _import(project, str(_csv(tmp_path / "proposals.csv", PROPOSALS))) == 0
    later = [COMMENTS[0], *(["6" + row[0][1:], *row[1:]] for row in COMMENTS[1:])]
    assert _import(project, str(_csv(tmp_path / "more.csv", later))) == 0
    out = capsys.readouterr().out
    assert "weder im Projekt" not in out and "3 Kommentare ohne eigenen Sozialraum" in out


def test_the_authors_account_number_is_not_stored_beside_the_pseudonym(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each comment kept "author/id: 77", the account's number on the platform (the same
    number a mention "gid://…/Decidim::User/77" has): it leads to the person, and the
    pseudonym from "author/name" already tells the comments of one person. Without a name
    column (a Pol.is "author-id") the number is the only trace and stays."""
    assert _import(project, str(_csv(tmp_path / "comments.csv", COMMENTS))) == 0
    assert "Spalte(n) author/id: weitere Personen" in capsys.readouterr().out
    attributes = project.segments()["attributes"].tolist()
    assert not any("author/id" in a for a in attributes)
    assert len({a["speaker"] for a in attributes}) == 4
    votes = [["comment-id", "author-id", "comment-body"], ["1", "17", "Mehr Licht am Markt."]]
    assert _import(project, str(_csv(tmp_path / "polis.csv", votes))) == 0
    assert project.segments()["attributes"].tolist()[-1]["author-id"] in (17, "17")


# Decidim's comments export without "root_commentable_url" (older versions): the proposal
# is only named by its ID, and a debate may have the same number as a proposal.
BARE = [
    *(row[:-1] for row in COMMENTS),
    ["505", "2021-03-16 09:00:00 UTC", "<p>Zur Debatte: lieber am Markt.</p>", "de", "81",
     "Olaf Berg", "0", "0", "", "", "102", "Decidim::Debates::Debate"],
    ["506", "2021-03-16 09:30:00 UTC", "<p>Stimmt, am Markt.</p>", "de", "82", "Ute Lange",
     "0", "1", "", "", "505", "Decidim::Comments::Comment"],
]  # fmt: skip


def test_comments_without_the_proposals_address_find_it_by_its_id(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without 'root_commentable_url' every comment stayed city-wide without a word, although
    'commentable_id' with the type Decidim::Proposals::Proposal names the proposal. A reply
    follows its root comment; a comment on debate 102 (and its reply) never takes proposal
    102's district."""
    _csv(tmp_path / "export" / "comments.csv", BARE)
    _csv(tmp_path / "export" / "proposals.csv", PROPOSALS)
    assert _import(project, str(tmp_path / "export")) == 0
    assert "3 Kommentare ohne eigenen Sozialraum im Sozialraum ihres Vorschlags" in (
        capsys.readouterr().out
    )
    places = _places(project)
    assert [places[c] for c in ("501", "502", "503", "504", "505", "506")] == [
        "Manfort", "Manfort", "Opladen", "Gesamtstadt", "Gesamtstadt", "Gesamtstadt",
    ]  # fmt: skip


def test_comments_by_id_stay_city_wide_when_two_components_have_that_proposal(
    project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stored comments later; a second Decidim (component 9, another address) also has a
    proposal 101 in Wiesdorf: comment 501 and its reply are not sure, the import says so;
    comment 503 on proposal 102 (only in component 7) finds Opladen."""
    other = "https://mitmachen.example.net/processes/rhein/f/9/proposals"
    second = [PROPOSALS[0], ["101", "Umwelt", "15", "Wiesdorf", "4", "9", "Bäume pflanzen",
              "<p>Mehr Bäume.</p>", "evaluating", "MIT-PROP-2022-01-101", "1", "0",
              "2022-01-10 10:00:00 UTC", f"{other}/101", "Kurt Meier"]]  # fmt: skip
    assert _import(project, str(_csv(tmp_path / "a" / "proposals.csv", PROPOSALS))) == 0
    assert _import(project, str(_csv(tmp_path / "b" / "proposals.csv", second))) == 0
    assert _import(project, str(_csv(tmp_path / "comments.csv", BARE))) == 0
    out = capsys.readouterr().out
    assert "2 Kommentare ohne Sozialraum gespeichert: die ID in Spalte 'commentable_id'" in out
    places = project.segments().set_index("source_id")["district"]
    assert [places[c] for c in ("501", "502", "503", "505")] == [
        "Gesamtstadt", "Gesamtstadt", "Opladen", "Gesamtstadt",
    ]  # fmt: skip


def test_a_reply_follows_its_comment_in_the_import_not_a_stored_namesake(
    project: Project, tmp_path: Path
) -> None:
    """The project holds another Decidim's comment 501 (on a debate): reply 502 of this
    import follows this import's comment 501 to proposal 101 (Manfort), not the stored one."""
    debate = [BARE[0], ["501", "2020-01-01 09:00:00 UTC", "<p>Lieber am Markt.</p>", "de",
              "90", "Rita Sommer", "0", "0", "", "", "7", "Decidim::Debates::Debate"]]  # fmt: skip
    assert _import(project, str(_csv(tmp_path / "alt" / "debatte.csv", debate))) == 0
    _csv(tmp_path / "export" / "comments.csv", BARE)
    _csv(tmp_path / "export" / "proposals.csv", PROPOSALS)
    assert _import(project, str(tmp_path / "export")) == 0
    places = project.segments().set_index("source_id")["district"]
    assert places["502"] == "Manfort"
