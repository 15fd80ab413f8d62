"""Progress bars for the slow commands: click's bar on standard error, only on a terminal.

Piped or redirected output gets no bar at all (not even click's one-line label), so logs and
scripts read only what the command says.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

#: Generating from fewer facts than this takes well under a second: no bar.
GENERATE_BAR_FACTS = 2000
#: Exporting a set file smaller than this takes under a second, so it draws no bar.
#: benchmarks/export_formats.py: a 263 KB set exports in 0.3 to 0.6 s in every format, an
#: 889 KB one in 0.8 to 1.6 s.
EXPORT_BAR_BYTES = 600_000


def progress_bar(label: str, length: int) -> ProgressBar[str] | None:
    """A bar of `length` steps on standard error, showing the current item's name; None when
    standard error is not a terminal."""
    if not sys.stderr.isatty():
        return None
    bar: ProgressBar[str] = click.progressbar(
        length=length,
        label=label,
        file=sys.stderr,
        show_pos=True,
        item_show_func=lambda item: item,
        update_min_steps=0,  # so a stage's name shows as it begins, before any step is done
    )
    return bar


@contextlib.contextmanager
def stages(label: str, count: int, shown: bool = True) -> Iterator[Callable[[str], None]]:
    """A bar over `count` named stages: call the function it gives with each stage's name as
    the stage begins (`Exporting  [#####-----]  2/4  reading the fact base`). Nothing is drawn
    when `shown` is false or standard error is not a terminal."""
    bar = progress_bar(label, count) if shown else None
    if bar is None:
        yield lambda name: None
        return
    begun = False

    def begin(name: str) -> None:
        nonlocal begun
        bar.update(1 if begun else 0, name)
        begun = True

    with bar:
        yield begin
        bar.update(1, "done")
