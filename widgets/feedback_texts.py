"""The participants' words, shared by the Voilà app and the HTML form (no ipywidgets here).

:mod:`widgets.feedback` (the app, one kernel per page) and :mod:`widgets.formular_page`
(the kernel-less form) show participants the same questions, labels, messages and the
explanation in Einfache Sprache; both take them from here.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.formatting import cut_text, plural

SAVED = "✓ gespeichert"
UNSAVED = "noch nicht beantwortet"
SAVE_FAILED = "Speichern hat nicht geklappt. Bitte versuchen Sie es noch einmal."
# the project was busy (many saving at once, an import): the researchers' message names
# notebooks and kernels, which is nothing a participant can act on
SAVE_BUSY = (
    "Gerade wird viel gespeichert; Ihre Antwort ist noch nicht gespeichert. Bitte versuchen "
    "Sie es in einer Minute noch einmal."
)
UNAVAILABLE = (
    "Das Formular ist gerade nicht erreichbar. Bitte versuchen Sie es in ein paar Minuten "
    "noch einmal; Ihr Link bleibt gültig."
)
# the project moved to another database or was upgraded while the app was open: the
# researchers' message names commands, schema versions and kernels
SAVE_UNAVAILABLE = (
    "Ihre Antwort ist nicht gespeichert: Das Formular ist gerade nicht erreichbar. Bitte "
    "laden Sie die Seite in ein paar Minuten neu; Ihr Link bleibt gültig."
)
# How a need's scope reads for residents (other scopes are shown as stored).
PLAIN_SCOPES = {
    "übergreifend": "in mehreren Stadtteilen genannt",
    "sozialraumspezifisch": "in einem Stadtteil genannt",
    "ohne Sozialraum": "keinem Stadtteil zugeordnet",
}
QUOTE_CHARS = 400  # characters of a quote shown; longer statements are shortened
SHORTENED = " … (gekürzt)"
RATING_QUESTION = "Trifft das zu?"
POINTS_QUESTION = "Wie wichtig ist Ihnen das?"
COMMENT_LABEL = "Ihr Kommentar (freiwillig)"
QUOTES_INTRO = "Beispiele aus den Workshops:"
NAMED_IN = "Genannt in:"
FORM_TITLE = "Ihre Bewertung"
NOTHING_TO_RATE = (
    "Es gibt noch keine Bedarfe zum Bewerten. Bitte versuchen Sie es später noch einmal."
)

# The steps that differ between the app (+/− buttons, every change saved at once) and the
# form (a number field, one button saves everything).
_APP_STEPS = (
    "<li>Sie haben {points}. Geben Sie Punkte für das, was Ihnen am "
    "wichtigsten ist. Mit + geben Sie einen Punkt. Mit − nehmen Sie einen Punkt "
    "zurück.</li>"
    "<li>Sie können auch etwas dazu schreiben. Drücken Sie dann auf "
    "„Kommentar speichern“.</li>"
    "<li>Alles wird sofort gespeichert. Sie können es später noch ändern.</li>"
)
_FORM_STEPS = (
    "<li>Sie haben {points}. Geben Sie Punkte für das, was Ihnen am "
    "wichtigsten ist. Schreiben Sie die Zahl in das Feld „Punkte“.</li>"
    "<li>Sie können auch etwas dazu schreiben.</li>"
    "<li>Drücken Sie am Ende auf „Antworten speichern“. Dann ist alles gespeichert.</li>"
    "<li>Sie können es später noch ändern. Öffnen Sie dazu wieder Ihren Link.</li>"
)


def easy_language_html(budget: int, drafts: bool, form: bool = False) -> str:
    """The explanation in Einfache Sprache (plain language) at the start of the form.

    ``form``: the steps of the HTML form (a number field, one save button) instead of the
    app's (+/− buttons, saved at once).
    """
    draft = (
        "<li>Manche Punkte sind Vorschläge von uns. Darüber steht dann „Empfehlungsentwurf“.</li>"
        if drafts
        else ""
    )
    steps = (_FORM_STEPS if form else _APP_STEPS).format(
        points=plural(int(budget), "Punkt", "Punkte")
    )
    return (
        "<section class='sw-easy' aria-labelledby='sw-easy-title'>"
        "<h2 id='sw-easy-title'>In Einfacher Sprache</h2><ul>"
        "<li>In Workshops haben Menschen gesagt: Das fehlt in unserem Stadtteil. "
        "Das brauchen wir.</li>"
        "<li>Wir haben das aufgeschrieben. Das nennen wir <strong>Bedarfe</strong>.</li>"
        f"{draft}"
        "<li>Bitte lesen Sie jeden Punkt. Stimmt das für Sie? Dann wählen Sie "
        "„trifft zu“. Stimmt es nicht? Dann wählen Sie „trifft nicht zu“. "
        "Sie wissen es nicht? Dann wählen Sie „weiß nicht“.</li>"
        f"{steps}"
        "</ul></section>"
    )


def intro_text(budget: int, drafts: bool) -> str:
    """The opening sentences above the items (app and form add how saving works)."""
    return (
        "Hier sehen Sie die Bedarfe aus den Workshops"
        + (" und unsere ersten Empfehlungen" if drafts else "")
        + ". Sagen Sie uns bitte zu jedem Punkt: Trifft das nach Ihrer Erfahrung zu? "
        f"Verteilen Sie außerdem {plural(budget, 'Prioritätspunkt', 'Prioritätspunkte')} auf das, "
        "was Ihnen am wichtigsten ist – wie Klebepunkte im Workshop."
    )


def points_left_text(left: int, budget: int) -> str:
    """The line with the points still free.

    >>> points_left_text(7, 10), points_left_text(1, 1)
    ('Noch 7 von 10 Prioritätspunkten frei.', 'Noch 1 von 1 Prioritätspunkt frei.')
    """
    return f"Noch {left} von {plural(budget, 'Prioritätspunkt', 'Prioritätspunkten')} frei."


def plain_scope(scope: str, n_districts: int) -> str:
    """How a need's scope reads for residents, true to the number of its districts.

    A need raised in two districts is still "sozialraumspezifisch" (cross-cutting starts
    at three): it must not read "in einem Stadtteil genannt".

    >>> plain_scope("sozialraumspezifisch", 1), plain_scope("sozialraumspezifisch", 2)
    ('in einem Stadtteil genannt', 'in 2 Stadtteilen genannt')
    >>> plain_scope("übergreifend", 4)
    'in mehreren Stadtteilen genannt'
    """
    if scope == "sozialraumspezifisch" and n_districts > 1:
        return f"in {n_districts} Stadtteilen genannt"
    return PLAIN_SCOPES.get(scope, scope)


def short_quote(text: object, limit: int = QUOTE_CHARS) -> str:
    """``text`` (not escaped) cut before ``limit`` characters as reports cut it (cut_text).

    >>> short_quote("kurz")
    'kurz'
    >>> short_quote("Der Bus fährt abends viel zu selten", 20)
    'Der Bus fährt … (gekürzt)'
    """
    text = "" if text is None else str(text)
    return text if len(text) <= limit else cut_text(text, limit) + SHORTENED


def no_own_needs(district: str | None, items: Sequence[object]) -> str:
    """A sentence for a participant from a district none of whose needs is on the ballot.

    Ballots hold every need of the round; a token for a district the workshops named no
    need from would otherwise show "Für: Leer" above other districts' needs unexplained.

    >>> class N:
    ...     kind, districts = "need", ("Manfort",)
    >>> no_own_needs("Manfort", [N()]), no_own_needs(None, [N()])
    ('', '')
    >>> no_own_needs("Opladen", [N()])[:53]
    'Aus Opladen nennen die Workshops keine eigenen Bedarf'
    """
    if not district:
        return ""
    needs = [i for i in items if getattr(i, "kind", "") == "need"]
    if not needs or any(district in getattr(i, "districts", ()) for i in needs):
        return ""
    return (
        f"Aus {district} nennen die Workshops keine eigenen Bedarfe. Ihre Einschätzung der "
        "Bedarfe aus anderen Stadtteilen und der ganzen Stadt hilft trotzdem."
    )
