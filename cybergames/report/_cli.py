"""``python -m cybergames``: the command line of the cooperation report."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Sequence

from ..errors import CybergamesError, ParameterError
from ._build import build_report
from ._render import RENDERERS, render

__all__ = ["parser", "run"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, not a usage dump
        raise ParameterError(message)


def parser() -> argparse.ArgumentParser:
    """The command line's argument parser (the CLI reference is generated from it)."""
    result = _Parser(prog="python -m cybergames",
                     description="The cooperation report: when is cyber cooperation sustainable?")
    result.add_argument("models", nargs="*", metavar="MODEL",
                        help="report only these models (trust, interests, jurisdiction, capacity, norms, "
                             "attribution, information) or the classic stage games (stage); default all")
    result.add_argument("--set", dest="overrides", action="append", default=[], metavar="NAME=VALUE",
                        help="override a model parameter, e.g. --set q=0.8 or --set attribution.detect=4/5 "
                             "(decimals and fractions are read exactly; q, r, pi and tau stand for "
                             "detect, false_flag, enforcement and transfer)")
    result.add_argument("--format", default="text", choices=sorted(RENDERERS),
                        help="output format (default text)")
    result.add_argument("--plots", metavar="DIR", default=None,
                        help="also write each model's figure into DIR (needs matplotlib); the files written "
                             "are listed on standard error")
    return result


def _parse_overrides(items: Sequence[str]) -> dict[str, Any]:
    from ..models._base import as_fraction

    overrides = {}
    for item in items:
        name, sep, text = item.partition("=")
        if not sep or not name.strip() or not text.strip():
            raise ParameterError(f"--set: expected NAME=VALUE, got {item!r}")
        try:
            overrides[name.strip()] = as_fraction(text.strip())
        except ParameterError:
            raise ParameterError(f"--set {name.strip()}: expected a number such as 0.8 or 4/5, "
                                 f"got {text.strip()!r}") from None
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
