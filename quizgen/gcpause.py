"""Pausing Python's cyclic garbage collector while building many small acyclic records.

Loading and generating allocate hundreds of thousands of objects with no reference cycles
(reference counting frees them). The cyclic collector would rescan all of them again and again,
which made loading 100,000 facts grow faster than linearly; pausing it keeps the cost linear.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector inside the block, restoring its previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
