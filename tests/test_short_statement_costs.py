"""Per-statement costs of the pseudonymiser on many short statements (session 44): the
same answers as before, without the work a statement cannot need."""

from __future__ import annotations

import pytest

from workbench.ingest import listed_scan
from workbench.ingest.person_keys import PersonKeys
from workbench.ingest.pseudonymise import Pseudonymiser


def _by_definition(text: str) -> bool:
    """Two capitals in a row, asked letter by letter (the definition)."""
    return any(ch.isupper() and text[at + 1 : at + 2].isupper() for at, ch in enumerate(text))


CAPITALS = [chr(c) for c in range(0x110000) if chr(c).isupper()]


def test_capitals_run_answers_as_letter_by_letter_for_every_capital() -> None:
    """The pre-check of two capitals in a row misses no capital of Unicode ("ŁU", "ΣΑ")."""
    from workbench.ingest.name_tokens import has_capitals_run

    others = ["a", "ß", " ", "-", ".", "1", "\u00a0", "\u200e", "*", "ä"]
    for capital in CAPITALS:
        for text in (capital * 2, f"x{capital}{capital}y", f"{capital}a{capital}", capital):
            assert has_capitals_run(text) == _by_definition(text), repr(text)
        for other in others:
            for text in (capital + other, other + capital, f"{capital}{other}{capital}"):
                assert has_capitals_run(text) == _by_definition(text), repr(text)


@pytest.mark.parametrize(
    "text",
    ["die Ampel ist zu kurz", "FRAU KAYA sagt", "Anna AWO", "laut ŁUKASZ", "A B", "", "a-B-C"],
)
def test_capitals_run_on_sentences(text: str) -> None:
    """Sentences with and without a word in capitals."""
    from workbench.ingest.name_tokens import has_capitals_run

    assert has_capitals_run(text) == _by_definition(text)


def test_unknown_word_is_answered_without_a_key_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Most words of a statement are no person of the key: ``get`` and ``in`` answer them
    without raising and catching a KeyError per word (Mapping's ``get`` did)."""
    known = {("person", "schmidt"): "[Person 1]", ("person", "müller"): "[Person 2]"}
    keys = PersonKeys(known)

    def raising(self: PersonKeys, word: str) -> str:
        raise AssertionError("get went through __getitem__")

    monkeypatch.setattr(PersonKeys, "__getitem__", raising)
    assert keys.get("ampel") is None
    assert keys.get("ampel", "x") == "x"
    assert keys.get("schmidt") == "schmidt"
    assert keys.get("mueller") == "müller"  # spelled without umlauts
    assert "schmidt" in keys and "ampel" not in keys


def test_person_keys_answers_stay_those_of_the_key() -> None:
    """``[]``, ``get`` and ``in`` agree, also after the key grew."""
    known: dict[tuple[str, str], str] = {("person", "schmidt"): "[Person 1]"}
    keys = PersonKeys(known)
    assert keys["schmidt"] == "schmidt" and keys.get("becker") is None
    with pytest.raises(KeyError):
        keys["becker"]
    known["person", "becker"] = "[Person 2]"
    assert keys.get("becker") == "becker" and "becker" in keys and keys["becker"] == "becker"


def test_statement_without_name_list_reads_no_listed_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a name list and confirmed words no statement's words are looked up in an
    empty index; the names are found as before."""

    class NoRuns:
        def findall(self, text: str) -> list[str]:
            raise AssertionError("words read for an empty name index")

        def __getattr__(self, name: str) -> object:
            return getattr(listed_scan.__dict__["_real_run"], name)

    monkeypatch.setitem(listed_scan.__dict__, "_real_run", listed_scan._WORD_RUN)
    monkeypatch.setattr(listed_scan, "_WORD_RUN", NoRuns())
    key = Pseudonymiser()
    out, _ = key.pseudonymise("Frau Anna Schmidt sagt, die Ampel ist zu kurz.")
    assert out == "[Person 1] sagt, die Ampel ist zu kurz."


@pytest.mark.parametrize(
    "text",
    [
        "Die Ampel am Markt ist kaputt, sagt Frau Anna Schmidt.",
        "Annas Idee und Becker's Vorschlag: mehr Bänke im Park.",
        "Laut Herrn Kowalczyk fehlt ein Café im Quartier.",
    ],
)
def test_the_key_is_asked_only_for_words_and_their_genitive_stems(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """The key is asked for a statement's words (and the stem of a word before a
    genitive "s" or an apostrophe-s), not for every word cut by one or two letters
    ("Ampel" → "ampe", "amp"): a genitive needs its "s"."""
    from workbench.ingest.name_tokens import tokens

    asked: list[str] = []
    real = PersonKeys._lookup

    def counted(self: PersonKeys, word: str) -> str | None:
        asked.append(word)
        return real(self, word)

    monkeypatch.setattr(PersonKeys, "_lookup", counted)
    key = Pseudonymiser()
    key.pseudonymise(text)
    words = {t.lower for t in tokens(text)}
    stems = {t.lower[:-1] for t in tokens(text) if t.text.endswith("s")}
    stems |= {t.lower[:-2] for t in tokens(text) if t.text.endswith(("'s", "’s"))}
    assert asked and set(asked) <= words | stems


def test_ascii_word_is_spelled_out_without_normalising(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key asks for every word's spelling with umlauts spelled out: a word in ASCII
    (most words) has none to spell out and nothing to compose; the answers stay those of
    the full way for every pair of ASCII characters and words with umlauts."""
    import unicodedata

    from workbench.store import district_spelling

    def full(name: str) -> str:
        composed = unicodedata.normalize("NFC", name).strip().casefold()
        return composed.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))

    ascii_pairs = [chr(a) + chr(b) for a in range(128) for b in range(128)]
    words = [*ascii_pairs, " Mueller ", "STRASSE", "Steinbu\u0308chel", " Straße ", "ÖZTÜRK"]
    expected = [full(w) for w in words]
    assert [district_spelling.spelled_out(w) for w in words] == expected

    class Refusing:
        @staticmethod
        def normalize(form: str, name: str) -> str:
            raise AssertionError("an ASCII word normalised")

    monkeypatch.setattr(district_spelling, "unicodedata", Refusing)
    assert district_spelling.spelled_out(" Mueller ") == "mueller"


def test_small_words_in_lower_case_are_not_asked_of_the_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A word in lower case that is no name so written ("die", "und", "ist": shorter than
    four letters or a word of the lists) is not looked up in the key; a known person's
    name typed in lower case still is, and replaced ("ja, kowalczyk, …")."""
    asked: list[str] = []
    real = PersonKeys._lookup

    def counted(self: PersonKeys, word: str) -> str | None:
        asked.append(word)
        return real(self, word)

    key = Pseudonymiser()
    key.pseudonymise("Frau Waltraud Kowalczyk kommt.")
    monkeypatch.setattr(PersonKeys, "_lookup", counted)
    out, _ = key.pseudonymise("ja, kowalczyk, die ampel ist zu kurz und wir warten")
    assert out == "ja, [Person 1], die ampel ist zu kurz und wir warten"
    assert "kowalczyk" in asked
    assert not {"ja", "die", "ist", "zu", "und", "wir"} & set(asked)
