"""Make the README's picture of the HTML report, docs/images/html-report.png, from the seed article.

Run from the checkout: ``.venv/bin/python tools/html_report_screenshot.py``. It needs the ``playwright``
package and a Chromium on PATH (Debian's ``chromium``); it downloads nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c6597b0d87ed5ff2.txt"
OUTPUT = ROOT / "docs" / "images" / "html-report.png"
VIEWPORT = {"width": 1280, "height": 900}


def render_report(html_path: Path) -> None:
    """Write refuso's HTML report of the seed to ``html_path``; exit code 1 (findings) is expected."""
    proc = subprocess.run(
        [sys.executable, "-m", "lint", "check", str(SEED), "--format", "html"],
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"refuso failed ({proc.returncode}): {proc.stderr.decode('utf-8', 'replace')}")
    html_path.write_bytes(proc.stdout)


def screenshot(html_path: Path, output: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("no chromium on PATH")
    output.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport=VIEWPORT)
            page.goto(html_path.as_uri())
            # A highlight in the article text, scrolled to the upper part of the view, hovered so that
            # its tooltip shows next to the summary and the text around it.
            highlight = page.locator(".text mark.hl.cat-duplication").first
            highlight.scroll_into_view_if_needed()
            page.evaluate(
                "el => window.scrollBy(0, el.getBoundingClientRect().top - 300)", highlight.element_handle()
            )
            highlight.hover()
            page.locator(".tip:visible").first.wait_for()
            page.screenshot(path=str(output))
        finally:
            browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        html_path = Path(folder) / "report.html"
        render_report(html_path)
        screenshot(html_path, OUTPUT)
    print(OUTPUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
