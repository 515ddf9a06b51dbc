"""``refuso explain``: a rule's documentation, rendered from its metadata (the single source)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

from lint.rules import MARK_CLOSE, MARK_OPEN, RuleMeta


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


def render(
    meta: RuleMeta, language: str, labels: Mapping[str, str], entries: Sequence[Mapping[str, Any]] = ()
) -> str:
    """The rule's documentation in ``language``, headed with ``labels`` (the language's, see
    :mod:`lint.lang`); ``entries``: a phrase rule's entries, listed after its own examples."""
    t = labels
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
        examples = [e for e in meta.examples if e.flagged == flagged and not (entries and e.label)]
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
    if entries:
        out.append(f"{t['entries']} ({len(entries)}):")
        width = max(len(e["id"]) for e in entries)
        for e in entries:
            phrase = e["phrase"] if isinstance(e["phrase"], str) else " | ".join(e["phrase"])
            first_use = e["use"].split(";")[0].strip()
            low = " (info)" if e.get("confidence") == "low" else ""
            out.append(f"  {e['id']:<{width}}  {phrase} → {first_use}  [{e['english']}]{low}")
        out.extend(["", t["entry_hint"].format(code=meta.code), ""])
    return "\n".join(out).rstrip() + "\n"


def render_entry(meta: RuleMeta, entry: Mapping[str, Any], labels: Mapping[str, str]) -> str:
    """One entry of a phrase rule: its phrase, original, replacement, context, source and examples."""
    t = labels
    out = [f"{meta.code} {meta.name} / {entry['id']}", ""]
    phrases = [entry["phrase"]] if isinstance(entry["phrase"], str) else list(entry["phrase"])
    fields = [
        (t["phrase"], " | ".join(phrases)),
        (t["english"], entry["english"]),
        (t["use"], " / ".join(u.strip() for u in entry["use"].split(";") if u.strip())),
        (t["confidence"], t["low"] if entry.get("confidence") == "low" else t["high"]),
        (t["when"], " | ".join(entry.get("when", ()))),
        (t["unless"], " | ".join(entry.get("unless", ()))),
        (t["note"], entry.get("note", "")),
        (t["source"], entry["source"]),
    ]
    for label, value in fields:
        if value:
            out.extend(textwrap.wrap(f"{label}: {value}", width=88, subsequent_indent="    "))
    out.append("")
    for key, label in (("flagged", t["flagged"]), ("clean", t["clean"])):
        out.append(f"{label}:")
        for text in entry["examples"][key]:
            out.extend(_show_example(text))
        out.append("")
    return "\n".join(out).rstrip() + "\n"
