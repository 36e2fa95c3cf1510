"""The kernel-less participation form: its HTML page and reading its fields back (pure).

:mod:`widgets.formular` serves it; everything here is a function of a
:class:`~workbench.participation.ballots.Ballot` and the submitted fields, without I/O.
The page is plain HTML5 that works without JavaScript (there is none): one ``<fieldset>``
per item with its ``<legend>``, radio buttons for the rating, a number field for the
points, a text area for the comment, one button that sends everything. The words are the
Voilà app's (:mod:`widgets.feedback_texts`). Every text from the database or the request
— labels, quotes, districts, comments, the token — goes through :func:`html.escape`, so
``<script>`` shows as text. The page has no ``style`` attributes: the stylesheet
:data:`CSS` is a file of its own, as the Content-Security-Policy (``style-src 'self'``)
requires.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from widgets.feedback_texts import (
    COMMENT_LABEL,
    FORM_TITLE,
    NAMED_IN,
    POINTS_QUESTION,
    QUOTES_INTRO,
    RATING_QUESTION,
    SAVED,
    UNSAVED,
    easy_language_html,
    intro_text,
    no_own_needs,
    plain_scope,
    points_left_text,
    short_quote,
)
from workbench.core.domain import InputError
from workbench.core.formatting import format_number
from workbench.participation.ballots import (
    MAX_COMMENT,
    RATINGS,
    Answer,
    Ballot,
    Item,
    rating_code,
)
from workbench.participation.tokens import FORM_PATH

TITLE = "Bedarfe bewerten"
SAVE_BUTTON = "Antworten speichern"
SAVED_ALL = "Ihre Antworten sind gespeichert."
NO_ANSWER = "keine Angabe"
CHECK_INPUT = "Bitte prüfen Sie Ihre Eingaben."
NOTHING_STORED = "Es wurde noch nichts gespeichert."
STYLESHEET = "formular.css"  # beside the form: <prefix>/beteiligung/formular.css
# Addresses relative to the form's page (<prefix>/beteiligung): right behind any prefix/proxy.
STYLESHEET_HREF = f"{FORM_PATH}/{STYLESHEET}"
TOKEN_FIELD = "token"
SAVED_PARAM = "gespeichert"
RATING, POINTS, COMMENT = "bewertung", "punkte", "kommentar"  # field names: punkte-<item>
POINTS_LEFT_ID = "punkte-frei"
_DIGITS = re.compile(r"[0-9]{1,9}")

CSS = """\
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 100%; line-height: 1.5; color: #1a1a1a; background-color: #ffffff; }
body { margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
.sw-easy { color: #1a1a1a; background-color: #f5f7fb; border-left: 4px solid #1f4e8c;
  padding: 0.2rem 1rem; margin: 1rem 0; }
.sw-easy h2 { margin-top: 0.6rem; }
.sw-easy li { margin: 0.3rem 0; }
.budget { font-weight: bold; }
.punkt { border: 1px solid #767676; border-radius: 6px; padding: 0.5rem 1rem 1rem;
  margin: 1.5rem 0; min-width: 0; }
.punkt > legend { font-size: 1.15rem; font-weight: bold; padding: 0 0.4rem; }
.merkmale { margin: 0.2rem 0 0.5rem; }
.art, .geltung { display: inline-block; border-radius: 3px; padding: 0 0.4rem;
  font-size: 0.875rem; color: #1f3b63; background-color: #e8eef7; }
.geltung.quer { color: #5c3f00; background-color: #fdf0d5; }
.hinweis, .stand { color: #4a4a4a; background-color: #ffffff; font-size: 0.9rem;
  margin: 0.5rem 0 0.25rem; }
.zitate { list-style: none; margin: 0; padding: 0; }
blockquote { margin: 0.25rem 0 0.25rem 0.25rem; padding-left: 0.75rem;
  border-left: 3px solid #767676; color: #333333; background-color: #ffffff; }
blockquote p { margin: 0.2rem 0; }
.bewertung { border: 0; margin: 0.75rem 0; padding: 0; min-width: 0; }
.bewertung > legend { font-weight: bold; padding: 0; }
.wahl { display: inline-flex; align-items: center; margin: 0.25rem 1.25rem 0.25rem 0; }
.wahl input { width: 1.25rem; height: 1.25rem; margin: 0 0.4rem 0 0; }
.feld { margin: 0.75rem 0; }
.feld label { display: block; font-weight: bold; margin-bottom: 0.25rem; }
input[type="number"], textarea { font: inherit; color: #1a1a1a; background-color: #ffffff;
  border: 1px solid #767676; border-radius: 4px; padding: 0.35rem 0.5rem; }
input[type="number"] { width: 6rem; }
textarea { width: 100%; box-sizing: border-box; }
[aria-invalid="true"] { border: 2px solid #b00020; }
.feld-fehler { color: #8a1c1c; background-color: #ffffff; font-weight: bold; }
button { font: inherit; font-weight: bold; color: #ffffff; background-color: #1f4e8c;
  border: 2px solid #1f4e8c; border-radius: 6px; padding: 0.6rem 1.4rem; cursor: pointer; }
button:hover { color: #ffffff; background-color: #173b6a; }
a:focus, input:focus, textarea:focus, button:focus, .meldung:focus {
  outline: 3px solid #1f4e8c; outline-offset: 2px; }
.meldung { border-left: 6px solid; border-radius: 4px; padding: 0.6rem 1rem; margin: 1rem 0; }
.meldung.fehler { color: #8a1c1c; background-color: #fdecea; }
.meldung.info { color: #1d3557; background-color: #eef3fb; }
.meldung.erfolg { color: #1e5631; background-color: #e8f5ec; }
.meldung h2 { font-size: 1.1rem; margin: 0.2rem 0 0.4rem; }
.meldung a { color: inherit; }
"""


@dataclass(frozen=True)
class Entry:
    """What the form shows for one item: rating code (or None), points as typed, comment."""

    rating: str | None = None
    points: str = "0"
    comment: str = ""


@dataclass(frozen=True)
class Problem:
    """A German message for the participant; ``field`` is the id of the element concerned."""

    message: str
    item_id: int | None = None
    field: str | None = None


def field_name(kind: str, item_id: int) -> str:
    """The name (and id) of an item's field, e.g. ``punkte-3``.

    >>> field_name(POINTS, 3)
    'punkte-3'
    """
    return f"{kind}-{item_id}"


def esc(value: object) -> str:
    """``value`` as text that is safe in HTML, also inside attribute values."""
    return html.escape("" if value is None else str(value), quote=True)


# -- reading the submitted form ----------------------------------------------------------------
def stored_entries(ballot: Ballot) -> dict[int, Entry]:
    """The entries that show the ballot's stored answers."""
    entries = {}
    for item in ballot.items:
        answer = ballot.answers.get(item.item_id) or Answer(item.item_id)
        entries[item.item_id] = Entry(answer.rating, str(answer.points), answer.comment)
    return entries


def clean_comment(text: str) -> str:
    """A comment as stored: line breaks as ``\\n`` (browsers send CRLF), no outer spaces.

    >>> clean_comment("  Zwei\\r\\nZeilen ")
    'Zwei\\nZeilen'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _quoted(item: Item) -> str:
    return f"„{item.label}“"


def read_form(
    ballot: Ballot, fields: Mapping[str, str]
) -> tuple[dict[int, Entry], dict[int, Answer], list[Problem]]:
    """The entries as typed, the answers they mean, and what is wrong with them.

    Every item of the ballot is read; an item none of whose fields was sent keeps its
    stored answer (a form of another round cannot erase it). Ratings must be one of
    :data:`RATINGS` (or none), points whole numbers from 0, comments at most
    :data:`MAX_COMMENT` characters, and the points of all items together at most the
    budget. With any problem nothing may be stored.
    """
    entries = stored_entries(ballot)
    answers: dict[int, Answer] = {}
    problems: list[Problem] = []
    total, given = 0, []
    for item in ballot.items:
        i = item.item_id
        names = [field_name(kind, i) for kind in (RATING, POINTS, COMMENT)]
        stored = ballot.answers.get(i) or Answer(i)
        if not any(name in fields for name in names):
            answers[i] = stored
            total += stored.points
            given += [(item, stored.points)] if stored.points else []
            continue
        raw_rating = fields.get(names[0]) or ""
        raw_points = (fields.get(names[1]) or "").strip()
        comment = clean_comment(fields.get(names[2]) or "")
        entries[i] = Entry(raw_rating or None, raw_points, comment)
        valid = True
        try:
            rating = rating_code(raw_rating or None)
        except InputError as err:
            problems.append(Problem(f"{_quoted(item)}: {err}", i, f"{names[0]}-gruppe"))
            rating, valid = None, False
        if raw_points == "":
            points = 0
        elif _DIGITS.fullmatch(raw_points):
            points = int(raw_points)
        else:
            problems.append(
                Problem(f"{_quoted(item)}: Punkte sind eine ganze Zahl ab 0.", i, names[1])
            )
            points, valid = 0, False
        if len(comment) > MAX_COMMENT and comment != stored.comment:  # stored: may be longer
            problems.append(
                Problem(
                    f"{_quoted(item)}: Der Kommentar ist zu lang "
                    f"({format_number(len(comment))} Zeichen, höchstens "
                    f"{format_number(MAX_COMMENT)}).",
                    i,
                    names[2],
                )
            )
            valid = False
        total += points
        given += [(item, points)] if points else []
        if valid:
            answers[i] = Answer(i, rating, points, comment)
    if total > ballot.budget:
        excess = total - ballot.budget
        listed = ", ".join(f"{_quoted(item)} ({points})" for item, points in given)
        problems.append(
            Problem(
                f"Sie haben zusammen {total} Punkte verteilt, möglich sind {ballot.budget}. "
                f"Bitte nehmen Sie {excess} {'Punkt' if excess == 1 else 'Punkte'} zurück. "
                f"Punkte stehen bei: {listed}.",
                given[0][0].item_id,
                field_name(POINTS, given[0][0].item_id),
            )
        )
    return entries, answers, problems


def points_given(entries: Mapping[int, Entry]) -> int:
    """The points of the entries together (what cannot be read counts as 0)."""
    return sum(int(e.points) for e in entries.values() if _DIGITS.fullmatch(e.points.strip()))


# -- the page ------------------------------------------------------------------------------------
def page(title: str, body: str, stylesheet: str = STYLESHEET_HREF) -> str:
    """A complete HTML5 page in German around ``body`` (HTML); ``title`` is text."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="stylesheet" href="{esc(stylesheet)}">\n'
        f"</head>\n<body>\n<main>\n<h1>{esc(TITLE)}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )


def message_page(text: str, kind: str = "fehler", stylesheet: str | None = None) -> str:
    """A page with one message and no form: ``kind`` "fehler" (an alert) or "info"."""
    role = "alert" if kind == "fehler" else "status"
    body = f'<p class="meldung {esc(kind)}" role="{role}">{esc(text)}</p>'
    title = f"Fehler: {TITLE}" if kind == "fehler" else TITLE
    return page(title, body) if stylesheet is None else page(title, body, stylesheet)


def _problems_html(problems: Sequence[Problem], stored_nothing: bool) -> str:
    """The alert at the top: what to correct, each with a link to its field."""
    rows = "".join(
        f'<li><a href="#{esc(p.field)}">{esc(p.message)}</a></li>'
        if p.field
        else f"<li>{esc(p.message)}</li>"
        for p in problems
    )
    return (
        '<div class="meldung fehler" role="alert" aria-labelledby="fehler-titel">'
        f'<h2 id="fehler-titel">{esc(CHECK_INPUT)}</h2><ul>{rows}</ul>'
        + (f"<p>{esc(NOTHING_STORED)}</p>" if stored_nothing else "")
        + "</div>"
    )


def _describe(item: Item) -> str:
    """Kind, scope, text, quotes and districts of an item (escaped)."""
    scope = plain_scope(item.scope, len(item.districts))  # as the app's cards say it
    scope_class = "geltung quer" if item.scope == "übergreifend" else "geltung"
    badges = f'<span class="art">{esc(item.kind_label)}</span>'
    if item.scope:
        badges += f' <span class="{scope_class}">{esc(scope)}</span>'
    parts = [f'<p class="merkmale">{badges}</p>']
    if item.text:
        parts.append(f"<p>{esc(item.text)}</p>")
    if item.quotes:
        quotes = "".join(
            f"<li><blockquote><p>„<bdi>{esc(short_quote(q))}</bdi>“</p></blockquote></li>"
            for q in item.quotes
        )
        parts.append(f'<p class="hinweis">{esc(QUOTES_INTRO)}</p><ul class="zitate">{quotes}</ul>')
    if item.districts:
        parts.append(f'<p class="hinweis">{esc(NAMED_IN)} {esc(", ".join(item.districts))}</p>')
    return "".join(parts)


def _described(field: str, item_problems: Sequence[Problem], error_id: str, hint: str = "") -> str:
    """``aria-invalid`` and ``aria-describedby`` of a field: its problem, then ``hint``."""
    invalid = any(p.field == field for p in item_problems)
    ids = " ".join(x for x in (error_id if invalid else "", hint) if x)
    return (' aria-invalid="true"' if invalid else "") + (
        f' aria-describedby="{ids}"' if ids else ""
    )


def _item_html(
    item: Item, entry: Entry, stored: Answer | None, budget: int, problems: Sequence[Problem]
) -> str:
    """One item's fieldset: description, rating, points, comment, saved state."""
    i = item.item_id
    rating_name, points_name, comment_name = (field_name(k, i) for k in (RATING, POINTS, COMMENT))
    error_id = f"fehler-{i}"
    mine = [p for p in problems if p.item_id == i]
    errors = (
        f'<ul class="feld-fehler" id="{error_id}">'
        + "".join(f"<li>{esc(p.message)}</li>" for p in mine)
        + "</ul>"
        if mine
        else ""
    )
    choices = [*RATINGS.items(), ("", NO_ANSWER)]
    radios = "".join(
        '<span class="wahl">'
        f'<input type="radio" id="{rating_name}-{code or "keine"}" name="{rating_name}" '
        f'value="{esc(code)}"{" checked" if (entry.rating or "") == code else ""}>'
        f'<label for="{rating_name}-{code or "keine"}">{esc(label)}</label></span>'
        for code, label in choices
    )
    group = _described(f"{rating_name}-gruppe", mine, error_id)
    state = SAVED if stored is not None and not stored.is_empty else UNSAVED
    return (
        f'<fieldset class="punkt" id="punkt-{i}">'
        f"<legend>{esc(item.label)}</legend>"
        f"{_describe(item)}{errors}"
        f'<fieldset class="bewertung" id="{rating_name}-gruppe"{group}>'
        f"<legend>{esc(RATING_QUESTION)}</legend>{radios}</fieldset>"
        f'<div class="feld"><label for="{points_name}">{esc(POINTS_QUESTION)} '
        f"Punkte (0 bis {budget})</label>"
        f'<input type="number" id="{points_name}" name="{points_name}" min="0" '
        f'max="{budget}" step="1" inputmode="numeric" value="{esc(entry.points)}"'
        f"{_described(points_name, mine, error_id, POINTS_LEFT_ID)}></div>"
        f'<div class="feld"><label for="{comment_name}">{esc(COMMENT_LABEL)}</label>'
        f'<textarea id="{comment_name}" name="{comment_name}" rows="4" '
        f'maxlength="{MAX_COMMENT}"{_described(comment_name, mine, error_id)}>\n'
        f"{esc(entry.comment)}</textarea></div>"
        f'<p class="stand">{esc(state)}</p>'
        "</fieldset>"
    )


def _points_line(budget: int, given: int) -> str:
    """The points still free (or how many too many) as text."""
    if given > budget:
        return (
            f"Sie haben {given} von {budget} Prioritätspunkten verteilt: {given - budget} zu viel."
        )
    return points_left_text(budget - given, budget)


def form_page(
    ballot: Ballot,
    token: str,
    entries: Mapping[int, Entry] | None = None,
    problems: Sequence[Problem] = (),
    saved: bool = False,
    stored_nothing: bool = True,
) -> str:
    """The form over a ballot: stored answers (or ``entries`` as typed), problems, state.

    ``stored_nothing``: the problems were found before anything was saved (say so).
    """
    entries = {**stored_entries(ballot), **(entries or {})}
    drafts = any(i.kind == "recommendation" for i in ballot.items)
    who = ballot.workshop or ballot.district
    notice = ""
    if problems:
        notice = _problems_html(problems, stored_nothing)
    elif saved:
        notice = f'<p class="meldung erfolg" role="status">{esc(SAVED_ALL)}</p>'
    points_line = esc(_points_line(ballot.budget, points_given(entries)))
    items = "".join(
        _item_html(
            item,
            entries[item.item_id],
            ballot.answers.get(item.item_id),
            ballot.budget,
            problems,
        )
        for item in ballot.items
    )
    body = (
        f"{notice}{easy_language_html(ballot.budget, drafts, form=True)}"
        f"<h2>{esc(FORM_TITLE)}</h2>"
        + (f'<p class="hinweis">Für: {esc(who)}</p>' if who else "")
        + (f"<p>{esc(own)}</p>" if (own := no_own_needs(ballot.district, ballot.items)) else "")
        + f"<p>{esc(intro_text(ballot.budget, drafts))} Wenn Sie fertig sind, drücken Sie "
        f"unten auf „{esc(SAVE_BUTTON)}“. Sie können alles später mit demselben Link "
        "ändern.</p>"
        f'<p class="budget" id="{POINTS_LEFT_ID}">{points_line}</p>'
        f'<form method="post" action="{FORM_PATH}" accept-charset="utf-8">'
        f'<input type="hidden" name="{TOKEN_FIELD}" value="{esc(token)}">'
        f"{items}"
        f'<p class="budget">{points_line}</p>'
        f'<button type="submit">{esc(SAVE_BUTTON)}</button>'
        "</form>"
    )
    if problems:
        title = f"Bitte prüfen: {TITLE}"
    elif saved:
        title = f"Gespeichert: {TITLE}"
    else:
        title = TITLE
    return page(title, body)
