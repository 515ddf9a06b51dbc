"""--jobs: the output is the same with one process or two."""

from __future__ import annotations


def test_jobs_one_and_two_give_identical_output(run_cli, tmp_path):
    texts = [
        "Putin e Putin,, ieri.\n",
        "# Titolo\n\nUno . due  tre.\n",
        "<p>Il il cane (abbaia.</p>\n",
        'He said "yes.\n\nThe the end..\n',
        "Tutto bene.\n",
    ]
    for i in range(12):
        suffix = (".txt", ".md", ".html", ".txt", ".txt")[i % 5]
        (tmp_path / f"a{i:02d}{suffix}").write_text(texts[i % 5] * (i + 1), encoding="utf-8")
    one = run_cli("check", ".", "--jobs", "1", "--format", "json", cwd=tmp_path)
    two = run_cli("check", ".", "--jobs", "2", "--format", "json", cwd=tmp_path)
    assert one.code == two.code == 1
    assert one.out == two.out
    assert one.out.count('"rule"') > 20
