"""Every example in the package's docstrings runs and shows what the code really returns."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import pipeline

MODULES = sorted(name for _, name, _ in pkgutil.walk_packages(pipeline.__path__, "pipeline.") if not name.endswith(".__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"
