"""Feedback tokens: issued per participant, stored as hashes, checked on every request.

Researchers issue tokens (:func:`issue_tokens`), one per participant, for a workshop or a
Sozialraum; a participant opens the app with their token in the link (:func:`app_url`), or
the kernel-less form that serves a burst of participants (:func:`form_url`).

*Token storage — hashes only.* A token is ``secrets.token_urlsafe(16)`` (128 random
bits); the database keeps only its SHA-256. Validation hashes the token from the link and
looks the hash up (indexed, unique). Because tokens are random and long, a plain hash is
enough (no salt or slow hash needed: there is nothing to guess), and a copy of the
database — handed to a research partner, or leaked — contains nothing that lets anyone
answer in a participant's name. The price: tokens can't be shown again; the CLI writes
them once (``workbench tokens --out``).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.analysis.need_clusters import reference_run
from workbench.core.domain import InputError, WorkbenchError
from workbench.participation.items import current_items, round_for
from workbench.store import District, FeedbackToken, Workshop
from workbench.store.district_spelling import named_district
from workbench.store.workshop_keys import typed_workshop

if TYPE_CHECKING:
    from workbench.project import Project

DEFAULT_BUDGET = 10
MAX_TOKENS = 10_000
TOKEN_BYTES = 16  # secrets.token_urlsafe(16): 22 characters, 128 random bits
# What a token from a link may look like (anything else is rejected before the lookup).
TOKEN_FORMAT = re.compile(r"[A-Za-z0-9_-]{16,64}")
APP = "bedarfe_bewerten.ipynb"
FORM_PATH = "beteiligung"  # the kernel-less form (widgets/formular.py)


class InvalidToken(WorkbenchError):
    """The token from the link is missing, malformed or unknown."""


def hash_token(token: str) -> str:
    """The stored form of a token.

    >>> hash_token("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_from_query(query_string: str | None) -> str | None:
    """The ``token`` parameter of a URL query string (as Voilà passes it), or None.

    >>> token_from_query("token=abc&x=1")
    'abc'
    >>> token_from_query("") is None
    True
    """
    values = parse_qs(query_string or "").get("token")
    return values[0].strip() if values and values[0].strip() else None


def app_url(base_url: str, token: str) -> str:
    """The link a participant gets.

    >>> app_url("http://127.0.0.1:8866/", "T")
    'http://127.0.0.1:8866/voila/render/bedarfe_bewerten.ipynb?token=T'
    """
    return f"{base_url.rstrip('/')}/voila/render/{APP}?token={token}"


def form_url(base_url: str, token: str) -> str:
    """The link to the kernel-less form (for many participants at once).

    >>> form_url("http://127.0.0.1:8866/", "T")
    'http://127.0.0.1:8866/beteiligung?token=T'
    """
    return f"{base_url.rstrip('/')}/{FORM_PATH}?token={token}"


def _token_scope(
    session: Session, workshop: str | None, district: str | None
) -> tuple[int | None, int | None]:
    if workshop and district:
        raise InputError(
            "Zugangscodes gelten für einen Workshop oder einen Sozialraum, nicht beide."
        )
    if workshop:
        names = list(session.scalars(select(Workshop.name)))
        # "manfort" is Manfort, as districts; a long name as stored (long_names)
        forms = (named_district(n, names, "Workshop") for n in typed_workshop(workshop))
        named = next(filter(None, forms), None)
        record = session.scalar(select(Workshop).where(Workshop.name == named))
        if record is None:
            valid = ", ".join(sorted(session.scalars(select(Workshop.name))))
            raise InputError(f"Unbekannter Workshop '{workshop}'. Vorhanden sind: {valid}.")
        return record.id, record.district_id
    if district:
        named = named_district(district, list(session.scalars(select(District.name))))
        record = session.scalar(select(District).where(District.name == named))
        if record is None:
            valid = ", ".join(sorted(session.scalars(select(District.name))))
            raise InputError(f"Unbekannter Sozialraum '{district}'. Vorhanden sind: {valid}.")
        return None, record.id
    return None, None


def new_token() -> str:
    """A random token (128 bits, URL-safe) that does not start with "-".

    One in 64 of ``token_urlsafe`` does: Excel reads such a cell of the codes' CSV as a
    formula (``#NAME?``, the code is lost when saved), and ``forget --token -…`` takes it for
    an option. Drawing again costs under 0.1 bit of the 128.
    """
    while True:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        if not token.startswith("-"):
            return token


def issue_tokens(
    project: Project,
    n: int,
    workshop: str | None = None,
    district: str | None = None,
    budget: int = DEFAULT_BUDGET,
    deliver: Callable[[list[str]], None] | None = None,
) -> list[str]:
    """Issue ``n`` new tokens (for a workshop or a Sozialraum) and return them.

    The tokens are returned once and stored only as hashes. They belong to the round of
    the current items (need clusters of the latest run + draft recommendations); tokens
    issued while the items stay the same share one round. ``deliver`` (writing the list
    people get) runs before they are stored: if it fails, none is stored (a code nobody
    has would count as one not answering).
    """
    if not isinstance(n, int) or not 1 <= n <= MAX_TOKENS:
        raise InputError(f"Anzahl der Zugangscodes: 1 bis {MAX_TOKENS}.")
    if not isinstance(budget, int) or not 1 <= budget <= 1000:
        raise InputError("Das Punktebudget muss zwischen 1 und 1000 liegen.")
    items = current_items(project)
    if not items:  # every need forgotten, no drafts: the codes would open an empty ballot
        raise InputError(
            "Es gibt nichts zu bewerten: der letzte Bedarfslauf hat keine Bedarfe mehr (ihre "
            "Aussagen wurden gelöscht) und es gibt keine Empfehlungsentwürfe. Keine "
            "Zugangscodes ausgegeben. Erst Bedarfe neu berechnen (workbench needs) oder "
            "Empfehlungen anlegen (workbench recommend add)."
        )
    tokens = [new_token() for _ in range(n)]
    # Exclusive: two researchers issuing codes at once (a workshop each) both found no
    # round for the items and made two (their answers then counted apart), or the later
    # failed on an item both stored; now the later one joins the round the first made.
    with project.transaction(exclusive=True) as session:
        workshop_id, district_id = _token_scope(session, workshop, district)
        run_id = next(  # every need of the run forgotten: drafts only, still this run's
            (i["source"]["need_run"] for i in items if "need_run" in i["source"]),
            getattr(reference_run(session), "id", 0),
        )
        round_id = round_for(session, items, budget, run_id)
        session.add_all(
            FeedbackToken(
                round_id=round_id,
                token_hash=hash_token(t),
                workshop_id=workshop_id,
                district_id=district_id,
            )
            for t in tokens
        )
        session.flush()  # the database's refusals first, then the file
        if deliver is not None:
            deliver(tokens)
    return tokens


def find_token(session: Session, token: str | None, lock: bool = False) -> FeedbackToken:
    """The token's record; raises :class:`InvalidToken` with a clear German message.

    ``lock`` locks the token's row for the transaction (``SELECT … FOR UPDATE``; on SQLite
    the writer takes the database's write lock instead, see :mod:`workbench.participation.ballots`).
    """
    if not token:
        raise InvalidToken(
            "Im Link fehlt Ihr persönlicher Zugangscode (…?token=…). Bitte öffnen Sie den "
            "vollständigen Link aus Ihrer Einladung."
        )
    record = None
    # the format first: a token that is no string, or holds half a character ("\ud800",
    # which no encoding takes), is as invalid as a mistyped one, not a failure to hash it
    if isinstance(token, str) and TOKEN_FORMAT.fullmatch(token):
        query = select(FeedbackToken).where(FeedbackToken.token_hash == hash_token(token))
        if lock and session.get_bind().dialect.name != "sqlite":
            query = query.with_for_update()
        record = session.scalar(query)
    if record is None:
        raise InvalidToken(
            "Dieser Zugangscode ist ungültig. Bitte prüfen Sie den Link aus Ihrer Einladung "
            "oder wenden Sie sich an das Forschungsteam."
        )
    return record
