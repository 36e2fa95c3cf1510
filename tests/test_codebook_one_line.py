"""Code names from codebook files on one line, as migration 0009 and `codebook add` write them.

Decision 017 stores names on one line; `codebook add` did so for codes, but a codebook file
(.yaml, .qdc, the <CodeBook> of a .qdpx), a table's code column or a coding's code kept
"Wohnen⏎Zeile" as written, and an upgraded project's "Wohnen Zeile" was then a second
code. Every way in now stores the rule's spelling; two entries of one file that read the
same on one line are refused (the team says which is meant), naming both as written.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
import yaml
from lxml import etree

from tests.qdpx_data import Q, qde_root, rezip
from workbench import Project
from workbench.cli.main import main
from workbench.coding.codebook import CodeSpec
from workbench.exchange.qdpx import export_qdpx, import_qdpx

# -- blind set: generated names with the spelling they must be stored with ----------------
# a line break of any kind, a tab: one space with the blanks around it; a control
# character that does not separate words (NUL, ESC, BEL, a direction override): left out
SPACED = "\n\r\t\x85\u2028\u2029"
DROPPED = "\x00\x1b\x07\u202e\x9b"  # \x9b: a C1 control (CSI), as in every label


def _blind() -> list[tuple[str, str]]:
    cases = []
    for c in SPACED:
        cases += [(f"Wohn{c}en", "Wohn en"), (f" {c}Bedarf {c}{c} Bus{c} ", "Bedarf Bus")]
        cases += [(f"Treff{c}{c}punkt  am Markt", "Treff punkt  am Markt")]
    for c in DROPPED:
        cases += [(f"Wohn{c}en", "Wohnen"), (f" {c}Bedarf {c}{c} Bus{c} ", "Bedarf  Bus")]
        cases += [(f"Treff{c}{c}punkt  am Markt", "Treffpunkt  am Markt")]
    cases += [("Seiten\x0cwechsel", "Seiten wechsel")]  # a form feed separates words
    return cases


BLIND = _blind()
# ordinary names, stored exactly as written (double blanks, no-break space, emoji, quotes)
MUST_STAY = [
    "Wohnen  und Leben",
    "Bücherei",
    "Kita\xa0Leitung",
    "Wünsche 🏘️",
    "„Zu laut“ – Lärm",
    "50+ Treff",
    "Ärger & Grün",
]


def _project(tmp_path: Path) -> Path:
    folder = tmp_path / "projekt"
    Project.create(folder, districts=["Manfort"]).close()
    return folder


def _paths(folder: Path) -> list[str]:
    with Project.open(folder) as project:
        return sorted(spec.path for spec in project.codebook())


def _yaml(path: Path, names: list[str]) -> Path:
    path.write_text(yaml.safe_dump({"codes": [{"name": n} for n in names]}), encoding="utf-8")
    return path


def test_blind_set_yaml_codes_stored_on_one_line_and_ordinary_names_as_written(
    tmp_path: Path,
) -> None:
    """Every code name of a .yaml with a control character is stored as the rule writes
    it; no ordinary name changes (an over-replacement counts as much as a miss)."""
    folder = _project(tmp_path)
    # the blind set holds names that are one code on one line: import them in batches of
    # distinct expected names, as a researcher's files would hold them
    batches: dict[int, list[str]] = {}
    seen: dict[str, int] = {}
    for raw, want in [*BLIND, *((n, n) for n in MUST_STAY)]:
        seen[want] = seen.get(want, -1) + 1
        batches.setdefault(seen[want], []).append(raw)
    expected = {want for _, want in BLIND} | set(MUST_STAY)
    for number, batch in batches.items():
        file = _yaml(tmp_path / f"codebuch{number}.yaml", batch)
        assert main(["--project", str(folder), "codebook", "import", str(file)]) == 0
    stored = _paths(folder)
    assert stored == sorted(expected)


def test_the_readers_rule_is_the_migrations() -> None:
    """Migration 0009 rewrites an older project's code paths as a file import stores them now."""
    from tests.test_names_one_line_upgrade import revision_0009
    from workbench.core.typed_text import line_code_path

    revision = revision_0009()
    for raw, want in BLIND:
        assert line_code_path(f"Bedarf/{raw}") == revision.line_code_path(f"Bedarf/{raw}")
        assert line_code_path(raw) == want
    for name in MUST_STAY:
        assert line_code_path(name) == name


