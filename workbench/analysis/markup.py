"""Transcription markup that is no word of a statement: removed before words are counted.

A typed transcript keeps its transcriber's notes in the text (see the import): Dresing/Pehl
writes "(lacht)", "(unv.)", "(4 Sek.)", "(.)" and the other speaker's interjection
"//I: Mhm//", GAT2 "((räuspert sich))", "(-)", "(1.2)", "°leise°" and "<<lachend> …>",
subtitles and Whisper "*Applaus*". The statement keeps them; only the words made for analysis
and display — the tokens of TF-IDF, c-TF-IDF and keywords
(:func:`workbench.analysis.stopwords.tokenize`) and the phrases a label is taken from
(:mod:`workbench.analysis.labels`) — are made from the text without them: "lacht", "unv" or
"räuspert" are no theme, "Mhm// und das ist schon lange so" no label.

Only notes of known words count: a bracket whose every word is a note word ("lacht",
"räuspert sich", "10 Sekunden Pause", "Handy klingelt") or that opens with a sound of the
body or a gap ("Lachen im Hintergrund", "unv. Name"; up to five words) — "(laut Polizei)",
"(Musik, Sport)" or "Bewohner*innen und Schüler*innen" stay text. GAT2's breathing
("°hh", "hh°") goes too. Square brackets are left alone: the
tokenizer drops them as placeholders ("[Person 3]", "[unv.]"), and a label stops at them
(a gap marker "[unverständlich]" says that words are missing).
"""

from __future__ import annotations

import re

from workbench.core.transcript_notes import GAPS, SOUNDS

# Words of a transcriber's note on what is no speech (lower case, without a final dot):
# the import's vocabulary of sounds and gaps, as words ("unv." is "unv")
NOTE_WORDS = SOUNDS | {g.rstrip(".") for g in GAPS if g.rstrip(".").isalpha()}
# Note words that make a note whatever follows ("(Lachen im Hintergrund)", "(unv. Name)")
NOTE_LEADS = frozenset(
    """
    lacht lachen lachend gelächter lächelt lächelnd seufzt räuspert hustet niest schnieft
    atmet stöhnt gähnt unv unverst unverständlich unverstandlich inaudible unintelligible
    laughs laughing laughter crosstalk coughs sighs
    """.split()
)
# Words that go with a note ("räuspert sich", "atmet tief ein", "längere Pause", "4 Sek.")
NOTE_COMPANIONS = frozenset(
    """
    sich kurz kurze kurzer lang lange längere langer tief ein aus auf laut lautes leise
    leises sek sekunde sekunden min minuten ca etwa beide alle gemeinsam und mehrere wort
    wörter worte im in hintergrund raum telefon handy tür
    """.split()
)
# A pause: "(.)", "(..)", "(...)", "(1.2)", "(-)", "(--)", "(?)"; not a number alone:
# "(3)" seconds (Dresing/Pehl) is "(3)" of a list or "(41)" tests too (it has no word)
_PAUSE = re.compile(r"^\s*(?:\.{1,3}|…|-{1,3}|\d{1,2}\.\d{1,2}|\?)\s*$")
_WORDS = re.compile(r"[^\W\d_]+")
# "((räuspert sich))" (GAT2: any comment), then "(lacht)", "*Applaus*" (checked by words)
_DOUBLE = re.compile(r"\(\([^()\n]{1,60}\)\)")
_SINGLE = re.compile(r"\((?P<a>[^()\n]{1,40})\)|(?<![\w*])\*(?P<b>[^*\n]{1,40})\*(?![\w*])")
# "//I: Mhm//", "//Mhm//": the other speaker's interjection (not a URL's "https://")
_INTERJECTION = re.compile(r"(?<![:/\w])//[^/\n]{1,60}//(?!/)")
# "<<lachend> das war gut>" (GAT2): the comment goes, the words stay
_SCOPED = re.compile(r"<<[^<>\n]{1,40}>\s?(?P<words>[^<>\n]{0,200}?)\s?>")
# "°leise°", "°°sehr leise°°" (GAT2): the marks go, the words stay
_QUIET = re.compile(r"(?<![\d°])°{1,2}(?P<words>[^\s°\d][^°\n]{0,200}?)°{1,2}")
# GAT2 breathing "°h", "°hh" (in), "hh°" (out): no word
_BREATH = re.compile(r"(?<![\w°])(?:°h+|h+°)(?![\w°])")
# A hesitation sound as a word of its own ("Ähm,", "öhm", "hmhm"; not Austrian "eh")
_HESITATION = re.compile(
    r"(?<![\w-])(?:[äö]+h+m*|[eu]+h+m+|h+m+(?:h+m+)*|m+h+m+h*)(?![\w-])(?:\s*[,.…]+)?",
    re.IGNORECASE,
)
_SPACE_BEFORE_MARK = re.compile(r"[ \t]+(?=[,.;:!?])")
_SPACES = re.compile(r"[ \t]{2,}")
_TRIGGERS = ("(", "*", "//", "<<", "°")


def _is_note(inner: str) -> bool:
    """Whether a bracket's inner text is a transcriber's note or a pause."""
    if _PAUSE.match(inner):
        return True
    words = [w.casefold() for w in _WORDS.findall(inner)]
    if not words or len(words) > 5:
        return False
    if words[0] in NOTE_LEADS:
        return True
    if len(words) > 4:
        return False
    if not all(w in NOTE_WORDS or w in NOTE_COMPANIONS for w in words):
        return False
    # a note word, or a measured pause ("(4 Sek.)"; not "(ca. 5 Minuten)")
    return any(w in NOTE_WORDS for w in words) or (
        any(c.isdigit() for c in inner) and words[-1] in {"sek", "sekunde", "sekunden"}
    )


def _note(match: re.Match[str]) -> str:
    inner = match["a"] if match["a"] is not None else match["b"]
    return " " if _is_note(inner) else match.group()


def strip_markup(text: str) -> str:
    """``text`` without transcription markup (see the module docstring); unchanged when it
    has none.

    >>> strip_markup("Der Park (lacht) ist //I: Mhm// zu ((räuspert sich)) dunkel (4 Sek.).")
    'Der Park ist zu dunkel.'
    >>> strip_markup("<<lachend> Das war gut> und °leise° weiter (.) so")
    'Das war gut und leise weiter so'
    >>> strip_markup("Ruhig (laut Polizei), Angebote (Musik, Sport) für Schüler*innen")
    'Ruhig (laut Polizei), Angebote (Musik, Sport) für Schüler*innen'
    """
    if not any(mark in text for mark in _TRIGGERS):
        return text
    out = text
    if "(" in out:
        out = _SINGLE.sub(_note, _DOUBLE.sub(" ", out))
    elif "*" in out:
        out = _SINGLE.sub(_note, out)
    if "//" in out:
        out = _INTERJECTION.sub(" ", out)
    if "<<" in out:
        out = _SCOPED.sub(lambda m: f" {m['words']} ", out)
    if "°" in out:
        out = _QUIET.sub(lambda m: m["words"], _BREATH.sub(" ", out))
    if out == text:
        return text
    return _SPACES.sub(" ", _SPACE_BEFORE_MARK.sub("", out)).strip()


def without_hesitation(text: str) -> str:
    """``text`` without hesitation sounds; unchanged when it has none.

    >>> without_hesitation("Ähm, der Park ist öhm nachts dunkel, hmhm.")
    'der Park ist nachts dunkel,'
    """
    out = _HESITATION.sub(" ", text)
    if out == text:
        return text
    return _SPACES.sub(" ", _SPACE_BEFORE_MARK.sub("", out)).strip()
