"""``refuso lsp``: a language server (on pygls) that shows refuso's findings in an editor.

Documents are checked on open and save, and after a pause in typing (the latest text wins). Each
finding is a diagnostic with its rule code, severity and a link to the rules reference; a finding
with suggestions offers "replace with …" code actions, and every finding "disable CODE for this
line", which inserts refuso's ``disable-next-line`` directive in the document's own format. Hovering
a finding shows its rule's documentation, as ``refuso explain`` prints it.

Each workspace folder has its own :class:`lint.api.Linter`; a document's configuration is found from
its folder upwards, as the command line does, and the linter is built again when a configuration
file changes. The reader is picked by the file's suffix or, without one, by the editor's language id.

Positions: refuso counts Unicode code points; LSP counts in the encoding agreed at start-up (UTF-16
code units unless the editor offers another), so a character outside the Basic Multilingual Plane
(an emoji) before a finding counts twice in UTF-16.
"""

from __future__ import annotations

import asyncio
import re
from bisect import bisect_right
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from lint import __version__
from lint.config import CONFIG_NAMES
from lint.findings import Edit, FileResult, Finding, Severity

DEBOUNCE_SECONDS = 0.3
RULES_URL = "https://github.com/refuso/refuso/blob/main/docs/rules.md"
CONFIG_FILES = (*CONFIG_NAMES, "pyproject.toml")
# An editor's language id -> the suffix that makes refuso pick the same reader the CLI picks by path.
LANGUAGE_SUFFIXES = {"markdown": ".md", "html": ".html", "plaintext": ".txt", "text": ".txt"}
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
KNOWN_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_FENCE = re.compile(r"^\s*(```|~~~|---\s*$|\+\+\+\s*$)")


def _units(text: str, encoding: str) -> int:
    """How many units of ``encoding`` (LSP's position encoding) ``text`` takes."""
    if encoding == lsp.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8"))
    if encoding == lsp.PositionEncodingKind.Utf32:
        return len(text)
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class Lines:
    """A text's lines as LSP splits them (at ``\\n``, ``\\r\\n`` or ``\\r``), to turn refuso's
    code-point lines, columns and offsets into LSP positions."""

    def __init__(self, text: str, encoding: str) -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def line(self, index: int) -> str:
        """The text of line ``index`` (0-based), without its line break."""
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index] : end].rstrip("\r\n")

    def at(self, line: int, column: int) -> lsp.Position:
        """The LSP position of refuso's 1-based ``line`` and code-point ``column``."""
        index = min(max(line - 1, 0), len(self.starts) - 1)
        start = self.starts[index]
        return lsp.Position(index, _units(self.text[start : start + column - 1], self.encoding))

    def offset(self, offset: int) -> lsp.Position:
        """The LSP position of a code-point offset into the text."""
        index = bisect_right(self.starts, offset) - 1
        return lsp.Position(index, _units(self.text[self.starts[index] : offset], self.encoding))

    def range(self, finding: Finding) -> lsp.Range:
        start, end = finding.start_position, finding.end_position
        return lsp.Range(self.at(start.line, start.column), self.at(end.line, end.column))


def rule_url(code: str) -> str:
    """Where a rule's entry in the rules reference is: the page, scrolled to its code."""
    return f"{RULES_URL}#:~:text={code}"


def reader_path(uri: str, language_id: str | None) -> str:
    """The path refuso checks a document as: its file's, or, when that has no suffix refuso reads
    (an unsaved document), one whose suffix matches the editor's language id."""
    path = to_fs_path(uri) or uri
    if path.lower().endswith(KNOWN_SUFFIXES):
        return path
    suffix = LANGUAGE_SUFFIXES.get((language_id or "").lower())
    return path + suffix if suffix else path


def suppression_edit(lines: Lines, line: int, code: str, reader: str) -> lsp.TextEdit:
    """The edit that silences ``code`` on refuso's 1-based ``line``: a ``disable-next-line``
    directive that ends on the line before. In Markdown it is a comment at the end of the previous
    line of the same paragraph (so the paragraph is not split), or on a line of its own before a
    paragraph's first line; in HTML, a comment on a line of its own; in plain text, a line of its own.
    A new line ends as the document's lines do."""
    index = line - 1
    newline = "\r\n" if "\r\n" in lines.text else "\n"
    if reader == "text":
        return lsp.TextEdit(
            lsp.Range(lsp.Position(index, 0), lsp.Position(index, 0)),
            f"refuso: disable-next-line {code}{newline}",
        )
    comment = f"<!-- refuso: disable-next-line {code} -->"
    previous = lines.line(index - 1) if index > 0 else ""
    if reader == "markdown" and previous.strip() and not _FENCE.match(previous):
        end = lsp.Position(index - 1, _units(previous, lines.encoding))
        return lsp.TextEdit(lsp.Range(end, end), " " + comment)
    return lsp.TextEdit(lsp.Range(lsp.Position(index, 0), lsp.Position(index, 0)), comment + newline)


