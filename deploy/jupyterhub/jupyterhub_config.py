# JupyterHub für die Forschenden einer Studie (docs/deploy.md, Abschnitt „JupyterHub“).
#
#   jupyterhub -f deploy/jupyterhub/jupyterhub_config.py
#
# Jede Person meldet sich mit ihrem Konto an, bekommt ein eigenes JupyterLab (mit der
# Werkbank dieser Installation und einer eigenen Kopie der Notebooks in ~/werkbank) und
# arbeitet auf dem gemeinsamen Projekt: WORKBENCH_PROJECT zeigt auf den Projektordner, in
# dessen project.json die PostgreSQL-Adresse steht (ohne Passwort; das liest libpq aus
# PGPASSFILE). Kodiert wird unter dem Hub-Namen (JUPYTERHUB_USER, den das Kodier-Panel
# als Kodierer*in nimmt).
#
# Einstellungen aus der Umgebung des Hub-Dienstes (systemd-Unit, docs/deploy.md):
#   WORKBENCH_PROJECT        Projektordner (gemeinsames Laufwerk), Pflicht für die Studie
#   PGPASSFILE               Passwortdatei für PostgreSQL (nur für root bzw. den Hub lesbar;
#                            jede Sitzung bekommt eine eigene Kopie mit 0600, s. u.)
#   WORKBENCH_HUB_URL        wo der Hub lauscht (Standard http://127.0.0.1:8000; TLS macht
#                            der Reverse-Proxy davor)
#   WORKBENCH_HUB_STATE      Ordner für den Zustand des Hubs (Standard /var/lib/werkbank-hub)
#   WORKBENCH_HUB_GROUP      Unix-Gruppe, deren Mitglieder sich anmelden dürfen
#                            (Standard sozialraumanalyse)
#   WORKBENCH_HUB_ADMINS     Hub-Administrator*innen, durch Kommas getrennt
#   WORKBENCH_HUB_PROXY      configurable-http-proxy (Standard: build/node-hub aus
#                            `make hub-proxy` neben dieser Installation, sonst im PATH)
#   WORKBENCH_NOTEBOOK_CACHE gemeinsamer Einbettungs-Cache der Notebooks (optional)
#
# Der Smoke-Test tests/test_jupyterhub.py lädt diese Datei und ersetzt nur die Anmeldung
# (DummyAuthenticator) und den Spawner (alle Sitzungen als derselbe Systemnutzer).
import os
import shutil
import sys
import tempfile
from pathlib import Path

c = get_config()  # noqa: F821 – von JupyterHub bereitgestellt

CHECKOUT = Path(__file__).resolve().parents[2]  # die Werkbank (Quellordner dieser Datei)
NOTEBOOKS = CHECKOUT / "notebooks"
env = os.environ

# -- der Hub selbst ------------------------------------------------------------------------
state = Path(env.get("WORKBENCH_HUB_STATE", "/var/lib/werkbank-hub"))
state.mkdir(parents=True, exist_ok=True, mode=0o700)
c.JupyterHub.bind_url = env.get("WORKBENCH_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"  # Hub-Konten, nicht die Studie
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(state / "jupyterhub-proxy.pid")
_local_proxy = CHECKOUT / "build/node-hub/node_modules/.bin/configurable-http-proxy"
c.ConfigurableHTTPProxy.command = [
    env.get("WORKBENCH_HUB_PROXY")
    or (str(_local_proxy) if _local_proxy.exists() else "configurable-http-proxy")
]

# -- Anmeldung: die Systemkonten des Servers (PAM) -------------------------------------------
# Wer in der Gruppe WORKBENCH_HUB_GROUP ist, meldet sich mit Benutzername und Passwort seines
# Kontos an (`adduser anna && adduser anna sozialraumanalyse`). Ohne Systemkonten:
# NativeAuthenticator (pip install jupyterhub-nativeauthenticator; Konten im Hub, neue
# Personen registrieren sich und werden von einer Admin-Person freigeschaltet):
#   c.JupyterHub.authenticator_class = "native"
#   c.NativeAuthenticator.open_signup = False
# Mit dem Konto der Einrichtung (OpenID Connect, LDAP) siehe docs/team.md.
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {env.get("WORKBENCH_HUB_GROUP", "sozialraumanalyse")}
c.Authenticator.admin_users = {
    name.strip() for name in env.get("WORKBENCH_HUB_ADMINS", "").split(",") if name.strip()
}

# -- je Person ein JupyterLab als ihr eigener Systemnutzer -----------------------------------
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~/werkbank"
c.Spawner.environment = {
    name: env[name]
    for name in ("WORKBENCH_PROJECT", "PGPASSFILE", "WORKBENCH_NOTEBOOK_CACHE")
    if env.get(name)
}
c.Spawner.environment["WORKBENCH_EMBED_THREADS"] = env.get("WORKBENCH_EMBED_THREADS", "2")
c.Spawner.start_timeout = 120  # der erste Start importiert viel
c.Spawner.http_timeout = 120


def copy_notebooks(spawner) -> None:
    """Vor dem ersten Start: die Notebooks der Werkbank nach ~/werkbank kopieren.

    Vorhandene Dateien bleiben unberührt (eigene Änderungen gehen nie verloren). Läuft der
    Hub als root und die Sitzung als Systemnutzer, gehören die Kopien diesem Nutzer.
    """
    home = Path(spawner.user_env({}).get("HOME") or Path.home())
    target = home / "werkbank"
    target.mkdir(parents=True, exist_ok=True)
    owner = None
    if os.geteuid() == 0 and type(spawner).__name__ == "LocalProcessSpawner":
        owner = spawner.user.name
        shutil.chown(target, owner)
    for source in [*sorted(NOTEBOOKS.glob("*.ipynb")), NOTEBOOKS / "studie.py"]:
        copy = target / source.name
        if source.exists() and not copy.exists():
            shutil.copyfile(source, copy)
            if owner:
                shutil.chown(copy, owner)


def private_password_file(spawner) -> None:
    """PGPASSFILE für die Sitzung: eine Kopie, die nur die Person lesen darf.

    libpq liest keine Passwortdatei, auf die Gruppe oder andere Zugriff haben („WARNING:
    password file … has group or world access“, dann „no password supplied“); eine Datei
    mit Rechten 0600 gehört aber genau einem Nutzer. Deshalb liest der Hub die gemeinsame
    Datei aus PGPASSFILE und legt vor jedem Start ~/.werkbank.pgpass an (0600, gehört der
    Person; ein neues Passwort gilt ab dem nächsten Start). Die Kopie entsteht neu und ersetzt
    die alte per Umbenennen: ein Link, den jemand dort angelegt hat, wird ersetzt, nicht
    beschrieben.
    """
    shared = env.get("PGPASSFILE")
    if not shared:
        return
    home = Path(spawner.user_env({}).get("HOME") or Path.home())
    handle, temporary = tempfile.mkstemp(prefix=".werkbank.pgpass-", dir=home)
    try:
        with os.fdopen(handle, "wb") as f:
            f.write(Path(shared).read_bytes())
            if os.geteuid() == 0 and type(spawner).__name__ == "LocalProcessSpawner":
                shutil.chown(temporary, spawner.user.name)
        os.replace(temporary, home / ".werkbank.pgpass")
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    spawner.environment = {**spawner.environment, "PGPASSFILE": str(home / ".werkbank.pgpass")}


def prepare_session(spawner) -> None:
    """Vor jedem Start: Notebooks kopieren, Passwortdatei bereitstellen."""
    copy_notebooks(spawner)
    private_password_file(spawner)


c.Spawner.pre_spawn_hook = prepare_session
