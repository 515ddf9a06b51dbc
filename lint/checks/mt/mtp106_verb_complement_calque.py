"""MTP106: "did not comment the plan", "discussed about the budget", "listen the appeal", "explained them
the rules": English verbs given the complement of their Italian counterparts (commentare il piano,
discutere del bilancio, ascoltare l'appello, spiegare loro le regole)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.mt import vocabulary, word_spans
from lint.document import Document
from lint.rules import CheckContext, Match

_DETERMINERS = r"(?:the|this|that|these|those|his|her|their|its|our|my|your|a|an)"


# Each pattern reports the group "verb" (with what follows it that is wrong); words only, no
# punctuation between them: "declined to comment, the ministry said" is good English.
def _patterns() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    return (
        # comment + object, after what makes "comment" a verb in its own clause: to, not, did not, will...
        (
            "comment",
            re.compile(
                rf"(?<![\w'’-])(?:to|not|n['’]t|never|also|will|would|could|can|cannot|did|didn['’]t)[ \u00a0]+"
                rf"(?P<verb>comment)[ \u00a0]+(?P<next>{_DETERMINERS})(?![\w'’-])",
                re.IGNORECASE,
            ),
            "comment on",
        ),
        # discuss about (discutere di): "discussed about 20 proposals" is "about" as "roughly", so a number
        # after it is left alone.
        (
            "discuss",
            re.compile(
                r"(?<![\w'’-])(?P<verb>discuss(?:es|ed|ing)?[ \u00a0]+about)(?![\w'’-])(?![ \u00a0]+(?:\d|[$€£]|"
                r"a[ \u00a0]+(?:dozen|hundred|thousand|million)|half|one|two|three|four|five|six|seven|eight|nine|ten|"
                r"twenty|thirty|forty|fifty|hundred))",
                re.IGNORECASE,
            ),
            "discuss",
        ),
        # listen + object (ascoltare): "listen the appeal"
        (
            "listen",
            re.compile(
                rf"(?<![\w'’-])(?P<verb>listen(?:s|ed|ing)?)[ \u00a0]+(?P<next>{_DETERMINERS})(?![\w'’-])",
                re.IGNORECASE,
            ),
            "listen to",
        ),
        # explain + the hearer + the thing (spiegare loro le regole): "explained them the rules"
        (
            "explain",
            re.compile(
                rf"(?<![\w'’-])(?P<verb>explain(?:s|ed|ing)?[ \u00a0]+(?:me|him|us|them))[ \u00a0]+"
                rf"(?:{_DETERMINERS}|how|why|what|that|where|when)(?![\w'’-])",
                re.IGNORECASE,
            ),
            "explain to",
        ),
        # allow, permit, enable + to + a verb and its object, with no one allowed (consentire di, permettere
        # di): "the investigations have allowed to reconstruct the facts", ", allowing to identify the
        # owners". Only after an auxiliary, "which" or a comma, and only with an object after the verb:
        # "a law Congress had allowed to expire" (the object put first) is good English.
        (
            "allow",
            re.compile(
                r"(?:(?<![\w'’-])(?:has|have|had|having|will|would|could|can|may|might|should|must|which)[ \u00a0]+|,[ \u00a0]*)"
                r"(?P<verb>(?:allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|enabl(?:e|es|ed|ing))[ \u00a0]+to)[ \u00a0]+"
                rf"[a-z]+[ \u00a0]+(?:{_DETERMINERS}|at[ \u00a0]+least|\d|how|what|who|whether|where|why|all|some|"
                r"several|many|numerous|more|both|each|every|further)(?![\w'’-])",
                re.IGNORECASE,
            ),
            "make it possible to",
        ),
    )


_compiled_patterns = functools.cache(_patterns)  # compiled on first use
_TRIGGERS = frozenset(
    {"comment", "discuss", "discussed", "discusses", "discussing", "listen", "listens", "listened"}
)
_TRIGGERS |= frozenset({"listening", "explain", "explains", "explained", "explaining"})
_TRIGGERS |= frozenset({"allow", "allows", "allowed", "allowing", "permit", "permits", "permitted"})
_TRIGGERS |= frozenset({"permitting", "enable", "enables", "enabled", "enabling"})


# The words each pattern is tried around, when they are not its name's forms.
_STEMS = {"allow": ("allow", "permit", "enabl")}


class VerbComplementCalque:
    meta = rule_meta(
        code="MTP106",
        name="verb-complement-calque",
        category="mt-phrasing",
        severity="warning",
        message={
            "en": "“{match}” takes the complement of the Italian verb; English says “{suggestion}”",
            "it": "«{match}» ha il complemento del verbo italiano; in inglese si dice «{suggestion}»",
        },
        description={
            "en": (
                "Flags English verbs built with the complement of their Italian counterparts, as machine "
                'translation from Italian leaves them: comment with a direct object ("did not comment the '
                'plan", commentare il piano: comment on), discuss about (discutere di: discuss), listen '
                "with a direct object (ascoltare: listen to), explain with the hearer as a bare object "
                '("explained them the rules", spiegare loro: explain to them), allow, permit or enable '
                'with no one allowed ("have allowed to reconstruct the facts", consentire di: make it '
                'possible to). Only words next to each other count: "declined to comment, the ministry '
                'said", "discussed about 20 proposals" (roughly 20) and "a law Congress had allowed to '
                'expire" are left alone.'
            ),
            "it": (
                "Segnala in inglese i verbi costruiti con il complemento del verbo italiano: «did not comment "
                "the plan» (comment on), «discussed about» (discuss), «listen the» (listen to), «explained "
                "them the rules» (explained the rules to them), «have allowed to reconstruct the facts» "
                "(consentire di: made it possible to)."
            ),
        },
        reference="https://dictionary.cambridge.org/grammar/british-grammar/comment-on",
        flagged=[
            ("en", "The ministry did not ⟦comment⟧ the plan."),
            ("en", "The council ⟦discussed about⟧ the budget for three hours."),
            ("en", "The judges refused to ⟦listen⟧ the appeal, and the mayor ⟦explained them⟧ the rules."),
            ("en", "The wiretaps have ⟦allowed to⟧ reconstruct the whole network."),
            ("en", "The software sorts the reports, ⟦allowing to⟧ maximise the use of the data."),
        ],
        clean=[
            ("en", "The ministry declined to comment, the spokesman said, and did not comment on the plan."),
            ("en", "The council discussed about 20 proposals and listened to the residents."),
            ("en", "The mayor explained the rules to them. Listen, the mayor said, this is serious."),
            (
                "en",
                "The wiretaps have allowed investigators to reconstruct the network; the suspects were allowed to leave.",
            ),
            ("en", "It was a tax break that Congress had allowed to expire at the end of the year."),
        ],
        languages=("en",),
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        present = vocabulary(document) & _TRIGGERS
        if not present:
            return
        text = document.prose.text
        patterns = _compiled_patterns()
        reported = -1
        # Each pattern is tried only around its verb: "explained" is common, its calque rare.
        for start, end in word_spans(document, present):
            word = text[start:end].lower()
            for trigger, pattern, suggestion in patterns:
                if not word.startswith(_STEMS.get(trigger, trigger)):
                    continue
                found = pattern.search(text, max(0, start - 16), min(len(text), end + 60))
                if found is not None and found.start("verb") > reported:
                    reported = found.start("verb")
                    yield Match(found.start("verb"), found.end("verb"), args={"suggestion": suggestion})


RULE = VerbComplementCalque()
