"""What stands before a word that may be a name (:mod:`workbench.ingest.names`).

A cue right before a capitalised word makes it a name: a speech verb ("…, betont Krämer",
"Dazu sagt Krämer"), a label with a colon ("Kontakt: …"), "…, so Yilmaz", a self-introduction
("ich heiße …", "Mein Name ist …") or a weak cue ("laut", "bei", "mit"). A speech verb is
a cue only where it comes before its subject;
where the subject stands before it ("Frau Demirtaş betont Ältere", "Sie sagt Jüngere …",
"Die Leiterin betont Alleinerziehende") the word after the verb is its object. Around a
nationality word ("German", "Polish") its neighbours say whether it names a language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from workbench.ingest import name_lists as lists
from workbench.ingest.name_tokens import (
    FOREIGN_LETTERS,
    PLACEHOLDER,
    Tok,
    clause_start,
    last_char,
    search_before,
)
from workbench.ingest.protocol_title import is_event

# Where a clause begins: a sentence end, a comma, a colon, a dash or a quotation mark
_CLAUSE_MARKS = '.!?;:,\n–—"„“”»«'
_CLAUSE_END = re.compile(f"[{_CLAUSE_MARKS}]")
# What follows a speaker named after "sagt,": a colon or a comma ("Dazu sagt, Krämer: …")
_SPEAKER_AFTER = re.compile(r"[ \u00a0]*[:,]")
# Articles of a subject ("Die Leiterin betont …"; "Im Anschluss betont …" has none)
_SUBJECT_ARTICLES = frozenset(
    "der die das ein eine kein keine unser unsere mein meine dein deine ihr ihre sein seine "
    "dieser diese dieses jeder jede jedes".split()
)

# Who signs a letter or a protocol: "gez.", "i. A." (im Auftrag), "i. V." (in Vertretung)
_SIGNED = re.compile(
    # "gez. Tjaden", "i.A. Tjaden", and post "c/o Tjaden" (care of: the person it goes to)
    r"(?:(?:\b[Gg]ez|(?<![\w.])i\.[ \u00a0]?[AV])\.|(?<![\w/])[Cc]/[Oo])[ \u00a0]*$"
)
# … but a firm or an office there is no person: "c/o Firma Müller GmbH", "gez. Fa. Bauer"
_FIRM_WORDS = lists.INSTITUTION_NOUNS | frozenset(
    "firma fa kanzlei agentur hausverwaltung verwaltung betrieb geschaftsstelle".split()
)
# … also as the end of a compound: "c/o Gemeinschaftspraxis Dr. Weber", "c/o Steuerbüro Meyer"
_FIRM_ENDS = (
    "praxis kanzlei buro firma agentur verwaltung betrieb zentrum verein amt stelle "
    "schule kita stiftung"
).split()


def firm(folded: str) -> bool:
    """Whether a folded word names a firm or an office ("firma", "gemeinschaftspraxis")."""
    return folded in _FIRM_WORDS or any(
        folded.endswith(end) and len(folded) > len(end) + 2 for end in _FIRM_ENDS
    )


# Words a person introduces themselves with: "ich heiße …", "Mein Name ist …"
_INTRODUCTIONS = frozenset((("ich", "heisse"), ("ich", "heiss"), ("mein", "name", "ist")))
# "Ich bin die Jessi", "ich bin der Nico" (chats, transcripts) — not "Ich bin die Neue",
# "… der Ansicht", "… die Mama von Lea", "… der Koordinator"
_SELF_NAMED = frozenset((("ich", "bin", "die"), ("ich", "bin", "der")))
# household words and nouns with those endings ("der Azubi") aside, a name said so ends
# like a short or foreign first name ("Jessi", "Conny", "Nico"), not like a noun; Turkish
# first names end in syllables no German noun ends in ("Gülcan", "Sevgül", "Aygün")
_SELF_NAME_END = re.compile(r"(?:[^e]i|y|o|a|u|can|gul|gun|nur|naz|han|lem)$")
_NOT_SELF = frozenset(
    "mama papa mami papi mutti vati oma opa azubi profi promi diva studi ersti zivi sani wessi "
    "jury guru yogi".split()
)
# … and compounds of them ("die Hausfrau", "die Leihoma", "die Kita-Mama"; not "Paloma")
_SELF_COMPOUND = re.compile(
    r"(?:-|^.{3,})(?:mama|mami|papa|papi|mutti|vati|frau|studi|sani)$|(?:-|^.{4,})(?:oma|omi|opa|opi)$"
)
# … and where the name ends: the clause, "und", "aus", "von", or a surname
_SELF_END = re.compile(r"\s*(?:$|[.,!?:;)–-]|(?:und|aus|von|vom|hier|übrigens)\b|[A-ZÄÖÜ])")
# "Das hat Gülcan gesagt": the auxiliary, the participles of speaking, and what is said
_PERFECT = frozenset(("hat", "hatte"))
_SPOKEN = frozenset(
    "gesagt gemeint erzahlt betont gefragt erklart berichtet geschrieben erganzt angemerkt "
    "vorgeschlagen".split()
)
_SAID_WORDS = frozenset("danke nein ja tschuss hallo bitte gute".split())
# "Becker hat's gesagt", "Becker hat uns erzählt": the auxiliary after the speaker, with
# its "es" or one short word between it and the participle
_HAS = _PERFECT | frozenset("hat's hatte's hat’s hatte’s".split())
_BETWEEN = frozenset("es das uns mir ihm ihr euch dir auch so schon ja doch oft".split())
_POSSESSIVES = _SUBJECT_ARTICLES | frozenset("ihren euren deinen seinen unseren".split())
# "ich heiße Windräder gut", "… Neulinge willkommen": approving or welcoming, no name
_APPROVALS = frozenset(("gut", "willkommen"))


def cue_before(text: str, toks: list[Tok], i: int) -> tuple[bool, bool]:
    """Whether a strong or a weak cue stands right before token ``i``."""
    if i == 0:
        return False, False
    prev = toks[i - 1]
    gap = text[prev.end : toks[i].start]
    if prev.folded in lists.STRONG_CUES and gap.strip(" ,\u00a0") == "":
        # "Viele Grüße, Tom" names him; "Anna Schmidt sagt, Licht fehlt" begins what she
        # said: after a speech verb and a comma comes the reported clause, no speaker —
        # unless a colon or a comma follows the word ("Dazu sagt, Krämer: …"); a weak cue
        # still (a surname there is a person: "Schulz sagt, Kowalczyk …")
        reported = "," in gap and prev.folded in lists.SPEECH_VERBS
        if reported and _SPEAKER_AFTER.match(text, toks[i].end):
            return True, False
        return not reported, reported
    if prev.folded in lists.LABEL_CUES and gap.strip(" \u00a0") == ":":
        # "Protokoll: Quartiersworkshop Opladen" names the event, no minute-taker
        return not is_event(toks[i].text), False
    if _signed(text, toks[i].start):  # "gez. Tjaden", "i.A. Tjaden"
        return not firm(toks[i].folded), False
    if prev.lower == "so" and gap == " " and last_char(text, prev.start) == ",":
        return True, False
    if introduced(text, toks, i):
        return True, False
    if prev.folded in lists.WEAK_CUES and gap == " ":
        pair = i >= 2 and toks[i - 2].folded in lists.PAIR_CUES
        # "Anmeldung bei …", "Rückfragen an …" name a person; "Informationen über …"
        # and "Beschwerden über …" name a topic, so "über" stays a weak cue.
        pair = pair and prev.lower in ("bei", "an")
        return pair, not pair
    return False, False


def signed_off(text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` stands alone on its line right after a sign-off and a line break
    or a blank line ("Viele Grüße\n\nKaya", "Mit freundlichen Grüßen\nTerhorst"): who
    signs; whether the word is a surname the caller decides ("Viele Grüße\n\nOpladen")."""
    if i == 0 or toks[i - 1].folded not in lists.SIGN_OFFS:
        return False
    gap = text[toks[i - 1].end : toks[i].start].replace("\r", "")
    if "\n" not in gap or gap.strip(" ,\n") or gap.count("\n") > 2:
        return False
    end = text.find("\n", toks[i].end)
    return not text[toks[i].end : len(text) if end < 0 else end].strip(" .!\r")


