"""Seeded random meeting transcripts, valid WebVTT or SubRip, with their truth.

:func:`generate` writes one transcript the way the W3C WebVTT spec allows it (BOM, LF/CRLF/
CR line ends, a header with or without text, cue identifiers as numbers, text or none, time
stamps with and without hours, cue settings, NOTE/STYLE/REGION blocks, voice spans
``<v Name>`` and ``<v.class Name>``, ``<c.class>``, ``<i>``/``<b>``/``<u>``/``<ruby>``/
``<lang>``, time stamps inside cues, the escapes ``&amp; &lt; &gt; &lrm; &rlm; &nbsp;``,
multi-line, empty and overlapping cues) and in the shapes programs write (Zoom "Name: text",
Teams ``<v Name>``, Webex's quoted name in the identifier, Whisper/Otter without speakers),
or as SubRip (numbering gaps, comma or period before the milliseconds, ``<font>``/``<i>``,
"Name: text", "[Name] text", trailing blank lines). The texts are German, spoken by
people with a first name and surname, and mention other people by name.

The truth is the list of cues as (speaker or None, text as said), the names mentioned in
the texts (each must come back as a placeholder) and the speakers. The check:
``benchmarks/transcript_spec_fuzz.py``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

FIRST = (
    "Anna Kemal Jonas Lea Fatma Sabine Thomas Mehmet Julia Lukas Petra Ayşe Dieter Monika "
    "Stefan Katharina Olga Svenja Tobias Zeynep Marek Ingrid Anna-Lena Hans-Peter"
).split()
LAST = (
    "Schmidt Öztürk Becker Hoffmann Yılmaz Wagner Krüger Neumann Schulz Kaya Lehmann "
    "Hartmann Kowalski Brandt Demir Schröder Zimmermann Nowak Albrecht Petersen Meyer-Hansen"
).split()
# {M}: a person mentioned by name; {A}: another speaker addressed by first name.
NAMED = [
    "Das hat {M} beim letzten Treffen schon gesagt.",
    "Ich habe mit {M} vom Quartiersbüro gesprochen.",
    "Danke, {A}, das nehmen wir mit.",
    "{A}, kannst du das noch einmal erklären?",
    "Laut {M} ist der Antrag noch nicht bearbeitet.",
    "Wir sollten {M} zur nächsten Runde einladen.",
]
# No names; capitalised words that must stay as they are.
ORDINARY = [
    "Der Spielplatz an der Kirche ist seit Monaten gesperrt.",
    "Am Brunnen fehlt abends die Beleuchtung.",
    "Die Linie 5 fährt nach acht Uhr nur noch stündlich.",
    "Wir brauchen mehr Bänke im Schatten, gerade für Ältere.",
    "Das Sommerfest im Park war gut besucht.",
    "Die Mieten steigen, viele Familien ziehen weg.",
    "Mein Vorschlag: ein Treffpunkt für Jugendliche am Markt.",
    "Grüne Welle für Radfahrer wäre ein Anfang.",
    "Im Winter ist der Weg zur Schule dunkel.",
    "Kaffee & Kuchen gibt es jeden Freitag im Café Wiese.",
    "Tempo < 30 vor der Grundschule, das wäre gut.",
    "Ja, genau.",
    "Die Frau am Kiosk kennt alle Nachbarn.",
]
SHAPES = ["zoom", "teams", "webex", "whisper", "spec", "srt"]
# Each setting at most once per cue (spec); "region:" only with a REGION block, and not
# beside vertical, line or size.
SETTINGS = {
    "align": ["start", "center", "end", "left", "right"],
    "position": ["10%", "50%,line-left", "90%,line-right"],
    "line": ["0", "-1", "90%,end", "50%,center"],
    "size": ["50%", "80.5%"],
    "vertical": ["rl", "lr"],
}


@dataclass
class Fuzzed:
    """One generated transcript: file name, bytes and truth."""

    name: str
    data: bytes
    shape: str
    cues: list[tuple[str | None, str]] = field(default_factory=list)  # speaker, said text
    mentioned: list[str] = field(default_factory=list)  # names that must be pseudonymised
    speakers: list[str] = field(default_factory=list)
    features: set[str] = field(default_factory=set)


class _Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self.seed = seed
        self.shape = self.r.choice(SHAPES)
        self.named = self.shape not in ("whisper",)
        if self.shape == "srt":
            self.named = self.r.random() < 0.7
        n = self.r.randint(2, 4)
        firsts = self.r.sample(FIRST, n + 3)
        lasts = self.r.sample(LAST, n + 3)
        self.people = [f"{f} {s}" for f, s in zip(firsts, lasts, strict=True)]
        self.speakers = self.people[:n]
        self.others = self.people[n:]
        self.features: set[str] = set()
        self.mentioned: list[str] = []
        self.short = False  # WebVTT time stamps without hours
        self.hour_digits = 2

    def sentence(self, speaker: str | None) -> str:
        """A German sentence; a name in it goes to the truth's mentioned names."""
        if self.r.random() < 0.7:
            return self.r.choice(ORDINARY)
        template = self.r.choice(NAMED)
        if "{A}" in template:
            others = [p for p in self.speakers if p != speaker]
            if not self.named or not others:
                return self.r.choice(ORDINARY)
            name = self.r.choice(others).split()[0]
            self.mentioned.append(name)
            return template.replace("{A}", name)
        person = self.r.choice(self.others)
        form = self.r.choice(["full", "frau", "herr"])
        name = person if form == "full" else f"{form.title()} {person.split()[1]}"
        self.mentioned.append(name)
        return template.replace("{M}", name)

    def script(self) -> list[tuple[str | None, list[str]]]:
        """Cues as (speaker, lines said): turns of one to three cues, lines of a cue."""
        cues: list[tuple[str | None, list[str]]] = []
        speaker = None
        for _ in range(self.r.randint(3, 14)):
            if self.named:
                choices = [s for s in self.speakers if s != speaker] or self.speakers
                speaker = self.r.choice(choices)
            for _ in range(self.r.randint(1, 3)):
                lines = [self._fresh(speaker, cues) for _ in range(self.r.choice([1, 1, 2]))]
                cues.append((speaker if self.named else None, lines))
        return cues

    def _fresh(self, speaker: str | None, cues: list[tuple[str | None, list[str]]]) -> str:
        """A sentence not said in the last two cues: a line said again and again in a row
        is a recogniser's loop or a rolling caption, which the import reads once."""
        recent = {line for _, lines in cues[-2:] for line in lines}
        for _ in range(20):
            mentioned = len(self.mentioned)
            line = self.sentence(speaker)
            if line not in recent:
                return line
            del self.mentioned[mentioned:]
        return line

    def stamp(self, ms: int, srt: bool = False) -> str:
        h, rest = divmod(ms, 3_600_000)
        m, rest = divmod(rest, 60_000)
        s, milli = divmod(rest, 1000)
        if srt:
            sep = "," if self.r.random() < 0.85 else "."
            return f"{h:02d}:{m:02d}:{s:02d}{sep}{milli:03d}"
        if h == 0 and self.short:
            return f"{m:02d}:{s:02d}.{milli:03d}"
        return f"{h:0{self.hour_digits}d}:{m:02d}:{s:02d}.{milli:03d}"

    def timings(self, count: int) -> list[tuple[int, int]]:
        start = self.r.choice([0, 1500, 3_590_000, 7_200_000])
        out = []
        for _ in range(count):
            end = start + self.r.randint(800, 6000)
            out.append((start, end))
            overlap = self.r.random() < 0.1
            if overlap:
                self.features.add("overlap")
            start = end - self.r.randint(100, 500) if overlap else end + self.r.randint(0, 1500)
        return out


