"""Which rules run: ``select`` / ``ignore`` semantics, as one pure function.

A selector is ``ALL``, a category (``punctuation``), a code prefix (``PUN``, ``PUN00``, ``acme.``), a
code (``PUN001``) or a rule name (``doubled-punctuation``). When a rule is matched by both a select and
an ignore selector, the more specific one wins (``select = ["PUN"]`` with ``ignore = ["PUN005"]``
turns off PUN005 only; the reverse turns on PUN005 alone); on a tie the rule is ignored.
Preview rules run only with ``preview`` on, or when selected by their exact code or name.

A namespace rule (LanguageTool, ``LT``) reports findings under codes of its own (``LT:WHITESPACE_RULE``).
It runs when any selector could select one of them (``ALL``, ``LT``, ``LT:WHITESPACE_RULE``, a category),
and each of its findings is then selected like a rule of its own (:func:`finding_selected`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lint.findings import CATEGORY_NAMES
from lint.rules import RuleMeta

EXACT = 1000


def specificity(selector: str, meta: RuleMeta) -> int | None:
    """How specifically ``selector`` names ``meta``'s rule, or None when it does not name it."""
    if selector == meta.code or selector in meta.all_names:
        return EXACT
    if selector == "ALL":
        return 0
    if selector == meta.category.value:
        return 1
    if meta.code.startswith(selector):
        return 10 + len(selector)
    return None


def unknown_selectors(selectors: Iterable[str], metas: Sequence[RuleMeta]) -> list[str]:
    """The selectors that name no rule at all (an error for the user to fix)."""
    unknown = []
    namespaces = tuple(meta.code + ":" for meta in metas if meta.namespace)
    for selector in selectors:
        if selector == "ALL" or selector in CATEGORY_NAMES or selector.startswith(namespaces):
            continue
        if not any(specificity(selector, meta) is not None for meta in metas):
            unknown.append(selector)
    return unknown


def selector_hint(selector: str, metas: Sequence[RuleMeta]) -> str:
    """`` (did you mean PUN001?)`` for a mistyped selector: the codes, names and categories closest to
    it, whatever its case; empty when none is close."""
    import difflib

    known = {c.lower(): c for c in CATEGORY_NAMES}
    for meta in metas:
        known.update((name.lower(), name) for name in (meta.code, *meta.all_names))
    close = difflib.get_close_matches(selector.lower(), list(known), n=3, cutoff=0.6)
    if not close:
        return ""
    names = [known[c] for c in close]
    return f" (did you mean {' or '.join(names) if len(names) < 3 else ', '.join(names[:-1]) + ' or ' + names[-1]}?)"


def _best(selectors: Iterable[str], meta: RuleMeta) -> int:
    best = -1
    for selector in selectors:
        s = specificity(selector, meta)
        if s is not None and s > best:
            best = s
    return best


def resolve(
    metas: Sequence[RuleMeta],
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
    preview: bool = False,
) -> frozenset[str]:
    """The codes of the rules that run."""
    selectors = list(select) if select is not None else ["ALL"]
    selectors += list(extend_select)
    enabled = set()
    for meta in metas:
        chosen = _best(selectors, meta)
        ignored = _best(ignore, meta)
        if meta.namespace:
            # Any selector inside the namespace, or any category, may pick some of its findings; only
            # the namespace itself (or ALL) in ``ignore`` turns the whole rule off.
            if any(s.startswith(meta.code + ":") or s in CATEGORY_NAMES for s in selectors):
                chosen = max(chosen, EXACT)
            ignored = max((_best([s], meta) for s in ignore if s not in CATEGORY_NAMES), default=-1)
        if chosen < 0 or chosen <= ignored:
            continue
        if meta.preview and not preview and chosen < EXACT:
            continue
        enabled.add(meta.code)
    return frozenset(enabled)


def finding_selected(
    meta: RuleMeta,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
) -> bool:
    """Whether a namespace rule's finding, described by ``meta`` (its own code, name and category),
    is selected: the same rules as for whole rules, the more specific selector winning."""
    selectors = list(select) if select is not None else ["ALL"]
    selectors += list(extend_select)
    chosen = _best(selectors, meta)
    return chosen >= 0 and chosen > _best(ignore, meta)
