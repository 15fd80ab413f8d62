"""`paused_gc`: the cyclic collector is off inside the block and as it was after it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from quizgen.gcpause import paused_gc


class Boom(Exception):
    """Raised inside the block to check the collector is still restored."""


@pytest.fixture(autouse=True)
def restore_collector() -> Iterator[None]:
    # A failing test must not leave the collector off for the rest of the run.
    was_enabled = gc.isenabled()
    yield
    if was_enabled:
        gc.enable()
    else:
        gc.disable()


def set_collector(enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled_before", [True, False], ids=["enabled", "disabled"])
def test_the_collector_is_off_inside_and_as_before_after(enabled_before: bool) -> None:
    set_collector(enabled_before)
    with paused_gc():
        assert gc.isenabled() is False
    assert gc.isenabled() is enabled_before


@pytest.mark.parametrize("enabled_before", [True, False], ids=["enabled", "disabled"])
def test_the_state_is_restored_when_the_block_raises(enabled_before: bool) -> None:
    set_collector(enabled_before)
    with pytest.raises(Boom), paused_gc():
        assert gc.isenabled() is False
        raise Boom
    assert gc.isenabled() is enabled_before


def test_nested_pauses_restore_the_outer_state_only_at_the_end() -> None:
    gc.enable()
    with paused_gc():
        with paused_gc():
            assert gc.isenabled() is False
        assert gc.isenabled() is False  # the inner pause found it off and leaves it off
    assert gc.isenabled() is True
