"""JupyterHub for the researchers (deploy/jupyterhub): coder = hub user; a smoke test.

The coding panel codes under the hub user's name (``JUPYTERHUB_USER``) when no coder is
given. The smoke test starts the shipped configuration with configurable-http-proxy from
npm (``make hub-proxy``), swapping only the authenticator (DummyAuthenticator, two allowed
users) and the spawner (every session as this OS user, homes under tmp_path): two people
log in through the login form, their JupyterLab servers start with the notebooks copied
into ``~/werkbank``, a cell in each one's kernel codes a statement of the shared
PostgreSQL project with the coding panel, and the codings carry the hub names.
Everything is stopped at the end.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

import psutil
import pytest
from traitlets.config import Config

from tests.coding_data import cards_project
from tests.conftest import ROOT, need
from tests.kernel_ws import KernelChannel
from tests.pg import Server, _free_port
from widgets.coding_panel import CodingPanel, coding_app
from workbench import Project

CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = ROOT / "build" / "node-hub" / "node_modules" / ".bin" / "configurable-http-proxy"
HUB = Path(sys.executable).with_name("jupyterhub")
USERS = ("anna", "ben")
START_TIMEOUT = 90  # seconds for the hub, and for a user's server
CODE_CELL = """
import os
from widgets.coding_panel import CodingPanel
from workbench import Project

project = Project.open(os.environ["WORKBENCH_PROJECT"])
panel = CodingPanel(project)  # no coder given: the hub user
panel.code_buttons["Bedarf"].click()
print(panel.model.coder, panel.model.current_id)
project.close()
"""


# -- the coder is the hub user ---------------------------------------------------------------
def test_the_coding_panel_codes_as_the_hub_user(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a hub session the panel needs no name; outside one it asks (as before)."""
    cards = cards_project(project, tmp_path)
    assert CodingPanel(project).model.coder is None  # no hub: the panel asks for a name
    monkeypatch.setenv("JUPYTERHUB_USER", "anna")
    panel = CodingPanel(project)
    assert panel.model.coder == "anna"
    panel.code_buttons["Bedarf"].click()
    codings = project.codings()
    assert list(codings["coder"]) == ["anna"]
    assert int(codings["segment_id"].iloc[0]) == panel.model.current_id
    assert set(cards.values()) >= set(codings["segment_id"].astype(int))
    assert CodingPanel(project, coder="Gast").model.coder == "Gast"  # given wins

    environ = {"JUPYTERHUB_USER": "ben", "WORKBENCH_PROJECT": str(project.path)}
    app = coding_app(environ)  # the Voilà app too; ?coder= still wins
    assert isinstance(app, CodingPanel) and app.model.coder == "ben"
    app.project.close()
    other = coding_app({**environ, "QUERY_STRING": "coder=Gast"})
    assert other.model.coder == "Gast"
    other.project.close()


# -- the hub ---------------------------------------------------------------------------------
class Browser:
    """Cookies and the hub's XSRF token, as a browser keeps them for one person."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def request(
        self, method: str, path: str, data: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, bytes]:
        """Send one request (redirects are not followed); return status and body."""
        request = urllib.request.Request(
            self.base + path, data=data, method=method, headers=headers or {}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    def cookie(self, name: str) -> str | None:
        """A cookie's value."""
        return next((c.value for c in self.cookies if c.name == name), None)

    def login(self, user: str, password: str) -> int:
        """Log in through the login form; return the status of the form's POST."""
        status, page = self.request("GET", "/hub/login")
        assert status == 200, page[:300]
        xsrf = re.search(rb'name="_xsrf" value="([^"]+)"', page)
        assert xsrf, "Das Anmeldeformular hat kein _xsrf-Feld."
        form = urlencode({"username": user, "password": password, "_xsrf": xsrf.group(1)})
        status, _ = self.request(
            "POST",
            "/hub/login",
            form.encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        return status

    def api(self, method: str, path: str, body: dict | None = None) -> tuple[int, Any]:
        """The hub's REST API as the logged-in person (cookie and XSRF header)."""
        headers = {"X-XSRFToken": self.cookie("_xsrf") or "", "Content-Type": "application/json"}
        data = json.dumps(body).encode() if body is not None else None
        status, payload = self.request(method, f"/hub/api{path}", data, headers)
        return status, json.loads(payload) if payload.strip() else None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _token_request(base: str, token: str, method: str, path: str, body: dict | None = None):
    """A request to a user's server with an API token; returns the decoded JSON."""
    request = urllib.request.Request(
        base + path,
        data=json.dumps(body).encode() if body is not None else None,
        method=method,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        payload = response.read()
        return response.status, json.loads(payload) if payload.strip() else None


def _wait(what: str, check, timeout: float, log: Path) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.5)
    tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:])
    raise AssertionError(f"Zeitüberschreitung: {what}\n{tail}")


