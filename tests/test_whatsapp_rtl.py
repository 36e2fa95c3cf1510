"""WhatsApp exports from a phone set to Arabic, Hebrew or Persian: the app's own lines
(encryption notice, attachments, media left out, deleted messages) are told by their
wording and forms, behind U+200E or U+200F; people's messages that open with U+200F, an
isolate or an embedding stay statements, their text as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.ingest import parse_file

LRM, RLM, RLI, PDI = "\u200e", "\u200f", "\u2067", "\u2069"
APP = {  # the app's lines in each interface: (text, what the import counts it as)
    "ar": [
        ("الرسائل والمكالمات مشفرة بين الطرفين. لا أحد خارج هذه الدردشة يمكنه قراءتها.", "system"),
        ("<مرفق: 00000012-PHOTO-2021-03-12-18-02-11.jpg>", "media"),
        ("الصورة محذوفة", "media"),
        ("تم حذف هذه الرسالة", "deleted"),
    ],
    "he": [
        ("ההודעות והשיחות מוצפנות מקצה לקצה. אף אחד מחוץ לצ'אט הזה לא יכול לקרוא אותן.", "system"),
        ("<מצורף: 00000014-AUDIO-2021-03-12-18-04-11.opus>", "media"),
        ("תמונה הושמטה", "media"),
        ("ההודעה נמחקה", "deleted"),
    ],
    "fa": [
        ("پیام‌ها و تماس‌ها رمزگذاری سرتاسری شده‌اند. هیچ‌کس نمی‌تواند آن‌ها را بخواند.", "system"),
        ("<پیوست: 00000016-Protokoll.pdf>", "media"),
        ("تصویر حذف شد", "media"),
        ("این پیام حذف شد", "deleted"),
    ],
}
SAID = (  # people's messages: the app's words in a sentence, opening with marks
    f"{RLM}الصورة محذوفة من الموقع، أرسلها مرة أخرى من فضلك",
    f"{RLM}ההודעה נמחקה? לא ראיתי אותה",
    f"{RLI}تصویر پارک را فرستادم{PDI}",
    f"{RLM}نحتاج Bus 212 كل يوم",
)


@pytest.mark.parametrize("mark", [LRM, RLM])
@pytest.mark.parametrize("language", APP)
def test_app_lines_of_a_right_to_left_interface_are_no_statements(
    tmp_path: Path, language: str, mark: str
) -> None:
    lines = [f"{LRM}[12.03.21, 18:00:11] Stadtteilrunde: {mark}{APP[language][0][0]}"]
    for i, ((text, _), said) in enumerate(zip([*APP[language][1:], ("", "")], SAID, strict=True)):
        lines.append(f"{LRM}[12.03.21, 18:0{i + 1}:11] Anna Schmidt: {said}")
        if text:
            lines.append(f"{LRM}[12.03.21, 18:0{i + 1}:30] Ben Berg: {mark}{text}")
    path = tmp_path / "chat.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = parse_file(path)
    assert [s.text for s in document.segments] == list(SAID)  # as written, marks and all
    left_out = document.options["messenger"]
    counted = [kind for _, kind in APP[language]]
    assert {k: left_out[k] for k in ("system", "media", "deleted")} == {
        k: counted.count(k) for k in ("system", "media", "deleted")
    }


def test_android_in_a_right_to_left_interface(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        "12.03.21, 18:00 - الرسائل والمكالمات مشفرة بين الطرفين.\n"
        "12.03.21, 18:01 - Anna Schmidt: <تم استبعاد الوسائط>\n"
        "12.03.21, 18:02 - Ben Berg: <המדיה הושמטה>\n"
        f"12.03.21, 18:03 - Ben Berg: {SAID[1]}\n"
        "12.03.21, 18:04 - Anna Schmidt: <الحديقة>: تحتاج إلى إضاءة\n",
        encoding="utf-8",
    )
    document = parse_file(path)
    assert [s.text for s in document.segments] == [SAID[1], "<الحديقة>: تحتاج إلى إضاءة"]
    assert document.options["messenger"]["media"] == 2
