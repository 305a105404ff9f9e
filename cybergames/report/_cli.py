"""``python -m cybergames``: the command line of the cooperation report."""

from __future__ import annotations

import os
import sys
from typing import Any, Sequence

from .._cli import check_model_names, parser
from ..errors import CybergamesError, ParameterError
from ._build import build_report
from ._render import render

__all__ = ["parser", "run"]


def _parse_overrides(items: Sequence[str]) -> dict[str, Any]:
    from ..models._base import as_fraction

    overrides = {}
    for item in items:
        name, sep, text = item.partition("=")
        if not sep or not name.strip() or not text.strip():
            raise ParameterError(f"--set: expected NAME=VALUE, got {item!r}")
        try:
            overrides[name.strip()] = as_fraction(text.strip())
        except ParameterError as exc:
            bound = str(exc) if "limits." in str(exc) else ""      # say which bound, when one was hit
            raise ParameterError(f"--set {name.strip()}: " + (bound or f"expected a number such as 0.8 or 4/5, "
                                                               f"got {text.strip()!r}")) from None
    return overrides


def _require_matplotlib() -> None:
    """Fail in one line, before any computing, when --plots cannot draw."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise ParameterError("--plots: the figures need matplotlib, which is not installed; "
                             "pip install 'cybergames[plot]'") from None


def run(argv: Sequence[str]) -> int:
    """Run the command line; return the exit status (errors print one line to stderr)."""
    try:
        args = parser().parse_args(list(argv))
        check_model_names(args.models)
        if args.plots:
            _require_matplotlib()
        overrides = _parse_overrides(args.overrides)
        sections = build_report(args.models, overrides)
        written = []
        if args.plots:
            from ..figures import write_figures
            written = write_figures(args.plots, args.models, overrides)
        print(render(sections, args.format))
        for path in written:
            print(f"cybergames: wrote {path}", file=sys.stderr)
    except CybergamesError as exc:
        print(f"cybergames: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0
