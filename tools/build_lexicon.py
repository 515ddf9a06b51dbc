"""Build the word lists rules/lexicon/{en-not-it,it-not-en,en-unused-it,en-plurals-it}.txt from word frequencies (wordfreq).

``en-not-it.txt`` holds words frequent in English and much rarer in Italian — what MTP011 calls untranslated
English in Italian copy — and ``it-not-en.txt`` the reverse. ``en-unused-it.txt`` holds English words that
Italian text never uses, down to rarer ones: one of them alone in an Italian clause is English left
untranslated (MTP045), where a loan merely rarer in Italian ("shutdown") is not. Words the Italian press has
adopted (the English loans of the ONLI neologism list in ../shared/kb/phrasing, read in place) are left out.
``en-plurals-it.txt`` pairs the English plural of each English word Italian text uses ("computers
computer") with its singular: Italian keeps such loans invariable (MTP046); simplemma's English dictionary
says which singular a plural belongs to, so that "news" or "series" are not read as plurals.
The lists are plain text so they load fast and diff well.

    python tools/build_lexicon.py [--check]
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "lexicon"
ONLI = ROOT.parent / "shared" / "kb" / "phrasing" / "onli_neologisms_compact.csv"
FREQUENT = 3.0  # Zipf: once per million words
MARGIN = 1.5  # and at least 30 times more frequent than in the other language
TOP = 60_000
UNUSED_FREQUENT = 2.3  # Zipf: the single-word list reaches rarer English words...
UNUSED_TOP = 150_000
UNUSED_LETTERS = 4  # ...of four letters or more, with no Italian frequency at all


def accepted_loans() -> set[str]:
    if not ONLI.exists():
        return set()
    with ONLI.open(encoding="utf-8") as fh:
        return {row["lemma"].casefold() for row in csv.DictReader(fh) if row.get("is_english_loan") == "1"}


def build(source: str, target: str, loans: set[str]) -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    out = []
    for word in top_n_list(source, TOP):
        if not word.isalpha() or len(word) < 2 or word in loans:
            continue
        frequency = zipf_frequency(word, source)
        if frequency < FREQUENT or frequency - zipf_frequency(word, target) < MARGIN:
            continue
        out.append(word)
    return sorted(out)


def build_unused(source: str, target: str, loans: set[str]) -> list[str]:
    from wordfreq import top_n_list, zipf_frequency

    return sorted(
        word
        for word in top_n_list(source, UNUSED_TOP)
        if word.isalpha()
        and word.islower()
        and len(word) >= UNUSED_LETTERS
        and word not in loans
        and zipf_frequency(word, source) >= UNUSED_FREQUENT
        and zipf_frequency(word, target) == 0
    )


PLURAL_FREQUENT = 2.0  # Zipf of the English plural: MT writes the plurals English writes
SINGULAR_FREQUENT = 2.5  # Zipf of the singular in English...
SINGULAR_IN_ITALIAN = (
    2.0  # ...and in Italian: a loan Italian text uses, not an English word it never does (MTP045)
)
PLURAL_TOP = 150_000
# Plurals Italian has taken as they are (Treccani, Accademia della Crusca: "i marines", "le ladies",
# "gli shorts"), and plurals whose lemma is another word than their singular ("lives" is not "live"s).
PLURALS_KEPT = frozenset(
    [
        "shorts",
        "sneakers",
        "leggings",
        "tights",
        "marines",
        "ladies",
        "chips",
        "nachos",
        "lives",
        "goods",
        "odds",
        "olds",
        "outs",
    ]
)


def english_singulars(plural: str) -> list[str]:
    """The singulars English spelling allows for a regular plural: "-ies" -> "-y", "-es" after a sibilant
    or an "o", "-s"."""
    out = []
    if plural.endswith("ies") and len(plural) > 4:
        out.append(plural[:-3] + "y")
    if plural.endswith(("ches", "shes", "xes", "sses", "zes", "oes")):
        out.append(plural[:-2])
    if plural.endswith("s") and not plural.endswith("ss"):
        out.append(plural[:-1])
    return out


def build_plurals() -> list[str]:
    import simplemma
    from wordfreq import top_n_list, zipf_frequency

    out = []
    for word in top_n_list("en", PLURAL_TOP):
        if not (word.isalpha() and word.islower() and word.endswith("s") and len(word) >= 4):
            continue
        if word in PLURALS_KEPT or zipf_frequency(word, "en") < PLURAL_FREQUENT:
            continue
        lemma = simplemma.lemmatize(word, lang="en")
        if lemma == word or lemma not in english_singulars(word):
            continue
        if (
            zipf_frequency(lemma, "en") >= SINGULAR_FREQUENT
            and zipf_frequency(lemma, "it") >= SINGULAR_IN_ITALIAN
        ):
            out.append(f"{word} {lemma}")
    return sorted(out)


def render_plurals(pairs: list[str]) -> str:
    header = (
        f"# English plurals (Zipf >= {PLURAL_FREQUENT} in en) and their singular (Zipf >= {SINGULAR_FREQUENT} in en and"
        f" >= {SINGULAR_IN_ITALIAN} in it), by wordfreq;\n"
        "# the singular is simplemma's English lemma of the plural. One pair a line: plural, space, singular.\n"
        "# Generated by tools/build_lexicon.py: do not edit.\n"
    )
    return header + "\n".join(pairs) + "\n"


def render(words: list[str], source: str, target: str) -> str:
    header = (
        f"# Words frequent in {source} (Zipf >= {FREQUENT}) and at least {MARGIN} Zipf points rarer in {target}, by wordfreq;\n"
        "# Without the English loans the Italian press has adopted (ONLI neologisms).\n"
        "# Generated by tools/build_lexicon.py: do not edit.\n"
    )
    return header + "\n".join(words) + "\n"


def render_unused(words: list[str], source: str, target: str) -> str:
    header = (
        f"# Words of {source} (Zipf >= {UNUSED_FREQUENT}, {UNUSED_LETTERS}+ lower-case letters) that {target} text never uses, by wordfreq;\n"
        "# Without the English loans the Italian press has adopted (ONLI neologisms).\n"
        "# Generated by tools/build_lexicon.py: do not edit.\n"
    )
    return header + "\n".join(words) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed lists are out of date")
    args = parser.parse_args()
    loans = accepted_loans()
    stale = False
    lists = [
        (
            OUT / f"{source}-not-{target}.txt",
            lambda s=source, t=target: render(build(s, t, loans if t == "it" else set()), s, t),
        )
        for source, target in (("en", "it"), ("it", "en"))
    ]
    lists.append(
        (OUT / "en-unused-it.txt", lambda: render_unused(build_unused("en", "it", loans), "en", "it"))
    )
    lists.append((OUT / "en-plurals-it.txt", lambda: render_plurals(build_plurals())))
    for path, make in lists:
        text = make()
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(
                    f"{path.relative_to(ROOT)} is out of date: run python tools/build_lexicon.py",
                    file=sys.stderr,
                )
                stale = True
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}: {text.count(chr(10)) - 3} words")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
