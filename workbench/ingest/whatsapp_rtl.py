"""The app's own lines of a WhatsApp export written in an Arabic, Hebrew or Persian
interface (pure; used by :mod:`workbench.ingest.whatsapp_chat`).

Only U+200E before a message makes it an app line there: in a right-to-left interface the
iPhone may write U+200F instead, and a person's message may open with U+200F as well. So
these lines are told by their fixed wording and forms, never by a mark alone:

- an attachment ``<مرفق: 00000012-PHOTO-2021-03-12-18-02-11.jpg>``, ``<מצורף: …>``,
  ``<پیوست: …>``: a known word, or any word before the file name the app gives an
  attachment (eight digits, its kind, date and time);
- media left out, as Android writes it: a whole message of one to four words of these
  scripts in angle brackets (``<تم استبعاد الوسائط>``), as the app writes
  ``<Medien ausgelassen>``; as the iPhone writes it, behind a direction mark, a medium's
  word and "omitted" (``‏الصورة محذوفة``, ``‏תמונה הושמטה``, ``‏تصویر حذف شد``);
- a deleted message (``تم حذف هذه الرسالة``, ``ההודעה נמחקה``, ``این پیام حذف شد``);
- the encryption notice behind a direction mark (``‏الرسائل والمكالمات مشفرة …``).

The words are the app's as known for these languages; group changes ("… أضاف …") are
not recognised: their wording is free enough to be a person's sentence.
"""

from __future__ import annotations

import re

_RTL = r"\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_ATTACHED = re.compile(r"^<(?P<word>[^\W\d_]{2,12}): (?P<file>[^<>\n]+\.\w{2,5})>$")
_ATTACH_WORDS = frozenset({"مرفق", "מצורף", "پیوست", "فایل"})
# WhatsApp's own name for an attachment: "00000012-PHOTO-2021-03-12-18-02-11.jpg"
_APP_FILE = re.compile(r"^\d{8}-[A-Z]+-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.\w{2,5}$")
_BRACKETED = re.compile(rf"^<[{_RTL}\u200c]+(?: [{_RTL}\u200c]+){{0,3}}>$")
_MEDIUM = (
    r"(?:ال)?(?:صورة|فيديو|صوت|ملصق|مستند)|مقطع فيديو|بطاقة جهة الاتصال|GIF"
    r"|תמונה|סרטון|וידאו|שמע|הקלטה|מדבקה|מסמך|כרטיס איש קשר"
    r"|تصویر|عکس|ویدیو|ویدئو|صدا|استیکر|سند|کارت مخاطب"
)
_OMITTED = (
    r"محذوفة|محذوف|مستبعدة|مستبعد|غير مضمنة|غير مضمن|تم حذفها|تم حذفه"
    r"|הושמטה|הושמט|הושמטו|לא נכלל|לא נכללה"
    r"|حذف شد|حذف شده|حذف‌شده"
)
_LEFT_OUT = re.compile(rf"^(?:(?:{_MEDIUM}) (?:{_OMITTED})|(?:تم حذف|تم استبعاد) (?:{_MEDIUM}))$")
_DELETED = re.compile(
    r"^(?:تم حذف هذه الرسالة|لقد حذفت هذه الرسالة|حذفت هذه الرسالة"
    r"|ההודעה נמחקה|הודעה זו נמחקה|מחקת את ההודעה הזו|מחקת הודעה זו"
    r"|این پیام حذف شد|این پیام پاک شد|شما این پیام را حذف کردید)[.۔]?$"
)
_ENCRYPTED = re.compile(
    r"^(?:الرسائل والمكالمات مشفرة|ההודעות והשיחות מוצפנות"
    r"|پیام[\u200c ]?ها و تماس[\u200c ]?ها رمزگذاری)\s"
)


def right_to_left_app_line(text: str, behind_mark: bool) -> str | None:
    """What a whole message written by the app in a right-to-left interface is ("media",
    "deleted", "system"), or None for a person's message; ``text`` without direction
    marks, ``behind_mark``: the message opened with U+200E or U+200F.

    >>> right_to_left_app_line("<مرفق: 00000012-PHOTO-2021-03-12-18-02-11.jpg>", True)
    'media'
    >>> [right_to_left_app_line("الصورة محذوفة", marked) for marked in (True, False)]
    ['media', None]
    """
    text = text.strip()
    attached = _ATTACHED.match(text)
    if attached and (attached["word"] in _ATTACH_WORDS or _APP_FILE.match(attached["file"])):
        return "media"
    if _BRACKETED.match(text) or (behind_mark and _LEFT_OUT.match(text)):
        return "media"
    if _DELETED.match(text):
        return "deleted"
    if behind_mark and _ENCRYPTED.match(text):
        return "system"
    return None
