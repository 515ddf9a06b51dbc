"""Starting, stopping and finding a local LanguageTool server (installing it is
:mod:`lint.languagetool.install`).

A started server listens on localhost only, writes its log and process id under
:func:`lint.languagetool.home`, and serves every later run until ``refuso languagetool stop``.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from urllib.parse import urlsplit

from lint.languagetool import DEFAULT_PORT, LanguageToolError, home
from lint.languagetool.install import Installation, installation, java

START_TIMEOUT = 180.0  # seconds to wait for a started server to answer
JAVA_MEMORY = ("-Xms256m", "-Xmx1g")


# -- talking to a server ---------------------------------------------------------------------------


def _request(url: str, path: str, timeout: float, data: bytes | None = None) -> tuple[int, bytes] | None:
    """Status and body, or None when nothing answers in time (the whole exchange, not each read)."""
    import http.client

    from lint.languagetool.transport import request

    try:
        return request(url, path, timeout=timeout, data=data)
    except (OSError, ValueError, http.client.HTTPException):
        return None


def healthy(url: str, timeout: float = 3.0) -> bool:
    """Whether a LanguageTool server answers at ``url`` within ``timeout`` seconds."""
    answer = _request(url, "/v2/healthcheck", timeout)
    return answer is not None and answer[0] == 200


def server_version(url: str, timeout: float = 30.0) -> str | None:
    """The LanguageTool version a server reports, or None when it does not answer."""
    data = urllib.parse.urlencode({"language": "en-US", "text": ""}).encode()
    answer = _request(url, "/v2/check", timeout, data)
    if answer is None or answer[0] != 200:
        return None
    try:
        return str(json.loads(answer[1])["software"]["version"])
    except (ValueError, KeyError, TypeError):
        return None


def port_of(url: str) -> int:
    parts = urlsplit(url)
    return parts.port or (443 if parts.scheme == "https" else 80)


def _pid_file(folder: Path, port: int) -> Path:
    return folder / "run" / f"server-{port}.pid"


def _log_file(folder: Path, port: int) -> Path:
    return folder / "run" / f"server-{port}.log"


def _server_command(found: Installation, port: int, max_text_length: int | None) -> list[str]:
    config = found.folder / "run" / f"server-{port}.cfg"
    config.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# written by refuso languagetool serve"]
    if max_text_length:
        lines.append(f"maxTextLength={max_text_length}")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    classpath = os.path.join(str(found.libs), "*")
    return [
        java(),
        *JAVA_MEMORY,
        "-Dfile.encoding=UTF-8",
        "-cp",
        classpath,
        "org.languagetool.server.HTTPServer",
        "--port",
        str(port),
        "--config",
        str(config),
    ]


def _require_installation() -> Installation:
    found = installation()
    if found is None:
        raise LanguageToolError(
            f"LanguageTool is not installed in {home()}: run `refuso languagetool install` first "
            "(it needs Java 17 and Maven), or point languagetool.url at a running server"
        )
    return found


# -- the process refuso started --------------------------------------------------------------------
#
# A pid file outlives its process (a reboot, a kill -9), and the number in it is soon another
# process's. So it records what identifies the server: its process id, its start time and its
# command line, read back from /proc (or ps) and compared before any signal is sent.

SERVER_CLASS = "org.languagetool.server.HTTPServer"


def _process_identity(pid: int) -> tuple[str, list[str]] | None:
    """(start time, command line) of a running process, or None when there is none."""
    proc = Path("/proc") / str(pid)
    if Path("/proc/self").is_dir():
        try:
            stat_fields = (proc / "stat").read_text(encoding="utf-8", errors="replace")
            argv = (proc / "cmdline").read_bytes()
        except OSError:
            return None
        # After the command name in parentheses (which may hold anything), the 20th field is the
        # start time in clock ticks since boot.
        start = stat_fields.rsplit(")", 1)[-1].split()[19]
        return start, [a.decode("utf-8", "surrogateescape") for a in argv.split(b"\0") if a]
    try:  # no /proc (macOS, the BSDs): ps says the same
        out = subprocess.run(
            ["ps", "-o", "lstart=", "-o", "command=", "-p", str(pid)],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    if not out:
        return None
    return out[:24], out[24:].split()


def _record(pid: int) -> dict[str, object]:
    identity = _process_identity(pid)
    start, command = identity if identity else ("", [])
    return {"pid": pid, "start": start, "command": command}


def _write_pid_file(folder: Path, port: int, pid: int) -> Path:
    path = _pid_file(folder, port)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(_record(pid)) + "\n", encoding="utf-8")
    return path


def _is_our_server(record: dict[str, object], port: int) -> bool:
    """Whether the process the record names is alive and is the server refuso started on ``port``."""
    pid = record.get("pid")
    if not isinstance(pid, int) or pid <= 0:
        return False
    identity = _process_identity(pid)
    if identity is None:
        return False
    start, command = identity
    if "start" in record:
        return record.get("start") == start and record.get("command") == command
    # A pid file written before start times were recorded: its command line must be the server's.
    return SERVER_CLASS in command and any(
        flag == "--port" and value == str(port) for flag, value in itertools.pairwise(command)
    )


def _read_pid_file(port: int) -> tuple[Path, dict[str, object] | None]:
    path = _pid_file(home(), port)
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return path, None
    try:
        record = json.loads(text)
    except ValueError:
        record = None
    if isinstance(record, int):
        record = {"pid": record}  # the old format: the number alone
    return path, record if isinstance(record, dict) else {}


def recorded_ports() -> list[int]:
    """The ports of the servers refuso has started and recorded (a pid file each), whether or not
    they still run: the one ``serve --detach`` started, and those a run started by itself on the port
    of its ``languagetool.url``."""
    ports = []
    for path in (home() / "run").glob("server-*.pid"):
        number = path.stem.removeprefix("server-")
        if number.isdigit():
            ports.append(int(number))
    return sorted(ports)


def running_pid(port: int = DEFAULT_PORT) -> int | None:
    """The process id of the server refuso started on ``port``, if it is still alive."""
    _, record = _read_pid_file(port)
    if record and _is_our_server(record, port):
        return int(record["pid"])  # type: ignore[call-overload]
    return None


WARM_UP_TEXTS = {"it-IT": "Il ministro ha parlato ad un giornalista.", "en-US": "She go to school."}


def warm_up(url: str, timeout: float = 180.0) -> float:
    """Check a sentence in each language once: the first check of a language loads its rules and
    takes seconds, which should not fall on a user's first run. The seconds it took."""
    began = time.monotonic()
    for language, text in WARM_UP_TEXTS.items():
        data = urllib.parse.urlencode({"language": language, "text": text}).encode()
        if _request(url, "/v2/check", timeout, data) is None:
            break
    return time.monotonic() - began


