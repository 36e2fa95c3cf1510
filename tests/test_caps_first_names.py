"""A first name alone or a surname after a cue in capitals is a name, as in title case;
a noun, a compound or a verb after a first name in capitals is none."""

from __future__ import annotations

import pytest

from workbench.ingest.pseudonymise import Pseudonymiser


def _out(text: str) -> str:
    return Pseudonymiser({}).pseudonymise(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name alone: after a cue, before a verb, two of them before a verb
        ("JONAS UND LEA HABEN GEHOLFEN", "[Person 1] UND [Person 2] HABEN GEHOLFEN"),
        ("DANKE AN JENS", "DANKE AN [Person 1]"),
        ("LEA SAGT, DER PARK IST ZU DUNKEL", "[Person 1] SAGT, DER PARK IST ZU DUNKEL"),
        ("GRÜSSE AN BIRGIT!", "GRÜSSE AN [Person 1]!"),
        ("PETER WOLLTE KOMMEN", "[Person 1] WOLLTE KOMMEN"),
        ("FRAGE VON MEHMET: WANN KOMMT DER BUS?", "FRAGE VON [Person 1]: WANN KOMMT DER BUS?"),
        # a surname after a cue
        ("SAGT KRÄMER", "SAGT [Person 1]"),
        ("LAUT PETRENKO FEHLT EIN ZEBRASTREIFEN", "LAUT [Person 1] FEHLT EIN ZEBRASTREIFEN"),
        ("ZU LAUT, SAGT NOWAK", "ZU LAUT, SAGT [Person 1]"),
    ],
)
def test_a_name_in_capitals_is_replaced_as_in_title_case(text: str, expected: str) -> None:
    assert _out(text) == expected
    # the same words in title case: the same people
    assert _out(text.title()).count("[Person") == expected.count("[Person")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compound the noun list lacks, a verb: no surname (the first name alone stays)
        ("LEA STADTTEILBÜRO", "LEA STADTTEILBÜRO"),
        ("FINN NACHBARSCHAFTSCAFÉ", "FINN NACHBARSCHAFTSCAFÉ"),
        ("MARIA BOLZPLATZGRUPPE", "MARIA BOLZPLATZGRUPPE"),
        ("KAI SANIEREN", "KAI SANIEREN"),
        ("MARIA WOLLTE HELFEN", "[Person 1] WOLLTE HELFEN"),
        ("HERR DOKTOR WEISS BESCHEID", "HERR DOKTOR WEISS BESCHEID"),
        ("HERR DOKTOR WEISS KOMMT", "[Person 1] KOMMT"),
    ],
)
def test_a_word_after_a_name_in_capitals_that_is_no_surname_stays(text: str, expected: str) -> None:
    assert _out(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "MAX UND MORITZ",
        "ROMEO UND JULIA",
        "DER LEO IST EIN LÖWE",
        "KAI AN DER ELBE",
        "EMMA LESEN",
        "MAX 30 PERSONEN",
        "FRANK UND FREI REDEN",
        "PAUL-GERHARDT-SCHULE",
        "TREFFEN IM ANNA-HAUS",
        "SPIELPLATZ AN DER MARKUS-KIRCHE",
        "EMIL-NOLDE-STRASSE",
        "KOSTEN: 20 MARK",
        "DIE ROSE BLÜHT",
        "LAUT PLAN AB MAI",
        "LAUT UMFRAGE FEHLT EIN TREFF",
        "SAGT DIE POLIZEI",
        "BIS AUGUST FERTIG",
        "MERLE TREFFPUNKT",
    ],
)
def test_a_first_name_in_capitals_without_a_cue_or_verb_stays(text: str) -> None:
    assert _out(text) == text