def _escape(gen: _Gen, text: str) -> str:
    """WebVTT text: "&" and "<" escaped, sometimes a mark, nbsp or "&gt;"."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    if gen.r.random() < 0.15 and "," in text:
        gen.features.add("nbsp")
        text = text.replace(", ", ",&nbsp;", 1)
    if gen.r.random() < 0.1:
        gen.features.add("lrm")
        text = gen.r.choice(["&lrm;", "&rlm;"]) + text
    if gen.r.random() < 0.05 and text.endswith("."):
        gen.features.add("gt")
        text = text[:-1] + " &gt;&gt; so weit."  # said: "… >> so weit."
    return text


def _markup(gen: _Gen, text: str) -> str:
    """Spec markup around the (escaped) text of a line: classes, i/b/u, lang, ruby, time."""
    pick = gen.r.random()
    if pick < 0.08:
        gen.features.add("c")
        return f"<c.yellow.bg_blue>{text}</c>"
    if pick < 0.16:
        tag = gen.r.choice(["i", "b", "u", "i.leise", "c", "b.laut.rot"])
        gen.features.add(tag)
        return f"<{tag}>{text}</{tag.split('.')[0]}>"
    if pick < 0.2:
        gen.features.add("lang")
        return f"<lang de-DE>{text}</lang>"
    if pick < 0.28 and text.startswith("Am Brunnen"):
        gen.features.add("ruby")
        return text.replace("Brunnen", "<ruby>Brunnen<rt>am Markt</rt></ruby>", 1)
    if pick < 0.25 and " " in text:
        gen.features.add("inline-time")
        head, tail = text.split(" ", 1)
        return f"{head} {gen.r.choice(['<00:00:00.500>', '<00:00.750>'])}{tail}"
    return text


def _cue_text(gen: _Gen, speaker: str | None, lines: list[str]) -> tuple[str, list[str]]:
    """The text block of one WebVTT cue in the generator's shape, and the lines said."""
    said = []
    out = []
    for line in lines:
        escaped = _escape(gen, line) if gen.shape == "spec" else line.replace("&", "&amp;")
        escaped = escaped.replace("<", "&lt;") if gen.shape != "spec" else escaped
        said.append(_plain(escaped))
        out.append(_markup(gen, escaped) if gen.shape == "spec" else escaped)
    if gen.shape == "zoom" and speaker:
        out[0] = f"{speaker}: {out[0]}"
    elif gen.shape == "teams" and speaker:
        out = [f"<v {speaker}>{out[0]}", *out[1:]]
        out[-1] += "</v>"
    elif gen.shape == "spec" and speaker:
        voice = gen.r.choice([f"<v {speaker}>", f"<v.loud {speaker}>", f"<v.a.b {speaker}>"])
        gen.features.add("voice-class" if "." in voice[:4] else "voice")
        close = "</v>" if gen.r.random() < 0.5 else ""
        out = [voice + out[0], *out[1:]]
        out[-1] += close
    return "\n".join(out), said


