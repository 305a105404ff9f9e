r"""Hypothesis strategies for games that satisfy an assumption: property-test your models.

``@given(prisoners_dilemmas())`` runs a test on many prisoner's dilemmas, each
*built* to satisfy :math:`T > R > P > S` (never filtered), exact by default or
float on request; :func:`~cybergames.games.predicates.is_prisoners_dilemma` and
the other predicates of :mod:`cybergames.games.predicates` check the same
assumptions on any game. The strategies follow Hypothesis's API style: plural
names, ``min_value``/``max_value`` bounds, every other argument keyword-only,
and invalid arguments raise :class:`~cybergames.errors.StrategyArgumentError`
(a Hypothesis ``InvalidArgument`` too) when the strategy is first drawn from.

Exact games hold ``int`` payoffs, or ``Fraction`` ones with ``max_denominator``
above one (each game draws one denominator ``d <= max_denominator`` and its
payoffs are multiples of ``1/d``). Float games hold finite floats; strict
inequalities hold with a margin (gaps of at least 1/64) far above the float
tolerance of the predicates.

Examples
--------
>>> from hypothesis import given
>>> from cybergames import is_prisoners_dilemma
>>> @given(prisoners_dilemmas(exact=False))
... def test_defection_dominates(game):
...     assert is_prisoners_dilemma(game)
...     assert game.best_responses(0, (None, "C")) == ("D",)
>>> test_defection_dominates()
"""

from __future__ import annotations

import importlib

__all__: list[str] = []


# =============================================================================
# The strategies live beside what they build, one module per layer
# -----------------------------------------------------------------------------
# cybergames/games/_strategies.py (games and the classic dilemmas),
# games/_profile_strategies.py (mixed play, invariance transformations),
# games/_symbolic_strategies.py, games/_generator_strategies.py (random games of
# cybergames.games.generators), and the ``_strategies`` modules of the
# repeated, signalling, stochastic and extensive subpackages list their public
# strategies in ``__all__``; every name listed there is re-exported here, so that
# users import all strategies from ``cybergames.strategies``. A module that does
# not exist is skipped; any other import error propagates.
# =============================================================================
_SUBPACKAGE_STRATEGIES = (
    "cybergames.games._strategies",
    "cybergames.games._symbolic_strategies",
    "cybergames.games._profile_strategies",
    "cybergames.games._generator_strategies",
    "cybergames.repeated._strategies",
    "cybergames.signalling._strategies",
    "cybergames.stochastic._strategies",
    "cybergames.extensive._strategies",
)


def _reexport(module_name: str, namespace: dict, exported: list) -> None:
    """Copy the names in ``module_name.__all__`` into ``namespace`` and ``exported``."""
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return
    for name in module.__all__:
        namespace[name] = getattr(module, name)
        if name not in exported:
            exported.append(name)


for _module_name in _SUBPACKAGE_STRATEGIES:
    _reexport(_module_name, globals(), __all__)
