"""What DOCX and XLSX share: XML-safe text and reproducible ZIP files.

Office files are ZIP archives with timestamps inside; the same project must give the same
bytes, so every member gets a fixed time and the core properties a fixed date
(``SOURCE_DATE_EPOCH`` if set, else 1980-01-01).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from datetime import UTC, datetime

from workbench.core.typed_text import line_label

_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CORE_TIME = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")
AUTHOR = "Sozialraum-Werkbank"


def clean(text: object) -> str:
    """Text without characters XML cannot hold (DOCX and XLSX refuse them).

    >>> clean("a\\x00b\\tc")
    'ab\\tc'
    """
    return _XML_ILLEGAL.sub("", str(text))


def property_title(title: str) -> str:
    r"""A title as a DOCX/XLSX core property (and an HTML ``<title>``) holds it: on one line,
    without control characters, escape sequences or bidi overrides (:func:`line_label`; a
    district or concept title can hold them; the property is read and shown as written).
    A literal ``_xHHHH_`` stays: core properties are Dublin Core, not ``ST_Xstring``, and
    openpyxl and python-docx read it back as written.

    >>> property_title("Profil Man‮fort[31m _x0041_"), property_title("Opladen")
    ('Profil Manfort _x0041_', 'Opladen')
    """
    return clean(line_label(title))


def fixed_time() -> datetime:
    """The timestamp written into DOCX/XLSX metadata: ``SOURCE_DATE_EPOCH`` or 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return max(datetime.fromtimestamp(int(epoch), UTC), datetime(1980, 1, 1, tzinfo=UTC))
    return datetime(1980, 1, 1, tzinfo=UTC)


def normalise_zip(data: bytes) -> bytes:
    """Rewrite an Office file with fixed ZIP timestamps and fixed core-property dates."""
    stamp = fixed_time().strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    zip_time = fixed_time().timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_TIME.sub(lambda m: m.group(1) + stamp + m.group(3), content)
            fixed = zipfile.ZipInfo(info.filename, date_time=zip_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, content)
    return out.getvalue()
