"""Words that open a ``Label:`` line but name no speaker (pure): a word of speech that opens a
point ("Erstens", "Außerdem", "Zum Beispiel") or a field of a note or an e-mail's head
("E-Mail", "Tel.", "Betreff", "Von"); moved from :mod:`workbench.ingest.speaker_labels`."""

from __future__ import annotations

import re

# Words that open a point within a turn ("Erstens: …", "Außerdem: …", "Zum Beispiel: …"):
# never a speaker, and no role either (unlike "Frage", "Fazit": labels of a record)
_DISCOURSE = frozenset(
    (
        "erstens zweitens drittens viertens fünftens sechstens siebtens achtens neuntens "
        "zehntens außerdem ausserdem zudem ebenso weiterhin dazu also allerdings "
        "beispiel beispiele beispielsweise nachtrag zusammenfassung zusammengefasst "
        "wichtig achtung übrigens uebrigens konkret insgesamt grundsätzlich "
        "schließlich schliesslich zuletzt abschließend abschliessend einerseits andererseits "
        "stichwort stichworte aber und oder letztens ps p.s."
    ).split()
) | {
    "zum beispiel",
    "zum schluss",
    "zum abschluss",
    "kurz gesagt",
    "mit anderen worten",
    "last but not least",
    "und außerdem",
    "und zweitens",
    "und drittens",
    "noch etwas",
    "noch was",
    "eine frage",
    "meine frage",
    "ein beispiel",
    "mein vorschlag",
    "ein vorschlag",
}
# An answer or thanks before the point ("Ja: mehr Licht am Spielplatz", "Genau: …"); after a
# message's time ("[18:01] Okay : …") the nickname of a chat's sender (:func:`is_answer_word`)
_ANSWERS = frozenset(
    "ja nein jein genau stimmt danke okay ok richtig eben doch klar super absolut exakt "
    # a start of what is said ("Gut: dann machen wir weiter", "Moment: …", "Naja: …")
    "korrekt gut moment naja tja".split()
)
_DISCOURSE |= _ANSWERS
# Fields of a note typed within a turn or message ("E-Mail: quartier@…", "Tel.: …",
# "Betreff: …", "Zoom-Link: …", an e-mail's "Von: …"): never a speaker either
_NOTE_FIELDS = frozenset(
    (
        "e-mail email mail e-mail-adresse mailadresse mail-adresse tel tel. telefon "
        "telefonnummer handy mobil fax betreff subject adresse anschrift web website "
        "webseite homepage internet link zoom-link teams-link einwahl einwahllink meeting-id "
        "kenncode passcode passwort password kontakt kontaktdaten sprechzeiten öffnungszeiten "
        # the head of an e-mail read out or pasted ("Von: Grünflächenamt", "Gesendet: …")
        "von gesendet cc bcc from sent weitergeleitet"
    ).split()
) | {"meeting id", "zoom link", "gesendet am", "gesendet von"}
# The fields of an e-mail's head, in any order after its first ("Von: …", "Gesendet: …",
# "An: …", "Cc: …", "Betreff: …"; Thunderbird: "Betreff", "Datum", "Von", "An")
_MAIL_FIELDS = frozenset(
    "von gesendet an cc bcc betreff datum from sent to subject date".split()
) | {"gesendet am"}
# Fields that are surnames too: "Link: Der Spielplatz ist gesperrt." is said by Herr Link
_SURNAME_FIELDS = frozenset({"link"})
# Answer words that are surnames too: "Klar: Der Spielplatz ist gesperrt." is said by Frau
# Klar (as "Schmidt: …" by Herr Schmidt), "Klar: das machen wir" answers within a turn
_SURNAME_ANSWERS = frozenset({"klar", "richtig", "gut", "naja"})  # Herr Gut, Naja Kaya
_SENTENCE = re.compile(r"\S+(?:\s+\S+){3,}[.!?]\W*$")
# A speaker's code in capitals ("CC", "BCC"): initials, even where they spell a note's field
_INITIALS = re.compile(r"[A-ZÄÖÜ]{2,3}")


