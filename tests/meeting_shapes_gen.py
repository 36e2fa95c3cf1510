"""Seeded meeting transcripts in the shapes programs and people write beside WebVTT.

:func:`generate` writes one file with its truth (the :class:`vtt_fuzz_gen.Fuzzed` of
``tests/vtt_fuzz_gen.py``, whose sentences and people it uses) in one of these shapes:

- ``webex-txt``: Webex's plain-text transcript, "Name 00:00:00" on a line, then the
  lines said, a blank line between speakers;
- ``pronouns``: Zoom display names with pronouns ("Anna Schmidt (sie/ihr): …") in a
  WebVTT file or the Zoom chat ("19:01:02 Von Anna Schmidt (sie/ihr) an Alle: …"); the
  same person's label carries them in some cues and not in others;
- ``surname-first``: "Schmidt, Anna: …" (Teams/Outlook) in a TXT protocol or WebVTT;
- ``anonymous``: the voices of Whisper diarisation, Otter or Word ("SPEAKER_00",
  "Speaker 1", "Sprecher 2"): roles, kept apart per voice, never a person;
- ``txt``: TXT protocols of "Vorname Nachname: text" lines, with or without blank lines
  between them, a heading above, times "[00:01:02]" before the name;
- ``opener``: a file without speakers where most cues or lines open with a word and a
  colon ("Ja: …", "Also: …", "Genau: …"): said text, no speaker.

The truth's speaker of a person is her name ("Anna Schmidt", whatever her label looks
like), of a voice its label. The check: ``benchmarks/transcript_spec_fuzz.py --gen shapes``.
"""

from __future__ import annotations

from vtt_fuzz_gen import ORDINARY, Fuzzed, _Gen

SHAPES = ["webex-txt", "pronouns", "surname-first", "anonymous", "txt", "opener"]
PRONOUNS = ["sie/ihr", "er/ihm", "she/her", "he/him", "they/them", "sie/she"]
VOICES = {
    "whisperx": lambda i: f"SPEAKER_{i:02d}",
    "otter": lambda i: f"Speaker {i + 1}",
    "word": lambda i: f"Sprecher {i + 1}",
}
OPENERS = ["Ja", "Also", "Genau", "Gut", "Okay", "Stimmt", "Richtig", "Moment", "Naja"]


def _stamp(seconds: int, hours: bool = True) -> str:
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h:02d}:{m:02d}:{s:02d}" if hours or h else f"{m:02d}:{s:02d}"


