"""Whether few or untimed speaker turns make a transcript: who looks like a person, an
interview's labels, a short transcript as a tool writes it (pure; used by
:mod:`workbench.ingest.speaker_turns`, see its docstring for the rules)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from workbench.ingest import name_lists as lists
from workbench.ingest.discourse_labels import is_answer_word
from workbench.ingest.name_gazetteer import fold, gazetteer
from workbench.ingest.noun_lexicon import compound_noun, is_german_noun
from workbench.ingest.role_labels import role_label
from workbench.ingest.speaker_labels import is_label
from workbench.ingest.speakers import natural_order
from workbench.ingest.stamp_lines import agenda_head
from workbench.ingest.transcript_frame import Header, frame_heading
from workbench.ingest.turn_lines import MIN_TURNS, Turn, TurnParse


def person_like(who: str) -> bool:
    """Whether a speaker looks like one: a role label, a phone number, "Nachname, Vorname",
    a name with a first name or surname known to the gazetteer (not "Begrüßung"), written as
    a name (:func:`written_names`: not the "an" of "Der Spielplatz an der Schulstraße"), or
    a role word ("Anwohnerin", "Vertreter Jugendamt":
    :func:`~workbench.ingest.role_labels.role_label`)."""
    if is_label(who) or who[:1] in "+0" or "," in who or role_label(who):
        return True
    names = gazetteer()
    words = written_names(re.sub(r"\([^()]*\)", " ", who).split())
    return any(names.has_first(w) or names.has_last(w) for w in words)


# Words of the language the gazetteer also lists as names: function words ("an", "die",
# "nur", "es", "da", "man" as first names or surnames) and others ("gut", "lange")
_FUNCTION = lists.FUNCTION_WORDS | lists.ARTICLES
_WORDS = lists.WORD_SURNAMES | lists.LOWER_WORDS
_ANY_WORD = _FUNCTION | _WORDS
_UNSAID = _FUNCTION | lists.PARTICLES  # no verb or adjective: "vom", "der"
_TITLES = lists.TITLES | lists.ACADEMIC


def written_names(words: list[str]) -> list[str]:
    """The words of a speaker's label written as names (the gazetteer tells which are
    names): a word in lower case that is no German word of the lists (a chat's display
    name "anna schmidt", "lea K.": :func:`~workbench.ingest.name_lists.lower_case_name_ok`);
    a capitalised word or one in capitals, a function word only alone or beside
    titles and names ("An Nguyen", "Nur"; not "Nur noch wenige Plätze", "Der Spielplatz
    an der Schulstraße"), a word such as "Gut" or "Lange" not before a verb or adjective
    in lower case ("Gut besucht"; "Koch vom Jugendamt" is a person), in a label in
    capitals only as a function word is.

    >>> written_names(["An", "Nguyen"]), written_names(["Der", "Spielplatz", "an", "der"])
    (['An', 'Nguyen'], ['Spielplatz'])
    >>> written_names(["nur"]), written_names(["anna", "schmidt"]), written_names(["Nur"])
    ([], ['anna', 'schmidt'], ['Nur'])
    """
    names = gazetteer()
    folded = [fold(w) for w in words]
    # in capitals no case tells a verb: "GUT BESUCHT", "NUR NOCH WENIGE PLÄTZE FREI"
    caps = len(words) > 1 and all(w.isupper() for w in words if w.isalpha())
    alone = _ANY_WORD if caps else _FUNCTION

    def beside(k: int) -> bool:  # a title, a surname's particle ("von der") or a name
        leads = k > 0 and folded[k - 1] in lists.LEADING_PARTICLES
        if folded[k] in _TITLES:
            return True
        if words[k].islower():
            return folded[k] in lists.LEADING_PARTICLES or leads
        return folded[k] not in _ANY_WORD and (
            names.has_first(words[k]) or names.has_last(words[k])
        )

    def said(k: int) -> bool:  # a verb or adjective after it: "Gut besucht", "Lange gewartet"
        after = words[k + 1] if k + 1 < len(words) else ""
        return after.islower() and folded[k + 1] not in _UNSAID

    def written(i: int) -> bool:
        word = words[i]
        if word.islower():  # a chat's "anna schmidt", "lea K."; never "an", "die"
            return lists.lower_case_name_ok(word) or lists.short_name_ok(word)
        if not word[:1].isupper() or (folded[i] in _WORDS and said(i)):
            return False
        return folded[i] not in alone or all(beside(k) for k in range(len(words)) if k != i)

    return [w for i, w in enumerate(words) if written(i)]


# The letters of the Arabic (Persian, Urdu) and Hebrew scripts, their presentation forms,
# and the zero-width non-joiner Persian writes inside words ("علی‌رضا")
_RIGHT_TO_LEFT_WORD = re.compile(
    r"(?:[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]"
    r"|\u200c)+"
)


def right_to_left_name(who: str) -> bool:
    """Whether a speaker is written as a name in Arabic or Hebrew script: one to four words
    of its letters only ("ياسمين حداد", "נועה לוי"), not opening with the Arabic article
    ("النقل العام", "الترحيب": an agenda's topics). The gazetteer knows names in Latin
    letters only; such a speaker counts as a person where people speak more than once."""
    words = who.split()
    if not words or len(words) > 4 or words[0].startswith("\u0627\u0644"):
        return False
    return all(
        _RIGHT_TO_LEFT_WORD.fullmatch(w)
        and all(c.isalpha() or c == "\u200c" or unicodedata.category(c) == "Mn" for c in w)
        for w in words
    )


def agenda_rounds(turns: list[Turn]) -> bool:
    """Whether turns under labels with times of their own are an agenda held more than once
    ("ברוכים הבאים" / "18:00", "תחבורה ציבורית" / "18:15", … and the same topics the next
    evening): three or more labels, always in the same order, each once in every round,
    two rounds or more, and every time on a full five minutes. People who speak in turn
    write at any minute; their speaking more than once is no sign of a person here (a topic
    in Arabic or Hebrew script reads like a name there, :func:`right_to_left_name`)."""
    labels = [" ".join(t.who.split()).casefold() for t in turns]
    period = len(set(labels))
    if period < 3 or len(labels) < 2 * period or len(labels) % period:
        return False
    if any(label != labels[index % period] for index, label in enumerate(labels)):
        return False
    clocks = [_CLOCK.fullmatch((t.time or "").strip()) for t in turns]
    return all(c is not None and int(c[2]) % 5 == 0 and not int(c[3] or 0) for c in clocks)


_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
# The account of an office or group ("Stadtteilbüro", "Quartiersmanagement", "Jugendamt",
# "Mieterbeirat"), not a topic ("Ehrenamt", "Einleitung", "Baustelle", "Winterdienst")
_OFFICE = re.compile(
    r"(?:büro|buero|management|verein|(?<!ehren)amt|zentrum|treff|rat|initiative|netzwerk|"
    r"gruppe|team|(?<!ein)leitung)$",
    re.IGNORECASE,
)


# An agenda item's number before its topic, or alone: "TOP 3", "Top 2 Verkehr", "TOP 4.1"
_ITEM_NUMBER = re.compile(
    r"(?:TOP|Top|Tagesordnungspunkt|Punkt)\s*\d{1,2}(?:\.\d{1,2})?[a-z]?\.?\s*"
)
# The items every agenda closes or opens with, adjectives as nouns: "Verschiedenes"
_AGENDA_WORDS = frozenset(
    "verschiedenes sonstiges allgemeines aktuelles organisatorisches neues".split()
)
# A report or news of an office is a topic ("Bericht Stadtteilbüro"), not the office speaking
_REPORT = re.compile(r"(?:Kurz)?(?:Bericht|Berichte|Info|Infos|Informationen|Neues)\b")


def _unnumbered(label: str) -> str:
    """A label without its agenda item's number ("Top 2 Verkehr" → "Verkehr", "TOP 3" → "")."""
    number = _ITEM_NUMBER.match(label)
    return label[number.end() :] if number else label


def _topic(label: str) -> bool:
    """Whether a label is a topic's words: nouns of the lexicon ("Verkehr", "Grün und
    Spielplätze"), each capitalised, an agenda's "Verschiedenes", an office's name after a
    report's noun ("Bericht Stadtteilbüro"); an item's number alone ("TOP 3") too."""
    label = _unnumbered(label)
    words = [w for w in re.split(r"[\s,&/]+", label) if w and w not in ("und", "oder")]
    report = bool(_REPORT.match(label))
    return not words or all(
        w[:1].isupper()
        and (
            is_german_noun(fold(w))
            or compound_noun(fold(w))
            or fold(w) in _AGENDA_WORDS
            or (report and _OFFICE.search(w) is not None)
        )
        for w in words
    )


def _account(label: str) -> bool:
    """Whether a label is the account of an office or group ("Stadtteilbüro", "Jugendamt"),
    not a report of one on an agenda ("Bericht Stadtteilbüro")."""
    return not _REPORT.match(label) and bool(_OFFICE.search(label.split()[-1]))


def agenda_topics(turns: list[Turn], head: Sequence[str] = ()) -> bool:
    """Whether timed "Label: text" lines are a protocol's agenda, not turns ("[18:15] Verkehr:
    …", "(18:15:00) Grün: …"): no label looks like a person or a role (:func:`person_like`),
    two thirds of them are topics of nouns, fewer than half are accounts of offices or
    groups (a chat's "Stadtteilbüro", "Quartiersmanagement"), the times run forward and a
    topic seldom returns (people take turns: "[00:01:05] Anna Becker: …", "Mutter:"/"Vater:"
    alternate). A topic may come back on a plan: under a ``head`` line that says so
    ("Programm", "Ablauf": :func:`~workbench.ingest.stamp_lines.agenda_head`) or where every
    time is a day's on full five minutes ("[15:30:00] Spielplatz: …" … "[16:45:00]
    Spielplatz: …"; people write at any minute, a recording's turns at any second)."""
    if len(turns) < 2 or any(t.time is None or t.layout != "inline" for t in turns):
        return False
    labels = [" ".join(t.who.split()) for t in turns]
    if any((topic := _unnumbered(label)) and person_like(topic) for label in labels):
        return False  # "TOP 3" is no role code, "Top 2 Anna Schmidt" a person's
    distinct = set(labels)
    if 3 * sum(map(_topic, distinct)) < 2 * len(distinct):
        return False
    if 2 * sum(map(_account, distinct)) >= len(distinct):
        return False  # "[18:02] Stadtteilbüro: …" / "[18:03] Jugendamt: …": accounts speak
    clocks = [_CLOCK.match(t.time or "") for t in turns]
    seconds = [int(c[1]) * 3600 + int(c[2]) * 60 + int(c[3] or 0) for c in clocks if c]
    if seconds != sorted(seconds):
        return False
    planned = any(map(agenda_head, head)) or all(
        c is not None and _DAY_HOURS <= int(c[1]) < 24 and _on_five(c) for c in clocks
    )
    returns = sum(w in labels[:i] and w != labels[i - 1] for i, w in enumerate(labels))
    return planned or 3 * returns < len(turns)


_DAY_HOURS = 6  # an agenda's times are a day's, from six in the morning on


def _on_five(clock: re.Match[str]) -> bool:
    """Whether a time falls on full five minutes ("18:15", "18:15:00"; not "18:17:00")."""
    return int(clock[2]) % 5 == 0 and not int(clock[3] or 0)


def answer_points(turns: list[Turn]) -> bool:
    """Whether every label of timed "Label: text" lines is an answer word ("18:05 Ja: Radweg
    wird gebaut" / "18:10 Nein: kein neuer Spielplatz"): a protocol's points, decided or not;
    a chat's sender named "Okay" or "Super" writes among senders with names."""
    return bool(turns) and all(t.time is not None and is_answer_word(t.who) for t in turns)


def full_name(who: str) -> bool:
    """Whether a speaker is a person's full name: a first name and a surname the gazetteer
    knows ("Schmidt, Anna (Gast)", "Anna Schmidt"; "Nur Kaya": a function word that is a
    first name, :data:`~workbench.ingest.name_lists.WORD_FIRST_NAMES`), not an agenda's
    "Begrüßung, Anna"."""
    words = natural_order(re.sub(r"\s*\([^()]*\)", " ", who)).split()
    names = gazetteer()
    words = [w for w in words if w.rstrip(".") not in ("Dr", "Prof")]
    written = written_names(words)  # "Die Linke", "Es Gibt": no names as written
    return (
        len(words) >= 2
        and words[0] in written
        and words[-1] in written
        and (names.has_first(words[0]) or fold(words[0]) in lists.WORD_FIRST_NAMES)
        and names.has_last(words[-1])
    )


# An interview's labels: who asks ("I", "Int.", "Interviewerin", "IV", "F", "Frage", "Q") and
# who answers ("B", "B1", "IP 2", "Befragte", "Interviewter", "A", "Antwort")
_ASKER = re.compile(r"(?:i|int\.?|iv|interviewer(?:in|\*in|:in|/in)?|f|frage|q)\s*\d*")
_ANSWERER = re.compile(
    r"(?:b|ip|befragte[rn]?|interviewte[rn]?|interviewpartner(?:in)?|a|antwort)\s*\d*"
)


# A voice a transcription tool or an anonymised transcript numbers ("Sprecher 1",
# "Sprecherin 2", "Speaker 1", "SPEAKER_00", "TN 3", "Teilnehmerin 4", "P1", "B2", noScribe's
# "S00"), and who asks beside them ("Moderation", "I", "Interviewerin"): never a protocol's
# lead-in ("Thema 1", "Gruppe 2", "Tisch 3", "TOP 2", a train line "S1", a road "A3")
_VOICE = re.compile(
    r"(?:sprecher(?:in)?|speaker|teilnehmer(?:in)?|teilnehmende[rn]?|tn|person|befragte[rn]?|"
    r"interviewte[rn]?|(?:interview|gesprächs)partner(?:in)?|respondent|p|b|ip)\s?_?\s?\d{1,3}"
    r"|s\d{2}"
)
_MODERATION = re.compile(r"moderat(?:ion|or|orin)|mod\.?")


def voiced_turns(turns: list[Turn]) -> bool:
    """Whether untimed turns are a transcript's all the same: every speaker a numbered voice
    or who asks, at least one voice ("Sprecher 1: …" / "Sprecher 2: …", each once too).

    >>> voiced_turns([Turn(1, "Sprecher 1", None), Turn(2, "Sprecher 2", None)])
    True
    >>> voiced_turns([Turn(1, "Thema 1", None), Turn(2, "Gruppe 2", None)])
    False
    """
    whos = [" ".join(t.who.split()).casefold() for t in turns]
    voices = [w for w in whos if _VOICE.fullmatch(w)]
    asking = [w for w in whos if _ASKER.fullmatch(w) or _MODERATION.fullmatch(w)]
    return len(turns) >= MIN_TURNS - 1 and bool(voices) and len(voices) + len(asking) == len(whos)


# A sentence a role word's turn says: four words or more, closed ("Der Spielplatz ist zu klein.")
_SENTENCE = re.compile(r"\S+(?:\s+\S+){3,}[.!?][\"'“”)]*$")


def role_turns(turns: list[Turn]) -> bool:
    """Whether untimed turns are a protocol's turns under role words, each said once too
    ("Anwohnerin: Der Spielplatz ist zu klein." / "Quartiersmanagerin: …"): every label a
    role word, maybe with a name (:func:`~workbench.ingest.role_labels.role_label`), or who
    moderates, at least two role words, and every turn a sentence: not an attendance list's
    "Anwohnerin: Frau Koch", nor "Teilnehmende: Anwohnerin, Quartiersmanagerin".

    >>> role_turns([Turn(1, "Anwohnerin", None, ["Der Spielplatz ist zu klein."]),
    ...             Turn(2, "Quartiersmanagerin", None, ["Das Büro berät gut hier."])])
    True
    >>> role_turns([Turn(1, "Anwohnerin", None, ["Frau Koch"]),
    ...             Turn(2, "Quartiersmanagerin", None, ["Frau Yilmaz"])])
    False
    """
    whos = {" ".join(t.who.split()) for t in turns}
    roles = {w for w in whos if role_label(w)}  # "Anwohner Herr Becker" too: his name listed
    asking = {w for w in whos if _MODERATION.fullmatch(w.casefold())}
    said = all(_SENTENCE.search(" ".join(" ".join(t.lines).split())) for t in turns)
    return len(roles) >= 2 and roles | asking == whos and said


def is_interview(speakers: list[str]) -> bool:
    """Whether folded speaker labels are an interview's, each one asking or answering and
    both there ("Interviewerin:"/"Befragte:" under "# Interview 7"; a single question and
    answer "I: …"/"B: …" too): turns without times, as typed in Markdown or Word, where a
    protocol's "Ergebnis:" lead-ins would not count.

    >>> is_interview(["i", "b"]), is_interview(["i", "b", "i", "b2"]), is_interview(["b", "b"])
    (True, True, False)
    >>> is_interview(["f", "a"]), is_interview(["frage", "antwort"]), is_interview(["a", "b"])
    (True, True, False)
    >>> is_interview(["i", "b", "ergebnis"])
    False
    """
    asks = [s for s in speakers if _ASKER.fullmatch(s)]
    answers = [s for s in speakers if _ANSWERER.fullmatch(s)]
    return bool(asks) and bool(answers) and len(asks) + len(answers) == len(speakers)


# A narrative interview's request instead of a question: "Erzählen Sie mal, …",
# "Beschreiben Sie bitte …", "Erzähl doch mal …" — verbs that ask for an account, not any
# "<Verb>en Sie" ("I: Beachten Sie die neuen Öffnungszeiten." of result minutes informs)
_TELL = r"(?:Erzähl|Beschreib|Schilder|Berichte|Erklär|Sag|Nenn|Stell|Erinner)"
_REQUEST = re.compile(rf"\s*{_TELL}(?:en?\s+Sie\b|e?\s+(?:mal|doch|bitte)\b)")


def interview_evidence(turns: list[Turn]) -> bool:
    """Whether an interview's labelled turns show that one is asked: each label speaks at
    least twice, or a turn of who asks ends a sentence with "?" ("I: Was fehlt Ihnen?") or
    opens with a request ("I: Erzählen Sie mal, …"); two card notes "I: Idee …" /
    "B: Bedarf …" ask nothing."""
    whos = [t.who.casefold() for t in turns]
    if all(whos.count(who) >= 2 for who in whos):
        return True
    asked = [" ".join(t.lines) for t in turns if _ASKER.fullmatch(t.who.casefold())]
    return any("?" in said or _REQUEST.match(said) for said in asked)


def short_transcript(turns: list[Turn]) -> bool:
    """Whether two turns are a short transcript all the same: each a speaker line with its
    time above the text (Teams, Otter: "Anna Schmidt   0:03"), each speaker a role label,
    "Nachname, Vorname" or a full name ("Dzifa Kwarteng-Brühl"; not "Runde mit Anna",
    "Verkehr": an agenda's headings)."""
    return len(turns) == MIN_TURNS - 1 and all(
        t.time is not None
        and t.layout in ("header", "timing")
        and (is_label(t.who) or "," in t.who or name_shaped(t.who))
        for t in turns
    )


def headed_turns(parse: TurnParse, header: Header) -> bool:
    """Whether two turns are a short transcript under a head that names its people
    ("Moderation: Müller" above "[00:00:01] Anna: …"): each turn with its own time of a
    recording, each speaker one (a protocol's "18:00" above its lines times none)."""
    turns = parse.turns
    return (
        len(turns) == MIN_TURNS - 1
        and bool(header.names)
        and all(
            not t.section and _TOOL_TIME.fullmatch(t.time or "") and person_like(t.who)
            for t in turns
        )
    )


_TOOL_TIME = re.compile(r"\d{1,2}:\d\d:\d\d")
# noScribe's start at a turn's beginning: "S00: [00:00:05] …"
_OPENING_STAMP = re.compile(r"\s*\[(\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,3}))?\]")
_AGENDA_WORDS_AT_MOST = 6  # an agenda's topic after its time: "Rundgang durch das Quartier"
# A recogniser's own speaker code ("S00", "SPEAKER_01", "Sprecher 2"): never an agenda's item
_RECOGNISER_CODE = re.compile(r"S\d{2}|SPEAKER_\d{2}|(?i:sprecher(?:in)?|speaker)\s*\d{1,2}")


def stamped_turns(turns: list[Turn]) -> bool:
    """Whether two turns are a recogniser's transcript all the same (noScribe's without its
    head: "S00: [00:00:05] …" / "S01: [00:00:12] …"): each opens with the time of a
    recording and each speaker is a speaker's code or a full name (a protocol's "[18:15]
    Verkehr: …" carries its time before its topic, "Verkehr: [18:15] …" no recording's),
    and they are no agenda (:func:`_timed_agenda`)."""
    return (
        len(turns) == MIN_TURNS - 1
        and all(
            t.lines
            and _OPENING_STAMP.match(t.lines[0])
            and ((is_label(t.who) and not _NUMBERED.fullmatch(t.who)) or full_name(t.who))
            for t in turns
        )
        and not _timed_agenda(turns)
    )


def _timed_agenda(turns: list[Turn]) -> bool:
    """Whether stamped lines are an agenda's ("A: [12:00:00] Mittagessen" / "B: [13:00:00]
    Rundgang"): each time a time of day on a full minute (a recording's starts near
    "00:00:00", its turns at any second), each a short topic on one line that ends no
    sentence (a recogniser writes what is said with its punctuation: "Genau."); no speaker
    a recogniser's code ("S00: [01:00:00] Ja genau" is a recording's turn an hour in)."""
    for turn in turns:
        if _RECOGNISER_CODE.fullmatch(turn.who.strip()):
            return False
        stamp = _OPENING_STAMP.match(turn.lines[0])
        if stamp is None or len(turn.lines) > 1 or stamp[3] != "00" or int(stamp[4] or 0):
            return False
        topic = turn.lines[0][stamp.end() :].strip()
        words = topic.split()
        if int(stamp[1]) < 1 or not 0 < len(words) <= _AGENDA_WORDS_AT_MOST:
            return False
        if topic[-1] in ".!?…,;:" or not topic[0].isupper():
            return False
    return True


def agenda_stamps(turns: list[Turn]) -> bool:
    """Whether the turns that open with a time stamp are an agenda's lines, two or more of
    them ("A: [12:00:00] Mittagessen" / "B: [13:00:00] Rundgang" / "C: [14:30:00] Abschluss"
    above a protocol's text, :func:`_timed_agenda`): a protocol, not a recording's turns of
    speakers "A", "B", "C"; the lines below the last are the protocol's next, "Diskussion")."""
    stamped = [t for t in turns if t.lines and _OPENING_STAMP.match(t.lines[0])]
    if stamped:  # the last item's topic is its first line
        stamped[-1] = replace(stamped[-1], lines=stamped[-1].lines[:1])
    return len(stamped) >= MIN_TURNS - 1 and _timed_agenda(stamped)


def leading_agenda(turns: list[Turn]) -> int:
    """How many turns at the start are an agenda's stamped lines above a recording's turns
    ("A: [10:00:00] Begrüßung" / "B: [10:15:00] Rückblick" / "C: [10:30:00] Gruppenarbeit"
    over "Anna Schmidt: [00:01:05] …"): two or more that read as an agenda
    (:func:`_timed_agenda`), none of whose labels speaks below them (a recording's "A" and
    "B" speak again); 0 where there is none, or nothing below it."""
    count = 0
    while count < len(turns) and turns[count].lines and _OPENING_STAMP.match(turns[count].lines[0]):
        count += 1
    while count >= MIN_TURNS - 1 and not _timed_agenda(turns[:count]):
        count -= 1
    if count < MIN_TURNS - 1 or count == len(turns):
        return 0
    labels = {" ".join(t.who.split()).casefold() for t in turns[:count]}
    below = {" ".join(t.who.split()).casefold() for t in turns[count:]}
    return 0 if labels & below else count


# A numbered part of a meeting, never a speaker of a recording ("TOP 1: [00:15:00] …",
# "Gruppe 2: [00:35:00] …", "Raum 1: …"): a speaker's code is "S00", "Sprecher 2", "B1"
_NUMBERED = re.compile(
    r"(?i:top|gruppe|raum|tisch|station|phase|runde|block|tag|punkt|schritt|thema|teil)"
    r"\s*\d{1,3}"
)


_LABELLED = re.compile(r"[^:]{1,40}:\s+\S")


def framed_turns(parse: TurnParse, header: Header) -> bool:
    """Whether one or two turns are a tool's transcript all the same: framed as a tool
    frames it — Google Meet's heading "Teilnehmer" with the names below or "Transkript"
    alone on its line, a time on a line of its own above the turns, a tool's notice — and
    each speaker a role label, "Nachname, Vorname", one of the listed participants or a
    full name the gazetteer knows (a protocol's "Verkehr: …" under "Teilnehmer" is none)."""
    turns = parse.turns
    framed = (
        any(frame_heading(line) for line in parse.preamble)
        # Meet's "00:00:00"; a protocol's "18:00" above its lines frames nothing
        or any(t.section and _TOOL_TIME.fullmatch(t.time or "") for t in turns)
        or parse.notices > 0
    )
    if any(_LABELLED.match(line) for line in header.title):
        return False  # "Wichtig: Mehr Licht." above "Fazit: …": a protocol's line, no title
    listed = {" ".join(n.split()).casefold() for n in header.names + parse.names}
    return (
        0 < len(turns) < MIN_TURNS
        and framed
        and all(
            is_label(t.who)
            or "," in t.who
            or " ".join(t.who.split()).casefold() in listed
            or full_name(t.who)
            for t in turns
        )
    )


def name_shaped(who: str) -> bool:
    """Whether a speaker is written like a full name: two to four capitalised words."""
    words = re.sub(r"\([^()]*\)", " ", who).split()
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper() and all(ch.isalpha() or ch in "-'’." for ch in w) for w in words
    )
