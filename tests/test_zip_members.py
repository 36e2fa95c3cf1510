"""Every reader of a member of an office or ZIP file (XLSX, ODS, DOCX, ODT, REFI-QDA,
WhatsApp export, KMZ, zipped GeoJSON and shapefile) refuses a damaged, encrypted or
bomb member with one German message naming the file: exit code 2, no traceback, the
project unchanged, memory bounded. Before, a damaged KMZ, zipped GeoJSON or shapefile
ended in a zlib traceback, an encrypted ODS in a RuntimeError traceback, and an encrypted
zipped GeoJSON was reported as "kein Shapefile"."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import workbench
from tests import zip_damage
from tests.zip_damage import FORMATS, command
from workbench import Project
from workbench.cli.main import main
from workbench.synthesis import geo

# What the message says beyond the file's name, where old code crashed or misled.
SAYS = {
    ("ods", "encrypted"): "mit einem Passwort geschützt",
    ("odt", "encrypted"): "mit einem Passwort geschützt",
    ("kmz", "damaged"): "Die KMZ-Datei lässt sich nicht entpacken (beschädigt",
    ("geojson_zip", "damaged"): "Die ZIP-Datei lässt sich nicht entpacken (beschädigt",
    ("geojson_zip", "encrypted"): "lässt sich nicht entpacken (sie ist mit einem Passwort",
    ("shapefile_zip", "damaged"): "Die ZIP-Datei lässt sich nicht entpacken (beschädigt",
}


def _run(project: Project, fmt: str, data: bytes, tmp_path: Path, capsys) -> tuple[int, str]:
    """Exit code and stderr of reading ``data`` as ``fmt``; on 2 nothing may have changed."""
    _, name, kind, _ = FORMATS[fmt]
    path = tmp_path / name
    path.write_bytes(data)
    before = project.status()
    capsys.readouterr()
    code = main(command(kind, str(project.path), str(path)))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if code == 2:
        assert project.status() == before
        assert not geo.boundaries_path(project.path).exists()
    return code, err


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_sample_is_read_when_intact(
    fmt: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The samples below are readable: what stops them is the damage alone."""
    code, err = _run(project, fmt, FORMATS[fmt][0](), tmp_path, capsys)
    assert code == 0, err


@pytest.mark.parametrize("how", ["damaged", "encrypted"])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_damaged_or_encrypted_member_stops_in_german(
    fmt: str, how: str, project: Project, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, name, _, member = FORMATS[fmt]
    data = getattr(zip_damage, how)(build(), member)
    code, err = _run(project, fmt, data, tmp_path, capsys)
    assert code == 2, err
    assert err.startswith(f"Fehler: Datei {name}: "), err
    assert SAYS.get((fmt, how), "") in err, err
    assert "zlib" not in err and "password" not in err and "Shapefile" not in err


_BOMBS = """
import importlib.util, json, resource, sys
from pathlib import Path
import docx, odf.opendocument, openpyxl, pandas, shapefile  # loaded before measuring
spec = importlib.util.spec_from_file_location("zip_damage", sys.argv[2])
zip_damage = importlib.util.module_from_spec(spec)
spec.loader.exec_module(zip_damage)
from workbench import Project
from workbench.cli.main import main

found = {}
project = Project.create(Path(sys.argv[1]) / "p", districts=["Manfort"])
before = project.status()
for fmt, (build, name, kind, member) in zip_damage.FORMATS.items():
    path = Path(sys.argv[1]) / name
    path.write_bytes(zip_damage.bomb(build(), member))
    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    code = main(zip_damage.command(kind, str(project.path), str(path)))
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start
    found[fmt] = [code, path.stat().st_size, grown * 1024, project.status() == before]
print(json.dumps(found))
"""


def test_a_member_inflating_to_200_mb_is_refused_with_bounded_memory(tmp_path: Path) -> None:
    """A member declaring its few KB but holding 200 MB of zeros (≈ 200 KB packed) stops
    every format at its first 1 MB step beyond, named; the peak memory grows by far less
    than the member (measured in a fresh process, all formats in turn)."""
    code = Path(workbench.__file__).parent.parent  # the workbench under test
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(code), *sys.path])}
    run = subprocess.run(
        [sys.executable, "-c", _BOMBS, str(tmp_path), zip_damage.__file__],
        capture_output=True, text=True, env=env, check=False, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    found = json.loads(run.stdout.splitlines()[-1])
    assert not geo.boundaries_path(tmp_path / "p").exists()
    for fmt, (_, name, _, member) in FORMATS.items():
        code, size, grown, unchanged = found[fmt]
        assert code == 2 and unchanged and size < 1024 * 1024, (fmt, found[fmt])
        said = f"Datei {name}: Der Eintrag '{member}' enthält mehr, als das Archiv für ihn angibt"
        assert said in run.stderr, (fmt, run.stderr[-3000:])
        assert grown < 100 * 1024 * 1024, (fmt, grown)

    assert "Traceback" not in run.stderr
