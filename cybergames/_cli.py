"""The command line's parser and its checks that need no solver.

``python -m cybergames --help`` and a mistyped option or model name are
answered from here, before the report (and numpy, sympy and scipy) is loaded,
so they print in a fraction of a second.
"""

from __future__ import annotations

import argparse
from typing import Sequence

from .errors import ParameterError, did_you_mean

#: The output formats of the report (its renderers carry the same keys).
FORMATS = ("json", "markdown", "text")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, not a usage dump
        raise ParameterError(message)


def parser() -> argparse.ArgumentParser:
    """The command line's argument parser (the CLI reference is generated from it)."""
    parser = _Parser(prog="python -m cybergames",
                     description="The cooperation report: when is cyber cooperation sustainable?")
    parser.add_argument("models", nargs="*", metavar="MODEL",
                        help="report only these models (trust, interests, jurisdiction, capacity, norms, "
                             "attribution, information; investment, interdependence, multimarket, crisis, deterrence, "
                             "timing) or "
                             "the classic stage games (stage); default all")
    parser.add_argument("--set", dest="overrides", action="append", default=[], metavar="NAME=VALUE",
                        help="override a model parameter, e.g. --set q=0.8 or --set attribution.detect=4/5 "
                             "(decimals and fractions are read exactly; q, r, pi and tau stand for "
                             "detect, false_flag, enforcement and transfer)")
    parser.add_argument("--format", default="text", choices=FORMATS,
                        help="output format (default text)")
    parser.add_argument("--plots", metavar="DIR", default=None,
                        help="also write each model's figure into DIR (needs matplotlib); the files written "
                             "are listed on standard error")
    return parser


def check_model_names(names: Sequence[str]) -> None:
    """Raise a :class:`~cybergames.errors.ParameterError` for an unknown model name, with a suggestion.

    >>> check_model_names(["trsut"])
    Traceback (most recent call last):
    ...
    cybergames.errors.ParameterError: model: unknown ['trsut'] (did you mean 'trust'?); expected some of \
['trust', 'interests', 'jurisdiction', 'capacity', 'norms', 'attribution', 'information', 'investment', \
'interdependence', 'multimarket', 'crisis', ..., 'stage']
    """
    from .models import REGISTRY

    keys = [*REGISTRY, "stage"]
    unknown = [name for name in names if name not in keys]
    if unknown:
        hint = "".join(did_you_mean(name, keys) for name in unknown)
        raise ParameterError(f"model: unknown {unknown}{hint}; expected some of {keys}")


def preflight(argv: Sequence[str]) -> None:
    """Parse ``argv`` and check the model names; ``--help`` prints and exits as usual."""
    args = parser().parse_args(list(argv))
    check_model_names(args.models)
