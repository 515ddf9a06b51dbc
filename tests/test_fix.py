"""--fix, --unsafe-fixes and --diff: what changes, what never does, and writes that cannot corrupt."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.findings import Applicability, Category, Edit, FileResult, Finding, Fix, Position, Severity
from lint.fixing.apply import apply_fixes
from lint.fixing.write import Fixed, encode_like, write_fixed

DAMAGED = "Il cane corre..  Poi , dopo il via ,ok.\nLa riunione è finita;; domani si vedrà.\n"
FIXED = "Il cane corre. Poi, dopo il via, ok.\nLa riunione è finita; domani si vedrà.\n"
UNSAFE = "Il segretario di Stato Anthony Blinken è arrivato.\n"


def _findings(run_cli, path: Path, cwd: Path) -> list[dict]:
    done = run_cli("check", "--format", "json", path.name, cwd=cwd)
    return json.loads(done.out)["files"][0]["findings"]


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [
        ("utf-8", False, "\n"),
        ("utf-8", True, "\r\n"),
        ("utf-16-le", True, "\n"),
        ("utf-16-be", True, "\r"),
        ("cp1252", False, "\r\n"),
    ],
)
def test_only_the_fixed_spans_change_and_the_encoding_stays(run_cli, tmp_path, encoding, bom, newline):
    text = DAMAGED.replace("\n", newline)
    name = {"utf-16-le": "utf-16-le", "utf-16-be": "utf-16-be"}.get(encoding, encoding)
    data = encode_like(text, "utf-8-sig" if (bom and encoding == "utf-8") else name, bom)
    article = tmp_path / "a.txt"
    article.write_bytes(data)
    extra = ("--encoding", "cp1252") if encoding == "cp1252" else ()
    done = run_cli("check", "--fix", *extra, "a.txt", cwd=tmp_path)
    assert done.code == 0, done.err
    # ".." "  " "Poi ," "via ,ok" (moved at once: PUN008) ";;"
    assert "Fixed 5 problems in 1 file." in done.err
    expected = encode_like(
        FIXED.replace("\n", newline), "utf-8-sig" if (bom and encoding == "utf-8") else name, bom
    )
    assert article.read_bytes() == expected


def test_fixing_twice_is_fixing_once(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(DAMAGED + "Fine . . E poi,,ancora.\n", encoding="utf-8")
    run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    once = article.read_bytes()
    again = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert article.read_bytes() == once
    assert "Fixed" not in again.err


def test_unsafe_fixes_only_when_asked(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(UNSAFE, encoding="utf-8")
    safe = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert article.read_text(encoding="utf-8") == UNSAFE
    assert safe.code == 1  # the misspelled name is an error, still there
    assert "more can be fixed with --unsafe-fixes" in safe.err
    run_cli("check", "--fix", "--unsafe-fixes", "a.txt", cwd=tmp_path)
    assert "Antony Blinken" in article.read_text(encoding="utf-8")


def test_diff_shows_the_changes_and_writes_nothing(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(DAMAGED, encoding="utf-8")
    done = run_cli("check", "--diff", "a.txt", cwd=tmp_path)
    assert done.code == 1
    assert article.read_text(encoding="utf-8") == DAMAGED
    assert done.out.startswith("--- a/a.txt\n+++ b/a.txt\n")
    assert "\n-Il cane corre..  Poi , dopo il via ,ok.\n" in done.out
    assert "\n+Il cane corre. Poi, dopo il via, ok.\n" in done.out
    clean = tmp_path / "b.txt"
    clean.write_text(FIXED, encoding="utf-8")
    nothing = run_cli("check", "--diff", "b.txt", cwd=tmp_path)
    assert nothing.code == 0 and nothing.out == ""


def test_standard_input_is_fixed_to_standard_output(run_cli, tmp_path):
    done = run_cli("check", "--fix", "-", stdin=DAMAGED, cwd=tmp_path)
    assert done.out == FIXED
    assert done.code == 0, done.err


def test_mode_is_kept_and_a_link_is_never_written_through(run_cli, tmp_path):
    real = tmp_path / "real.txt"
    real.write_text(DAMAGED, encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    through_link = run_cli("check", "--fix", "link.txt", cwd=tmp_path)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == DAMAGED  # --fix never writes through a link
    assert "refuso: note: link.txt: not fixed: it is a symbolic link (to " in through_link.err
    run_cli("check", "--fix", "real.txt", cwd=tmp_path)
    assert real.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".refuso-fix")] == []


def test_a_read_only_file_is_refused_and_left_untouched(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(DAMAGED, encoding="utf-8")
    article.chmod(0o444)
    inode = article.stat().st_ino
    done = run_cli("check", "--fix", "--format", "concise", "a.txt", cwd=tmp_path)
    assert done.code == 2
    assert done.err == (
        "refuso: error: a.txt: not fixed: it is read-only (mode 0444); make it writable (chmod u+w) if --fix "
        "may change it; the file is unchanged\n"
    )
    assert article.read_text(encoding="utf-8") == DAMAGED
    assert article.stat().st_ino == inode and stat.S_IMODE(article.stat().st_mode) == 0o444


def test_hard_links_stay_one_file(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(DAMAGED, encoding="utf-8")
    os.link(article, tmp_path / "archivio.txt")
    done = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert done.code == 0, done.err
    assert (tmp_path / "archivio.txt").read_text(encoding="utf-8") == FIXED  # written in place, not split
    assert article.stat().st_nlink == 2
    assert article.stat().st_ino == (tmp_path / "archivio.txt").stat().st_ino


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_owner_and_group_are_kept(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(DAMAGED, encoding="utf-8")
    os.chown(article, 4321, 4322)
    article.chmod(0o664)
    done = run_cli("check", "--fix", "a.txt", cwd=tmp_path)
    assert done.code == 0, done.err
    assert article.read_text(encoding="utf-8") == FIXED
    st = article.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 4322, 0o664)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="changing user needs root")
def test_a_file_that_cannot_be_given_back_to_its_owner_is_written_in_place(tmp_path):
    # Another user's file that this user may write (through its group): a new file could not be given
    # to its owner, so it is written in place and stays theirs. Run as that user in a child process.
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="refuso-owner-", dir="/tmp"))
    try:
        folder.chmod(0o777)
        article = folder / "a.txt"
        article.write_text(DAMAGED, encoding="utf-8")
        os.chown(article, 4321, 4400)
        article.chmod(0o664)
        theirs = folder / "b.txt"  # not writable by the group: refused, not replaced by a rename
        theirs.write_text(DAMAGED, encoding="utf-8")
        os.chown(theirs, 4321, 4321)
        theirs.chmod(0o644)
        pid = os.fork()
        if pid == 0:  # the child: user 1234 in group 4400
            code = 1
            try:
                os.setgroups([4400])
                os.setgid(1234)
                os.setuid(1234)
                written = write_fixed(str(article), _fixed(article), "utf-8", False)
                refused = write_fixed(str(theirs), _fixed(theirs), "utf-8", False)
                expected = (
                    "not fixed: this user may not write it (mode 0644, owner 4321); the file is unchanged"
                )
                code = 0 if written is None and refused is not None and refused.message == expected else 3
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert article.read_text(encoding="utf-8") == FIXED
        st = article.stat()
        assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 4400, 0o664)
        assert theirs.read_text(encoding="utf-8") == DAMAGED and theirs.stat().st_uid == 4321
        assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]
    finally:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


def test_temporary_files_of_an_interrupted_fix_are_never_checked_and_stale_ones_are_removed(
    run_cli, tmp_path
):
    article = tmp_path / "a.txt"
    article.write_text(DAMAGED, encoding="utf-8")
    stale = tmp_path / ".a.txt.k3j2l1m0.refuso-fix"
    stale.write_text("Testo a metà,, di una correzione interrotta.\n", encoding="utf-8")
    old = stale.stat().st_mtime - 3600
    os.utime(stale, (old, old))
    fresh = tmp_path / ".a.txt.p9q8r7s6.refuso-fix"  # a fix that may still be running
    fresh.write_text("Testo,, nuovo.\n", encoding="utf-8")
    # Even a configuration that asks for them does not get them checked.
    (tmp_path / ".refuso.yaml").write_text("include: ['*.txt', '*.refuso-fix']\n", encoding="utf-8")

    checked = run_cli("check", ".", "--format", "json", cwd=tmp_path)
    assert [f["path"] for f in json.loads(checked.out)["files"]] == ["a.txt"]
    named = run_cli("check", stale.name, "--format", "concise", cwd=tmp_path)
    assert named.code == 0 and named.out == "All checks passed! (0 files checked)\n"
    assert named.err.startswith(
        f"refuso: note: {stale.name}: skipped: it is a temporary file of `refuso check --fix`"
    )

    fixed = run_cli("check", ".", "--fix", cwd=tmp_path)
    assert fixed.code == 0, fixed.err
    assert (
        f"refuso: note: a.txt: removed {stale.name}, a temporary file an interrupted --fix left beside it\n"
        in fixed.err
    )
    assert not stale.exists() and fresh.exists()
    assert article.read_text(encoding="utf-8") == FIXED


def _fixed(path: Path) -> Fixed:
    result = FileResult(str(path), "it", source=DAMAGED, encoding="utf-8")
    return Fixed(str(path), DAMAGED, FIXED, 5, result)


def test_a_failure_mid_write_leaves_the_original_intact(tmp_path, monkeypatch):
    article = tmp_path / "a.txt"
    article.write_text(DAMAGED, encoding="utf-8")

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    problem = write_fixed(str(article), _fixed(article), "utf-8", False)
    assert problem is not None
    assert (
        problem.message == "not fixed: it cannot be written (No space left on device); the file is unchanged"
    )
    assert article.read_text(encoding="utf-8") == DAMAGED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary file left behind


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(DAMAGED + "Una riga scritta nel frattempo.\n", encoding="utf-8")
    problem = write_fixed(str(article), _fixed(article), "utf-8", False)
    assert problem is not None and "changed while refuso was checking it" in problem.message
    assert article.read_text(encoding="utf-8").endswith("nel frattempo.\n")


def test_fixes_never_overlap(run_cli, tmp_path):
    # A doubled full stop next to a doubled space and a space before a comma: each fix is applied
    # once, and the result is checked again before it is written.
    article = tmp_path / "a.txt"
    article.write_text("Fine..  , poi.\n", encoding="utf-8")
    done = run_cli("check", "--fix", "--format", "json", "a.txt", cwd=tmp_path)
    after = article.read_text(encoding="utf-8")
    left = json.loads(done.out)["files"][0]["findings"]
    assert not [f for f in left if f["fix"] and f["fix"]["applicability"] == Applicability.SAFE.value]
    assert after.count(".") <= 2 and "  " not in after


def _finding(start: int, end: int, replacement: str, applicability: Applicability) -> Finding:
    return Finding(
        path="a.txt",
        code="PUN001",
        name="doubled-punctuation",
        category=Category.PUNCTUATION,
        severity=Severity.ERROR,
        message="",
        start=start,
        end=end,
        start_position=Position(1, start + 1),
        end_position=Position(1, end + 1),
        text="",
        fix=Fix((Edit(start, end, replacement),), applicability),
    )


@given(
    st.text(alphabet=st.sampled_from(list("ab ,.;\r\nè😀")), min_size=1, max_size=80),
    st.lists(
        st.tuples(st.integers(0, 80), st.integers(0, 4), st.sampled_from(["", ",", " ", "xy"])), max_size=8
    ),
)
def test_text_outside_the_fixed_spans_never_changes(text, edits):
    findings = []
    for start, length, replacement in edits:
        start = min(start, len(text))
        findings.append(_finding(start, min(len(text), start + length), replacement, Applicability.SAFE))
    findings.append(_finding(0, min(1, len(text)), "Z", Applicability.UNSAFE))  # not allowed: never applied
    result = apply_fixes(text, findings, {Applicability.SAFE})
    # Rebuild the expected text from the accepted edits alone: everything between them is the original.
    accepted = sorted((e for f in result.applied for e in f.fix.edits), key=lambda e: (e.start, e.end))
    expected, at = [], 0
    for e in accepted:
        assert e.start >= at  # accepted edits never overlap
        expected += [text[at : e.start], e.replacement]
        at = e.end
    expected.append(text[at:])
    assert result.text == "".join(expected)
    assert all(f.fix.applicability is Applicability.SAFE for f in result.applied)
