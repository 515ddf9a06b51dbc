"""Installing LanguageTool: ``refuso languagetool install`` fetches its jars from Maven Central through
Maven (``pom.xml`` next to this module lists them); nothing is built and nothing is fetched from
LanguageTool's own site."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from lint.languagetool import LANGUAGETOOL_VERSION, LanguageToolError, home

MANIFEST = "installed.json"


@dataclass(frozen=True)
class Installation:
    folder: Path
    version: str
    jars: int

    @property
    def libs(self) -> Path:
        return self.folder / "libs"


def installation(folder: Path | None = None) -> Installation | None:
    """The installed jars, or None when ``refuso languagetool install`` has not run (or broke)."""
    folder = folder or home()
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    libs = folder / "libs"
    jars = len(list(libs.glob("*.jar"))) if libs.is_dir() else 0
    if jars == 0 or jars != manifest.get("jars"):
        return None
    return Installation(folder, str(manifest.get("version", "?")), jars)


def java_version(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major  # "1.8.0" is Java 8


def java() -> str:
    java = shutil.which("java")
    if java is None:
        raise LanguageToolError(
            "LanguageTool needs Java 17 or newer, and `java` is not on PATH: install a Java runtime "
            "(Debian and Ubuntu: apt-get install openjdk-17-jre-headless) and try again"
        )
    version = java_version(java)
    if version is None or version < 17:
        raise LanguageToolError(
            f"LanguageTool needs Java 17 or newer; {java} is Java {version or 'of an unknown version'}: "
            "install a newer Java runtime and put it first on PATH"
        )
    return java


def install(*, force: bool = False, folder: Path | None = None, log=sys.stderr) -> Installation:  # type: ignore[no-untyped-def]
    """Fetch LanguageTool's server and its Italian and English modules from Maven Central."""
    folder = folder or home()
    found = installation(folder)
    if found is not None and not force:
        print(
            f"LanguageTool {found.version} is already installed in {found.folder} ({found.jars} jars)",
            file=log,
        )
        return found
    java()
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LanguageToolError(
            "installing LanguageTool needs Maven (`mvn`), which is not on PATH: install it "
            "(Debian and Ubuntu: apt-get install maven), or copy an installed LanguageTool folder "
            f"to {folder}"
        )
    folder.mkdir(parents=True, exist_ok=True)
    pom = folder / "pom.xml"
    shutil.copyfile(Path(__file__).with_name("pom.xml"), pom)
    partial = folder / "libs.partial"
    shutil.rmtree(partial, ignore_errors=True)
    print(f"fetching LanguageTool {LANGUAGETOOL_VERSION} from Maven Central into {folder} ...", file=log)
    command = [
        mvn,
        "-B",
        "-q",
        "-f",
        str(pom),
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={partial}",
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
        raise LanguageToolError(
            f"Maven could not fetch LanguageTool (exit code {done.returncode}); check that Maven Central "
            f"is reachable (a proxy goes in ~/.m2/settings.xml). Maven said:\n{tail}"
        )
    jars = len(list(partial.glob("*.jar")))
    if jars == 0:
        raise LanguageToolError(f"Maven fetched no jars into {partial}; see `mvn -f {pom} dependency:tree`")
    libs = folder / "libs"
    shutil.rmtree(libs, ignore_errors=True)
    partial.rename(libs)
    manifest = {
        "version": LANGUAGETOOL_VERSION,
        "jars": jars,
        "installed": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"installed LanguageTool {LANGUAGETOOL_VERSION} ({jars} jars) in {folder}", file=log)
    return Installation(folder, LANGUAGETOOL_VERSION, jars)
