"""Names written in capitals (card walls, sticky notes, a surname stressed) are names."""

from __future__ import annotations

import gc
import re
import time

import pytest

from workbench.ingest.caps_view import CapsView
from workbench.ingest.guessed_names import NotePseudonymiser
from workbench.ingest.pseudonymise import Pseudonymiser


def _shows(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Frau KAYA hat geholfen.", ["KAYA"]),
        ("HERR SCHMIDT kommt morgen.", ["SCHMIDT"]),
        ("Danke an FRAU KAYA!", ["KAYA"]),
        ("ANNA SCHMIDT sagt das.", ["ANNA", "SCHMIDT"]),
        ("Frau Dr. MÜLLER war da.", ["MÜLLER"]),
        ("Anna SCHMIDT sagt", ["SCHMIDT"]),
        ("FRAU PROF. DR. ÖZTÜRK HAT DEN RAUM", ["ÖZTÜRK"]),
        ("Wir haben mit Hr. KOWALSKI gesprochen.", ["KOWALSKI"]),
        ("FRAU KAYA VOM JUGENDZENTRUM KENNT ALLE FAMILIEN", ["KAYA"]),
        ("Gestern war MEHMET YILMAZ im Treff.", ["MEHMET", "YILMAZ"]),
        ("Franjo MEIER-RENZ sagt das.", ["MEIER-RENZ"]),
    ],
)
def test_a_name_in_capitals_is_replaced(text: str, names: list[str]) -> None:
    out, replacements = Pseudonymiser({}).pseudonymise(text)
    assert not [n for n in names if _shows(n, out)], out
    # the key keeps the name as written
    assert any(names[-1] in r.original for r in replacements if r.kind == "person")


def test_the_words_around_a_name_in_capitals_stay() -> None:
    out, _ = Pseudonymiser({}).pseudonymise("FRAU KAYA VOM JUGENDZENTRUM KENNT ALLE FAMILIEN")
    assert out == "[Person 1] VOM JUGENDZENTRUM KENNT ALLE FAMILIEN"


def test_a_known_person_in_capitals_is_that_person() -> None:
    pseudonymiser = Pseudonymiser({})
    out, _ = pseudonymiser.pseudonymise("Frau Kaya hilft. KAYA kommt auch.")
    assert out == "[Person 1] hilft. [Person 1] kommt auch."
    # the genitive's "S" stays, as the "s" of "Kayas Idee" does
    assert pseudonymiser.pseudonymise("KAYAS Idee war gut.")[0] == "[Person 1]S Idee war gut."
    pseudonymiser.pseudonymise("Herr Weiß kam.")
    assert pseudonymiser.pseudonymise("Frau Weiß kam. WEISS kommt auch.")[0] == (
        "[Person 2] kam. [Person 2] kommt auch."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Die AWO hat einen Termin.",
        "Laut AWO fehlen Plätze.",
        "SPD und CDU kommen morgen.",
        "KITA kommt morgen.",
        "Thema: ÖPNV und Radwege",
        "HILFE!",
        "ACHTUNG BAUSTELLE",
        "WIR BRAUCHEN MEHR BÄNKE",
        "HERR DER RINGE LESEKREIS",
        "FRAU UND MANN GLEICHBERECHTIGT",
        "EINE FRAU ANFANG 40 HAT GEFRAGT",
        "JEDE FRAU ZÄHLT",
        "IM MAI KOMMT DER WOCHENMARKT",
        "FRANK UND FREI REDEN",
        "ANNE-FRANK-SCHULE BRAUCHT MEHR RÄUME",
        "PROTOKOLL QUARTIERSWORKSHOP MANFORT",
        "SEHR GEEHRTE DAMEN UND HERREN",
    ],
)
def test_capitals_of_ordinary_text_stay(text: str) -> None:
    assert Pseudonymiser({}).pseudonymise(text)[0] == text


def test_a_known_surname_that_is_a_word_stays_a_word_in_capitals() -> None:
    pseudonymiser = Pseudonymiser({})
    pseudonymiser.pseudonymise("Frau Koch hilft.")
    assert pseudonymiser.pseudonymise("KOCH GESUCHT FÜR DIE MENSA")[0] == (
        "KOCH GESUCHT FÜR DIE MENSA"
    )


def test_capitals_whose_lower_case_is_longer_keep_their_place() -> None:
    # "İ" lowers to two characters: the view keeps it, every position stays exact
    out, replacements = Pseudonymiser({}).pseudonymise("Danke an FRAU YİĞİT, sie KAM.")
    assert out == "Danke an [Person 1], sie KAM."
    assert replacements[0].original == "FRAU YİĞİT"
    view = CapsView.of("FRAU GROẞ İST DA", lambda word: False)
    assert view is not None and len(view.text) == len("FRAU GROẞ İST DA")
    assert view.text.startswith("Frau Groß ")


def test_a_comment_names_a_person_in_capitals() -> None:
    out, _ = NotePseudonymiser({}).pseudonymise("Danke an FRAU KAYA für die Hilfe!")
    assert "KAYA" not in out and out.endswith("für die Hilfe!")


def test_an_iban_in_capitals_stays_an_iban() -> None:
    # "IBAN" is also a first name, "DE" of "DE89" a surname particle: no name of a code
    out, _ = Pseudonymiser({}).pseudonymise("Konto des Vereins, IBAN DE89 3704 0044 0532 0130 00.")
    assert out == "Konto des Vereins, IBAN [Bankverbindung]."


def test_capitals_do_not_slow_an_import_with_a_long_name_list() -> None:
    """Every text with two capitals in a row ("AWO", "SPD") folded the whole name list
    again: 300 texts with 5,000 listed authors took eight times as long as without."""
    names = [f"{first} Nachname{i}" for i in range(1000) for first in ("Anna", "Jens", "Ewa")]
    names += [f"Merle Quandt{i}" for i in range(2000)]

    def cpu(texts: list[str]) -> float:
        """The least CPU time of three runs, without the garbage collector: a collection of
        a worker's whole heap, or another thread's work, lands in one run, not in all."""
        times = []
        for _ in range(3):
            pseudonymiser = Pseudonymiser({})
            gc.collect()
            gc.disable()
            try:
                started = time.process_time()
                for text in texts:
                    pseudonymiser.pseudonymise(text, names)
                times.append(time.process_time() - started)
            finally:
                gc.enable()
        return min(times)

    plain = [f"Die Awo und die Spd laden am {i}. Mai ein, es fehlt Licht." for i in range(150)]
    capitals = [text.replace("Awo", "AWO").replace("Spd", "SPD") for text in plain]
    cpu(plain[:5])  # the name list's index, built once for both
    assert cpu(capitals) < 2.5 * cpu(plain) + 0.5
