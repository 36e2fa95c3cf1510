"""The database errors a user meets, said in German: what is wrong and what to do.

SQLite says "database is locked" or "readonly database"; PostgreSQL (libpq) says "no
password supplied", "password authentication failed", "database … does not exist",
"Connection refused" or "permission denied for table …". Each becomes one sentence for the
user; anything else (a bug) is ``None`` and shown as such. Server messages may come in the
server's language: the German wording of PostgreSQL's messages is matched too.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from workbench.core.domain import WorkbenchError
from workbench.core.formatting import format_number
from workbench.store import schema

# 'database "x" does not exist', German 'Datenbank »x« existiert nicht'; the same for roles
_NAMED = r'["»][^"«]*["«] (does not exist|existiert nicht)'
_MISSING_DATABASE = re.compile(rf"(database|datenbank) {_NAMED}")
_MISSING_ROLE = re.compile(rf"(role|rolle) {_NAMED}")

# (fragments of the driver's message, lower case) → what the user reads
_PROBLEMS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("database is locked",),
        "Das Projekt ist gerade von einem anderen Prozess gesperrt (ein Import oder eine "
        "App schreibt); bitte gleich noch einmal versuchen.",
    ),
    (
        ("readonly database", "read-only", "read only transaction"),
        "Die Projektdatenbank ist schreibgeschützt: Schreibrechte für die Datei und ihren "
        "Ordner fehlen.",
    ),
    (
        ("unable to open database file",),
        "Die Projektdatenbank lässt sich nicht öffnen (Ordner oder Rechte fehlen).",
    ),
    (
        (
            "database or disk is full",
            "no space left on device",
            "could not extend file",
            "kein speicherplatz",
        ),
        "Auf dem Datenträger der Projektdatenbank ist kein Platz mehr; dieser Schritt wurde "
        "nicht gespeichert. Platz schaffen (z. B. alte Sicherungen verschieben) und "
        "wiederholen.",
    ),
    (
        ("disk i/o error",),
        "Die Projektdatenbank ließ sich nicht lesen oder schreiben (Datenträger voll, "
        "entfernt oder defekt?); dieser Schritt wurde nicht gespeichert.",
    ),
    (
        ("file is not a database", "malformed", "file is encrypted"),
        "Die Datei ist beschädigt oder keine SQLite-Datenbank (Sicherung zurückspielen).",
    ),
    (
        ("no password supplied", "kein passwort angegeben"),
        "Der Server verlangt ein Passwort, und keines ist hinterlegt: in ~/.pgpass (oder der "
        "Datei in PGPASSFILE) eintragen oder PGPASSWORD setzen.",
    ),
    (
        ("password authentication failed", "passwort-authentifizierung"),
        "Der Server hat die Anmeldung abgelehnt: Nutzername oder Passwort stimmen nicht "
        "(~/.pgpass bzw. PGPASSWORD prüfen).",
    ),
    (
        ("no pg_hba.conf entry", "kein pg_hba.conf-eintrag"),
        "Der Server lässt Verbindungen von diesem Rechner, mit diesem Nutzer oder zu dieser "
        "Datenbank nicht zu (pg_hba.conf des Servers).",
    ),
    (
        ("permission denied", "keine berechtigung"),
        "Der Datenbanknutzer hat dafür keine Rechte (z. B. nur Leserechte): Befehle, die "
        "schreiben, brauchen Schreibrechte auf alle Tabellen der Datenbank.",
    ),
    (
        ("connection refused", "verbindung verweigert"),
        "Der Datenbankserver ist nicht erreichbar: Er läuft nicht oder nimmt an dieser "
        "Adresse und diesem Port keine Verbindungen an.",
    ),
    (
        (
            "failed to resolve host",
            "could not translate host name",
            "name or service not known",
            "konnte rechnername",
        ),
        "Den Server der Datenbankadresse gibt es nicht (Rechnername prüfen).",
    ),
    (
        ("timeout expired", "timed out", "zeitüberschreitung"),
        "Der Datenbankserver antwortet nicht (Adresse, Firewall und Netz prüfen).",
    ),
    (
        ("no such file or directory", "server closed the connection", "terminating connection"),
        "Der Datenbankserver ist nicht erreichbar oder hat die Verbindung beendet "
        "(läuft er? Adresse bzw. Socket-Ordner prüfen).",
    ),
)


class ProjectBusyError(WorkbenchError):
    """Another process held the project's write lock longer than the write waits for it;
    nothing of the step was written (``reading``: the step only read and could not)."""

    def __init__(self, message: str, reading: bool = False):
        super().__init__(message)
        self.reading = reading


class DatabaseUnavailableError(WorkbenchError):
    """The project's database could not be reached or read when it was opened (server
    down, password, rights); the message names the server and database, never the
    password."""


class ProjectChangedError(WorkbenchError):
    """The project moved to another database or its schema changed while it was open
    (``migrate-db``, another workbench's ``upgrade``); the step was refused.

    Its text is for researchers (commands, schema revisions, kernels): an app shows the
    people it serves a sentence of their own and logs this one.
    """


def waited_for_lock(err: BaseException) -> bool:
    """True if ``err`` is the database giving up waiting for another's lock (SQLite's busy
    timeout, PostgreSQL's ``lock_timeout``)."""
    orig = getattr(err, "orig", err)
    return getattr(orig, "sqlite_errorname", None) == "SQLITE_BUSY" or _sqlstate(orig) == "55P03"


def database_problem(err: BaseException, reading: bool = False) -> str | None:
    """The database error ``err`` as a German sentence for the user; ``None`` for any other.
    ``reading``: the failed statement only read (a lock's wait says so, not "Schreiben")."""
    text = str(getattr(err, "orig", None) or err).lower()
    if _MISSING_DATABASE.search(text):
        return (
            "Die Datenbank gibt es auf dem Server nicht; sie wird einmal als Administrator "
            "angelegt (CREATE DATABASE … OWNER …, docs/team.md)."
        )
    if _MISSING_ROLE.search(text):
        return "Den Datenbanknutzer (die Rolle) gibt es auf dem Server nicht."
    # SQLite's busy timeout; PostgreSQL's lock_timeout (55P03) of the write lock's wait
    if waited_for_lock(err):
        return _waited_for_lock(reading)
    for fragments, sentence in _PROBLEMS:
        if any(fragment in text for fragment in fragments):
            if fragments[0] == "no password supplied":
                return _open_password_file() or sentence
            return sentence
    return None


def database_failure(err: BaseException) -> str:
    """The database error ``err`` as a German sentence, always: a known problem as
    :func:`database_problem` says it, any other by its kind and code, never by the Python
    class name ("IntegrityError") or the driver's English text."""
    known = database_problem(err)
    if known:
        return known
    orig = getattr(err, "orig", err)
    code = _sqlstate(orig) or getattr(orig, "sqlite_errorname", None)
    if isinstance(err, IntegrityError) or isinstance(orig, IntegrityError):
        kind = "Eine Zeile verletzt eine Regel der Datenbank (doppelt oder ohne ihren Bezug)"
    else:
        kind = "Unerwarteter Fehler der Datenbank"
    return f"{kind}{f' (Code {code})' if code else ''}; Verbindung, Rechte und Server prüfen."


def _sqlstate(err: object) -> str | None:
    """PostgreSQL's error code of a psycopg error (``None`` for any other error)."""
    return getattr(getattr(err, "diag", None), "sqlstate", None) or getattr(err, "sqlstate", None)


def _waited_for_lock(reading: bool = False) -> str:
    """The database gave up waiting for another writer (after the busy timeout, not at
    once as for SQLite's changed snapshot): someone holds the write lock long, often a
    notebook's open transaction. ``reading``: a read waited (SQLite's rollback journal on a
    network share, where a writer's commit shuts readers out)."""
    seconds = schema.BUSY_TIMEOUT_MS / 1000
    minutes = seconds / 60
    waited = (
        f"{format_number(minutes)} Minuten"
        if minutes >= 1
        else f"{format_number(seconds)} Sekunden"
    )
    what = (
        f"Das Projekt war {waited} lang gesperrt, weil ein anderer Prozess gerade schreibt; "
        "es konnte nicht gelesen werden (nichts wurde geändert)."
        if reading
        else f"Das Projekt war {waited} lang von einem anderen Prozess zum Schreiben "
        "gesperrt; dieser Schritt wurde nicht ausgeführt."
    )
    return (
        f"{what} Die Sperre hält, wer gerade lange schreibt "
        "(Import, Bedarfs- oder Themenlauf) oder eine Transaktion offen ließ (ein Notebook "
        "oder Programm mit dem Projekt). Später wiederholen; hält die Sperre an, den "
        "Notebook-Kernel neu starten bzw. das Programm beenden."
    )


def _open_password_file() -> str | None:
    """Why libpq ignored the password file, if others may read it (libpq only warns in
    English on standard error and then asks the server without a password)."""
    path = Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None
    if not mode & 0o077:
        return None
    return (
        f"Die Passwortdatei {path} dürfen auch andere lesen (Rechte {mode:o}); libpq liest "
        f"sie deshalb nicht. Abhilfe: chmod 600 {path} (die Datei muss der Person gehören, "
        "die die Werkbank startet)."
    )