def start(
    port: int = DEFAULT_PORT,
    *,
    max_text_length: int | None = None,
    warm: bool = False,
    log=sys.stderr,  # type: ignore[no-untyped-def]
) -> int:
    """Start a server in the background and wait until it answers (and, with ``warm``, until it has
    loaded the Italian and English rules); its process id."""
    found = _require_installation()
    url = f"http://127.0.0.1:{port}"
    if healthy(url):
        raise LanguageToolError(f"a server already answers at {url}; stop it or choose another --port")
    log_path = _log_file(found.folder, port)
    command = _server_command(found, port, max_text_length)
    with open(log_path, "wb") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True
        )
    pid_file = _write_pid_file(found.folder, port, process.pid)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                tail = _tail(log_path)
                raise LanguageToolError(
                    f"the LanguageTool server stopped at start (exit code {process.returncode}); its log "
                    f"({log_path}) ends:\n{tail}"
                )
            if healthy(url, timeout=1.0):
                print(f"LanguageTool {found.version} is listening at {url} (process {process.pid})", file=log)
                if warm:
                    took = warm_up(url)
                    print(f"loaded the Italian and English rules in {took:.1f} s", file=log)
                return process.pid
            time.sleep(0.25)
        raise LanguageToolError(
            f"the LanguageTool server did not answer within {START_TIMEOUT:g} s; see {log_path}"
        )
    except BaseException:
        # A start that failed (or was interrupted) leaves no server and no pid file behind: the
        # number would soon be another process's.
        if process.poll() is None:
            process.terminate()
        pid_file.unlink(missing_ok=True)
        raise


