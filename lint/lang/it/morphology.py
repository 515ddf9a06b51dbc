"""Italian morphology for phrase rules written with base forms: what simplemma's lemma dictionary
lacks (``lint.inflect`` asks it through ``Language.inflect``), and the function words never read as a
form of another word."""

from __future__ import annotations

# Italian prepositions fused with the article: "da" also matches "dalla", "dagli"...
_ARTICULATED = {
    "a": {"al", "allo", "alla", "ai", "agli", "alle", "all'"},
    "da": {"dal", "dallo", "dalla", "dai", "dagli", "dalle", "dall'"},
    "di": {"del", "dello", "della", "dei", "degli", "delle", "dell'"},
    "in": {"nel", "nello", "nella", "nei", "negli", "nelle", "nell'"},
    "su": {"sul", "sullo", "sulla", "sui", "sugli", "sulle", "sull'"},
    "con": {"col", "coi"},
}

_CLITICS = ("si", "ci", "vi", "lo", "la", "li", "le", "ne", "gli", "mi", "ti", "sene", "glielo", "gliela")


def _italian_regular(word: str) -> set[str]:
    """Forms the dictionary may lack: plurals and feminines of nouns and adjectives, clitic verbs."""
    from lint.inflect import forms

    out = {word}
    if word.endswith(("are", "ere", "ire")):
        stem = word[:-1]  # "sedere" -> "seder"
        out |= {stem + c for c in _CLITICS}
        gerund = word[:-3] + ("ando" if word.endswith("are") else "endo")
        out |= {gerund + c for c in _CLITICS}
        out.add(gerund)
    elif word.endswith(("arsi", "ersi", "irsi")):
        base = word[:-2] + "e"  # "sedersi" -> "sedere"
        out |= _italian_regular(base) | set(forms(base, "it"))
    elif word.endswith(("co", "go")):
        out |= {word[:-1] + "hi", word[:-1] + "i", word[:-1] + "a", word[:-1] + "he"}
    elif word.endswith(("ca", "ga")):
        out |= {word[:-1] + "he"}
    elif word.endswith("io"):
        out |= {word[:-1], word[:-2] + "ia", word[:-2] + "ie"}
    elif word.endswith("o"):
        out |= {word[:-1] + "i", word[:-1] + "a", word[:-1] + "e"}
    elif word.endswith("a"):
        out |= {word[:-1] + "e"}
    elif word.endswith("e"):
        out |= {word[:-1] + "i"}
    return out


def _italian_conjugation(verb: str) -> set[str]:
    """The regular paradigm of an Italian infinitive. The dictionary maps forms that are also nouns to the
    noun ("costa", "paga", "danno"), so a verb's own list lacks them; irregular verbs get a few forms
    that do not exist, which is harmless in a phrase."""
    if not verb.endswith(("are", "ere", "ire")) or verb.endswith(("arre", "orre", "urre")):
        return set()
    stem, kind = verb[:-3], verb[-3]
    hard = stem + "h" if kind == "a" and stem.endswith(("c", "g")) else stem  # pagare -> paghi, pagherò
    soft = stem[:-1] if stem.endswith("i") else stem  # studiare -> studi, not studii
    if kind == "a":
        endings = {
            stem + e
            for e in (
                "o",
                "a",
                "iamo",
                "ate",
                "ano",
                "ava",
                "avano",
                "ato",
                "ata",
                "ati",
                "ate",
                "ando",
                "ò",
                "arono",
                "asse",
                "assero",
            )
        }
        endings |= {hard + e for e in ("i", "ino", "erà", "eranno", "erebbe", "erebbero", "erò")}
        endings |= {soft + e for e in ("i", "ino", "iamo")}
    else:
        vowel = "e" if kind == "e" else "i"
        endings = {
            stem + e
            for e in (
                "o",
                "i",
                "e",
                "iamo",
                "ono",
                "a",
                "ano",
                vowel + "va",
                vowel + "vano",
                "erà",
                "iranno" if kind == "i" else "eranno",
                "endo",
            )
        }
        endings |= {stem + ("ito" if kind == "i" else "uto") + e[1:] for e in ("o", "oa", "oi", "oe")}
    return endings


def inflect(word: str, known: frozenset[str]) -> frozenset[str]:
    """The forms of the base ``word`` the dictionary's ``known`` forms lack: for a verb its clitic
    forms, its regular paradigm and participles in every gender and number; for a word the dictionary
    does not know, the regular endings; articulated prepositions for a preposition."""
    found = {word, *known, *_ARTICULATED.get(word, set())}
    if word.endswith(("are", "ere", "ire", "arsi", "ersi", "irsi")):
        found |= _italian_regular(word)  # clitic forms the dictionary does not list
        found |= _italian_conjugation(word)
        # participles agree with gender and number: the dictionary often lists only "chiesto"
        found |= {f[:-1] + e for f in found if f.endswith(("to", "so")) for e in "aie"}
        found |= {
            f[:-1] + e
            for f in found
            if f.endswith(("ssa", "ssi", "sse", "tta", "tti", "tte"))
            for e in "oaie"
        }
    elif not known:
        found |= _italian_regular(word)  # a word the dictionary does not know: regular endings
    return frozenset(found)


# Words never read as a form of another word in a phrase, though a regular paradigm generates them or
# simplemma's dictionary files them under a verb: "di"/"da" under dare and dire, "si"/"se"/"sa" under
# essere, "dai" (dare) where news means the preposition. Each still matches itself.
NOT_FORMS = frozenset(
    [
        *("di", "da", "de", "a", "ad", "in", "con", "su", "per", "tra", "fra", "e", "ed", "o", "od"),
        *("ma", "se", "si", "sa", "so", "ci", "vi", "ne", "mi", "ti", "che", "chi", "non", "fi"),
        *("il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "col", "coi"),
        *("al", "allo", "alla", "ai", "agli", "alle", "dal", "dallo", "dalla", "dai", "dagli", "dalle"),
        *("del", "dello", "della", "dei", "degli", "delle", "nel", "nello", "nella", "nei", "negli"),
        *("nelle", "sul", "sullo", "sulla", "sui", "sugli", "sulle"),
    ]
)
# The few of them that really are forms of a word, as simplemma's lemmas have them.
OWN_FORMS = {"sapere": frozenset({"so", "sa"})}
