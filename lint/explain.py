"""``refuso explain``: a rule's documentation, rendered from its metadata (the single source)."""

from __future__ import annotations

import textwrap

from lint.rules import MARK_CLOSE, MARK_OPEN, RuleMeta

_LABELS = {
    "it": {
        "category": "Categoria",
        "severity": "Gravità",
        "languages": "Lingue",
        "fix": "Correzione",
        "none": "nessuna",
        "all": "tutte",
        "defined": "Definita in",
        "flagged": "Segnalato",
        "clean": "Corretto",
        "fixed": "dopo la correzione",
        "options": "Opzioni",
        "preview": "anteprima (spenta di default)",
        "aliases": "Altri nomi",
        "reference": "Riferimento",
    },
    "en": {
        "category": "Category",
        "severity": "Severity",
        "languages": "Languages",
        "fix": "Fix",
        "none": "none",
        "all": "all",
        "defined": "Defined in",
        "flagged": "Flagged",
        "clean": "Clean",
        "fixed": "after the fix",
        "options": "Options",
        "preview": "preview (off by default)",
        "aliases": "Other names",
        "reference": "Reference",
    },
}


def _show_example(text: str) -> list[str]:
    """The example text, with a line of carets under what is flagged."""
    lines = []
    for raw in text.split("\n"):
        plain, marks, inside = [], [], False
        for ch in raw:
            if ch == MARK_OPEN:
                inside = True
            elif ch == MARK_CLOSE:
                inside = False
            else:
                plain.append(ch)
                marks.append("^" if inside else " ")
        lines.append("    " + "".join(plain))
        if "^" in marks:
            lines.append("    " + "".join(marks).rstrip())
    return lines


def render(meta: RuleMeta, language: str) -> str:
    t = _LABELS.get(language, _LABELS["en"])
    out = [f"{meta.code} {meta.name}", ""]
    facts = [
        f"{t['category']}: {meta.category.value}",
        f"{t['severity']}: {meta.severity}",
        f"{t['languages']}: {', '.join(sorted(meta.languages)) if meta.languages else t['all']}",
        f"{t['fix']}: {meta.fix.value if meta.fix else t['none']}",
    ]
    out.append(" · ".join(facts))
    if meta.preview:
        out.append(t["preview"])
    if meta.aliases:
        out.append(f"{t['aliases']}: {', '.join(meta.aliases)}")
    if meta.origin:
        out.append(f"{t['defined']}: {meta.origin}")
    out.append("")
    for paragraph in meta.description_for(language).split("\n\n"):
        out.extend(textwrap.wrap(" ".join(paragraph.split()), width=88) or [""])
        out.append("")
    if meta.reference:
        out.extend([f"{t['reference']}: {meta.reference}", ""])
    for flagged, label in ((True, t["flagged"]), (False, t["clean"])):
        examples = [e for e in meta.examples if e.flagged == flagged]
        if not examples:
            continue
        out.append(f"{label}:")
        for e in examples:
            prefix = f"  [{e.language}]" if e.language else "  -"
            out.append(prefix)
            out.extend(_show_example(e.text))
            if e.fixed is not None:
                out.append(f"    → ({t['fixed']}) {e.fixed}")
        out.append("")
    if meta.options:
        out.append(f"{t['options']}:")
        for key, value in meta.options.items():
            shown = ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
            out.extend(
                textwrap.wrap(f"{key}: {shown}", width=88, initial_indent="  ", subsequent_indent="    ")
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"
