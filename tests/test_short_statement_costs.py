"""Per-statement costs of the pseudonymiser on many short statements (session 44): the
same answers as before, without the work a statement cannot need."""

from __future__ import annotations

import pytest

from workbench.ingest.person_keys import PersonKeys


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