def _plain(escaped: str) -> str:
    """The text an escaped cue line says (marks and nbsp read as nothing and a blank)."""
    for entity, char in (("&lrm;", ""), ("&rlm;", ""), ("&nbsp;", " "), ("&gt;", ">")):
        escaped = escaped.replace(entity, char)
    return escaped.replace("&lt;", "<").replace("&amp;", "&")


def _settings(gen: _Gen, region: bool) -> str:
    """A cue's settings list: a few names, each once, in any order, blanks or tabs between."""
    r = gen.r
    names = r.sample(sorted(SETTINGS), r.randint(1, 3))
    chosen = [f"{n}:{r.choice(SETTINGS[n])}" for n in names]
    if region and r.random() < 0.5:
        chosen = [c for c in chosen if c.split(":")[0] in ("align", "position")]
        chosen.append("region:fred")
    return r.choice([" ", "\t", "  "]).join(chosen)


def _vtt(gen: _Gen) -> tuple[str, list[tuple[str | None, str]]]:
    r = gen.r
    gen.short = gen.shape in ("whisper", "spec") and r.random() < 0.5
    gen.hour_digits = 3 if gen.shape == "spec" and r.random() < 0.1 else 2
    header = "WEBVTT"
    if r.random() < 0.3:
        header += r.choice([" - Stadtteilrunde Manfort", "\tQuartiersworkshop", " "])
        gen.features.add("header-text")
    blocks = [header]
    if gen.shape == "whisper" and r.random() < 0.5:
        blocks[0] += "\nKind: captions\nLanguage: de"
    if gen.shape == "spec":
        if r.random() < 0.4:
            gen.features.add("region")
            blocks.append("REGION\nid:fred\nwidth:40%\nlines:3\nregionanchor:0%,100%")
        if r.random() < 0.4:
            gen.features.add("style")
            blocks.append('STYLE\n::cue {\n  color: yellow;\n}\n::cue(v[voice="x"]) { }')
        if r.random() < 0.4:
            gen.features.add("note")
            blocks.append("NOTE Aufnahme der Stadtteilrunde\nzweite Zeile der Notiz")
    script = gen.script()
    truth: list[tuple[str | None, str]] = []
    for i, ((speaker, lines), (a, b)) in enumerate(
        zip(script, gen.timings(len(script)), strict=True), start=1
    ):
        timing = f"{gen.stamp(a)} --> {gen.stamp(b)}"
        if gen.shape == "spec" and r.random() < 0.3:
            gen.features.add("settings")
            timing += " " + _settings(gen, "region" in gen.features)
        ident = ""
        if gen.shape == "zoom":
            ident = str(i)
        elif gen.shape == "teams":
            ident = f"5c2f1e7a-8d4b-4c1e-9f0a-{i:012d}/{r.randint(10, 99)}-{r.randint(0, 3)}"
        elif gen.shape == "webex":
            ident = f'{i} "{speaker}" ({r.randint(10**9, 4 * 10**9)})'
        elif gen.shape == "spec":
            ident = r.choice(["", str(i), f"cue-{i}", f"Abschnitt {i} Verkehr"])
        text, said = _cue_text(gen, speaker, lines)
        if gen.shape == "spec" and r.random() < 0.06:
            gen.features.add("empty-cue")
            blocks.append(timing)
        block = f"{ident}\n{timing}\n{text}".lstrip("\n")
        truth.append((speaker, " ".join(said)))
        others = [p for p in gen.speakers if p != speaker]
        if gen.shape == "spec" and speaker and others and r.random() < 0.1:
            gen.features.add("two-voices")  # a second voice in the same cue
            other, answer = r.choice(others), r.choice(ORDINARY[:6])
            block += f"\n<v {other}>{answer}</v>"
            truth.append((other, answer))
        blocks.append(block)
        if gen.shape == "spec" and r.random() < 0.08:
            gen.features.add("note")
            blocks.append("NOTE zwischen den Untertiteln")
    return "\n\n".join(blocks) + "\n", truth


