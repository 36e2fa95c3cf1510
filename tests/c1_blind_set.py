"""A blind set for C1 control characters (U+0080–U+009F) in typed text (decision 017).

Generated, seeded: ordinary texts someone types into a recommendation, a memo or a comment
(German with umlauts and ß, emoji with joiners, Arabic and Hebrew, line breaks, tabs,
Latin-1 signs next to the C1 block), each with one or two C1 characters put in at a drawn
place. Expected: U+0085 (NEL, "next line") is a line break ("\\n"), every other C1
character is left out; the rest stays character for character. The must-stay texts hold
no C1 character and must come back unchanged.
"""

from __future__ import annotations

import random

NEL = "\x85"
# every C1 character; a lone CSI U+009B ("›" of Windows-1252 read as Latin-1), DCS U+0090,
# OSC U+009D, ST U+009C, PAD U+0080 among them
C1 = [chr(c) for c in range(0x80, 0xA0)]

MUST_STAY = [
    "Der Treff in Manfort braucht längere Öffnungszeiten.",
    "Straßensozialarbeit für Jugendliche: mehr Stellen, größere Räume.",
    "Übergänge Kita → Grundschule begleiten",
    "Familienzentrum öffnen 👨‍👩‍👧 und Elterncafé anbieten 😀",
    "Mehrsprachige Sprechstunde: مرحبا بكم في الحي",
    "Beratung auf Hebräisch: שלום לכולם, ab 18 Uhr",
    "Erste Zeile\nzweite Zeile\n\ndritte nach Leerzeile",
    "Spalte A\tSpalte B\tSpalte C",
    "Preis 5 € – ermäßigt ½, „Kita [31 Plätze]“ … «bald» § 27 SGB VIII, 20 °C",
    "Café São Tomé, naïve Idee, Ærø, Œuvre, µ-Projekt",
    "Türkçe danışma: Çarşamba günleri, şehir merkezinde",
    "Porady po polsku: środa, źródło, żółw, Łódź",
    "Nur\u00a0geschützte Leerzeichen\u00a0hier",
    "Hashtag #Quartier, E-Mail an quartier@example.org",
    "Zahlen 1.234,56 und 0,5 % Zuwachs; ±3",
    "Ελληνικά: καλημέρα, Кириллица: привет",
    "中文 und 日本語 im Stadtteilbüro",
    "Emoji-Flagge 🇩🇪 und Hautton 👍🏽",
    "Absatz\n  eingerückt\n\tmit Tab",
    "ÄÖÜäöüß ÀÁÂÃÅ àáâãå ÿ þ ð",
]

BASES = [
    "Jugendzentrum in Opladen länger öffnen",
    "Frau Müller vom Träger schlägt vor, die Sprechstunde zu verlegen.",
    "Bedarf an Übersetzung ins Türkische und Arabische: مرحبا",
    "Spielplatz Wiesdorf sanieren 🛝 und beleuchten",
    "Erste Zeile\nzweite Zeile mit Umlauten äöü",
    "Nachbarschaftscafé: dienstags 15–18 Uhr, „offen für alle“",
    "Rückmeldung aus Steinbüchel: zu wenig Grünflächen",
    "שלום, Beratung im Quartiersbüro",
    "Memo: Kategorie Ressource prüfen\tsiehe Aussage 17",
    "Größere Räume für die Hausaufgabenhilfe – dringend!",
]


def cases(seed: int = 49, count: int = 120) -> list[tuple[str, str]]:
    """``count`` typed texts with C1 characters and what typed text keeps of each."""
    rng = random.Random(seed)
    result: list[tuple[str, str]] = []
    for i in range(count):
        base = BASES[i % len(BASES)]
        chars = [C1[i % len(C1)]] + ([rng.choice(C1)] if i % 3 == 0 else [])
        chars += [NEL] if i % 6 == 5 else []  # a line break typed as NEL, more often
        text, expected = base, base
        for char in chars:
            # the same place in both: the expected text has the same characters up to it
            at = rng.randint(0, len(text))
            kept = "\n" if char == NEL else ""
            done = len(_expected_prefix(text[:at]))
            text = text[:at] + char + text[at:]
            expected = expected[:done] + kept + expected[done:]
        result.append((text, expected))
    return result


def _expected_prefix(prefix: str) -> str:
    """What the rule keeps of ``prefix`` (a text already holding generated C1 characters)."""
    return "".join("\n" if c == NEL else c for c in prefix if c == NEL or c not in C1)
