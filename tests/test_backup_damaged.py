"""A damaged backup (project settings or rows of the wrong shape, numbers no database
holds, nesting too deep for the parser, a damaged or encrypted member) stops the restore
with a German message naming the backup and what in it is wrong: exit 2, no traceback,
and nothing of the project is left in the target."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_migrations import release_copy
from workbench.cli.main import main

DEEP = b"[" * 100_000 + b"]" * 100_000  # deeper than Python's JSON parser recurses


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real backup of the upgraded release project."""
    tmp = tmp_path_factory.mktemp("sicherung")
    folder = release_copy(tmp)
    assert main(["--project", str(folder), "upgrade"]) == 0
    assert main(["--project", str(folder), "backup", str(tmp / "gut.zip")]) == 0
    return tmp / "gut.zip"


def changed(good: Path, out: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    """A copy of the backup with one member's bytes changed (the manifest left as it is)."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, change(data) if item.filename == member else data)
    return out


def first_row(change: Callable[[dict], object]) -> Callable[[bytes], bytes]:
    """Replace the first line of a table with ``change`` of its row."""

    def apply(data: bytes) -> bytes:
        first, rest = data.split(b"\n", 1)
        return json.dumps(change(json.loads(first))).encode() + b"\n" + rest

    return apply


CASES = {
    "einstellungen-kein-json": ("project.json", lambda d: b"{kaputt", "project.json"),
    "einstellungen-liste": ("project.json", lambda d: b"[1, 2]", "project.json"),
    "einstellungen-tief": ("project.json", lambda d: DEEP, "project.json"),
    "zeile-liste": ("tables/codes.jsonl", first_row(lambda r: list(r)), "Zeile 1: kein JSON"),
    "zeile-text": ("tables/codes.jsonl", first_row(lambda r: "Zeile"), "Zeile 1: kein JSON"),
    "zeile-tief": ("tables/codes.jsonl", lambda d: DEEP + b"\n" + d, "codes.jsonl, Zeile 1"),
    "zahl-ueber-64-bit": (
        "tables/segments.jsonl",
        first_row(lambda r: {**r, "start": 2**63}),
        "Zeile 1: Spalte start: Zahl außerhalb",
    ),
    "unbekannte-spalte": (
        "tables/memos.jsonl",
        first_row(lambda r: {**r, "fremd": 1}),
        "Zeile 1: unbekannte Spalte fremd",
    ),
    "manifest-ohne-zeilenzahl": (
        "manifest.json",
        lambda d: json.dumps({**json.loads(d), "tables": {"codes": 24}}).encode(),
        "manifest.json nennt für Tabelle codes keine Zeilenzahl",
    ),
    "manifest-tabellen-liste": (
        "manifest.json",
        lambda d: json.dumps({**json.loads(d), "tables": ["codes"]}).encode(),
        "manifest.json nennt keine Tabellen",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_damaged_backup_stops_in_german_and_leaves_nothing(
    case: str, good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member, change, named = CASES[case]
    bad = changed(good, tmp_path / f"{case}.zip", member, change)
    target = tmp_path / "ziel"
    assert main(["restore", str(bad), str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler:") and "Traceback" not in err
    assert bad.name in err and named in err and "beschädigt" in err
    assert not target.exists()  # not even the folder the restore made


def test_a_damaged_member_stream_and_an_encrypted_member_are_named(
    good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("tables/codes.jsonl")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    broken = bytearray(good.read_bytes())
    broken[start + 10 : start + 40] = bytes(30)  # the deflate stream, not the directory
    (tmp_path / "kaputt.zip").write_bytes(bytes(broken))
    locked = bytearray(good.read_bytes())
    locked[info.header_offset + 6] |= 1  # "encrypted" in the member's header …
    central = -1
    while (central := locked.find(b"PK\x01\x02", central + 1)) != -1:
        if locked[central + 46 : central + 46 + len(info.filename)] == info.filename.encode():
            locked[central + 8] |= 1  # … and in the archive's directory
    (tmp_path / "verschluesselt.zip").write_bytes(bytes(locked))
    for name, named in (("kaputt.zip", "beschädigt"), ("verschluesselt.zip", "verschlüsselt")):
        target = tmp_path / "ziel"
        assert main(["restore", str(tmp_path / name), str(target)]) == 2
        err = capsys.readouterr().err
        assert err.startswith("Fehler:") and "Traceback" not in err
        assert name in err and "tables/codes.jsonl" in err and named in err
        assert not target.exists()
