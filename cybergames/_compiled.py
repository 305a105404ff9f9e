"""Compiling plain-loop kernels with numba, one rule for every family.

A kernel is a plain Python function of loops over numpy arrays, which also runs
(slowly) as Python. :func:`compile_kernel` returns it compiled by numba, cached
on disk, or None where numba cannot be imported or the environment variable
``CYBERGAMES_NO_NUMBA`` is set to a non-empty value; callers then run the plain
function or another route, with the same answers.
"""

from __future__ import annotations

import os
from typing import Callable, Sequence


def compile_kernel(function: Callable, callees: Sequence[Callable] = ()) -> Callable | None:
    """``function`` compiled, or None when numba is missing, fails, or is switched off.

    ``callees`` are the plain functions the kernel calls, made callable from
    compiled code (numba's ``register_jitable``).
    """
    if os.environ.get("CYBERGAMES_NO_NUMBA"):
        return None
    try:
        import numba
    except ImportError:                                         # where no numba wheel installs
        return None
    if callees:
        from numba.extending import register_jitable
        for callee in callees:
            register_jitable(callee)
    try:
        return numba.njit(cache=True, nogil=True)(function)
    except Exception:                                           # noqa: BLE001 - no cache location: compile anyway
        return numba.njit(nogil=True)(function)


def enabled() -> bool:
    """Whether :func:`compile_kernel` compiles: numba is installed and not switched off (numba not imported)."""
    if os.environ.get("CYBERGAMES_NO_NUMBA"):
        return False
    import importlib.util
    return importlib.util.find_spec("numba") is not None
