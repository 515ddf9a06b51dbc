"""Latin spellings of names written in another script, as the press and the standard systems write them.

A name in Cyrillic (Russian or Ukrainian) is spelled in Latin letters differently by each system: the
scientific transliteration of Slavists (Sergej Šojgu, Volodymyr Zelens'kyj), the Italian press (Serghei
Shoigu, Dmitrij Peskov, Zelenskij), the English press (Sergei Shoigu, Dmitry Peskov, Zelenskyy) and the
German press (Sergej Schoigu, Dmitri Peskow, Selenskyj). Each is an accepted spelling in the language
that uses it. :func:`cyrillic_variants` gives every spelling each system allows, by language, so the
knowledge base accepts them all instead of one preferred form.

Arabic names reach the press already romanised, in several ways (Mohammed, Muhammad, Mohamed; al-Sisi,
el-Sissi; bin, ibn): :func:`arabic_variants` gives the usual alternatives of a romanised name.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

MAX_WORD_FORMS = 32  # spellings kept per word and system: the rest are rare combinations
MAX_NAME_FORMS = 64  # spellings kept per full name and language

VOWELS = set("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ")
SOFT_VOWELS = set("еиіїєяюё")

# Letter by letter: the alternatives each system writes for a letter, the usual one first. A letter
# missing from a system's table is written as in the scientific one.
_RU_SCIENTIFIC = {
    "а": ["a"], "б": ["b"], "в": ["v"], "г": ["g"], "д": ["d"], "е": ["e"], "ё": ["ë", "e"],
    "ж": ["ž"], "з": ["z"], "и": ["i"], "й": ["j"], "к": ["k"], "л": ["l"], "м": ["m"], "н": ["n"],
    "о": ["o"], "п": ["p"], "р": ["r"], "с": ["s"], "т": ["t"], "у": ["u"], "ф": ["f"], "х": ["ch"],
    "ц": ["c"], "ч": ["č"], "ш": ["š"], "щ": ["šč"], "ъ": [""], "ы": ["y"], "ь": ["'", ""], "э": ["ė", "e"],
    "ю": ["ju"], "я": ["ja"],
}  # fmt: skip
_RU_IT = {
    "г": ["g", "gh"], "ж": ["ž", "zh", "j"], "й": ["j", "i"], "х": ["ch", "kh", "h"], "ц": ["c", "z", "ts"],
    "ч": ["č", "ch", "c"], "ш": ["š", "sh"], "щ": ["šč", "shch"], "ы": ["y", "i"],
    "ь": ["", "'"], "э": ["e"], "ю": ["ju", "iu", "yu"], "я": ["ja", "ia", "ya"], "ё": ["ë", "e", "io"],
    "е": ["e"],
}  # fmt: skip
_RU_EN = {
    "г": ["g"], "е": ["e"], "ё": ["yo", "e"], "ж": ["zh"], "й": ["y", "i"], "х": ["kh", "h"], "ц": ["ts"],
    "ч": ["ch"], "ш": ["sh"], "щ": ["shch"], "ы": ["y"], "ь": ["", "'"], "э": ["e"], "ю": ["yu"],
    "я": ["ya"],
}  # fmt: skip
_RU_DE = {
    "в": ["w"], "е": ["e"], "ё": ["jo"], "ж": ["sch"], "з": ["s"], "й": ["j", "i"], "х": ["ch"], "ц": ["z"],
    "ч": ["tsch"], "ш": ["sch"], "щ": ["schtsch"], "ы": ["y"], "ь": [""], "э": ["e"], "ю": ["ju"],
    "я": ["ja"], "с": ["s"],
}  # fmt: skip

_UK_SCIENTIFIC = {
    **_RU_SCIENTIFIC, "г": ["h"], "ґ": ["g"], "е": ["e"], "є": ["je"], "и": ["y"], "і": ["i"], "ї": ["ï", "i"],
    "х": ["ch"], "ь": ["'", ""],
}  # fmt: skip
_UK_IT = {
    **_RU_IT, "г": ["h", "g"], "ґ": ["g"], "є": ["je", "ie", "ye"], "и": ["y", "i"], "і": ["i"], "ї": ["ï", "i", "yi"],
}  # fmt: skip
_UK_EN = {
    **_RU_EN, "г": ["h", "g"], "ґ": ["g"], "є": ["ye", "ie"], "и": ["y", "i"], "і": ["i"], "ї": ["yi", "i"],
}  # fmt: skip
_UK_DE = {
    **_RU_DE, "г": ["h", "g"], "ґ": ["g"], "є": ["je"], "и": ["y", "i"], "і": ["i"], "ї": ["ji", "i"],
}  # fmt: skip

# Word endings each system writes its own way: the Russian adjectival "-ий"/"-ый" (Dmitrij, Navalnyj),
# the Ukrainian "-ий" (Zelenskyi, Zelensky), the German "-ow"/"-ew" (Peskow).
_RU_ENDINGS = {
    "scientific": {"ий": ["ij"], "ый": ["yj"]},
    "it": {"ий": ["ij", "i", "y"], "ый": ["yj", "y", "i", "ij"]},
    "en": {"ий": ["y", "iy", "i", "ii"], "ый": ["y", "iy", "yy"]},
    "de": {"ий": ["i", "ij"], "ый": ["y", "yj"], "ов": ["ow"], "ев": ["ew", "jew"], "ёв": ["jow"]},
}
_UK_ENDINGS = {
    "scientific": {"ий": ["yj"], "ій": ["ij"]},
    "it": {"ий": ["yj", "y", "ij", "i"], "ій": ["ij", "i"]},
    "en": {"ий": ["yi", "yy", "y", "iy"], "ій": ["iy", "ii", "i"]},
    "de": {"ий": ["yj", "yi", "i"], "ій": ["ij"]},
}
_SYSTEMS = {
    "ru": {"scientific": _RU_SCIENTIFIC, "it": _RU_IT, "en": _RU_EN, "de": _RU_DE},
    "uk": {"scientific": _UK_SCIENTIFIC, "it": _UK_IT, "en": _UK_EN, "de": _UK_DE},
}
_ENDINGS = {"ru": _RU_ENDINGS, "uk": _UK_ENDINGS}
# The languages whose copy uses each system's spellings.
SYSTEM_LANGUAGES = {"scientific": "it", "it": "it", "en": "en", "de": "de"}
CYRILLIC_LANGUAGES = frozenset(_SYSTEMS)


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text)


def _letter_options(word: str, i: int, table: dict[str, list[str]], system: str, lang: str) -> list[str]:
    c = word[i].lower()
    options = table.get(c) or _SYSTEMS[lang]["scientific"].get(c) or [c]
    previous = word[i - 1].lower() if i else ""
    # "е" at the start of a word or after a vowel is "ye" in English and "je" in German (Yeltsin, Jelzin).
    if c == "е" and (i == 0 or word[i - 1] in VOWELS or previous in "ьъ"):
        options = {"en": ["ye", "e"], "de": ["je", "e"], "it": ["e", "je"]}.get(system, options)
    # German writes an "s" between vowels "ss", so that it is not voiced (Wassili, Nawalny keeps one).
    if system == "de" and c == "с" and 0 < i < len(word) - 1 and previous in VOWELS and word[i + 1] in VOWELS:
        options = ["ss", "s"]
    # The Italian press often writes the "е" of a final syllable after a consonant "ie" (Medvediev).
    if (
        c == "е"
        and system == "it"
        and i > 0
        and previous not in VOWELS
        and i == len(word) - 2
        and word[-1].lower() not in VOWELS | {"й"}
    ):
        options = ["e", "ie"]
    # A hard "g" before e/i is "gh" in Italian (Serghei), never elsewhere.
    if (
        c == "г"
        and system == "it"
        and "gh" in options
        and not (i + 1 < len(word) and word[i + 1].lower() in SOFT_VOWELS)
    ):
        options = [o for o in options if o != "gh"]
    return options


def _word_forms(word: str, lang: str, system: str) -> list[str]:
    table = _SYSTEMS[lang][system]
    endings = _ENDINGS[lang][system]
    lower = word.lower()
    tail: list[str] = [""]
    stem = word
    for ending, written in endings.items():
        if lower.endswith(ending) and len(lower) > len(ending) + 1:
            stem, tail = word[: -len(ending)], written
            break
    pieces = [_letter_options(stem, i, table, system, lang) for i in range(len(stem))] + [tail]
    out: list[str] = []
    for combo in itertools.product(*pieces):
        form = "".join(combo)
        if form and form not in out:
            out.append(form[:1].upper() + form[1:])
        if len(out) >= MAX_WORD_FORMS:
            break
    return out


def cyrillic_variants(name: str, lang: str) -> dict[str, set[str]]:
    """Latin spellings of a Cyrillic ``name`` (Russian ``ru`` or Ukrainian ``uk``), by the language whose
    copy uses them: {"it": {...}, "en": {...}, "de": {...}}. Each word is spelled by each system, and
    the words are combined within a system (an English first name with an English surname)."""
    if lang not in _SYSTEMS:
        raise ValueError(f"no transliteration for language {lang!r}")
    out: dict[str, set[str]] = {}
    words = name.split()
    for system, target in SYSTEM_LANGUAGES.items():
        per_word = [_word_forms(w, lang, system) for w in words]
        forms = out.setdefault(target, set())
        for combo in itertools.islice(itertools.product(*per_word), MAX_NAME_FORMS):
            forms.add(" ".join(combo))
        if len(words) > 1:  # the surname alone, in every spelling the system allows
            forms.update(per_word[-1])
    return out


# -- Arabic names, already romanised ---------------------------------------------------------------------

# Words written several ways in the press, each group one word. Case as written in names.
_ARABIC_WORDS: Sequence[tuple[str, ...]] = (
    ("Mohammed", "Muhammad", "Mohammad", "Mohamed", "Muhammed", "Mohamad", "Mohamad"),
    ("Ahmed", "Ahmad"),
    ("Mahmoud", "Mahmud"),
    ("Hussein", "Husayn", "Hussain", "Hosein"),
    ("Hassan", "Hasan"),
    ("Abdullah", "Abdallah", "Abdulla"),
    ("Abdel", "Abdul", "Abd el", "Abd al"),
    ("Khalid", "Khaled"),
    ("Faisal", "Faysal", "Feisal"),
    ("Omar", "Umar"),
    ("Osama", "Usama"),
    ("Youssef", "Yousef", "Yusuf", "Yousuf"),
    ("Ibrahim", "Ebrahim"),
    ("Mustafa", "Moustafa", "Mostafa"),
    ("Nasser", "Nasir", "Naser"),
    ("Zayed", "Zayid"),
    ("Rashid", "Rached", "Rachid"),
    ("Said", "Saeed", "Sayed"),
    ("Bashar", "Bachar"),
    ("Tayyip", "Tayyib"),
    ("Sheikh", "Sheik", "Shaikh"),
)
_PATRONYMICS = ("bin", "ben", "ibn")
_ARTICLES = ("al-", "el-", "Al-", "El-", "al ", "el ")


def _alternatives(word: str) -> list[str]:
    for group in _ARABIC_WORDS:
        if word in group:
            return list(dict.fromkeys([word, *group]))
    if word in _PATRONYMICS:
        return [word, *(p for p in _PATRONYMICS if p != word)]
    for article in _ARTICLES:
        if word.startswith(article.strip()) and len(word) > len(article) + 1 and article.endswith("-"):
            rest = word[len(article) :]
            forms = [word, *(a + rest for a in ("al-", "el-", "Al-", "El-")), rest]
            # A single "s" between vowels is often doubled (al-Sisi, al-Sissi), and a doubled one single.
            for i in range(1, len(rest) - 1):
                if rest[i] == "s" and rest[i - 1] in "aeiou" and rest[i + 1] in "aeiou":
                    doubled = rest[:i] + "s" + rest[i:]
                    forms += [doubled, *(a + doubled for a in ("al-", "el-", "Al-"))]
                    break
            return list(dict.fromkeys(forms))
    return [word]


def arabic_variants(name: str) -> set[str]:
    """Usual romanisations of an Arabic ``name`` already written in Latin letters: Mohammed bin Salman,
    Muhammad ibn Salman, Abdel Fattah al-Sisi, el-Sissi."""
    words = name.split()
    options = [_alternatives(w) for w in words]
    return {" ".join(c) for c in itertools.islice(itertools.product(*options), MAX_NAME_FORMS * 4)}


def arabic_surname_variants(surname: str) -> set[str]:
    """The short forms of a surname: "el-Sisi" -> al-Sisi, Sisi, al-Sissi…; "bin Salman" -> ben Salman…"""
    return arabic_variants(surname)


def variants_by_language(
    native_lang: str, native_name: str | None, latin_name: str
) -> Iterable[tuple[str, str | None]]:
    """(form, language or None for every language) of the accepted spellings of a name. Italian copy
    takes the wire services' English spellings too (Dmitry Peskov); a German spelling (Peskow) is
    German only, so that it is reported in Italian or English copy."""
    if native_lang in CYRILLIC_LANGUAGES and native_name:
        by_lang = cyrillic_variants(native_name, native_lang)
        by_lang["it"] = by_lang.get("it", set()) | by_lang.get("en", set())
        forms: dict[str, set[str]] = {}
        for target, found in by_lang.items():
            for form in found:
                forms.setdefault(form, set()).add(target)
        for form in sorted(forms):
            targets = forms[form]
            if {"it", "en"} <= targets:
                yield form, None
            else:
                for target in sorted(targets - {"de"} if targets - {"de"} else targets):
                    yield form, target
    elif native_lang == "ar":
        for form in sorted(arabic_variants(latin_name)):
            yield form, None
