"""Loading and generating with the cyclic garbage collector paused (as shipped) and running.

Prints one JSON line per size and setting; nothing is asserted. The figures justify
`quizgen/gcpause.py`: with the collector running, the cost of loading grows faster than the
number of facts.
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_notes import write_notes

from quizgen.facts.loader import load_fact_base
from quizgen.questions.generator import GenerateOptions, generate_set


def measure(notes: Path, paused: bool) -> dict[str, float | bool]:
    """Seconds to load and to generate, with the pause in effect or turned into a no-op."""
    keep_running = mock.patch("quizgen.gcpause.gc.disable", new=lambda: None)
    with contextlib.nullcontext() if paused else keep_running:
        started = time.perf_counter()
        base = load_fact_base(notes)
        loaded = time.perf_counter()
        generate_set(base, GenerateOptions(forms=("multiple-choice",)), seed=1)
        generated = time.perf_counter()
    return {
        "gc_paused": paused,
        "load_s": round(loaded - started, 3),
        "generate_s": round(generated - loaded, 3),
    }


def main() -> None:
    """Both settings at each size (default 10,000 and 40,000 facts)."""
    for facts in [int(a) for a in sys.argv[1:]] or [10_000, 40_000]:
        with tempfile.TemporaryDirectory() as tmp:
            notes = write_notes(Path(tmp), facts)
            for paused in (True, False):
                print(json.dumps({"facts": facts, **measure(notes, paused)}), flush=True)


if __name__ == "__main__":
    main()
