"""Process-level helpers shared by the batch stages (loading, scoring, cache read-back)."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch builds many small objects.

    Batches keep hundreds of thousands of rows, cues and decoded cells alive until they end, so
    the collector would re-scan the growing heap again and again (a sixth to a tenth of the CPU
    time) without finding anything: these builders make no reference cycles. Reference counting
    still frees everything; the collector resumes afterwards, unless it was already off.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
