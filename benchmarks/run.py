"""`make bench`: run every benchmark in turn; each prints its own JSON lines (nothing asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = (
    "generate_bench.py",
    "gc_pause.py",
    "anki_export.py",
    "export_formats.py",
    "quiz_startup.py",
)


def main() -> int:
    """Run each benchmark with this interpreter; return the first failing exit code, else 0."""
    for name in BENCHMARKS:
        print(f"# {name}", flush=True)
        code = subprocess.call([sys.executable, str(HERE / name)])
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