def _srt(gen: _Gen) -> tuple[str, list[tuple[str | None, str]]]:
    r = gen.r
    labels = r.choice(["colon", "bracket", "dash"]) if gen.named else "none"
    gen.features.add(f"srt-{labels}")
    script = gen.script()
    blocks = []
    truth: list[tuple[str | None, str]] = []
    number = r.choice([0, 1])
    for (speaker, lines), (a, b) in zip(script, gen.timings(len(script)), strict=True):
        number += r.choice([1, 1, 1, 2, 5]) if r.random() < 0.3 else 1
        out = list(lines)
        if r.random() < 0.15:
            gen.features.add("font")
            out[0] = f'<font color="#ffff00">{out[0]}</font>'
        elif r.random() < 0.15:
            gen.features.add("i")
            out[-1] = f"<i>{out[-1]}</i>"
        if labels == "colon":
            out[0] = f"{speaker}: {out[0]}"
        elif labels == "bracket":
            out[0] = f"[{speaker}] {out[0]}"
        elif labels == "dash":
            out[0] = f"- {speaker}: {out[0]}"
        timing = f"{gen.stamp(a, True)} --> {gen.stamp(b, True)}"
        if r.random() < 0.1:
            gen.features.add("srt-coordinates")
            timing += r.choice(["  X1:100 X2:600 Y1:20 Y2:80", " "])
        if r.random() < 0.1:
            gen.features.add("srt-position")
            out[0] = r.choice(["{\\an8}", "{\\pos(10,20)}"]) + out[0]
        blocks.append(f"{number}\n{timing}\n" + "\n".join(out))
        truth.append((speaker, " ".join(lines)))
    tail = r.choice(["\n", "\n\n", "\n\n\n", ""])
    return "\n\n".join(blocks) + tail, truth


def generate(seed: int) -> Fuzzed:
    """The transcript of ``seed`` with its truth."""
    gen = _Gen(seed)
    text, truth = _srt(gen) if gen.shape == "srt" else _vtt(gen)
    ending = gen.r.choice(["\n", "\n", "\r\n", "\r"] if gen.shape == "spec" else ["\n", "\r\n"])
    if ending != "\n":
        gen.features.add("CR" if ending == "\r" else "CRLF")
        text = text.replace("\n", ending)
    if gen.r.random() < 0.25:
        gen.features.add("BOM")
        text = "\ufeff" + text
    suffix = ".srt" if gen.shape == "srt" else ".vtt"
    return Fuzzed(
        name=f"runde_{seed}{suffix}",
        data=text.encode("utf-8"),
        shape=gen.shape,
        cues=[(s, t) for s, t in truth if t.strip()],
        mentioned=gen.mentioned,
        speakers=gen.speakers if gen.named else [],
        features=gen.features,
    )