def serve(port: int = DEFAULT_PORT, *, max_text_length: int | None = None) -> int:
    """Run a server in the foreground until interrupted; its exit code."""
    found = _require_installation()
    command = _server_command(found, port, max_text_length)
    print(f"LanguageTool {found.version} on http://127.0.0.1:{port} (Ctrl-C stops it)", file=sys.stderr)
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
    pid_file = _write_pid_file(found.folder, port, process.pid)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait(timeout=30)
        return 0
    finally:
        pid_file.unlink(missing_ok=True)


def stop(port: int = DEFAULT_PORT, timeout: float = 30.0, log=sys.stderr) -> bool:  # type: ignore[no-untyped-def]
    """Stop the server refuso started on ``port``; False when there was none.

    Only the process the pid file describes (same start time and command line) is signalled: a pid
    file left by a server that is gone names, sooner or later, some unrelated process."""
    pid_file, record = _read_pid_file(port)
    if record is None:
        return False
    pid = record.get("pid")
    handle = _open_process(pid) if isinstance(pid, int) and pid > 0 else None
    # Checked after the handle is open: from then on the handle cannot come to mean another process.
    if handle is None or not _is_our_server(record, port):
        _close(handle)
        pid_file.unlink(missing_ok=True)
        if not isinstance(pid, int):
            why = "it does not hold a process id"
        elif handle is None:
            why = f"process {pid} is no longer running"
        else:
            why = f"process {pid} is not the LanguageTool server refuso started on port {port}; it was left alone"
        print(f"refuso: note: {pid_file}: removed a stale pid file: {why}", file=log)
        return False
    try:
        _signal(handle, signal.SIGTERM)
        if not _wait_gone(handle, timeout):
            _signal(handle, signal.SIGKILL)
            _wait_gone(handle, 5.0)
    finally:
        _close(handle)
    pid_file.unlink(missing_ok=True)
    return True


def _open_process(pid: int) -> tuple[int, int | None] | None:
    """(pid, pidfd), or None when there is no such process. A pidfd (Linux 5.3 and later) keeps
    meaning this process even if it exits and its number is reused; elsewhere the number alone."""
    pidfd_open = getattr(os, "pidfd_open", None)
    if pidfd_open is not None:
        try:
            return pid, pidfd_open(pid)
        except ProcessLookupError:
            return None
        except OSError:
            pass  # a kernel without pidfds
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except OSError:
        pass  # alive, but another user's: the identity check decides
    return pid, None


def _signal(handle: tuple[int, int | None], signum: int) -> None:
    pid, fd = handle
    try:
        if fd is not None:
            signal.pidfd_send_signal(fd, signum)
        else:
            os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _wait_gone(handle: tuple[int, int | None], timeout: float) -> bool:
    import select

    pid, fd = handle
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if fd is not None:
            if select.select([fd], [], [], max(0.0, deadline - time.monotonic()))[0]:
                return True
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


def _close(handle: tuple[int, int | None] | None) -> None:
    if handle is not None and handle[1] is not None:
        os.close(handle[1])


def ensure_running(url: str, *, local: bool, log=sys.stderr) -> None:  # type: ignore[no-untyped-def]
    """Make sure a server answers at ``url``: start a local one when ``url`` is on this machine and
    LanguageTool is installed, else raise with what to do. Concurrent callers start it once."""
    if healthy(url):
        return
    if not local:
        raise LanguageToolError(
            f"no LanguageTool server answers at {url}: check languagetool.url, or leave it unset to use "
            "a local server (`refuso languagetool install`)"
        )
    found = installation()
    if found is None:
        raise LanguageToolError(
            f"no LanguageTool server answers at {url}, and LanguageTool is not installed: run "
            "`refuso languagetool install` (needs Java 17 and Maven), then check again; or set "
            "languagetool.url to a running server"
        )
    import fcntl

    lock_path = found.folder / "run" / "start.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be starting it: wait for it
        if healthy(url):
            return
        print(
            f"refuso: starting a local LanguageTool server at {url} (it keeps running for later runs; "
            "`refuso languagetool stop` stops it)",
            file=log,
        )
        start(port_of(url), log=log)


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