def signed_pair(text: str, toks: list[Tok], i: int) -> bool:
    """Whether ``toks[i]`` and the word after it, one blank between, make up their line
    right after a sign-off and a line break or a blank line ("LG\nTjorven Kettelhack", an
    initial "LG\nT. Kettelhack",
    "Viele Grüße\n\nCaritas Sozialstation"): who signs, or an office; which the caller
    decides."""
    if i + 1 >= len(toks):
        return False
    blank = text[toks[i].end : toks[i + 1].start]
    if blank != " " and not (blank == ". " and len(toks[i].text) == 1):  # "LG\nT. Kettelhack"
        return False
    if i == 0 or toks[i - 1].folded not in lists.SIGN_OFFS:
        return False
    gap = text[toks[i - 1].end : toks[i].start].replace("\r", "")
    if "\n" not in gap or gap.strip(" ,\n") or gap.count("\n") > 2:
        return False
    end = text.find("\n", toks[i + 1].end)
    return not text[toks[i + 1].end : len(text) if end < 0 else end].strip(" .!\r")


def _signed(text: str, end: int) -> bool:
    """Whether "gez.", "i. A." or "c/o" (and blanks) end ``text[:end]``; only its last
    characters are read (the longest sign, "i. A.", has five)."""
    return search_before(_SIGNED, text, end, " \u00a0\n", 8) is not None


