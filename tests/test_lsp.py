"""``refuso lsp`` driven as an editor drives it: pytest-lsp starts the real server (``python -m lint
lsp``) in a subprocess and talks LSP to it over standard input and output."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from tests.conftest import ROOT, SEED

in_server_loop = pytest.mark.asyncio(loop_scope="module")  # one server for the module

WAIT_SECONDS = 240  # a bound on a check the shared machine makes slow, not a measured time


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _make_client() -> LanguageClient:
    """pytest-lsp's client, also recording each publication by document and version, and the
    capabilities the server registers."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = {}  # type: ignore[attr-defined]
    client.registered = []  # type: ignore[attr-defined]

    def publish(client: LanguageClient, params: lsp.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published[(params.uri, params.version)] = params.diagnostics

    def register(client: LanguageClient, params: lsp.RegistrationParams) -> None:
        client.registered.extend(params.registrations)

    features = {
        **DEFAULT_CLIENT_FEATURES,
        lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
        lsp.CLIENT_REGISTER_CAPABILITY: register,
    }
    register_lsp_features(client, features)
    return client


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "lint", "lsp"], client_factory=_make_client
    ),
)
async def client(lsp_client: LanguageClient, workspace: Path):
    capabilities = lsp.ClientCapabilities(
        workspace=lsp.WorkspaceClientCapabilities(
            did_change_watched_files=lsp.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        ),
        text_document=lsp.TextDocumentClientCapabilities(
            hover=lsp.HoverClientCapabilities(content_format=[lsp.MarkupKind.Markdown])
        ),
    )
    folder = lsp.WorkspaceFolder(uri=workspace.as_uri(), name="articles")
    await lsp_client.initialize_session(
        lsp.InitializeParams(
            capabilities=capabilities, workspace_folders=[folder], root_uri=workspace.as_uri()
        )
    )
    yield
    await lsp_client.shutdown_session()


async def _published(client: LanguageClient, uri: str, version: int) -> list[lsp.Diagnostic]:
    async def wait() -> list[lsp.Diagnostic]:
        while (uri, version) not in client.published:  # type: ignore[attr-defined]
            await asyncio.sleep(0.05)
        return list(client.published[(uri, version)])  # type: ignore[attr-defined]

    return await asyncio.wait_for(wait(), WAIT_SECONDS)


async def open_document(
    client: LanguageClient, path: Path, text: str, language_id: str = "plaintext", uri: str | None = None
) -> list[lsp.Diagnostic]:
    uri = uri or path.as_uri()
    item = lsp.TextDocumentItem(uri=uri, language_id=language_id, version=1, text=text)
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=item))
    return await _published(client, uri, 1)


