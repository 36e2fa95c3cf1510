"""Gazetteers of first names and surnames for finding person names in German text.

The names come from the person providers of the maintained PyPI package ``faker`` (MIT,
pinned in pyproject.toml): the locales of the people who live in German cities — German,
Turkish, Polish, Italian, Balkan, Eastern European (Cyrillic lists transliterated the
German and the English way), Greek (transliterated), Arabic and African names in Latin
script, Western European and English names. A short supplement adds frequent first names
of communities faker has no Latin-script list for (Persian, Kurdish, Afghan, Eritrean,
Ethiopian, Armenian, Ukrainian spellings). Everything is read from the installed package
at first use; nothing is downloaded.

Names are compared in a folded form (:func:`fold`): case-folded, without diacritics, so
"Ayşe", "Ayse" and "AYŞE" are the same name.
"""

from __future__ import annotations

import importlib
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from workbench.core.word_caches import fixed_cache, word_cache

# faker person locales whose names are written in Latin script.
LATIN_LOCALES = (
    "de_DE de_AT de_CH de_LU de_LI tr_TR pl_PL it_IT hr_HR sl_SI cs_CZ sk_SK hu_HU ro_RO "
    "fr_FR fr_BE nl_NL nl_BE es_ES pt_PT pt_BR en_US en_GB en_IE en_PK fr_DZ az_AZ id_ID "
    "ha_NG en_NG yo_NG ig_NG tw_GH sw en_KE lt_LT lv_LV da_DK sv_SE no_NO fi_FI uz_UZ"
).split()
# Locales in Cyrillic or Greek script: transliterated (see _TRANSLIT).
TRANSLITERATED_LOCALES = ("ru_RU", "uk_UA", "bg_BG", "el_GR")

# First names of communities without a Latin-script list in faker (and frequent German
# spellings it lacks). Hand-written for this project; extend when a name is missed.
SUPPLEMENT_FIRST = """
Abebe Abdi Abdirahman Abrham Adonay Afewerki Alem Almaz Amanuel Aregawi Aster Awet Ayana
Bereket Biniam Dawit Efrem Eyerusalem Feven Filmon Freweyni Genet Habtom Haile Helen Hiwet
Kidane Kibrom Luwam Mehari Mehret Merhawi Mulugeta Robel Saba Selam Semhar Senait Sennait
Tesfaye Tesfalem Tewolde Tigist Tsega Yonas Yohannes Yemane Zerai Zewdi Ahmadzai Arash Aziz
Bahar Behnam Behrouz Dariush Ehsan Elham Farhad Farhan Fariba Farzaneh Fereshteh Golnar
Hamed Hamid Hossein Jamshid Kamran Keyvan Laleh Mahnaz Mahsa Majid Maryam Masoud Mehdi
Mehran Mohsen Morteza Nasrin Navid Negar Nima Omid Parisa Parviz Payam Pouya Reza Roya
Saeed Sahar Samad Sediqa Shabnam Shahram Shirin Siamak Sima Soraya Sohrab Yalda Zahra
Ahmad Ahmed Akram Amina Aref Ayham Basel Bashar Fadi Ghassan Hadi Hiba Issa Jamal Jihad
Kinan Lamis Lina Maher Majd Malak Mazen Muhannad Nabil Nawal Nizar Qusai Rahaf Ramez Rasha
Rawan Ruba Sawsan Shadi Suha Tarek Tareq Wael Wissam Yaman Yara Zaid Zeina Ziad
Rahim Rahima Sayed Sayeda Shukria Wahid Zarghuna Gulalai Mursal Najib Nasir Nazanin Sakina
Azad Baran Berivan Bilind Dilan Diyar Hevin Jiyan Kawa Newroz Rojda Roni Rojin Serhat
Aram Armen Arsen Anahit Gohar Hayk Karen Lilit Narek Tigran Vardan
Andrij Bohdan Dmytro Halyna Iryna Mykola Mykhailo Oksana Oleksandr Oleksij Olena Serhij
Taras Vitalij Volodymyr Yaroslav Yaryna Jaroslaw Wolodymyr Kateryna Khrystyna Nadiia
Giorgos Jorgos Kostas Nikos Yiannis Giannis Vassilis Dimitra Eleftheria Panagiota
Çağla Çağlar Çiğdem Şule Şükrü Şenol İlknur İsmail İbrahim Ümit Ülkü Özlem Özge Kerem
Hauke Jannes Jannik Jonte Keno Momme Sönke Tjark Wiebke Frauke Imke Gesche Hinnerk
Nguyen Thi Van Huong Linh Minh Trang Thu Hoa Tuan Dung Hung Quang Duc Lan Amara Chidi Tuba
Dilek Emel Ece Dmitri Dmitrij Kemal Hülya Gülsüm Yasemin Esra Melek Selin Nesrin Nilgün
Sevgi Gülşen Hacer Havva Kübra Büşra Rabia Tuğba Ebru Aysun Nilay Burcu Cansu Pınar Yeliz
Zerrin Zübeyde Bülent Tolga Berkay Furkan Oğuz Tarkan Nihat Tuncay Sevda Sevim Songül Gülay
Gülten Nurten Nuray Filiz Zehra Serpil Tülay Ayten Aysel Gizem Yunus Enes Selim Sinan Cengiz
Levent Metin Sedat Erkan Ercan Hakan Harun Cihan Ceren Damla Sena Beyza Zeynep Irmak Tuana
Tariq Rami Amr Majed Zeinab Reem Heba Ghada Asmaa Esraa Hala Suzan Hodan Fadumo Hamdi
Tsegaye Abdulrahman Ahmadullah Parvin Jawad Mansur Shafiq Wali Zaher Zakia Freshta Nilofar
Jekaterina Wiktoria Artjom Wassili Wassilij Vasily Jewgeni Jewgenij Bartosz Kalle Uschi
""".split()
SUPPLEMENT_LAST = """
Petrenko Shevchenko Schewtschenko Kovalenko Bondarenko Tkachenko Kravchenko Melnyk Boyko
Öztürk Yıldız Yıldırım Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt Özkan
Şimşek Polat Korkmaz Karaca Erdoğan Güneş Aksoy Tekin Ünal Bulut Keskin Çelik Yavuz
Schulte Brinkmann Papadopoulos Papadakis Georgiou Haile Tesfay Tesfamariam Gebremedhin
Rezaei Ahmadi Hosseini Karimi Mohammadi Rahimi Hashemi Moradi Sadeghi Jafari Mousavi
Al-Hassan Al-Ali Haddad Khalil Mansour Nasser Saleh Hamdan Darwish Ibrahim Othman
Nguyen Tran Pham Hoang Huynh Phan Vu Dang Bui Ngo Duong Ivanov Petrov Smirnov
Müller Schmidt Schneider Fischer Weber Meyer Meier Wagner Becker Schulz Hoffmann Schäfer
Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann
Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler
Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn
Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann
Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt
Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich
Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer
Kampmann Wendt Albers Wolters Ebert Lüdenscheidt Brinkmann Bruns Niehaus Kowalczyk
""".split()

