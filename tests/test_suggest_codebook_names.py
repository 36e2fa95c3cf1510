"""A codebook file's descriptions and examples are embedded pseudonymised
(workbench/analysis/suggest.py).

``suggest(..., codebook=FILE)`` embedded the file's texts as written: an example
"Frau Quirmbacher sagt, der Spielplatz …" went to the model, whose tokenizer keeps the
words it segmented for the life of the kernel (analysis/use_tokens.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from tests.coding_data import cards_project
from workbench import Project
from workbench.analysis.suggest import suggest
from workbench.coding.codebook import CodeSpec

SURNAME = "Quirmbacher"
CODEBOOK = (
    "codes:\n"
    "  - name: Themen\n"
    "    children:\n"
    "      - name: Wohnen\n"
    f"        description: Mieten und Feuchtigkeit, laut Gespräch mit Herrn {SURNAME}\n"
    f"        example: Frau {SURNAME} sagt, der Vermieter reagiert nicht\n"
    "      - name: Digitale Teilhabe\n"
    "        description: Internet, WLAN, Laptops und Tablets\n"
)


class Recording:
    """An embedder that keeps every text it was given (vectors from the text's hash)."""

    name = "recording"
    version = "1"
    cacheable = False

    def __init__(self) -> None:
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector per text, the same for the same text."""
        self.texts += list(texts)
        rows = [
            np.frombuffer(hashlib.sha256(t.encode()).digest(), dtype=np.uint8)[:16] for t in texts
        ]
        matrix = np.asarray(rows, dtype=np.float32) + 1
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True)


def test_a_codebook_file_is_embedded_without_its_names(project: Project, tmp_path: Path) -> None:
    cards_project(project, tmp_path)
    codebook = tmp_path / "themen.yaml"
    codebook.write_text(CODEBOOK, encoding="utf-8")
    embedder = Recording()
    table = suggest(project, backend=embedder, codebook=codebook, min_confidence=0)
    assert set(table["code"]) <= {"Themen/Wohnen", "Themen/Digitale Teilhabe"}
    examples = [t for t in embedder.texts if "Vermieter reagiert nicht" in t]
    assert examples and all("[Person" in t for t in examples)  # the example, pseudonymised
    assert not any(SURNAME in t for t in embedder.texts)
    assert not project.pseudonym_key()["original"].str.contains(SURNAME, regex=False).any()


def test_codebook_specs_are_embedded_without_their_names(project: Project, tmp_path: Path) -> None:
    cards_project(project, tmp_path)
    specs = [CodeSpec("Wohnen", description="Wohnungen", example=f"Herr {SURNAME} hilft")]
    embedder = Recording()
    suggest(project, backend=embedder, codebook=specs, min_confidence=0)
    assert any("hilft" in t for t in embedder.texts)
    assert not any(SURNAME in t for t in embedder.texts)
