r"""Equilibrium selection in 2x2 games with two strict equilibria (Harsanyi & Selten 1988).

Let :math:`e = (r, c)` be a strict equilibrium of a 2x2 game and :math:`r', c'`
the other actions. The *deviation losses* at :math:`e` are

.. math:: \ell_1(e) = u_1(r, c) - u_1(r', c), \qquad \ell_2(e) = u_2(r, c) - u_2(r, c'),

both positive. Of two strict equilibria, :math:`e` **risk-dominates** :math:`f`
iff its *Nash product* is larger, :math:`\ell_1(e)\ell_2(e) >
\ell_1(f)\ell_2(f)` (Harsanyi & Selten 1988, *A General Theory of Equilibrium
Selection in Games*, sec. 3.9, Lemma 3.9.1 for 2x2 games); equivalently, each
player's action at :math:`e` is a best response to the other mixing 50–50
between the two equilibria, in the normalised game. :math:`e`
**payoff-dominates** :math:`f` iff every player strictly prefers it,
:math:`u_i(e) > u_i(f)` for all :math:`i` (ibid., sec. 3.9). In the stag hunt
the two criteria can disagree: hunting stag pays more, hunting hare is safer.

Symbolic games are allowed: the answer is then a sympy condition, and
``selected`` is filled only when sympy can decide it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT, SYMBOLIC
from .._verify import Verification, verify
from ..errors import GameError
from ..games import _profiles
from ..games.normal_form import NormalFormGame
from ._build import check_tol

__all__ = ["risk_dominant", "payoff_dominant", "RiskDominance", "PayoffDominance"]


@dataclass(frozen=True, eq=False)
class RiskDominance:
    """Which of two strict equilibria of a 2x2 game risk-dominates the other.

    Attributes
    ----------
    selected : tuple of str or None
        The risk-dominant equilibrium's profile (action labels); None on a tie,
        or when a symbolic ``condition`` cannot be decided.
    equilibria : tuple of two tuples of str
        The two strict equilibria compared.
    nash_products : tuple
        Their Nash products (products of the two players' deviation losses): the certificate.
    condition : bool or sympy.Basic
        When ``equilibria[0]`` risk-dominates ``equilibria[1]``: ``nash_products[0] > nash_products[1]``.
    assumptions : tuple of sympy.Basic
        Symbolic games: the strictness conditions sympy could not prove and that are assumed.
    game : NormalFormGame
    """

    selected: tuple | None
    equilibria: tuple
    nash_products: tuple
    condition: Any
    assumptions: tuple = ()
    game: NormalFormGame | None = field(default=None, repr=False)


@dataclass(frozen=True, eq=False)
class PayoffDominance:
    """Which of two strict equilibria of a 2x2 game payoff-dominates the other.

    Attributes
    ----------
    selected : tuple of str or None
        The payoff-dominant equilibrium's profile; None when neither is better
        for both players (or a symbolic condition cannot be decided).
    equilibria : tuple of two tuples of str
    payoffs : tuple of two tuples
        Both players' payoffs at each equilibrium: the certificate.
    condition : bool or sympy.Basic
        When ``equilibria[0]`` payoff-dominates ``equilibria[1]``.
    assumptions : tuple of sympy.Basic
    game : NormalFormGame
    """

    selected: tuple | None
    equilibria: tuple
    payoffs: tuple
    condition: Any
    assumptions: tuple = ()
    game: NormalFormGame | None = field(default=None, repr=False)


def _strictness(game: NormalFormGame, r: int, c: int) -> tuple[Any, Any]:
    """The two deviation losses at ``(r, c)``."""
    A, B = game.payoffs
    return A[r, c] - A[1 - r, c], B[r, c] - B[r, 1 - c]


def _positive(value: Any, game: NormalFormGame, tol: float) -> bool | None:
    """Three-valued ``value > 0`` (float games: beyond the tolerance)."""
    if game.kind == SYMBOLIC:
        return _numbers.truth(sympy.simplify(value) > 0)
    if game.kind == FLOAT:
        return bool(value > tol)
    return bool(value > 0)


def _two_strict_equilibria(game: Any, given: Any, function: str, tol: float):
    """The two strict equilibria (index pairs, in order) and the assumptions they need."""
    if not isinstance(game, NormalFormGame):
        raise GameError(f"game: {function} expected a NormalFormGame, got {type(game).__name__}")
    if game.shape != (2, 2):
        raise GameError(f"game: {function} expected a two-player 2x2 game, got shape {game.shape}")
    if given is not None:
        if isinstance(given, str) or not isinstance(given, Sequence) or len(given) != 2:
            raise GameError(f"equilibria: expected two pure profiles, got {given!r}")
        profiles = [_profiles.pure_profile(game, p, f"equilibria[{k}]") for k, p in enumerate(given)]
    else:
        profiles = [(r, c) for r in range(2) for c in range(2)]
    verdicts = {}
    for r, c in profiles:
        losses = _strictness(game, r, c)
        verdicts[(r, c)] = [_positive(loss, game, tol) for loss in losses], losses
    possible = [p for p in profiles if False not in verdicts[p][0]]
    if given is not None and len(possible) != 2:
        bad = [_labels(game, p) for p in profiles if p not in possible]
        raise GameError(f"equilibria: {bad} is not a strict equilibrium of the game")
    if len(possible) != 2:
        if game.kind == SYMBOLIC and len(possible) > 2:
            raise GameError(f"game: cannot decide which profiles are strict equilibria of this symbolic "
                            f"game (possibly {[_labels(game, p) for p in possible]}); name the two with "
                            f"equilibria=(...)")
        raise GameError(f"game: {function} needs exactly two strict pure equilibria; this game has "
                        f"{len(possible)}: {[_labels(game, p) for p in possible]}")
    first, second = sorted(possible)
    if first[0] == second[0] or first[1] == second[1]:
        raise GameError(f"equilibria: two strict equilibria of a 2x2 game differ in both actions; got "
                        f"{[_labels(game, p) for p in (first, second)]}")
    assumptions = tuple(dict.fromkeys(sympy.simplify(loss) > 0 for p in (first, second)
                                      for verdict, loss in zip(*verdicts[p]) if verdict is not True))
    return first, second, assumptions


def _labels(game: NormalFormGame, profile: tuple[int, int]) -> tuple[str, str]:
    return tuple(game.actions[j][k] for j, k in enumerate(profile))


def _choose(first, second, ahead: bool | None, behind: bool | None, game: NormalFormGame):
    if ahead:
        return _labels(game, first)
    if behind:
        return _labels(game, second)
    return None


def _number(value: Any) -> Any:
    value = value.item() if isinstance(value, np.generic) else value
    return sympy.simplify(value) if isinstance(value, sympy.Basic) else value


def risk_dominant(game: NormalFormGame, equilibria: Sequence | None = None, *,
                  tol: float = DEFAULT_TOL) -> RiskDominance:
    r"""The risk-dominant one of the two strict equilibria of a 2x2 game.

    Parameters
    ----------
    game : NormalFormGame
        A two-player 2x2 game with exactly two strict pure equilibria
        (numeric or symbolic).
    equilibria : pair of profiles, optional
        The two equilibria to compare (labels or indices). Needed only for a
        symbolic game whose strict equilibria sympy cannot determine; their
        strictness is then assumed (and listed in ``assumptions``).
    tol : float, optional
        Float games: losses and differences within ``tol`` count as zero.

    Returns
    -------
    RiskDominance
        ``selected`` (None on a tie), the two ``nash_products`` and the ``condition``.

    Raises
    ------
    GameError
        If the game is not 2x2, or does not have exactly two strict pure equilibria.
    ParameterError
        If ``tol`` is not a number in (0, 1).

    References
    ----------
    Harsanyi & Selten (1988), *A General Theory of Equilibrium Selection in Games*, sec. 3.9.

    Examples
    --------
    Skyrms' stag hunt (T, R, P, S = 3, 4, 3, 0): the losses are 1, 1 at (Stag,
    Stag) and 3, 3 at (Hare, Hare), so hare is risk dominant.

    >>> from cybergames import stag_hunt, risk_dominant
    >>> result = risk_dominant(stag_hunt())
    >>> result.selected, result.nash_products
    (('Hare', 'Hare'), (1, 9))

    With symbols the answer is a condition:

    >>> from sympy import symbols
    >>> R, T, P, S = symbols("R T P S")
    >>> risk_dominant(stag_hunt(T=T, R=R, P=P, S=S), equilibria=[("Stag", "Stag"), ("Hare", "Hare")]).condition
    (R - T)**2 > (P - S)**2
    """
    tol = check_tol(tol)
    first, second, assumptions = _two_strict_equilibria(game, equilibria, "risk_dominant", tol)
    products = []
    for profile in (first, second):
        loss_1, loss_2 = _strictness(game, *profile)
        products.append(_number(loss_1 * loss_2))
    if game.kind == SYMBOLIC:
        condition = sympy.factor(products[0]) > sympy.factor(products[1])
        difference = sympy.expand(products[0] - products[1])
        ahead, behind = _numbers.truth(difference > 0), _numbers.truth(difference < 0)
        return RiskDominance(_choose(first, second, ahead, behind, game),
                             (_labels(game, first), _labels(game, second)), tuple(products), condition,
                             assumptions, game)
    if game.kind == FLOAT:
        margin = tol * max(1.0, abs(products[0]), abs(products[1]))
        condition, reverse = products[0] > products[1] + margin, products[1] > products[0] + margin
    else:
        condition, reverse = products[0] > products[1], products[1] > products[0]
    ahead, behind = _numbers.truth(condition), _numbers.truth(reverse)
    return RiskDominance(_choose(first, second, ahead, behind, game), (_labels(game, first), _labels(game, second)),
                         tuple(products), condition, assumptions, game)


def payoff_dominant(game: NormalFormGame, equilibria: Sequence | None = None, *,
                    tol: float = DEFAULT_TOL) -> PayoffDominance:
    r"""The payoff-dominant one of the two strict equilibria of a 2x2 game, if any.

    Parameters
    ----------
    game : NormalFormGame
        A two-player 2x2 game with exactly two strict pure equilibria.
    equilibria : pair of profiles, optional
        As in :func:`risk_dominant`.
    tol : float, optional
        Float games: payoff differences within ``tol`` count as ties.

    Returns
    -------
    PayoffDominance
        ``selected`` (None when neither equilibrium is strictly better for
        both players), the ``payoffs`` at both and the ``condition``.

    Raises
    ------
    GameError
        If the game is not 2x2, or does not have exactly two strict pure equilibria.

    References
    ----------
    Harsanyi & Selten (1988), sec. 3.9.

    Examples
    --------
    >>> from cybergames import stag_hunt, payoff_dominant
    >>> result = payoff_dominant(stag_hunt())
    >>> result.selected, result.payoffs
    (('Stag', 'Stag'), ((4, 4), (3, 3)))

    In battle of the sexes each player prefers a different equilibrium:

    >>> from cybergames import battle_of_the_sexes
    >>> print(payoff_dominant(battle_of_the_sexes()).selected)
    None
    """
    tol = check_tol(tol)
    first, second, assumptions = _two_strict_equilibria(game, equilibria, "payoff_dominant", tol)
    payoffs = tuple(tuple(_number(a[p]) for a in game.payoffs) for p in (first, second))
    if game.kind == SYMBOLIC:
        condition = sympy.And(*(sympy.expand(x - y) > 0 for x, y in zip(*payoffs)))
        reverse = sympy.And(*(sympy.expand(y - x) > 0 for x, y in zip(*payoffs)))
    elif game.kind == FLOAT:
        slack = [tol * max(1.0, abs(x), abs(y)) for x, y in zip(*payoffs)]
        condition = all(x > y + s for x, y, s in zip(*payoffs, slack))
        reverse = all(y > x + s for x, y, s in zip(*payoffs, slack))
    else:
        condition = all(x > y for x, y in zip(*payoffs))
        reverse = all(y > x for x, y in zip(*payoffs))
    ahead, behind = _numbers.truth(condition), _numbers.truth(reverse)
    return PayoffDominance(_choose(first, second, ahead, behind, game), (_labels(game, first), _labels(game, second)),
                           payoffs, condition, assumptions, game)


@verify.register(RiskDominance)
def _verify_risk(result: RiskDominance, *, tol: float | None = None) -> Verification:
    """Recompute both Nash products from the game's payoffs and the selection they imply."""
    game = result.game
    failures = []
    products = []
    for profile in result.equilibria:
        (r, c) = game.profile_index(profile)
        loss_1 = game.payoff(profile, 0) - game.payoff((1 - r, c), 0)
        loss_2 = game.payoff(profile, 1) - game.payoff((r, 1 - c), 1)
        products.append(loss_1 * loss_2)
        if _numbers.truth(loss_1 > 0) is False or _numbers.truth(loss_2 > 0) is False:
            failures.append(f"{profile} is not a strict equilibrium")
    if game.kind != SYMBOLIC:
        slack = (DEFAULT_TOL if tol is None else tol) * max(1.0, *map(abs, products)) if game.kind == FLOAT else 0
        if any(abs(a - b) > slack for a, b in zip(products, result.nash_products)):
            failures.append(f"Nash products are {products}, recorded {result.nash_products}")
        expected = (result.equilibria[0] if products[0] > products[1] + slack else
                    result.equilibria[1] if products[1] > products[0] + slack else None)
        if expected != result.selected:
            failures.append(f"the products select {expected}, recorded {result.selected}")
    elif any(_numbers.truth(sympy.Eq(sympy.expand(a - b), 0)) is not True
             for a, b in zip(products, result.nash_products)):
        failures.append(f"Nash products are {products}, recorded {result.nash_products}")
    return Verification(not failures, 4, tuple(failures))


