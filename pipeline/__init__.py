"""Turn English and Thai privacy policies into a labeled clause table.

>>> import pipeline
>>> clauses = pipeline.run("data/raw")            # doctest: +SKIP
>>> clauses.groupby("lang").size()                # doctest: +SKIP
"""

from .config import CATEGORIES, PIPELINE_VERSION
from .runtime.run import RunResult, run, run_pipeline

__version__ = PIPELINE_VERSION
__all__ = ["CATEGORIES", "RunResult", "__version__", "run", "run_pipeline"]
