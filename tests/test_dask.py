"""Checking on Dask: a LocalCluster of two worker processes finds what a local run finds, through
the Python API and through ``refuso check --dask-scheduler``."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("distributed")

TEXTS = [
    "Putin e Putin,, ieri.\n",
    "# Titolo\n\nUno . due  tre.\n",
    "<p>Il il cane (abbaia.</p>\n",
    'He said "yes.\n\nThe the end..\n',
    "Tutto bene.\n",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    for i in range(11):
        suffix = (".txt", ".md", ".html", ".txt", ".txt")[i % 5]
        (folder / f"a{i:02d}{suffix}").write_text(TEXTS[i % 5] * (i + 1), encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "b.txt").write_text("La la notizia,, di oggi.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    return folder


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def _local_files(corpus, linter_options):
    from lint.api import Linter
    from lint.formatters.json import run_to_dict

    return run_to_dict(Linter(**linter_options).check_paths([str(corpus)], jobs=1))["files"]


def test_check_bag_finds_what_a_local_run_finds(client, corpus):
    from lint.api.dask import check_bag
    from lint.cache import Cache
    from lint.config import Overrides

    options = {"isolated": True, "load_entry_points": False, "overrides": Overrides(preview=True)}
    records = check_bag([str(corpus)], npartitions=6, **options).compute()
    local = _local_files(corpus, {**options, "cache": Cache(None)})
    checked = [{k: r[k] for k in ("path", "language", "findings")} for r in records if not r["notes"]]
    assert checked == local
    assert sum(len(r["findings"]) for r in records) > 20
    # The file that is not text is named with its note, as a local run does.
    skipped = [r for r in records if r["notes"]]
    assert [r["path"].endswith("binary.txt") for r in skipped] == [True]
    assert [r["path"] for r in records] == sorted(r["path"] for r in records)
    # The work ran on both workers (six tasks), each building its linter once for them all.
    assert client.run(_linters_built) == dict.fromkeys(client.run(_linters_built), 1)


def _linters_built():
    from lint.api import dask

    return len(dask._linters)


def test_a_bag_of_paths_and_json_lines(client, corpus, tmp_path):
    import dask.bag as db

    from lint.api.dask import check_bag, write_json_lines

    names = [str(corpus / "a00.txt"), str(corpus / "sub" / "b.txt"), str(corpus / "a04.txt")]
    out = tmp_path / "found.jsonl"
    assert write_json_lines(check_bag(db.from_sequence(names, npartitions=2), isolated=True), out) == 3
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in records] == names
    assert records[0]["findings"] and records[1]["findings"]
    assert records[2]["findings"] == []


def test_cli_on_a_local_cluster_gives_the_local_output(run_cli, corpus):
    local = run_cli("check", ".", "--format", "json", cwd=corpus)
    on_dask = run_cli("check", ".", "--format", "json", "--dask-scheduler", "local:2", cwd=corpus)
    assert on_dask.code == local.code == 1, on_dask.err
    assert json.loads(on_dask.out) == json.loads(local.out)
    assert local.out.count('"rule"') > 20
    text = run_cli("check", "a00.txt", "sub", "--dask-scheduler", "local:2", cwd=corpus)
    assert text.out == run_cli("check", "a00.txt", "sub", cwd=corpus).out
    assert "a00.txt" in text.out and "sub/b.txt" in text.out


def test_cli_refuses_a_bad_address_and_fixing(run_cli, corpus):
    bad = run_cli("check", ".", "--dask-scheduler", "local:none", cwd=corpus)
    assert bad.code == 2 and "local:N" in bad.err
    # The JSON document is written file by file: a run stopped before the first file writes none of it.
    bad_json = run_cli("check", ".", "--format", "json", "--dask-scheduler", "local:none", cwd=corpus)
    assert bad_json.code == 2 and bad_json.out == ""
    fixing = run_cli("check", ".", "--fix", "--dask-scheduler", "local:2", cwd=corpus)
    assert fixing.code == 2 and "--fix" in fixing.err
