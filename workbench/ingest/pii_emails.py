"""E-mail addresses as participants type them: plain, against spam bots ("(at)", "[punkt]"),
spelled out ("anna at web punkt de"), with a stray blank or wrapped onto the next line. Used
by :func:`workbench.ingest.pii_patterns.find_structured`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# -- e-mail ------------------------------------------------------------------------------
# "@", "(at)", "[ät]", "(dot)", "(punkt)"; a blank around the "@", or a bare "at", only after
# a lower-case local part of two words, as typed against spam bots ("a.schmidt @
# leverkusen.de", "a.schmidt at web.de"; not "Wir sind @ …", "look at github.com")
_DOT = r"(?:\.|\s?[(\[](?:dot|punkt)[)\]]\s?)"
_EMAIL = re.compile(
    r"(?<![\w.+-])(?:[\w.+-]+(?:@|\s?[(\[][aä]t[)\]]\s?)"
    r"|[a-z0-9+-]+(?:[._][a-z0-9+-]+)+(?:[ \u00a0]?@[ \u00a0]?|[ \u00a0]at[ \u00a0]))"
    rf"[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[A-Za-z]{{2,}}\b"
)
# spelled out, as read aloud or typed against spam bots: "anna at web punkt de", "anna punkt
# schmidt ät gmx punkt net" — the spoken dot before a top-level domain makes it an address
_SPOKEN_DOT = r"[ \u00a0](?:punkt|dot|PUNKT|DOT)[ \u00a0]"
_EMAIL_SPOKEN = re.compile(
    # not a word of a sentence before "at": "Treffpunkt ist at home punkt de"
    r"(?<![\w.+-])(?!(?:ist|sind|uns|wir|ich|und|oder|is|are|we|us|me|look|be)[ \u00a0])"
    rf"[a-z0-9_+-]+(?:(?:\.|{_SPOKEN_DOT})[a-z0-9_+-]+)*"
    rf"[ \u00a0](?:at|ät|AT|@)[ \u00a0][a-z0-9-]+(?:(?:\.|{_SPOKEN_DOT})[a-z0-9-]+)*{_SPOKEN_DOT}"
    r"(?:de|com|net|org|eu|at|ch|info|io|biz|nrw|koeln|ruhr)(?![\w.-]|\.\w)"
)
# Typed with a stray blank or wrapped onto the next line: "anna.schmidt@gmx .de",
# "anna(at)gmx. de", "anna.schmidt@\ngmx.de", "anna.schmidt\n@gmx.de", "kai @ gmx.de" — the
# local part written onto the "@" (or of two words, or one before a mail provider) and a
# top-level domain of mail (not "Wir sind @ home. De facto", "Treffen@home . Da")
_AT = r"(?:@|[(\[][aä]t[)\]])"
_GAP = r"(?:[ \u00a0]?\n[ \u00a0]?|\s)?"  # a blank, a line break, or both
_LOOSE_DOT = rf"{_GAP}(?:\.|[(\[](?:dot|punkt|\.)[)\]]){_GAP}"
_MAIL_PROVIDERS = (
    r"gmx|web|t-online|posteo|gmail|googlemail|yahoo|outlook|hotmail|icloud|aol|freenet|"
    r"arcor|mailbox|online|live|me|mail|email|protonmail|proton|vodafone|ewetel|unitybox"
)
_TLDS = (
    r"de|com|net|org|eu|at|ch|info|io|biz|nrw|koeln|ruhr|berlin|hamburg|email|online|me|"
    r"nl|fr|it|es|pl|tr|uk|be|lu|dk|cz"
)
_EMAIL_LOOSE = re.compile(
    r"(?<![\w.+-])(?:[\w.+-]*\w\n?"
    + _AT
    + r"|[a-z0-9+-]+(?:[._][a-z0-9+-]+)+\s?"
    + _AT
    + r"|[a-z0-9+-]+\s"
    + _AT
    + rf"(?=\s?(?:{_MAIL_PROVIDERS}){_LOOSE_DOT}))"
    rf"{_GAP}[\w-]+(?:{_LOOSE_DOT}[\w-]+)*?{_LOOSE_DOT}"
    rf"(?:{_TLDS})(?![\w.-]|\.\w)"
)
# Mistyped: a comma, two dots or a middle dot for the dot, two "@" or a full-width "＠",
# or no top-level domain after a mail provider: "anna.schmidt@gmx,de", "anna@@gmx.de",
# "anna.schmidt＠gmx.de", "anna.schmidt@gmx bitte"
# (without a top-level domain only the big providers: not "Kultur@online", "Treffen@live")
_BARE_PROVIDERS = r"gmx|web|t-online|posteo|gmail|googlemail|yahoo|outlook|hotmail|icloud|freenet"
_EMAIL_TYPO = re.compile(
    r"(?<![\w.+-])[\w.+-]*\w[@＠]{1,2}"
    rf"(?:(?i:{_MAIL_PROVIDERS})(?:[.,·]{{1,2}}|\[\.\]|\(\.\))(?i:{_TLDS})"
    rf"|(?i:{_BARE_PROVIDERS})"
    rf"|[\w-]+(?:\.[\w-]+)*(?:\.\.|,|·)(?i:{_TLDS}))(?![\w.@-]|\.\w)"
)
# A local part in quotes, as the standard allows it (with a blank, too): '"anna schmidt"@gmx.de',
# '„Anna Schmidt“@web.de' — the quotes belong to the address, the name in them with it; a
# blank before the "@" only before a mail provider (a quote, then a mention in a chat:
# '"Gute Idee" @jens.meier' is no address)
_EMAIL_QUOTED = re.compile(
    r'["„“”][^"„“”@\n]{1,64}["“”]'
    rf"(?:{_AT}|＠|[ \u00a0]?{_AT}[ \u00a0]?(?=(?i:{_MAIL_PROVIDERS}){_DOT}))"
    rf"[\w-]+(?:{_DOT}[\w-]+)*{_DOT}(?:{_TLDS})(?![\w.-]|\.\w)"
)
# … but a capitalised word onto a provider that is an ordinary word, without a top-level
# domain, names a project or an offer: "Senioren@Web", "Kultur@web ist ein Angebot"
_PROJECT_AT_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+[@＠](?i:web|outlook)")
# "z.b at home.de", "u.a @ work.de": an abbreviation before a blank "at" is no local part
_ABBREVIATION_AT = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\.?[ \u00a0](?:at|@)[ \u00a0]")


def email_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where ``text`` names an e-mail address (start, end of each; they may overlap)."""
    for pattern in (_EMAIL, _EMAIL_LOOSE, _EMAIL_TYPO, _EMAIL_QUOTED):
        for m in pattern.finditer(text):
            if _ABBREVIATION_AT.match(text, m.start()) or _PROJECT_AT_WORD.fullmatch(m.group()):
                continue
            yield m.span()
    for m in _EMAIL_SPOKEN.finditer(text):
        yield m.span()
