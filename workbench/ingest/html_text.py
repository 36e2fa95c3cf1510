"""Plain text of table cells that a platform exported as HTML (Decidim, Consul, Go Vocal).

When is a cell HTML? When it holds an element of HTML's vocabulary (``<p>``, ``<img …>``,
``</td>``, an ``<!-- comment -->``), or when it holds a character entity (``&amp;``,
``&nbsp;``, ``&#39;``) and no bare ``<`` or ``>`` (HTML writes those as ``&lt;``/``&gt;``,
so "3 < 5 &amp; mehr" was typed by a person and stays as written). A tag counts only by
its name: "<Name>" or "<Straße>" is no HTML element; a name that is also an everyday word
("<Title>", "<Menu>") counts only in lower case, as editors write tags, except the
formatting tags that nobody writes otherwise (``<B>``, ``<P>``, ``<BR>``). ``<script>`` and
``<style>`` alone do not make a cell HTML: no platform's editor writes them, so such a cell
is text someone typed (an attempt at injection is kept as evidence, verbatim; every view
escapes it); within HTML they are removed.

The plain text keeps paragraphs, line breaks, list items, headings and table rows as line
breaks (cells of a row separated by " | "); an image becomes its description "(Bild: …)"
or nothing; scripts, styles, embedded frames (videos), forms, comments and struck-through
text become nothing;
all entities are decoded and blanks within a line collapsed. Line breaks in the cell's
own text are kept as line breaks.

Decidim keeps a mention, a hashtag or a link to a proposal in a text as a global ID, and
its exports write the text so: "gid://lev/Decidim::User/77" (a person's account: a profile,
"[Profil]", like "@anna_m"), "gid://lev/Decidim::Hashtag/3/_Spielplatz" ("#Spielplatz"),
"gid://lev/Decidim::Proposals::Proposal/12" ("Vorschlag 12"), as the platform shows them.
"""

from __future__ import annotations

import html
import re
from html.entities import html5
from html.parser import HTMLParser