def introduced(text: str, toks: list[Tok], i: int) -> bool:
    """Whether token ``i`` is the name a person introduces themselves with ("ich heiße
    Jessi", "Mein Name ist Okke Tjaden", "Ich bin die Jessi"; not "ich heiße Ihre Idee
    gut", "Ich bin die Neue")."""
    if i == 0 or text[toks[i - 1].end : toks[i].start] != " " or toks[i].folded in _POSSESSIVES:
        return False
    before = [t.folded for t in toks[max(i - 3, 0) : i]]
    if tuple(before[-2:]) in _INTRODUCTIONS:
        return not _approves(text, toks, i)
    if tuple(before) in _SELF_NAMED:
        word = toks[i].folded
        spelled = bool(_SELF_NAME_END.search(word) or FOREIGN_LETTERS.search(toks[i].text))
        named = spelled and word not in _NOT_SELF and not _SELF_COMPOUND.search(word)
        return named and _SELF_END.match(text, toks[i].end) is not None
    return tuple(before) in _INTRODUCTIONS


def _approves(text: str, toks: list[Tok], i: int) -> bool:
    """Whether "ich heiße" before token ``i`` approves or welcomes what follows: "gut" or
    "willkommen" in its clause ("Ich heiße Fahrverbote nicht gut", "… Neulinge herzlich
    willkommen"), not after "und" ("Ich heiße Jessi und finde das gut")."""
    for j in range(i + 1, len(toks)):
        gap = text[toks[j - 1].end : toks[j].start]
        if _CLAUSE_END.search(gap) or toks[j].lower in ("und", "aber", "oder"):
            return False
        if toks[j].text in _APPROVALS:
            return True
    return False


_ASIDE = re.compile(r" \([^()\n!?]{1,60}\) |, [^,()\n!?:;]{1,40}, ")


def past_aside(
    text: str, toks: list[Tok], last: int, is_role: Callable[[Tok], bool]
) -> tuple[int, bool]:
    """The index of the word after a name ending at token ``last``, past an aside in
    brackets or commas ("Schmitz (AWO) sagt", "Kowalski, Caritas, berichtet"), and whether
    the aside is a role in brackets ("Jansen (Pfarrer)")."""
    m = _ASIDE.match(text, toks[last].end)
    if m is None:
        return last + 1, False
    k = next((n for n in range(last + 1, len(toks)) if toks[n].start >= m.end()), len(toks))
    # a role in commas may open a list ("Bauern, Bürgermeister, Gemeinderäte")
    return k, m.group().startswith(" (") and k == last + 2 and is_role(toks[last + 1])


# Words that open the subject after a verb ("Von Seiten sagte die Stadt", "… keiner")
_SUBJECT_OPENERS = frozenset("der die das ein eine keiner keine jeder alle viele es".split())