def is_discourse(who: str, said: str | None = None) -> bool:
    """Whether a ``Label:`` that opens a line is a word of speech that opens a point
    ("Erstens", "Außerdem", "Zum Beispiel", "Nachtrag") or a field of a note ("E-Mail",
    "Tel.", "Betreff"), never a speaker. ``said``: the text after it; a sentence there
    makes a field that is a surname too ("Link") a speaker, and a capitalised sentence an
    answer word that is one ("Klar: Der Park ist dunkel.", not "Klar: das machen wir").

    >>> is_discourse("Zweitens"), is_discourse("zum Beispiel"), is_discourse("Anna")
    (True, True, False)
    >>> is_discourse("E-Mail"), is_discourse("Betreff"), is_discourse("CC")
    (True, True, False)
    >>> is_discourse("Link", "https://zoom.us/j/123"), is_discourse("Link", "Das ist gut so.")
    (True, False)
    """
    folded = " ".join(who.split()).casefold()
    if _INITIALS.fullmatch(who.strip()):  # "CC: …" is a speaker's code, "Cc: …" a field
        return folded in _DISCOURSE
    if folded in _SURNAME_FIELDS and said and _SENTENCE.search(said) and "://" not in said:
        return False
    if folded in _SURNAME_ANSWERS and said and said[0].isupper() and _SENTENCE.search(said):
        return False
    return folded in _DISCOURSE or folded in _NOTE_FIELDS


def is_answer_word(who: str) -> bool:
    """Whether a ``Label:`` is an answer or thanks ("Ja", "Okay", "Super"), which opens a
    point within a message but names a sender after the message's time ("[18:01] Okay : …").

    >>> is_answer_word("Okay"), is_answer_word("super"), is_answer_word("Erstens")
    (True, True, False)
    """
    return " ".join(who.split()).casefold() in _ANSWERS


def is_mail_field(who: str) -> bool:
    """Whether a ``Label:`` is a field of an e-mail's head ("Von", "An", "CC", "Betreff").

    >>> is_mail_field("An"), is_mail_field("cc"), is_mail_field("Anna")
    (True, True, False)
    """
    return " ".join(who.split()).casefold() in _MAIL_FIELDS


# The labels of a question-and-answer record ("Frage: …", "Ergebnis: …"): not people, never
# pseudonymised (speaker_labels' roles), and a protocol's lead-ins (:func:`is_lead_in`)
RECORD_LABELS = (
    "Frage Antwort Rückfrage Nachfrage Anmerkung Hinweis Ergänzung Zwischenruf Kommentar "
    "Ergebnis Fazit Beschluss Vorschlag Idee Notiz Thema"
).split()


# The keys a protocol opens its statements with ("Ergebnis: …", "Idee: …", "Thema 1: …"):
# the record's labels speaker_labels counts as roles (a question-and-answer record's
# "Frage", "Hinweis", "Fazit", "Idee", "Thema") and the nouns of a card query ("Ziel",
# "Problem", "Bedarf"): labels of statements, no one who speaks
_LEAD_IN_KEYS = frozenset(label.casefold() for label in RECORD_LABELS) | frozenset(
    (
        "fragen antworten anmerkungen hinweise wortmeldung stellungnahme ergebnisse "
        "vorschläge ideen notizen ziel ziele problem probleme bedarf bedarfe ressource "
        "ressourcen maßnahme maßnahmen lösung wunsch wünsche kritik anregung"
    ).split()
)
_KEY_NUMBER = re.compile(r"\s*_?\s*\d{1,3}[a-z]?$")


def is_lead_in(who: str) -> bool:
    """Whether a ``Label:`` is a protocol's lead-in key, numbered or not ("Ergebnis",
    "Idee", "Thema 1", "Ziel"): a statement's label, never who speaks, where every label
    of a text is one (speaker_labels reads "Frage"/"Ergebnis" as a record's roles).

    >>> is_lead_in("Thema 1"), is_lead_in("Ergebnis"), is_lead_in("Sprecher 1")
    (True, True, False)
    >>> is_lead_in("Moderation"), is_lead_in("Anna Schmidt"), is_lead_in("**Idee**")
    (False, False, True)
    """
    key = _KEY_NUMBER.sub("", " ".join(who.strip(" *_").split()))
    return key.casefold() in _LEAD_IN_KEYS