@verify.register(PayoffDominance)
def _verify_payoff(result: PayoffDominance, *, tol: float | None = None) -> Verification:
    """Recompute the payoffs at both equilibria and the selection they imply."""
    game = result.game
    payoffs = tuple(game.payoff(profile) for profile in result.equilibria)
    failures = []
    if game.kind == SYMBOLIC:
        if any(_numbers.truth(sympy.Eq(sympy.expand(a - b), 0)) is not True
               for old, new in zip(result.payoffs, payoffs) for a, b in zip(old, new)):
            failures.append(f"payoffs are {payoffs}, recorded {result.payoffs}")
        return Verification(not failures, 2, tuple(failures))
    slack = (DEFAULT_TOL if tol is None else tol) if game.kind == FLOAT else 0
    if any(abs(a - b) > slack * max(1.0, abs(a)) for old, new in zip(result.payoffs, payoffs)
           for a, b in zip(old, new)):
        failures.append(f"payoffs are {payoffs}, recorded {result.payoffs}")
    first, second = payoffs
    expected = (result.equilibria[0] if all(x > y + slack * max(1.0, abs(x), abs(y)) for x, y in zip(first, second))
                else result.equilibria[1] if all(y > x + slack * max(1.0, abs(x), abs(y))
                                                 for x, y in zip(first, second)) else None)
    if expected != result.selected:
        failures.append(f"the payoffs select {expected}, recorded {result.selected}")
    return Verification(not failures, 3, tuple(failures))