def _vtt_time(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{milli:03d}"


class _Shapes(_Gen):
    def __init__(self, seed: int):
        super().__init__(seed)
        self.shape = self.r.choice(SHAPES)
        self.named = self.shape != "opener"
        self.voice = self.r.choice(sorted(VOICES))
        self.pronouns = {p: self.r.choice(PRONOUNS) for p in self.speakers}

    def label(self, speaker: str) -> str:
        """How the file names ``speaker`` in this cue (pronouns only now and then)."""
        if self.shape == "pronouns" and self.r.random() < 0.6:
            return f"{speaker} ({self.pronouns[speaker]})"
        if self.shape == "surname-first":
            first, last = speaker.split(" ", 1)
            return f"{last}, {first}"
        return speaker

    def said(self, speaker: str | None, lines: list[str]) -> list[str]:
        """The lines of a cue; in ``opener`` files most open with a word and a colon."""
        if self.shape != "opener":
            return lines
        return [
            f"{self.r.choice(OPENERS)}: {line[0].lower() + line[1:]}"
            if self.r.random() < 0.7
            else line
            for line in lines
        ]


def _voices(gen: _Shapes, script: list) -> list:
    """``script`` with each speaker replaced by a numbered voice label."""
    order: dict[str, str] = {}
    for speaker, _ in script:
        if speaker not in order:
            order[speaker] = VOICES[gen.voice](len(order))
    gen.speakers = []  # voices are no names: nothing to find in clear
    gen.mentioned = [m for m in gen.mentioned if " " in m or m.startswith(("Frau", "Herr"))]
    return [(order[s], lines) for s, lines in script]


def _script(gen: _Shapes) -> list[tuple[str | None, list[str]]]:
    script = [(s, gen.said(s, lines)) for s, lines in gen.script()]
    if gen.shape == "anonymous":
        # nobody is addressed by a first name the transcript does not know
        script = [
            (
                s,
                [
                    ln
                    if not any(ln.startswith(f"{a}") or f", {a}," in ln for a in _firsts(gen))
                    else gen.r.choice(ORDINARY)
                    for ln in lines
                ],
            )
            for s, lines in script
        ]
        script = _voices(gen, script)
    return script


def _firsts(gen: _Shapes) -> list[str]:
    return [p.split()[0] for p in gen.speakers]


def _vtt(gen: _Shapes, script: list) -> str:
    blocks = ["WEBVTT"]
    style = gen.r.choice(["colon", "voice", "bracket"])
    for i, ((speaker, lines), (a, b)) in enumerate(
        zip(script, gen.timings(len(script)), strict=True), start=1
    ):
        text = [line.replace("&", "&amp;").replace("<", "&lt;") for line in lines]
        if speaker and (gen.shape != "anonymous" or style == "colon"):
            text[0] = f"{gen.label(speaker)}: {text[0]}"
        elif speaker and style == "voice":
            text[0] = f"<v {speaker}>{text[0]}"
        elif speaker:
            text[0] = f"[{speaker}]: {text[0]}"
        ident = f"{i}\n" if gen.r.random() < 0.5 else ""
        blocks.append(f"{ident}{_vtt_time(a)} --> {_vtt_time(b)}\n" + "\n".join(text))
    gen.features.add(f"vtt-{style}" if gen.shape == "anonymous" else "vtt")
    return "\n\n".join(blocks) + "\n"


def _webex(gen: _Shapes, script: list) -> str:
    blocks = []
    hours = gen.r.random() < 0.7
    second = gen.r.randint(0, 4000)
    for speaker, lines in script:
        head = f"{gen.label(speaker)} {_stamp(second, hours)}" if speaker else _stamp(second)
        blocks.append(head + "\n" + "\n".join(lines))
        second += gen.r.randint(3, 90)
    return "\n\n".join(blocks) + "\n"


def _protocol(gen: _Shapes, script: list) -> str:
    """A TXT protocol: one "Name: text" paragraph per cue, variants of layout."""
    blank = gen.r.random() < 0.5
    stamps = gen.r.random() < 0.3
    heading = gen.r.random() < 0.4
    second = gen.r.randint(0, 4000)
    out = []
    if heading:
        gen.features.add("heading")
        out.append(gen.r.choice(["Protokoll Stadtteilrunde Manfort", "Transkript 12.03.2024"]))
        out.append("")
    for speaker, lines in script:
        text = " ".join(lines)
        line = f"{gen.label(speaker)}: {text}" if speaker else text
        if stamps:
            line = f"[{_stamp(second)}] {line}"
            second += gen.r.randint(3, 90)
        out.append(line)
        if blank:
            out.append("")
    gen.features |= {f for f, on in (("blank", blank), ("stamps", stamps)) if on}
    return "\n".join(out).rstrip("\n") + "\n"


def _chat(gen: _Shapes, script: list) -> str:
    """The Zoom chat: one message a line, "Von Name an Alle:" or "From Name to Everyone:"."""
    german = gen.r.random() < 0.6
    second = gen.r.randint(60_000, 70_000)
    out = []
    for speaker, lines in script:
        who = gen.label(speaker)
        head = f"Von {who} an Alle" if german else f"From {who} to Everyone"
        out.append(f"{_stamp(second)} {head}: {' '.join(lines)}")
        second += gen.r.randint(5, 120)
    return "\n".join(out) + "\n"


def generate(seed: int) -> Fuzzed:
    """The file of ``seed`` in one of :data:`SHAPES`, with its truth."""
    gen = _Shapes(seed)
    script = _script(gen)
    kind = gen.r.choice(["vtt", "txt"])
    if gen.shape == "webex-txt" or (gen.shape == "anonymous" and kind == "txt"):
        text, suffix = _webex(gen, script), ".txt"
    elif gen.shape == "pronouns" and kind == "txt":
        text, suffix = _chat(gen, script), ".txt"
    elif gen.shape == "txt" or kind == "txt":
        text, suffix = _protocol(gen, script), ".txt"
    else:
        text, suffix = _vtt(gen, script), ".vtt"
    gen.features.add(suffix)
    if gen.r.random() < 0.2:
        text = text.replace("\n", "\r\n")
        gen.features.add("CRLF")
    cues = [(s if gen.named else None, " ".join(lines)) for s, lines in script]
    return Fuzzed(
        name=f"runde_{gen.shape}_{seed}{suffix}",
        data=text.encode("utf-8"),
        shape=gen.shape,
        cues=cues,
        mentioned=gen.mentioned,
        speakers=gen.speakers if gen.named else [],
        features=gen.features,
    )
