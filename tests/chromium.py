"""Headless Chromium for the tests that run a page in a real browser or print it to PDF."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: Seconds one run may take before the test fails (a cold start on a busy machine is slow).
TIMEOUT = 120

#: Skips a test (or, as `pytestmark`, a module) where there is no Chromium to run it.
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs headless Chromium at /usr/bin/chromium (apt-get install -y chromium)",
)


def run_chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with a fresh profile folder `profile` and `args`; fail on an error
    exit or after TIMEOUT seconds."""
    return subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=True,
    )


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM of `page` once its scripts have run, serialised as HTML."""
    return run_chromium(profile, "--dump-dom", page.as_uri()).stdout


def print_to_pdf(page: Path, pdf: Path, profile: Path | None = None) -> Path:
    """Print `page` to `pdf` as a browser's Print does, without the browser's own header and
    footer (the page's CSS draws its own); the profile is a fresh folder beside the PDF unless
    one is given."""
    profile = profile or pdf.with_name(pdf.stem + "-profile")
    run_chromium(profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    if not pdf.is_file():
        raise AssertionError(f"Chromium printed no PDF to {pdf}")
    return pdf


def screenshot(page: Path, png: Path, size: tuple[int, int] = (1000, 1400)) -> Path:
    """A PNG of `page` as a browser window of `size` (width, height) shows it."""
    profile = png.with_name(png.stem + "-profile")
    run_chromium(
        profile, f"--screenshot={png}", f"--window-size={size[0]},{size[1]}", page.as_uri()
    )
    return png