def test_two_yaml_entries_equal_on_one_line_are_refused_naming_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _project(tmp_path)
    p = ["--project", str(folder)]
    assert main([*p, "codebook", "add", "Bestand"]) == 0
    file = tmp_path / "codebuch.yaml"
    file.write_text(
        yaml.safe_dump(
            {
                "codes": [
                    {"name": "Bedarf", "children": [{"name": "Wohnen\nZeile"}]},
                    {"name": "Bedarf", "children": [{"name": "Wohnen Zeile"}]},
                ]
            }
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main([*p, "codebook", "import", str(file)]) == 2
    err = capsys.readouterr().err
    assert "codebuch.yaml" in err and "'Bedarf/Wohnen⏎Zeile' und 'Bedarf/Wohnen Zeile'" in err
    assert "Traceback" not in err and err.count("\n") == 1
    assert _paths(folder) == ["Bestand"]  # nothing written
    file.write_text(yaml.safe_dump({"codes": [{"name": "A"}, {"name": " A "}]}), "utf-8")
    assert main([*p, "codebook", "import", str(file)]) == 2
    assert "Doppelte Codes: A" in capsys.readouterr().err  # same as written: said as before


def _qdc(path: Path, codes: list[tuple[str, str, list[tuple[str, str]]]]) -> Path:
    """A .qdc with (name, GUID, [(subcode name, GUID)]) codes; control characters as
    character references (an XML attribute turns a literal line break into a space)."""

    def attr(text: str) -> str:
        return quoteattr(text, {"\n": "&#10;", "\t": "&#9;", "\r": "&#13;"})

    body = "".join(
        f"<Code guid={attr(guid)} name={attr(name)} isCodable='true'>"
        + "".join(f"<Code guid={attr(g)} name={attr(n)} isCodable='true'/>" for n, g in subs)
        + "</Code>"
        for name, guid, subs in codes
    )
    path.write_text(
        "<?xml version='1.0' encoding='utf-8'?>"
        f"<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes>{body}</Codes></CodeBook>",
        encoding="utf-8",
    )
    return path


G1, G2, G3 = (str(uuid.UUID(int=n + 0x9E00000000004000800000000000)).upper() for n in range(3))


def test_qdc_codes_on_one_line_with_their_guids(tmp_path: Path) -> None:
    folder = _project(tmp_path)
    file = _qdc(
        tmp_path / "codebuch.qdc",
        [("Bedarf\r\nWohnen", G1, [("Treff\tpunkt\u2028Jugend", G2)]), ("Bus/Bahn\n", G3, [])],
    )
    assert main(["--project", str(folder), "codebook", "import", str(file)]) == 0
    with Project.open(folder) as project:
        guids = project.code_guids()
    assert guids == {
        "Bedarf Wohnen": G1,
        "Bedarf Wohnen/Treff punkt Jugend": G2,
        "Bus∕Bahn": G3,
    }
    # the same file again changes nothing (no twin under the old spelling)
    assert main(["--project", str(folder), "codebook", "import", str(file)]) == 0
    assert _paths(folder) == sorted(guids)


def test_qdc_entries_equal_on_one_line_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _project(tmp_path)
    file = _qdc(tmp_path / "codebuch.qdc", [("Wohnen\nZeile", G1, []), ("Wohnen Zeile", G2, [])])
    assert main(["--project", str(folder), "codebook", "import", str(file)]) == 2
    err = capsys.readouterr().err
    assert "codebuch.qdc" in err and "'Wohnen⏎Zeile' und 'Wohnen Zeile'" in err
    assert _paths(folder) == []


def _coded_export(tmp_path: Path) -> tuple[Path, Project]:
    protocol = tmp_path / "manfort.md"
    protocol.write_text(
        "---\nworkshop: Quartiersworkshop Manfort\ndistrict: Manfort\ndate: 2021-03-12\n---\n"
        "# Quartiersworkshop Manfort\n\n## Bedarfe\n\n- Es fehlen Treffpunkte am Abend.\n",
        encoding="utf-8",
    )
    project = Project.create(tmp_path / "quelle", districts=["Manfort"])
    project.import_files([protocol])
    project.add_code("Bedarf")
    project.add_code("Bedarf/Treffpunkte")
    segment = int(project.segments()["segment_id"].iloc[0])
    project.code_segment(segment, "Bedarf/Treffpunkte", "Jürgen")
    exported = tmp_path / "quelle.qdpx"
    export_qdpx(project, exported)
    return exported, project


def test_qdpx_code_renamed_with_a_line_break_is_one_line_with_its_guid_and_codings(
    tmp_path: Path,
) -> None:
    exported, source = _coded_export(tmp_path)
    guid = source.code_guids()["Bedarf/Treffpunkte"]
    source.close()
    root = qde_root(exported)
    code = next(c for c in root.iter(f"{Q}Code") if c.get("name") == "Treffpunkte")
    code.set("name", "Treff\npunkte\x85am Abend")  # renamed in another program
    changed = rezip(exported, tmp_path / "anders.qdpx", etree.tostring(root))
    target = Project.create(tmp_path / "ziel", districts=["Manfort"])
    import_qdpx(target, changed)
    assert target.code_guids()["Bedarf/Treff punkte am Abend"] == guid
    assert set(target.codings()["code"]) == {"Bedarf/Treff punkte am Abend"}
    target.close()


def test_qdpx_codes_equal_on_one_line_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported, source = _coded_export(tmp_path)
    source.close()
    root = qde_root(exported)
    codes = {c.get("name"): c for c in root.iter(f"{Q}Code")}
    for guid, name in ((G1, "Treff\tpunkte"), (G2, "Treff punkte")):
        etree.SubElement(codes["Bedarf"], f"{Q}Code", guid=guid, name=name, isCodable="true")
    changed = rezip(exported, tmp_path / "doppelt.qdpx", etree.tostring(root))
    folder = _project(tmp_path)
    assert main(["--project", str(folder), "import", str(changed)]) == 2
    err = capsys.readouterr().err
    assert "doppelt.qdpx" in err and "'Bedarf/Treff�punkte' und 'Bedarf/Treff punkte'" in err
    assert _paths(folder) == []


def test_codes_from_the_api_and_a_codings_table_are_one_line(tmp_path: Path) -> None:
    """``import_codes`` (the apps) and a codings table naming "Wohnen⏎Zeile" find and store
    the one-line code: no second code under the old spelling."""
    _coded_export(tmp_path)[1].close()
    folder = tmp_path / "quelle"
    with Project.open(folder) as project:
        assert project.import_codes([CodeSpec("Bedarf/Neu\u2028Zeile\x1b")]) == 1
        assert project.import_codes([CodeSpec("Bedarf/Neu Zeile", description="x")]) == 1
        assert sorted(s.path for s in project.codebook()) == [
            "Bedarf",
            "Bedarf/Neu Zeile",
            "Bedarf/Treffpunkte",
        ]
        segments = project.segments()
        row = segments.iloc[0]
        table = tmp_path / "kodierungen.csv"
        table.write_text(
            "document,source_id,coder,code\n"
            f'{row["document"]},{row["source_id"]},Ayşe,"Bedarf/Neu\nZeile"\n',
            encoding="utf-8",
        )
        assert project.import_codings(table) == 1
        assert set(project.codings()["code"]) == {"Bedarf/Treffpunkte", "Bedarf/Neu Zeile"}
        assert len(project.codebook()) == 3
