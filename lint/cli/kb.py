"""``refuso kb check`` and ``refuso kb find``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lint.kb import build, kb_files


def builtin_kb_dir() -> Path:
    from lint.data import rules_dir

    return rules_dir() / "kb"


def _files(extra: list[str]) -> list[tuple[Path, str]]:
    root = builtin_kb_dir()
    out = [(p, "rules/kb/" + p.relative_to(root).as_posix()) for p in kb_files([root])]
    out += [(p, str(p)) for p in kb_files(extra)]
    return out


def run(args: argparse.Namespace) -> int:
    files = _files(getattr(args, "files", []) or [])
    kb, errors = build(files, validate=args.kb_command == "check")
    if args.kb_command == "check":
        for error in errors:
            sys.stderr.write(f"refuso: error: {error}\n")
        dated = sum(1 for p in kb.people.values() if p.roles)
        sys.stdout.write(
            f"{len(files)} files: {len(kb.people)} people ({dated} with dated roles), {len(kb.offices)} offices, "
            f"{len(kb.countries)} countries, {len(kb.organisations)} organisations, {len(kb.sources)} sources\n"
        )
        return 2 if errors else 0
    query = " ".join(args.name).casefold()
    found = [
        p
        for p in kb.people.values()
        if query in p.name.casefold()
        or query == p.surname.casefold()
        or any(query == v.form.casefold() for v in (*p.variants, *p.wrong))
    ]
    for person in found:
        sys.stdout.write(f"{person.name} ({person.id}, {person.gender})\n")
        for role in person.roles:
            office = kb.offices.get(role.office)
            title = (office.titles.it_m or office.titles.en or (role.office,))[0] if office else role.office
            sys.stdout.write(
                f"  {role.start} – {role.end or 'today'}  {role.office}  {role.title_it or title}\n"
            )
        if person.variants:
            sys.stdout.write(f"  also written: {', '.join(v.form for v in person.variants)}\n")
        if person.wrong:
            sys.stdout.write(f"  wrong: {', '.join(v.form for v in person.wrong)}\n")
    return 0 if found else 1
