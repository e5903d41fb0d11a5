"""Tests for warta.runtime: the helpers the batch stages share."""
from __future__ import annotations

import gc

import numpy as np
import pytest

from warta.runtime import collector_paused, sorted_unique


@pytest.mark.parametrize(
    "values, expected",
    [
        ([3, 1, 3, 2, 1], [1, 2, 3]),
        ([7], [7]),
        ([], []),
        ([-5, 2**62, -5, 0], [-5, 0, 2**62]),
    ],
)
def test_sorted_unique_is_np_unique(values, expected):
    array = np.array(values, dtype=np.int64)
    assert sorted_unique(array).tolist() == expected == np.unique(array).tolist()


def test_collector_paused_restores_the_collector():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_keep_out_of_collections_freezes_what_is_alive():
    from warta.runtime import keep_out_of_collections

    cells = [[number] for number in range(100)]
    gc.unfreeze()
    try:
        keep_out_of_collections()
        assert gc.get_freeze_count() >= len(cells)
        assert {id(cell) for cell in cells}.isdisjoint(map(id, gc.get_objects()))
    finally:
        gc.unfreeze()
