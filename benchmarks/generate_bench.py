"""Load + validate, generate a question per fact, export GIFT: seconds at 1k, 10k, 100k facts.

Prints one JSON line per size. Goals (not asserted): generating for 10,000 facts takes less than
twice as long as loading them; ten times the facts costs at most twelve times the time.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_notes import write_notes

from quizgen.exports.gift import export_gift
from quizgen.facts.loader import load_fact_base
from quizgen.questions.generator import GenerateOptions, generate_set


def measure(facts: int) -> dict[str, float | int]:
    """Seconds for each stage over a synthetic base of `facts` facts."""
    with tempfile.TemporaryDirectory() as tmp:
        notes = write_notes(Path(tmp), facts)
        started = time.perf_counter()
        base = load_fact_base(notes)
        loaded = time.perf_counter()
        qset = generate_set(base, GenerateOptions(forms=("multiple-choice",)), seed=1)
        generated = time.perf_counter()
        export_gift(qset)
        exported = time.perf_counter()
    return {
        "facts": facts,
        "questions": len(qset.questions),
        "load_validate_s": round(loaded - started, 3),
        "generate_s": round(generated - loaded, 3),
        "export_gift_s": round(exported - generated, 3),
    }


def main() -> None:
    """Print one JSON line per size, then the ratios the goals speak of."""
    results = []
    for facts in [int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000]:
        results.append(measure(facts))
        print(json.dumps(results[-1]), flush=True)
    by_size = {r["facts"]: r for r in results}
    if 10_000 in by_size:
        r = by_size[10_000]
        print(
            json.dumps(
                {"generate_over_load_at_10k": round(r["generate_s"] / r["load_validate_s"], 2)}
            )
        )
    for small, big in ((1_000, 10_000), (10_000, 100_000)):
        if small in by_size and big in by_size:
            ratio = {
                k: round(by_size[big][k] / max(by_size[small][k], 1e-9), 1)
                for k in ("load_validate_s", "generate_s", "export_gift_s")
            }
            print(json.dumps({"scaling": f"{small}->{big}", **ratio}))


if __name__ == "__main__":
    main()
