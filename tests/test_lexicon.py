"""The word lists behind MTP011 (untranslated English): generated ones are current, curated ones clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LEXICON = ROOT / "rules" / "lexicon"


def test_generated_lists_are_up_to_date():
    """tools/build_lexicon.py run again gives the committed lists (wordfreq and ../shared read in place)."""
    if not (ROOT.parent / "shared" / "kb" / "phrasing").is_dir():
        pytest.skip("../shared/kb is not next to the project")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_lexicon.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("name", ["en-loans-it.txt", "it-loans-en.txt"])
def test_curated_loans_are_lower_case_sorted_and_unique(name):
    lines = [
        line for line in (LEXICON / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    ]
    assert lines == sorted(set(lines)), "keep the list sorted and without repeats"
    assert all(line == line.casefold().strip() and "-" not in line and line for line in lines)


def test_common_italian_is_not_in_the_english_list():
    english = set((LEXICON / "en-not-it.txt").read_text(encoding="utf-8").split())
    for word in ("il", "governo", "presidente", "leader", "ministro", "guerra"):
        assert word not in english
    for word in ("the", "buildup", "whereas"):
        assert word in english
