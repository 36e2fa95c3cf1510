"""Stop words and the tokenizer shared by TF-IDF, c-TF-IDF and cluster labels."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from workbench.analysis.markup import strip_markup
from workbench.core.word_caches import fixed_cache

# Function words of German plus filler words every protocol is full of.
GERMAN = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer
    anderes anders auch auf aus bei beim bin bis bist da dabei dadurch dafür dagegen daher
    dahin damals damit danach dann daran darauf daraus darf darfst darin darum darunter das
    dass dasselbe davon davor dazu dein deine deinem deinen deiner dem demselben den denen
    denn dennoch der derer derselbe derselben des deshalb desselben dessen dich die dies diese
    dieselbe dieselben diesem diesen dieser dieses dir doch dort du durch eben ebenso ein eine
    einem einen einer eines einige einigem einigen einiger einiges einmal er es etwa etwas euch
    euer eure eurem euren eurer für gab gegen gewesen gibt ging hab habe haben hat hatte
    hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im immer in
    indem ins ist ja je jede jedem jeden jeder jedes jedoch jemand jene jenem jenen jener
    jenes jetzt kann kannst kaum kein keine keinem keinen keiner keines können könnte konnte
    konnten machen macht man manche manchem manchen mancher manches mehr mein meine meinem
    meinen meiner meines mich mir mit muss musste müssen müsste nach nachdem nein nicht nichts
    noch nun nur ob oder ohne schon sehr sein seine seinem seinen seiner seines seit seitdem
    selbst sich sie sind so solche solchem solchen solcher solches soll sollen sollte sollten
    sondern sonst sowie statt um und uns unser unsere unserem unseren unserer unter viel viele
    vielen vieler vom von vor wann war waren warum was weg weil weiter weitere welche welchem
    welchen welcher welches wenn wer werde werden wie wieder will wir wird wirst wo wollen
    wollte wollten worden wurde wurden während zu zum zur zwar zwischen über ganz gar ggf
    bzw usw etc teils oft gut neue neuen neu wäre wären würde würden gerade geht gehen
    gehabt bereits einfach eigentlich vielleicht wirklich mal natürlich genau heute geben
    weniger wenig besser bitte gibt's gab's
    """.split()
)

# English function words and the fillers of spoken turns (meeting transcripts and chats
# in either language): "Okay, danke", "So yeah", "Thank you" are no theme.
ENGLISH_AND_FILLERS = frozenset(
    """
    the and that this these those with for you your are was were been being have has had
    not but what which when where who whom why how will would could should shall can may
    might must there their theirs they them then than from into onto about just like know
    think going really right well very some any all our ours its it's i'm you're we're
    don't didn't doesn't can't won't isn't aren't wasn't that's there's let's yes yeah yep
    nope okay hello hey thanks thank bye please sorry hmm ähm danke hallo tschüss servus
    mhm aha
    """.split()
)

# Words that carry no theme in a participation study (extendable per run).
DOMAIN = frozenset(
    """
    leverkusen quartier quartiers stadtteil stadtteils sozialraum sozialräume menschen leute
    brauchen braucht bräuchte fehlt fehlen fehlende seit zeit corona pandemie lockdown
    wichtig gerne müsste sowie ebenfalls gemeinsam dringend mindestens
    """.split()
)

# Abbreviations of contact data, which pseudonymisation leaves beside its placeholders
# ("[Person 3], Tel. [Telefon]", "[Adresse], Str."): no content of a label (see
# workbench.analysis.labels). Not stop words of the tokenizer: a topic model whose
# vocabulary shrinks below two words fails (see topics.fit_topics).
CONTACT = frozenset("tel fax str plz hausnr".split())

# Words are letters of any script (and hyphens): "Stadtteilcafé", "Façade", "Kermes ağı"
# keep their letters (an ASCII-and-umlaut class cut "Stadtteilcafé" to "stadtteilcaf").
# Gendered forms ("Bewohner*innen", "Schüler:innen") count as the base word (see _base).
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|-){2,}(?:[*:_]innen)?")


_MARKS = frozenset({"*innen", ":innen", "_innen"})
# Hesitation sounds as transcripts spell them, in any length: "ähm", "öhm", "äähm", "ehm",
# "uhm", "ähh", "hmhm", "mhmh", "mmh", "hhh" (no word of German is only "h" and "m")
_HESITATION = re.compile(r"[äöeua]+h+m*|[hm]+")
_HESITANT = frozenset("äöeuahm")
# The placeholders of pseudonymisation ("[Person 3]", "[Adresse]") are no theme either.
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,40}\]")


@fixed_cache("stop words: the lists and the researchers' extra ones")
@lru_cache(maxsize=64)
def _stop_set(extra: tuple[str, ...], domain: bool) -> frozenset[str]:
    return (
        GERMAN
        | ENGLISH_AND_FILLERS
        | (DOMAIN if domain else frozenset())
        | {w.lower() for w in extra}
    )


def tokenize(text: str, extra: Iterable[str] = (), domain: bool = True) -> list[str]:
    """Lower-cased word tokens of at least three letters, without stop words.

    >>> tokenize("Die Kinder haben kein WLAN und keine Endgeräte!")
    ['kinder', 'wlan', 'endgeräte']
    >>> tokenize("Bewohner*innen und Schüler:innen brauchen Orte")
    ['bewohner', 'schüler', 'orte']
    >>> tokenize("Okay, [Person 2] hat den Park erwähnt. Thank you!")
    ['park', 'erwähnt']
    >>> tokenize("[Person 3], Tel. [Telefon]")
    ['tel']
    >>> tokenize("Das Stadtteilcafé am Çarşı-Platz")
    ['stadtteilcafé', 'çarşı-platz']

    Transcription markup is no word (:func:`~workbench.analysis.markup.strip_markup`):

    >>> tokenize("Der Park (lacht) //I: Mhm// ((räuspert sich)) (4 Sek.) <<lachend> dunkel>")
    ['park', 'dunkel']
    >>> tokenize("Öhm, der äähm Park, hmhm, ist ehm dunkel")
    ['park', 'dunkel']

    A text from a Mac ("ä" as "a" + U+0308) gives the same words (a word would end at
    the mark):

    >>> tokenize("Ba\\u0308nke fu\\u0308r A\\u0308ltere")
    ['bänke', 'ältere']
    """
    stop = _stop_set(tuple(extra), domain)
    text = strip_markup(unicodedata.normalize("NFC", text))
    out = []
    for raw in _TOKEN.findall(_PLACEHOLDER.sub(" ", text) if "[" in text else text):
        token = raw.lower().strip("-")
        if token[-6:] in _MARKS:  # gendered form: the base word
            token = token[:-6]
        if token in stop or (
            len(token) < 8 and token[0] in _HESITANT and _HESITATION.fullmatch(token)
        ):
            continue
        out.append(token)
    return out
