"""Turn English and Thai privacy policies into a labeled clause table.

>>> import pipeline
>>> nlp = pipeline.load()                                 # doctest: +SKIP
>>> nlp("We keep server logs for 90 days.")               # doctest: +SKIP
>>> clauses = pipeline.run("data/raw")                    # doctest: +SKIP
>>> clauses.groupby("lang").size()                        # doctest: +SKIP
"""

from .config import CATEGORIES, PIPELINE_VERSION
from .runtime.clause_pipeline import ClausePipeline, load
from .runtime.run import RunResult, run, run_pipeline

__version__ = PIPELINE_VERSION
__all__ = ["CATEGORIES", "ClausePipeline", "RunResult", "__version__", "load", "run", "run_pipeline"]
