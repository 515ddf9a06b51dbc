"""``--timings``: a table of what each rule cost, on standard error, with the rules that ran, their
findings and documents, whether files are checked in one process, in workers or in windows. Times
themselves are never asserted."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from conftest import SEED
from lint.engine import EngineOptions
from lint.findings import FileResult, RunResult
from lint.timings import rule_timings, table

SEED_TEXT = SEED.read_text(encoding="utf-8")


def _rows(err: str) -> dict[str, tuple[int, int]]:
    """rule code -> (findings, documents), read from the table on standard error."""
    lines = err.splitlines()
    start = next(i for i, line in enumerate(lines) if line.split()[:2] == ["rule", "name"])
    rows = {}
    for line in lines[start + 1 :]:
        cells = line.split()
        if cells[0] == "total":
            rows["total"] = (int(cells[-2]), int(cells[-1]))
            break
        rows[cells[0]] = (int(cells[-2]), int(cells[-1]))
    return rows


def _articles(folder: Path, count: int) -> list[str]:
    names = []
    for i in range(count):
        name = f"a{i}.txt"
        (folder / name).write_text(SEED_TEXT.replace(", ", ",, ", i + 1), encoding="utf-8")
        names.append(name)
    return names


def test_the_table_lists_the_rules_that_ran_with_their_findings_and_documents(run_cli, tmp_path):
    names = _articles(tmp_path, 3)
    plain = run_cli("check", *names, "--format", "json", cwd=tmp_path)
    timed = run_cli("check", *names, "--format", "json", "--timings", cwd=tmp_path)
    assert timed.code == plain.code == 1
    assert timed.out == plain.out  # the report on standard output is untouched
    assert "rule" not in plain.err
    rows = _rows(timed.err)
    found = Counter(f["rule"] for file in json.loads(plain.out)["files"] for f in file["findings"])
    # Every rule that reported something is listed with that count, on every document.
    for code, count in found.items():
        assert rows[code] == (count, 3), code
    # Rules that ran and found nothing are listed too; rules of another language are not.
    assert rows["PUN005"] == (0, 3)
    assert "MTP101" not in rows  # an English pack's rule, on Italian articles
    assert rows["total"] == (sum(found.values()), 3)


def test_workers_send_their_timings_back(run_cli, tmp_path):
    names = _articles(tmp_path, 4)
    one = _rows(run_cli("check", *names, "--timings", "--jobs", "1", cwd=tmp_path).err)
    two = _rows(run_cli("check", *names, "--timings", "--jobs", "2", cwd=tmp_path).err)
    assert one == two and one["total"][1] == 4


def test_the_windows_of_a_large_file_add_up_to_one_document(linter, tmp_path):
    from lint.engine.parallel import run_targets
    from lint.walk import Target

    text = "\n\n".join([SEED_TEXT] * 6)
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    settings = linter.finder.for_directory(Path.cwd())
    whole = linter.engine_for(settings, EngineOptions(timings=True)).check_path(str(tmp_path / "a.txt"))
    windowed = linter.engine_for(settings, EngineOptions(large_file_bytes=1, window_chars=2500, timings=True))
    alone = windowed.check_path(str(tmp_path / "a.txt"))
    [shared] = run_targets([Target(str(tmp_path / "a.txt"), "a.txt", settings)], [windowed], jobs=2)

    def counts(result: FileResult) -> dict[str, int]:
        return {code: count for code, (_, count) in result.timings.items()}

    # Every rule that ran on the whole file ran on the windows, and the windows' counts add up alike
    # in one process and in two.
    assert set(alone.timings) == set(shared.timings) == set(whole.timings)
    assert counts(alone) == counts(shared)
    assert counts(whole)["PUN001"] == counts(alone)["PUN001"] == 6
    assert counts(alone)["PUN001"] == sum(f.code == "PUN001" for f in alone.findings)
    run = RunResult((alone, shared))
    assert {t.code: t.documents for t in rule_timings(run)} == dict.fromkeys(whole.timings, 2)


def test_no_timings_are_kept_unless_asked(linter, tmp_path):
    (tmp_path / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    result = linter.check_paths([str(tmp_path / "a.txt")])
    assert result.files[0].findings and result.files[0].timings == {}


def test_the_table_is_sorted_by_time_and_says_when_nothing_ran():
    run = RunResult(
        (
            FileResult("a.txt", "it", timings={"AAA001": (0.001, 2), "BBB001": (0.003, 0)}),
            FileResult("b.txt", "it", timings={"AAA001": (0.001, 1)}),
            FileResult("c.bin", None, checked=False),
        )
    )
    assert [tuple(t) for t in rule_timings(run)] == [("BBB001", 0.003, 0, 1), ("AAA001", 0.002, 3, 2)]
    lines = table(run).splitlines()
    assert [line.split()[0] for line in lines] == ["rule", "BBB001", "AAA001", "total"]
    assert lines[1].split()[-3:] == ["60.0%", "0", "1"] and lines[3].split()[-2:] == ["3", "2"]
    assert table(RunResult()) == "timings: no rule ran\n"
