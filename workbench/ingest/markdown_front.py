"""A Markdown protocol's YAML front matter: split off, its keys mapped onto document fields
(moved out of :mod:`workbench.ingest.markdown_protocol`)."""

from __future__ import annotations

import yaml

from workbench.core.domain import InputError
from workbench.core.parse_errors import yaml_problem
from workbench.ingest.common import normalise_date
from workbench.ingest.direction_marks import unmarked
from workbench.ingest.protocol_meta import split_names

FRONT_KEYS = {
    "workshop": "workshop",
    "district": "district",
    "sozialraum": "district",
    "date": "date",
    "datum": "date",
    "format": "format",
    "title": "title",
    "titel": "title",
    "participants": "names",
    "teilnehmende": "names",
    "names": "names",
}


class _FrontLoader(yaml.SafeLoader):
    """YAML's safe loader, but a date or time that does not exist (``date: 2021-02-31``,
    an offset of ``+25:00``) stays the text it is: the field's reader names it in German
    instead of Python's ``datetime`` stopping the import with a traceback."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> object:
        """The date or time of ``node``; its text where there is no such day or time."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_FrontLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontLoader.construct_yaml_timestamp)


def front_matter(text: str, name: str) -> tuple[dict, str, int]:
    """Split YAML front matter off; return (metadata, body, line offset of body).

    The head is read without direction marks (an export that writes U+200E before every
    line, "\u200e---" too): its keys and values are labels; the body stays as written."""
    lines = text.split("\n")
    if not lines or unmarked(lines[0]).strip() != "---":
        return {}, text, 0
    for i in range(1, len(lines)):
        if unmarked(lines[i]).strip() in ("---", "..."):
            head = "\n".join(unmarked(line) for line in lines[1:i])
            try:
                meta = yaml.load(head, Loader=_FrontLoader) or {}  # a SafeLoader
            except (yaml.YAMLError, RecursionError) as err:
                mark = getattr(err, "problem_mark", None)
                row = mark.line + 2 if mark else None
                raise InputError(
                    f"YAML-Kopf ist fehlerhaft: {yaml_problem(err, line=False)}.",
                    file=name,
                    row=row,
                ) from None
            if not isinstance(meta, dict):
                raise InputError(
                    "YAML-Kopf muss Schlüssel: Wert-Paare enthalten.", file=name, row=2
                )
            return meta, "\n".join(lines[i + 1 :]), i + 1
    raise InputError("YAML-Kopf wird mit '---' geöffnet, aber nie geschlossen.", file=name, row=1)


def front_fields(meta: dict, name: str) -> dict:
    """Map German/English front-matter keys onto document fields."""
    out: dict = {}
    for key, value in meta.items():
        field = FRONT_KEYS.get(str(key).strip().lower())
        if field is None or value is None:
            continue
        if field == "names":
            values = [value] if isinstance(value, str) else value
            out["names"] = tuple(n for v in values for n in split_names(str(v)))
        elif field == "date":
            out["date"] = normalise_date(value, name)
        else:
            out[field] = str(value).strip()
    return out