_IN_USE = ("Address already in use", "EADDRINUSE")


def _in_use(log: Path) -> bool:
    """Whether the hub or its proxy found a port taken (the proxy logs it and runs on)."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return any(word in text for word in _IN_USE)


def _start_hub(tmp_path: Path, project_dir: Path, attempts: int = 3) -> tuple:
    """The hub's process, base URL and log once it answers.

    Its three ports are reserved until the hub and its proxy bind them (tests/ports.py);
    should one be taken all the same, the hub is stopped and started again on new ports.
    """
    attempt = 0
    while True:
        attempt += 1
        port = _free_port()
        test_config = tmp_path / "hub_test_config.py"
        test_config.write_text(
            f"""c = get_config()  # noqa
load_subconfig({str(CONFIG)!r})  # noqa
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allowed_users = {set(USERS)!r}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(tmp_path / "home" / "{username}")!r}
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{_free_port()}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{_free_port()}"
c.Spawner.args = {["--allow-root"] if os.geteuid() == 0 else []!r}
""",
            encoding="utf-8",
        )
        env = {
            **os.environ,
            "WORKBENCH_PROJECT": str(project_dir),
            "WORKBENCH_HUB_STATE": str(tmp_path / "hub-state"),
            "WORKBENCH_HUB_URL": f"http://127.0.0.1:{port}",
            "WORKBENCH_HUB_PROXY": str(PROXY),
        }
        log = tmp_path / f"hub-{attempt}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [str(HUB), "-f", str(test_config)],
                cwd=tmp_path,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        base = f"http://127.0.0.1:{port}"

        def answers(process: subprocess.Popen = process, base: str = base, log: Path = log):
            """True: the hub answers; None: it stopped, or its proxy could not bind."""
            if process.poll() is not None or _in_use(log):
                return None
            try:
                with urllib.request.urlopen(f"{base}/hub/api", timeout=2) as response:
                    return response.status == 200
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                return False

        deadline = time.monotonic() + START_TIMEOUT
        while (state := answers()) is False and time.monotonic() < deadline:
            time.sleep(0.5)
        text = log.read_text(encoding="utf-8", errors="replace")
        if state:
            return process, base, log
        _stop_hub(process)
        if state is None and attempt < attempts and _in_use(log):
            continue
        tail = "\n".join(text.splitlines()[-40:])
        raise AssertionError(f"der Hub antwortet nicht (Versuch {attempt}):\n{tail}")


def _stop_hub(process: subprocess.Popen, started: list[psutil.Process] = ()) -> list:
    """Stop the hub, then what it started and left running: those that had to be killed."""
    started = list(started)
    with contextlib.suppress(psutil.NoSuchProcess):  # the proxy, servers still running
        started += psutil.Process(process.pid).children(recursive=True)
    process.terminate()  # the hub stops the users' servers and its proxy itself
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
    _, alive = psutil.wait_procs(started, timeout=15)
    for leftover in alive:  # only what this test started
        leftover.kill()
    return alive


def test_each_session_gets_a_password_file_only_its_person_may_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """libpq ignores a password file the group may read: each session gets its own copy."""
    shared = tmp_path / "leverkusen.pgpass"
    shared.write_text("db.stadt.example:5432:leverkusen:werkbank:GEHEIM\n", encoding="utf-8")
    shared.chmod(0o640)
    monkeypatch.setenv("PGPASSFILE", str(shared))
    monkeypatch.setenv("WORKBENCH_HUB_STATE", str(tmp_path / "hub"))
    config = Config()
    exec(compile(CONFIG.read_text(encoding="utf-8"), str(CONFIG), "exec"),
         {"get_config": lambda: config, "__file__": str(CONFIG)})  # fmt: skip
    home = tmp_path / "anna"
    home.mkdir()
    victim = tmp_path / "fremd.txt"
    victim.write_text("unverändert", encoding="utf-8")
    (home / ".werkbank.pgpass").symlink_to(victim)  # planted by someone: replaced, not written
    spawner = SimpleNamespace(
        user_env=lambda env: {**env, "HOME": str(home)},
        user=SimpleNamespace(name="anna"),
        environment=dict(config.Spawner.environment),
    )

    config.Spawner.pre_spawn_hook(spawner)

    copy = Path(spawner.environment["PGPASSFILE"])
    assert copy == home / ".werkbank.pgpass" and not copy.is_symlink()
    assert copy.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600  # what libpq requires
    assert victim.read_text(encoding="utf-8") == "unverändert"
    assert sorted(p.name for p in home.iterdir()) == [".werkbank.pgpass", "werkbank"]
    assert (home / "werkbank" / "studie.py").exists()  # the notebooks are still copied


@pytest.fixture
def hub(tmp_path: Path, pg_server: Server) -> Iterator[dict[str, Any]]:
    """The shipped hub configuration over a PostgreSQL project with six cards."""
    need(PROXY, "configurable-http-proxy (make hub-proxy)")
    need(HUB, "JupyterHub (Entwicklungsabhängigkeiten: make setup)")
    project_dir = tmp_path / "projekt"
    with Project.create(
        project_dir, db_url=pg_server.new_database(), districts=["Manfort", "Wiesdorf", "Opladen"]
    ) as project:
        cards_project(project, tmp_path)
    process, base, log = _start_hub(tmp_path, project_dir)
    started: list[psutil.Process] = []
    try:
        yield {"base": base, "log": log, "project": project_dir, "home": tmp_path / "home",
               "process": process, "started": started}  # fmt: skip
    finally:
        alive = _stop_hub(process, started)
    assert not alive, f"nach dem Hub noch am Leben: {[p.pid for p in alive]}"


@pytest.mark.slow
def test_two_researchers_log_in_to_the_hub_and_code_under_their_names(
    hub: dict[str, Any],
) -> None:
    """Login, JupyterLab with the notebooks, one coding per person, all stopped."""
    base, log = hub["base"], hub["log"]
    intruder = Browser(base)
    assert intruder.login("mallory", "x") == 403  # not in allowed_users
    assert intruder.cookie("jupyterhub-hub-login") is None

    people: dict[str, dict[str, Any]] = {}
    for user in USERS:
        browser = Browser(base)
        assert browser.login(user, "beliebig") == 302, log.read_text(encoding="utf-8")[-2000:]
        status, _ = browser.api("POST", f"/users/{user}/server")
        assert status in (201, 202), status
        status, token = browser.api("POST", f"/users/{user}/tokens", {"note": "smoke"})
        assert status == 201, token
        people[user] = {"browser": browser, "token": token["token"]}

    def ready(user: str) -> bool:
        status, model = people[user]["browser"].api("GET", f"/users/{user}")
        return status == 200 and bool(model["servers"].get("", {}).get("ready"))

    for user in USERS:
        _wait(f"Server von {user}", lambda u=user: ready(u), START_TIMEOUT, log)
    hub["started"].extend(psutil.Process(hub["process"].pid).children(recursive=True))

    for user in USERS:  # JupyterLab, and the notebooks in the person's own folder
        token, prefix = people[user]["token"], f"/user/{user}"
        status, contents = _token_request(base, token, "GET", f"{prefix}/api/contents")
        assert {"02_kodierung.ipynb", "studie.py"} <= {c["name"] for c in contents["content"]}
        assert (hub["home"] / user / "werkbank" / "02_kodierung.ipynb").is_file()
        request = urllib.request.Request(
            f"{base}{prefix}/lab", headers={"Authorization": f"token {token}"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            assert b"JupyterLab" in response.read()

    printed = asyncio.run(_code_in_kernels(base, people))
    segments = {}
    for user in USERS:
        coder, segment = printed[user].split()
        assert coder == user
        segments[user] = int(segment)

    with Project.open(hub["project"]) as project:
        codings = project.codings()
    assert sorted(zip(codings["coder"], codings["segment_id"].astype(int), strict=True)) == (
        sorted(segments.items())
    )
    assert set(codings["code"]) == {"Bedarf"}

    for user in USERS:  # stop the servers through the hub, as a person's "Stop" does
        status, _ = people[user]["browser"].api("DELETE", f"/users/{user}/server")
        assert status in (202, 204), status
    for user in USERS:
        _wait(
            f"{user} gestoppt",
            lambda u=user: not people[u]["browser"].api("GET", f"/users/{u}")[1]["servers"],
            START_TIMEOUT,
            log,
        )


async def _code_in_kernels(base: str, people: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Start a kernel in each person's server and run the coding cell there, at once."""

    async def run(user: str) -> tuple[str, str]:
        token, prefix = people[user]["token"], f"/user/{user}"
        _, kernel = await asyncio.to_thread(
            _token_request, base, token, "POST", f"{prefix}/api/kernels", {"name": "python3"}
        )
        socket = base.replace("http", "ws", 1)
        channel = await KernelChannel.connect(
            f"{socket}{prefix}/api/kernels/{kernel['id']}/channels",
            headers={"Authorization": f"token {token}"},
        )
        try:
            return user, (await channel.execute(CODE_CELL, timeout=120)).strip()
        finally:
            channel.close()
            await asyncio.to_thread(
                _token_request, base, token, "DELETE", f"{prefix}/api/kernels/{kernel['id']}"
            )

    return dict(await asyncio.gather(*(run(user) for user in USERS)))
