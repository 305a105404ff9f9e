"""Test configuration shared by tests/, the doctests in cybergames/ and the pages in docs/."""

import os

# Multithreaded BLAS stalls on small products when the machine is busy (CI runs the
# suite on two workers of two cores); one thread per worker is faster and steadier.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

os.environ.setdefault("MPLBACKEND", "Agg")

# CI machines are noisy: no deadline and a fixed sequence of examples, so that a
# green run can be reproduced. Local runs keep Hypothesis's example counts and random
# examples, but no deadline either: a newcomer's machine may be as loaded as CI's (a
# 430 ms example took 54 s on a loaded 2-core machine), and speed is the benchmarks' job.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

BENCHMARKS = Path(__file__).parent / "tests" / "benchmarks"


def pytest_addoption(parser):
    parser.addoption("--benchmarks", action="store_true", default=False,
                     help="also collect tests/benchmarks (left out of the default run)")
    parser.addoption("--run-slow", action="store_true", default=False,
                     help="also run the tests marked slow (minutes of work; CI=true runs them too)")


def _importable(name):
    import importlib.util
    return importlib.util.find_spec(name) is not None


def pytest_collection_modifyitems(config, items):
    """Skip the doctests that call a package of the crosscheck extra when it is not installed.

    Tests marked slow run in CI (``CI=true``) or with ``--run-slow``; a local run of the
    README's test command leaves them out, so that it stays within minutes.
    """
    missing = [name for name in ("pygambit", "quantecon") if not _importable(name)]
    run_slow = config.getoption("--run-slow") or bool(os.environ.get("CI"))
    slow = pytest.mark.skip(reason="slow: runs in CI (CI=true) or with --run-slow")
    for item in items:
        if not run_slow and item.get_closest_marker("slow") is not None:
            item.add_marker(slow)
        examples = getattr(getattr(item, "dtest", None), "examples", ())
        for name in missing:
            if any(name in example.source for example in examples):
                item.add_marker(pytest.mark.skip(reason=f'needs {name}: pip install ".[crosscheck]"'))


def pytest_ignore_collect(collection_path, config):
    if config.getoption("--benchmarks"):
        return None
    if collection_path == BENCHMARKS or BENCHMARKS in collection_path.parents:
        return True
    return None

