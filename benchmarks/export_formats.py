"""`quizgen export` of every format, run as a teacher runs it: seconds per set size.

A set is generated from a synthetic base, written to a file, and each format exported by the
real command (`python -m quizgen export FORMAT --set ... -o ...`, the fact base read too). Prints
one JSON line per size and format with the set file's size, so the progress bar's threshold
(`quizgen/cli/progress_bars.py`: a bar from 1 MB of set file) can be checked against exports
that take more than a second. Nothing is asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_notes import write_notes

from quizgen.exports.formats import EXPORT_FORMATS, EXTENSIONS
from quizgen.facts.loader import load_fact_base
from quizgen.questions.generator import GenerateOptions, generate_set
from quizgen.questions.set_file import write_set

SIZES = (300, 1_000, 3_000)


def measure(facts: int, folder: Path) -> list[dict[str, object]]:
    """Seconds for each format's export of a set made from `facts` synthetic facts."""
    notes = write_notes(folder / f"notes-{facts}", facts)
    qset = generate_set(load_fact_base(notes), GenerateOptions(), seed=1)
    path = folder / f"set-{facts}.yaml"
    write_set(qset, path)
    rows = []
    for name in EXPORT_FORMATS:
        out = folder / f"out-{facts}{EXTENSIONS[name]}"
        command = [sys.executable, "-m", "quizgen", "export", name, "--notes", str(notes)]
        started = time.perf_counter()
        done = subprocess.run(
            [*command, "--set", str(path), "-o", str(out)], capture_output=True, check=False
        )
        rows.append(
            {
                "facts": facts,
                "questions": len(qset.questions),
                "set_bytes": path.stat().st_size,
                "format": name,
                "seconds": round(time.perf_counter() - started, 3),
                "exit": done.returncode,
            }
        )
    return rows


def main() -> None:
    """Print one JSON line per size and format."""
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    with tempfile.TemporaryDirectory() as tmp:
        for facts in sizes:
            for row in measure(facts, Path(tmp)):
                print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