# Cyrillic and Greek letters in three spellings: German (Duden), English, Ukrainian-English.
_TRANSLIT = {
    "а": ("a", "a", "a"),
    "б": ("b", "b", "b"),
    "в": ("w", "v", "v"),
    "г": ("g", "g", "h"),
    "ґ": ("g", "g", "g"),
    "д": ("d", "d", "d"),
    "е": ("e", "e", "e"),
    "є": ("je", "ye", "ye"),
    "ё": ("jo", "yo", "yo"),
    "ж": ("sch", "zh", "zh"),
    "з": ("s", "z", "z"),
    "и": ("i", "i", "y"),
    "і": ("i", "i", "i"),
    "ї": ("ji", "yi", "yi"),
    "й": ("j", "y", "i"),
    "к": ("k", "k", "k"),
    "л": ("l", "l", "l"),
    "м": ("m", "m", "m"),
    "н": ("n", "n", "n"),
    "о": ("o", "o", "o"),
    "п": ("p", "p", "p"),
    "р": ("r", "r", "r"),
    "с": ("s", "s", "s"),
    "т": ("t", "t", "t"),
    "у": ("u", "u", "u"),
    "ф": ("f", "f", "f"),
    "х": ("ch", "kh", "kh"),
    "ц": ("z", "ts", "ts"),
    "ч": ("tsch", "ch", "ch"),
    "ш": ("sch", "sh", "sh"),
    "щ": ("schtsch", "shch", "shch"),
    "ъ": ("", "", ""),
    "ы": ("y", "y", "y"),
    "ь": ("", "", ""),
    "э": ("e", "e", "e"),
    "ю": ("ju", "yu", "yu"),
    "я": ("ja", "ya", "ya"),
    "α": ("a", "a", "a"),
    "β": ("v", "v", "v"),
    "γ": ("g", "g", "g"),
    "δ": ("d", "d", "d"),
    "ε": ("e", "e", "e"),
    "ζ": ("z", "z", "z"),
    "η": ("i", "i", "i"),
    "θ": ("th", "th", "th"),
    "ι": ("i", "i", "i"),
    "κ": ("k", "k", "k"),
    "λ": ("l", "l", "l"),
    "μ": ("m", "m", "m"),
    "ν": ("n", "n", "n"),
    "ξ": ("x", "x", "x"),
    "ο": ("o", "o", "o"),
    "π": ("p", "p", "p"),
    "ρ": ("r", "r", "r"),
    "σ": ("s", "s", "s"),
    "ς": ("s", "s", "s"),
    "τ": ("t", "t", "t"),
    "υ": ("y", "i", "y"),
    "φ": ("f", "f", "f"),
    "χ": ("ch", "ch", "ch"),
    "ψ": ("ps", "ps", "ps"),
    "ω": ("o", "o", "o"),
}
_GREEK_ACCENTS = str.maketrans("άέήίόύώϊϋΐΰ", "αεηιουωιυιυ")
# Endings written more than one way: Dmitrij/Dmitri/Dmitriy, Sergej/Sergei/Sergey.
_ENDINGS = (("ij", ("i", "iy")), ("ej", ("ei", "ey")), ("ey", ("ei",)), ("iy", ("i",)))


