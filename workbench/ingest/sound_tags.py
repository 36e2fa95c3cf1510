"""Sound and caption tags in subtitles: "[Musik]", "[Applaus]", "(lacht)", "[inaudible]".

Captioning tools and transcribers mark what is no speech in brackets. A cue (or a line of
a typed transcript) that holds only such tags is no statement: it is left out (the
import's notice counts them). In a subtitle's text a sound tag is removed ("(lacht) Und
weniger Autos"; a typed transcript keeps it: there it is the transcriber's note); a gap marker
("[unverständlich]", "[inaudible]", "[…]") stays, as it says that words are missing.
Only tags of known words count: a placeholder ("[Person 3]") or a name ("[Anna
Schmidt]") is never one. Transcription rules write them in double parentheses too (GAT2:
"((lacht))", "((räuspert sich))"), and a pause may be measured ("(10 Sekunden Pause)",
noScribe).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from workbench.core.formatting import format_number, plural
from workbench.core.transcript_notes import GAPS, SOUNDS

# "(lacht)", "[Musik]", "((räuspert sich))"; Whisper writes "*Musik*" too
_TAG = re.compile(r"(?:\(\(|[\[(*])\s*(?P<tag>[^\[\]()*\n]{1,40}?)\s*(?:\)\)|[\])*])")
_NOTES = re.compile(r"^[\s♪♫]*$")


# What speech recognisers (Whisper) make up in silence or music: the credits of the
# subtitles they learnt from ("Untertitel im Auftrag des ZDF für funk, 2017", "Untertitel
# der Amara.org-Community", "Copyright WDR 2021"). Nobody says these words in a workshop.
_BROADCASTER = r"(?:ZDF|ARD|WDR|SWR|BR|NDR|MDR|HR|RBB|SR|funk|Amara\.org\S*)"
_CREDITS = (
    re.compile(
        rf"^(?:Untertitel(?:ung)?|Subtitles?|Subtitling|Captions?)\b[^\n]{{0,40}}?"
        rf"\b{_BROADCASTER}(?:[^\w\n]|$)[^\n]{{0,40}}$",
        re.I,
    ),
    re.compile(r"^Untertitel(?:ung)? von [A-ZÄÖÜ][\w-]+ [A-ZÄÖÜ][\w-]+\W*$"),
    re.compile(rf"^(?:Copyright|©)\s*{_BROADCASTER}\b[\s\d.,]*$", re.I),
)
# A pause in transcription rules: "(.)", "(..)", "(3)" seconds (Dresing/Pehl), "(1.2)",
# "(-)", "(--)" (GAT2): a line of these alone is no statement; in a text they stay
_PAUSE = re.compile(r"^(?:\.{1,3}|-{1,3}|\d{1,2}(?:[.,]\d{1,2})?)$")


def _kind(tag: str) -> str | None:
    """ "sound", "gap", "pause" or None (no tag of a known word) for a tag's inner text."""
    if _PAUSE.match(tag.strip()):
        return "pause"
    words = tag.casefold().split()
    if not words or len(words) > 3:
        return None
    if tag.casefold().strip() in GAPS or words[0] in GAPS:
        return "gap"
    if words[0].strip(".,!") in SOUNDS or words[-1].strip(".,!") == "pause":
        return "sound"
    return None


def only_tags(text: str) -> bool:
    """Whether a cue's text holds only sound tags and gap markers ("[Musik]", "♪ ♪")."""
    rest = _TAG.sub(lambda m: "" if _kind(m["tag"]) else m.group(), text)
    return _NOTES.match(rest) is not None and rest != text


def is_credit(text: str) -> bool:
    """Whether a cue's or line's text is a subtitle credit a speech recogniser made up.

    >>> is_credit("Untertitel im Auftrag des ZDF für funk, 2017"), is_credit("Copyright WDR 2021")
    (True, True)
    >>> is_credit("Das ZDF hat über den Stadtteil berichtet.")
    False
    """
    line = " ".join(text.split())
    return any(pattern.match(line) for pattern in _CREDITS)


LOOP = 3  # the same segment this many times in a row: a recogniser caught in a loop


def looped(texts: list[str]) -> set[int]:
    """Indices of the repeats in runs of :data:`LOOP` or more equal texts in a row (a
    speech recogniser stuck in a loop writes "Vielen Dank." twenty times; the first stays).

    >>> sorted(looped(["Ja.", "Danke.", "Danke.", "Danke.", "Gut."])), looped(["Ja.", "Ja."])
    ([2, 3], set())
    """
    out: set[int] = set()
    start = 0
    for i in range(1, len(texts) + 1):
        if i < len(texts) and texts[i].strip().casefold() == texts[start].strip().casefold():
            continue
        if i - start >= LOOP:
            out.update(range(start + 1, i))
        start = i
    return out


def without_sounds(text: str) -> tuple[str, int]:
    """The text without its sound tags (gap markers stay) and how many were removed."""
    removed = 0

    def drop(match: re.Match[str]) -> str:
        nonlocal removed
        if _kind(match["tag"]) != "sound":
            return match.group()
        removed += 1
        return " "

    out = re.sub(r" +(?=[,.;:!?])", "", " ".join(_TAG.sub(drop, text).split()))
    return (out if removed else text), removed


def sound_notices(options: Mapping[str, Any]) -> tuple[str, ...]:
    """What a subtitle import did with sound tags (for the import's output)."""
    cues, tags = int(options.get("sound_cues", 0)), int(options.get("sound_tags", 0))
    notices = []
    if cues:
        notices.append(
            f"Geräuschangaben: {plural(cues, 'Untertitel oder Zeile', 'Untertitel oder Zeilen')}"
            " nur aus Angaben wie [Musik], [Applaus], [unverständlich] ausgelassen."
        )
    if tags:
        notices.append(
            f"Geräuschangaben: {format_number(tags)} wie „(lacht)“ aus den Untertiteln "
            "entfernt; [unverständlich] bleibt als Lücke stehen."
        )
    if repeats := int(options.get("repeats", 0)):
        what = plural(repeats, "Wiederholung", "Wiederholungen")
        notices.append(
            f"Spracherkennung: {what} desselben Abschnitts in Folge ausgelassen (eine "
            f"Schleife der Erkennung; {LOOP} und mehr gleiche Abschnitte hintereinander, der "
            "erste bleibt)."
        )
    if credits := int(options.get("credits", 0)):
        what = plural(credits, "erfundener Untertitel-Nachweis", "erfundene Untertitel-Nachweise")
        notices.append(
            f"Spracherkennung: {what} wie „Untertitel im Auftrag des ZDF“ ausgelassen (Whisper "
            "schreibt sie in Stille oder Musik; niemand hat sie gesagt)."
        )
    return tuple(notices)
