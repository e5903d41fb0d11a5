"""Shared fixtures: a local Dask cluster (loopback only), a small synthetic corpus, and the compiled module."""
from __future__ import annotations

import os

import pytest


@pytest.fixture
def compiled_tokens():
    """``warta._tokens``: a missing build is an error, not a skip, unless WARTA_PURE_PYTHON=1
    (a machine without a C compiler accepts the slower, equal pure-Python paths)."""
    if os.environ.get("WARTA_PURE_PYTHON") == "1":
        return pytest.importorskip("warta._tokens")
    from warta import _tokens

    return _tokens


@pytest.fixture(scope="session")
def dask_cluster():
    """Two worker processes with one thread each, no dashboard, bound to 127.0.0.1."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        yield cluster


@pytest.fixture(scope="session")
def synthetic_corpus(tmp_path_factory):
    """Sixteen synthetic articles in several input formats (fixed seed)."""
    from warta.synth import generate_corpus

    folder = tmp_path_factory.mktemp("synthetic")
    generate_corpus(n=16, out=folder, seed=5)
    return folder
