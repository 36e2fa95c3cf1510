"""User names as authors: a platform's account is its own person.

In a comments table with user names as authors, "tom" is not "tom.w" (a name variant
for display names): a user name (one word with a digit, "." or "_", or all lower case)
is the same person only as the same word, case ignored ("TOM" beside "tom").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.core.word_caches import register
from workbench.ingest.pseudonymise import Pseudonymiser

_ACCOUNT = re.compile(r"(?=[\w.-]*[^\W\d_])[\w.-]+")  # one word with a letter, no "@"
_MARKED = re.compile(r"[^\W\d_][_.]\w|\d")  # "tom.w", "p_meier", "kalle1999"


def is_account_name(value: str) -> bool:
    """Whether an author's value is a platform's user name: one word with a digit, "." or
    "_" inside, or in lower case ("kalle1999", "tom.w", "tom"); only the same user name
    (in any case) is the same account, never one whose name holds it ("tom" of "tom.w")."""
    word = value.strip()
    return _ACCOUNT.fullmatch(word) is not None and (word.islower() or bool(_MARKED.search(word)))


def account_in_capitals(pseudonymiser: Pseudonymiser, name: str, names: Sequence[str]) -> bool:
    """Whether an author's one word ("TOM", "Tom") is a user name of the import or the key
    in other capitals ("tom"): that account, never the one holding it ("tom.w")."""
    word = name.strip()
    if _ACCOUNT.fullmatch(word) is None:
        return False
    same = word.casefold()
    known = pseudonymiser.originals.get(("person", same), "")
    return same in _accounts(names) or (known.strip().casefold() == same and is_account_name(known))


_LAST_ACCOUNTS: list[tuple[Sequence[str], int, frozenset[str]]] = []
register(f"{__name__}._LAST_ACCOUNTS", _LAST_ACCOUNTS)


def _accounts(names: Sequence[str]) -> frozenset[str]:
    """The user names among ``names`` (case folded), read once per name list: an import
    passes the same list for all its rows (a scan per author value was quadratic)."""
    if _LAST_ACCOUNTS and _LAST_ACCOUNTS[0][0] is names and _LAST_ACCOUNTS[0][1] == len(names):
        return _LAST_ACCOUNTS[0][2]
    found = frozenset(n.strip().casefold() for n in names if is_account_name(n))
    _LAST_ACCOUNTS[:] = [(names, len(names), found)]
    return found
