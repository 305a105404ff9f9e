"""Markers for tests that need a package of the ``crosscheck`` extra.

The README's test command installs the ``test`` extra only; ``.ci/run``
installs ``crosscheck`` as well (pygambit, QuantEcon, Dask, pandas), so CI runs
every cross-check, and a local run without them skips those tests and says why.
"""

from importlib.util import find_spec

import pytest


def needs(module: str) -> pytest.MarkDecorator:
    """Skip unless ``module`` is importable."""
    return pytest.mark.skipif(find_spec(module) is None, reason=f'needs {module}: pip install ".[crosscheck]"')


needs_quantecon = needs("quantecon")
needs_pygambit = needs("pygambit")