async def change_document(client: LanguageClient, uri: str, version: int, text: str) -> list[lsp.Diagnostic]:
    client.text_document_did_change(
        lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    return await _published(client, uri, version)


def apply_edits(text: str, edits: list[lsp.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) to ``text``, as an editor does."""
    lines = text.split("\n")

    def offset(p: lsp.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: p.line])
        line, units, i = lines[p.line] if p.line < len(lines) else "", 0, 0
        while units < p.character:
            units += utf16(line[i])
            i += 1
        return before + i

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


def _position(line: str, column: int) -> tuple[int, int]:
    return utf16(line[: column - 1]), column


@in_server_loop
async def test_seed_diagnostics_match_check_json(
    client: LanguageClient, workspace: Path, run_cli: Any
) -> None:
    text = SEED.read_text(encoding="utf-8")
    article = workspace / "seed.txt"
    article.write_text(text, encoding="utf-8")
    diagnostics = await open_document(client, article, text)

    done = run_cli("check", "--format", "json", str(article), cwd=workspace)
    findings = json.loads(done.out)["files"][0]["findings"]
    assert findings, done.err
    lines = text.split("\n")
    expected = sorted(
        (
            f["rule"],
            (f["line"] - 1, utf16(lines[f["line"] - 1][: f["column"] - 1])),
            (f["end_line"] - 1, utf16(lines[f["end_line"] - 1][: f["end_column"] - 1])),
            f["severity"],
            f["message"],
        )
        for f in findings
    )
    names = {lsp.DiagnosticSeverity.Error: "error", lsp.DiagnosticSeverity.Warning: "warning"}
    names[lsp.DiagnosticSeverity.Information] = "info"
    got = sorted(
        (
            d.code,
            (d.range.start.line, d.range.start.character),
            (d.range.end.line, d.range.end.character),
            names[d.severity],
            d.message,
        )
        for d in diagnostics
    )
    assert got == expected
    for d in diagnostics:
        assert d.source == "refuso"
        assert d.code_description is not None and str(d.code) in d.code_description.href


@in_server_loop
async def test_emoji_before_a_finding_counts_two_utf16_units(client: LanguageClient, workspace: Path) -> None:
    before = "🎉🎉 Ha parlato del settore"
    text = before + ",, soprattutto dei chip.\n"
    [diagnostic] = await open_document(client, workspace / "emoji.txt", text)
    assert diagnostic.code == "PUN001"
    assert diagnostic.range.start == lsp.Position(0, utf16(before))
    assert diagnostic.range.start.character == len(before) + 2
    assert diagnostic.range.end == lsp.Position(0, utf16(before + ",,"))


@in_server_loop
async def test_code_action_applies_the_fix_and_a_change_relints(
    client: LanguageClient, workspace: Path
) -> None:
    text = "🗞️ Ha parlato del settore,, soprattutto dei chip.\n"
    path = workspace / "fix.txt"
    [diagnostic] = await open_document(client, path, text)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    titles = [a.title for a in actions]
    assert titles == ["Replace with “,”", "Disable PUN001 for this line"]
    fixed = apply_edits(text, actions[0].edit.changes[path.as_uri()])
    assert fixed == "🗞️ Ha parlato del settore, soprattutto dei chip.\n"
    assert await change_document(client, path.as_uri(), 2, fixed) == []
    # and back: the change is checked again
    [again] = await change_document(client, path.as_uri(), 3, text)
    assert again.code == "PUN001"


@in_server_loop
async def test_only_the_latest_text_is_published(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "typing.txt"
    assert await open_document(client, path, "Una frase pulita.\n") == []
    for version, text in enumerate(["Una frase,, ", "Una frase,, pulita", "Una frase;; pulita.\n"], start=2):
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
    [diagnostic] = await _published(client, path.as_uri(), 4)
    assert diagnostic.range.start == lsp.Position(0, len("Una frase"))
    # the texts typed before the pause were never published
    assert (path.as_uri(), 2) not in client.published  # type: ignore[attr-defined]
    assert (path.as_uri(), 3) not in client.published  # type: ignore[attr-defined]


@in_server_loop
@pytest.mark.parametrize(
    ("name", "language_id", "text"),
    [
        ("disable.txt", "plaintext", "Prima riga pulita.\nHa parlato,, poi.\n"),
        ("disable-crlf.txt", "plaintext", "Prima riga pulita.\r\nHa parlato,, poi.\r\n"),
        ("disable.md", "markdown", "# Titolo\n\nPrima riga\ndel paragrafo,, poi.\n"),
        ("disable-first.md", "markdown", "Paragrafo,, primo.\n"),
        ("disable.html", "html", "<p>Prima riga\ndel paragrafo,, poi.</p>\n"),
    ],
)
async def test_disable_for_this_line_silences_the_finding(
    client: LanguageClient, workspace: Path, name: str, language_id: str, text: str
) -> None:
    path = workspace / name
    [diagnostic] = await open_document(client, path, text, language_id)
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()),
            range=diagnostic.range,
            context=lsp.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    [disable] = [a for a in actions if a.title == "Disable PUN001 for this line"]
    silenced = apply_edits(text, disable.edit.changes[path.as_uri()])
    assert "refuso: disable-next-line PUN001" in silenced
    assert await change_document(client, path.as_uri(), 2, silenced) == []
    assert silenced.count("\n") == silenced.count("\r\n") or "\r" not in text  # the document's line ends
    if name == "disable.md":  # the paragraph is not split: the comment ends its previous line
        assert silenced.count("\n") == text.count("\n")


@in_server_loop
async def test_hover_shows_the_rule_documentation(
    client: LanguageClient, workspace: Path, run_cli: Any
) -> None:
    text = "Ha parlato del settore,, soprattutto dei chip.\n"
    path = workspace / "hover.txt"
    [diagnostic] = await open_document(client, path, text)
    hover = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()), position=diagnostic.range.start
        )
    )
    assert hover is not None and hover.contents.kind == lsp.MarkupKind.Markdown
    explained = run_cli("explain", "PUN001", "--lang", "it").out
    assert explained.splitlines()[0] in hover.contents.value
    for line in explained.splitlines()[1:]:
        assert line.strip() in hover.contents.value
    nothing = await client.text_document_hover_async(
        lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=path.as_uri()), position=lsp.Position(0, 1)
        )
    )
    assert nothing is None


@in_server_loop
async def test_the_language_id_picks_the_reader_of_an_unsaved_document(client: LanguageClient) -> None:
    text = "Il comando `a,, b` va scritto così.\n"
    as_markdown = await open_document(client, Path(), text, "markdown", uri="untitled:Untitled-1")
    as_text = await open_document(client, Path(), text, "plaintext", uri="untitled:Untitled-2")
    assert as_markdown == []  # code spans are not prose in Markdown
    assert [d.code for d in as_text] == ["PUN001"]


@in_server_loop
async def test_a_changed_configuration_rebuilds_the_linter(client: LanguageClient, workspace: Path) -> None:
    assert any(r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registered)  # type: ignore[attr-defined]
    folder = workspace / "desk"
    folder.mkdir()
    config = folder / ".refuso.yaml"
    config.write_text("preview: false\n", encoding="utf-8")
    path = folder / "note.txt"
    text = "Ha parlato del settore,, soprattutto dei chip.\n"
    [diagnostic] = await open_document(client, path, text)
    assert diagnostic.code == "PUN001"
    config.write_text("ignore: [PUN001]\n", encoding="utf-8")
    client.published.pop((path.as_uri(), 1))  # type: ignore[attr-defined]
    client.workspace_did_change_watched_files(
        lsp.DidChangeWatchedFilesParams(
            changes=[lsp.FileEvent(uri=config.as_uri(), type=lsp.FileChangeType.Changed)]
        )
    )
    assert await _published(client, path.as_uri(), 1) == []


@in_server_loop
async def test_a_bad_configuration_is_shown_with_its_file(client: LanguageClient, workspace: Path) -> None:
    folder = workspace / "broken"
    folder.mkdir()
    config = folder / ".refuso.yaml"
    config.write_text("ignore: [PUN001\n", encoding="utf-8")
    path = folder / "note.txt"
    seen = len(client.messages)
    item = lsp.TextDocumentItem(
        uri=path.as_uri(), language_id="plaintext", version=1, text="Una frase,, poi.\n"
    )
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=item))

    async def message() -> lsp.ShowMessageParams:
        while len(client.messages) == seen:
            await asyncio.sleep(0.05)
        return client.messages[seen]

    shown = await asyncio.wait_for(message(), WAIT_SECONDS)
    assert shown.type == lsp.MessageType.Error
    assert str(config) in shown.message
    config.write_text("ignore: [PUN001]\n", encoding="utf-8")
    client.text_document_did_save(
        lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=config.as_uri()))
    )
    assert await _published(client, path.as_uri(), 1) == []


def test_without_pygls_refuso_lsp_says_what_to_install(tmp_path: Path) -> None:
    """A Python that cannot import pygls (a site folder shadowing it) gets a clear message, exit 2."""
    shadow = tmp_path / "pygls"
    shadow.mkdir()
    (shadow / "__init__.py").write_text("raise ImportError('no pygls here', name='pygls')\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-m", "lint", "lsp"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert "refuso[lsp]" in done.stderr


def test_refuso_check_does_not_import_pygls(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Ha parlato del settore,, soprattutto dei chip.\n", encoding="utf-8")
    code = (
        "import sys\nfrom lint.cli import main\nmain(['check', '--exit-zero', sys.argv[1]])\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol', 'lint')"
        " and m.startswith(('pygls', 'lsprotocol', 'lint.lsp'))], 'pygls was imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(article)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "PUN001" in done.stdout
