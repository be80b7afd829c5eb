"""Shared fixtures: the seed policies, a pipeline run over them, the OPP-115 folder."""

from __future__ import annotations

import os
from pathlib import Path

# One BLAS thread in the tests and every process they start (notebook kernels): on two shared
# cores OpenBLAS's threads spin against each other; measured under load, the suite took 12 min
# instead of 5 and one classifier fit 102 s instead of 8. Set before anything imports numpy.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import tempfile

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

from tests.paths import OPP115_DIR, RAW_DIR

# Tests write only to temporary folders: no example database in the checkout (.hypothesis/). A failing example is
# printed with the failure, with what reproduces it.
# Hypothesis's other files (its cache of the constants in the code under test) go to a folder removed at exit.
settings.register_profile("suite", database=None)
settings.load_profile("suite")
_SCRATCH_HOME = tempfile.TemporaryDirectory(prefix="policy-clauses-tests-")
set_hypothesis_home_dir(os.path.join(_SCRATCH_HOME.name, "hypothesis"))
# The same for the notebook kernels' runtime files and profiles and matplotlib's font cache (inherited by every
# process the tests start), which would otherwise go under the home folder.
for _variable, _folder in (("JUPYTER_RUNTIME_DIR", "jupyter-runtime"), ("IPYTHONDIR", "ipython"), ("MPLCONFIGDIR", "matplotlib")):
    os.environ.setdefault(_variable, os.path.join(_SCRATCH_HOME.name, _folder))

SEED_FILES = sorted(RAW_DIR.glob("*.txt"))
THAI_SEED = RAW_DIR / "003_1afedaf606ef70f7.txt"


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory):
    """One pipeline run over the five seeds, written to a temporary folder."""
    from pipeline import run_pipeline

    out = tmp_path_factory.mktemp("run") / "clauses.parquet"
    return run_pipeline(RAW_DIR, out)


@pytest.fixture(scope="session")
def opp115_dir() -> Path:
    """The OPP-115 folder ($OPP115_DIR, or ../shared/opp115 beside the checkout); tests that need it skip without it."""
    if not (OPP115_DIR / "sanitized_policies").is_dir():
        pytest.skip(f"OPP-115 corpus not found at {OPP115_DIR}")
    return OPP115_DIR