def sentence_particles(text: str, toks: list[Tok], i: int) -> int | None:
    """The first of the particles opening a sentence before token ``i`` ("Von Weizsäcker",
    "Da Silva", "De La Cruz"), or None; "zu" is left out ("Zu Hause sagt man …")."""
    j = i
    while (
        j > 0
        and toks[j - 1].lower in lists.PARTICLES
        and text[toks[j - 1].end : toks[j].start] == " "
    ):
        j -= 1
    first = toks[j]
    if j == i or not first.sentence_start or first.lower not in lists.LEADING_PARTICLES:
        return None
    return j if first.text[0].isupper() and first.lower != "zu" else None


def speaks(text: str, toks: list[Tok], last: int, after: Tok | None, inverted: list[Tok]) -> bool:
    """Whether a speech verb follows the name ending at token ``last`` ("… sagte, …") and
    has no subject of its own after it ("Von Hand sagt man", "Von Seiten sagte die Stadt")."""
    return (
        after is not None
        and after.folded in lists.SPEECH_VERBS
        and text[toks[last].end : after.start] == " "
        and not any(t.folded in lists.SUBJECTS or t.lower in _SUBJECT_OPENERS for t in inverted)
    )


def perfect_speaker(
    text: str, toks: list[Tok], i: int, last: int, named: Callable[[Tok], bool]
) -> bool:
    """Whether the name from token ``i`` to ``last`` is the subject of "hat … gesagt" ("Das
    hat Gülcan gesagt", "Gestern hat Okke erzählt"), not its object ("Er hat Bescheid
    gesagt", "Jens hat Danke gesagt": a subject before "hat")."""
    if i == 0 or last + 1 >= len(toks) or toks[i - 1].folded not in _PERFECT:
        return False
    gaps = (text[toks[i - 1].end : toks[i].start], text[toks[last].end : toks[last + 1].start])
    if gaps != (" ", " ") or toks[last + 1].folded not in _SPOKEN:
        return False
    if toks[i].folded in _SAID_WORDS:
        return False
    return not subject_before(text, toks, i - 1, named)


def said_perfect(text: str, toks: list[Tok], last: int) -> bool:
    """Whether "hat … gesagt" follows the name ending at ``toks[last]`` ("Becker hat's
    gesagt", "Becker hat uns erzählt, …"): the name opening the sentence speaks."""
    k = last + 1
    if k + 1 >= len(toks) or toks[k].folded not in _HAS:
        return False
    if text[toks[last].end : toks[k].start] != " ":
        return False
    if toks[k + 1].folded in _BETWEEN and text[toks[k].end : toks[k + 1].start] == " ":
        k += 1
    if k + 1 >= len(toks) or text[toks[k].end : toks[k + 1].start] != " ":
        return False
    return toks[k + 1].folded in _SPOKEN


def subject_before(text: str, toks: list[Tok], verb: int, named: Callable[[Tok], bool]) -> bool:
    """Whether the speech verb ``toks[verb]`` has its subject before it in its clause: a
    person ("Frau Demirtaş", a placeholder, a name word ``named`` knows), a pronoun ("Sie")
    or a noun with its article ("Die Leiterin") — then the word after it is its object."""
    if toks[verb].folded not in lists.SPEECH_VERBS and toks[verb].folded not in _PERFECT:
        return False
    boundary = clause_start(text, toks[verb].start, _CLAUSE_MARKS)
    if PLACEHOLDER.search(text, boundary, toks[verb].start):
        return True
    begin = verb
    while begin > 0 and toks[begin - 1].start >= boundary:
        begin -= 1
    clause = toks[begin:verb]
    if not clause:
        return False  # ", betont Krämer", "Sagt Krämer"
    first = clause[0]
    if first.folded in lists.SUBJECTS or first.folded in lists.TITLES:
        return True  # "Sie betont …", "Frau Demirtaş betont …"
    if first.folded in _SUBJECT_ARTICLES and len(clause) >= 2 and clause[1].text[0].isupper():
        return True  # "Die Leiterin betont …"
    return len(clause) == 1 and named(first)  # "Krämer betont …", not "Dazu sagt …"


def names_language(toks: list[Tok], i: int) -> bool:
    """Whether token ``i`` (a nationality or language word) names a language: after a
    lower-case word in the same sentence, or next to another such word."""
    if i > 0 and not toks[i].sentence_start and toks[i - 1].text.islower():
        return True
    near = [toks[k].folded for k in (i - 1, i + 1, i + 2) if 0 <= k < len(toks)]
    return any(f in lists.LANGUAGE_WORDS for f in near)