_FORMATTING = frozenset(
    "p br div span strong em b i u s ul ol li a h1 h2 h3 h4 h5 h6 blockquote".split()
)
HTML_ELEMENTS = _FORMATTING | frozenset(
    """
    abbr acronym address area article aside audio base bdi bdo big body button canvas
    caption center cite code col colgroup data datalist dd del details dfn dialog dir dl
    dt embed fieldset figcaption figure font footer form frame frameset head header hgroup
    hr html iframe img input ins kbd label legend link main map mark menu meta meter nav
    noscript object optgroup option output param picture pre progress q rp rt ruby samp
    script section select small source strike style sub summary sup svg table tbody td
    template textarea tfoot th thead time title tr track tt var video wbr
    """.split()
)
_TYPED = frozenset(("script", "style"))  # alone: typed text, not a platform's HTML
# Elements whose content is no text of the contribution; struck-through text (s, strike,
# del) is what its author took back ("Mehr <s>Parkplätze</s> Bäume!").
_HIDDEN = frozenset(
    "script style iframe object video audio noscript template svg canvas select textarea "
    "head title button map frameset s strike del".split()
)
# Elements that begin and end a line of their own.
_BLOCK = frozenset(
    """
    p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre hr table tr thead tbody tfoot
    caption figure figcaption section article header footer main nav aside address
    details summary dl dt dd form fieldset center
    """.split()
)
_TAG = re.compile(r"<(?:!--|/?([A-Za-z][A-Za-z0-9]*)(?=[\s/>])[^<>]*>)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CELL_END = "\x1f"  # marks the end of a table cell until lines are assembled


def _is_element(match: re.Match[str]) -> bool:
    name = match.group(1)
    if name is None:  # a comment
        return True
    return (name in HTML_ELEMENTS and name not in _TYPED) or name.lower() in _FORMATTING


def is_html(text: str) -> bool:
    """Whether a cell is HTML (see the module's rule).

    >>> is_html("<p>Licht</p>"), is_html("Kinder &amp; Jugendliche"), is_html("3 < 5 &amp; mehr")
    (True, True, False)
    >>> is_html("Liebe <Name>, danke"), is_html("AT&T"), is_html("<script>alert(1)</script>")
    (False, False, False)
    """
    if any(_is_element(m) for m in _TAG.finditer(text)):
        return True
    entities = [m.group() for m in _ENTITY.finditer(text)]
    known = any(e[1] == "#" or e[1:] in html5 for e in entities)
    return known and "<" not in text and ">" not in text


class _TextParser(HTMLParser):
    """Collects the text of an HTML fragment (see the module's rule)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # depth inside elements whose content is not text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif self.hidden:
            return
        elif tag == "img":
            alt = " ".join((dict(attrs).get("alt") or "").split())
            self.parts.append(f" (Bild: {alt}) " if alt else " ")
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN:  # <iframe … /> has no content to skip
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif self.hidden:
            return
        elif tag in ("td", "th"):
            self.parts.append(_CELL_END)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


# Decidim's global IDs in a text (see the module), the resource's class and ID, a hashtag's name
_GLOBAL_ID = re.compile(
    r"gid://[\w.-]+/Decidim::(?:(?P<kind>\w+)::)?(?P<model>\w+)/(?P<id>\d+)"
    r"(?:/_?(?P<name>\w+))?"
)
_RESOURCES = {
    "Proposal": "Vorschlag",
    "Meeting": "Veranstaltung",
    "Debate": "Debatte",
    "Result": "Ergebnis",
    "Comment": "Kommentar",
}
PROFILE = "[Profil]"  # what a mention of an account becomes (the pseudonymiser's "handle")


def _as_shown(found: re.Match[str]) -> str:
    """A Decidim global ID as the platform shows it (a person's account: :data:`PROFILE`)."""
    model = found.group("model")
    if model in ("User", "UserGroup"):
        return PROFILE
    if model == "Hashtag" and found.group("name"):
        return f"#{found.group('name')}"
    return f"{_RESOURCES.get(model, model)} {found.group('id')}"


def without_global_ids(text: str) -> str:
    """``text`` with Decidim's global IDs as the platform shows them (see the module).

    >>> without_global_ids("gid://lev/Decidim::User/77 hat recht, siehe "
    ...                    "gid://lev/Decidim::Proposals::Proposal/12 und "
    ...                    "gid://lev/Decidim::Hashtag/3/_Spielplatz")
    '[Profil] hat recht, siehe Vorschlag 12 und #Spielplatz'
    """
    return _GLOBAL_ID.sub(_as_shown, text) if "gid://" in text else text


def plain_text(text: str) -> str:
    r"""A cell's plain text: HTML (see the module's rule) as text, other text as is.

    >>> plain_text("<p>Mehr B&auml;nke</p><p>am <strong>Rhein</strong>.</p>")
    'Mehr Bänke\nam Rhein.'
    >>> plain_text("3 < 5 und 7 > 2 &amp; mehr")
    '3 < 5 und 7 > 2 &amp; mehr'
    >>> plain_text("Kinder &amp; Jugendliche")
    'Kinder & Jugendliche'
    >>> plain_text('<p>Foto:</p><img src="x.jpg" alt="Der Treff"><iframe src="v"></iframe>')
    'Foto:\n(Bild: Der Treff)'
    >>> plain_text("<table><tr><td>Bedarf</td><td>Ort</td></tr><tr><td>Bänke</td></tr></table>")
    'Bedarf | Ort\nBänke'
    """
    text = without_global_ids(text)  # Decidim's mentions, hashtags, links
    if not is_html(text):
        return text
    if not _TAG.search(text):  # entities only
        parts = [html.unescape(text)]
    else:
        parser = _TextParser()
        parser.feed(text)
        parser.close()
        parts = parser.parts
    lines = []
    for line in "".join(parts).split("\n"):
        cells = [" ".join(c.split()) for c in line.split(_CELL_END)]
        lines.append(" | ".join(c for c in cells if c))
    return "\n".join(line for line in lines if line).strip()