@dataclass
class Checked:
    """A document's last check: the text and version it was made on, and what it found."""

    version: int | None
    lines: Lines
    result: FileResult
    reader: str


def _reader_of(path: str) -> str:
    lower = path.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    return "text"


class RefusoServer(LanguageServer):
    """The server's state: a linter per workspace folder and the last check of each document."""

    def __init__(self, config_file: str | None = None) -> None:
        super().__init__("refuso", __version__)
        self.config_file = config_file
        self.linters: dict[str, Any] = {}
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        # The linter is used by one thread only, so checks never overlap; the event loop stays free.
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="refuso-check")

    # -- linters -------------------------------------------------------------------------------

    def folder_of(self, path: str) -> str:
        """The workspace folder holding ``path`` (the innermost), or "" for none."""
        best = ""
        for folder in self.workspace.folders.values():
            root = to_fs_path(folder.uri) or ""
            if root and (path == root or path.startswith(root.rstrip("/") + "/")) and len(root) > len(best):
                best = root
        if not best and self.workspace.root_path and path.startswith(self.workspace.root_path):
            best = self.workspace.root_path
        return best

    def linter_for(self, folder: str) -> Any:
        if folder not in self.linters:
            from lint.api import Linter

            self.linters[folder] = Linter(config_file=self.config_file)
        return self.linters[folder]

    def check(self, uri: str, text: str, version: int | None, language_id: str | None) -> Checked:
        """Check a document's text with its workspace's linter and configuration (runs in the executor)."""
        path = reader_path(uri, language_id)
        linter = self.linter_for(self.folder_of(path))
        settings = linter.finder.for_file(path)
        result = linter.check_text(text, path=path, settings=settings)
        return Checked(version, Lines(text, self.encoding), result, _reader_of(path))

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)

    async def publish(self, uri: str) -> None:
        """Check the document's current text and publish its diagnostics, unless it changed meanwhile
        (a newer check is then on its way) or was closed."""
        try:
            document = self.workspace.get_text_document(uri)
            version, text = document.version, document.source
            language_id = document.language_id
        except KeyError:
            return
        loop = asyncio.get_running_loop()
        try:
            checked = await loop.run_in_executor(self.executor, self.check, uri, text, version, language_id)
        except Exception as exc:  # a bad configuration file, a rule that cannot load: say so
            self.window_show_message(lsp.ShowMessageParams(lsp.MessageType.Error, f"refuso: {exc}"))
            return
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version or current.source != text:
            return
        self.checked[uri] = checked
        diagnostics = [self.diagnostic(checked, f) for f in checked.result.findings]
        diagnostics += [self.problem(checked, p) for p in checked.result.problems if p.kind == "error"]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Check ``uri`` after ``delay`` seconds, replacing a check not yet started."""
        previous = self.pending.pop(uri, None)
        if previous is not None and not previous.done():
            previous.cancel()

        async def later() -> None:
            if delay:
                await asyncio.sleep(delay)
            await self.publish(uri)

        self.pending[uri] = asyncio.ensure_future(later())

    def diagnostic(self, checked: Checked, f: Finding) -> lsp.Diagnostic:
        return lsp.Diagnostic(
            range=checked.lines.range(f),
            message=f.message,
            severity=SEVERITIES[f.severity],
            code=f.code,
            code_description=lsp.CodeDescription(href=rule_url(f.code)),
            source="refuso",
        )

    def problem(self, checked: Checked, problem: Any) -> lsp.Diagnostic:
        line = max((problem.line or 1) - 1, 0)
        return lsp.Diagnostic(
            range=lsp.Range(lsp.Position(line, 0), lsp.Position(line, 0)),
            message=problem.message,
            severity=lsp.DiagnosticSeverity.Error,
            source="refuso",
        )

    def config_changed(self, path: str) -> None:
        """A configuration file changed: build the linters again and check every open document."""
        if Path(path).name not in CONFIG_FILES:
            return
        self.linters.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)

    # -- code actions and hover ----------------------------------------------------------------

    def findings_at(self, uri: str, start: lsp.Position, end: lsp.Position) -> list[tuple[Checked, Finding]]:
        """The findings of the document's last check whose range meets ``start``..``end``, if the
        document has not changed since."""
        checked = self.checked.get(uri)
        document = self.workspace.text_documents.get(uri)
        if checked is None or document is None or document.version != checked.version:
            return []

        def key(p: lsp.Position) -> tuple[int, int]:
            return (p.line, p.character)

        found = []
        for f in checked.result.findings:
            r = checked.lines.range(f)
            if key(r.start) <= key(end) and key(start) <= key(r.end):
                found.append((checked, f))
        return found

    def actions(self, uri: str, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        actions: list[lsp.CodeAction] = []
        for checked, f in self.findings_at(uri, params.range.start, params.range.end):
            diagnostic = self.diagnostic(checked, f)
            fix_edits = f.fix.edits if f.fix else ()
            for n, suggestion in enumerate(f.suggestions):
                edits = (Edit(f.start, f.end, suggestion),)
                if n == 0 and fix_edits:
                    edits = fix_edits  # refuso's own fix for the first suggestion (it may touch more)
                title = f"Replace with “{suggestion}”" if suggestion else f"Delete “{f.text}”"
                actions.append(self.edit_action(uri, checked, title, edits, diagnostic, preferred=n == 0))
            if f.fix is not None and fix_edits and not f.suggestions:
                title = f.fix.description or "Apply refuso's fix"
                actions.append(self.edit_action(uri, checked, title, fix_edits, diagnostic, preferred=True))
            edit = suppression_edit(checked.lines, f.line, f.code, checked.reader)
            actions.append(
                lsp.CodeAction(
                    title=f"Disable {f.code} for this line",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[diagnostic],
                    edit=lsp.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        return actions

    @staticmethod
    def edit_action(
        uri: str, checked: Checked, title: str, edits: Any, diagnostic: lsp.Diagnostic, preferred: bool
    ) -> lsp.CodeAction:
        text_edits = [
            lsp.TextEdit(lsp.Range(checked.lines.offset(e.start), checked.lines.offset(e.end)), e.replacement)
            for e in edits
        ]
        return lsp.CodeAction(
            title=title,
            kind=lsp.CodeActionKind.QuickFix,
            diagnostics=[diagnostic],
            is_preferred=preferred,
            edit=lsp.WorkspaceEdit(changes={uri: text_edits}),
        )

    def explanation(self, uri: str, checked: Checked, f: Finding) -> str:
        """The rule's documentation, as ``refuso explain`` shows it, in the document's language."""
        from lint.explain import render

        path = reader_path(uri, None)
        linter = self.linter_for(self.folder_of(path))
        rules = linter.rules_for(linter.finder.for_directory(Path(path).parent))
        rule = rules.get(f.code) or rules.get(f.code.split(":", 1)[0])
        if rule is None:
            return f"**{f.code}** {f.name}\n\n{f.message}"
        language = checked.result.language or "en"
        labels = linter.plugins.languages.labels(language)
        text = render(rule.meta, language, labels, list(getattr(rule, "documented_entries", ())))
        heading, _, body = text.partition("\n")
        link = f"[{f.code} in the rules reference]({rule_url(f.code)})"
        return f"**{heading.strip()}**\n\n{f.message}\n\n```text\n{body.strip()}\n```\n\n{link}"


def make_server(config_file: str | None = None) -> RefusoServer:
    server = RefusoServer(config_file)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: RefusoServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: RefusoServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: RefusoServer, params: lsp.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.config_changed(to_fs_path(uri) or "")
        ls.schedule(uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: RefusoServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.checked.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: RefusoServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        for change in params.changes:
            ls.config_changed(to_fs_path(change.uri) or "")

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: RefusoServer, params: lsp.InitializedParams) -> None:
        capabilities = ls.client_capabilities.workspace
        watching = capabilities and capabilities.did_change_watched_files
        if watching and watching.dynamic_registration:
            watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
            options = lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
            registration = lsp.Registration(
                id="refuso-config", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
            )
            await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[registration]))

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix])
    )
    def code_action(ls: RefusoServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.actions(params.text_document.uri, params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: RefusoServer, params: lsp.HoverParams) -> lsp.Hover | None:
        uri = params.text_document.uri
        found = ls.findings_at(uri, params.position, params.position)
        if not found:
            return None
        loop = asyncio.get_running_loop()
        parts, seen = [], set()
        for checked, f in found:
            if f.code not in seen:
                seen.add(f.code)
                parts.append(await loop.run_in_executor(ls.executor, ls.explanation, uri, checked, f))
        hover_range = found[0][0].lines.range(found[0][1])
        content = lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts))
        return lsp.Hover(contents=content, range=hover_range)

    return server


def serve(config_file: str | None = None) -> None:
    """Answer an editor on standard input and output until it says to exit."""
    make_server(config_file).start_io()