@word_cache
@lru_cache(maxsize=2**16)  # called for every word of every text at import
def fold(word: str) -> str:
    """A name's comparable form: case-folded, without diacritics ("Ayşe" → "ayse")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.translate(_FOLD_EXTRA)


_FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "’": "'"})


def transliterate(word: str) -> set[str]:
    """Latin spellings of a Cyrillic or Greek name (German, English, Ukrainian)."""
    lowered = unicodedata.normalize("NFC", word.lower()).translate(_GREEK_ACCENTS)
    variants = {
        "".join(_TRANSLIT.get(ch, (ch,) * 3)[scheme] for ch in lowered) for scheme in range(3)
    }
    for ending, others in _ENDINGS:
        variants |= {
            v.removesuffix(ending) + o for v in variants if v.endswith(ending) for o in others
        }
    return {v for v in variants if v.isascii() and v.isalpha()}


@dataclass(frozen=True)
class Gazetteer:
    """First names and surnames: folded, and lower case as written (with umlauts).

    A word with a German umlaut or ß is looked up as written ("Wälder" is no "Walder"),
    any other folded ("Ayse" is "Ayşe").
    """

    first: frozenset[str]
    last: frozenset[str]
    first_exact: frozenset[str]
    last_exact: frozenset[str]

    def has_first(self, word: str) -> bool:
        """Whether ``word`` is a first name."""
        return _lookup(word, self.first, self.first_exact)

    def has_last(self, word: str) -> bool:
        """Whether ``word`` is a surname."""
        return _lookup(word, self.last, self.last_exact)

    def extends_first(self, word: str) -> bool:
        """Whether a first name begins with ``word`` and goes on by two letters or more, as
        a nickname shortens it ("Tobi": Tobias, "Jessi": Jessika)."""
        stem = fold(word)
        names = _sorted(self.first)
        k = bisect_left(names, stem)
        while k < len(names) and names[k].startswith(stem):
            if len(names[k]) >= len(stem) + 2:
                return True
            k += 1
        return False


@fixed_cache("the gazetteer's names, sorted")
@cache
def _sorted(names: frozenset[str]) -> tuple[str, ...]:
    """The names in alphabetical order, for a search by their beginning."""
    return tuple(sorted(names))


@word_cache
@lru_cache(maxsize=2**16)  # asked for the same words of a long text again and again
def _lookup(word: str, folded: frozenset[str], exact: frozenset[str]) -> bool:
    lower = word.lower()
    if any(ch in lower for ch in "äöüß"):
        return lower in exact
    return fold(word) in folded


def _names(provider: type, prefix: str) -> list[str]:
    """Every name in the provider's tuples, lists or weighted dicts starting with ``prefix``."""
    out: list[str] = []
    for attribute, value in vars(provider).items():
        if not attribute.startswith(prefix) or not isinstance(value, tuple | list | dict):
            continue
        out.extend(str(name) for name in value)
    return out


def _parts(name: str) -> list[str]:
    """Single name words of a (possibly double or hyphenated) name."""
    return [p for p in name.replace("-", " ").split() if len(p) > 1 and p[0].isalpha()]


@fixed_cache("the gazetteer")
@cache
def gazetteer() -> Gazetteer:
    """The first names and surnames, loaded once from faker and the supplement."""
    raw: dict[tuple[str, bool], set[str]] = {
        (target, translit): set() for target in ("first", "last") for translit in (False, True)
    }
    for locale in (*LATIN_LOCALES, *TRANSLITERATED_LOCALES):
        try:
            module = importlib.import_module(f"faker.providers.person.{locale}")
        except ImportError:  # a locale renamed in a later faker: the others still count
            continue
        translit = locale in TRANSLITERATED_LOCALES
        for target, prefixes in _PREFIXES.items():
            for prefix in prefixes:
                for name in _names(module.Provider, prefix):
                    raw[target, translit].update(_parts(name))
    raw["first", False].update(SUPPLEMENT_FIRST)
    raw["last", False].update(SUPPLEMENT_LAST)
    sets: dict[str, tuple[set[str], set[str]]] = {"first": (set(), set()), "last": (set(), set())}
    for (target, translit), words in raw.items():
        folded, exact = sets[target]
        for word in words:
            if translit:
                variants = transliterate(word)
                folded.update(variants)
                exact.update(variants)
            elif word[0].isupper():
                folded.add(fold(word))
                exact.add(word.lower())
    return Gazetteer(
        frozenset(sets["first"][0]),
        frozenset(sets["last"][0]),
        frozenset(sets["first"][1]),
        frozenset(sets["last"][1]),
    )


_PREFIXES = {
    "first": ("first_names", "first_romanized_names"),
    "last": ("last_names", "last_romanized", "male_last_names", "unisex_last"),
}
