r"""The classic stage games, with numbers or sympy symbols as payoffs.

Symmetric two-player games use the letters of the prisoner's dilemma
(Rapoport & Chammah 1965; Axelrod 1984, ch. 1): a player gets **R** when both
take the first ("cooperative") action, **S** when it cooperates alone, **T**
when it alone takes the second action and **P** when both do. The games differ
in the order of the four numbers:

==================  ===============  ======================
game                order            actions
==================  ===============  ======================
prisoner's dilemma  T > R > P > S    ("C", "D")
stag hunt           R > T >= P > S   ("Stag", "Hare")
chicken             T > R > S > P    ("Swerve", "Straight")
==================  ===============  ======================

With numbers the constructors check these inequalities and raise
:class:`~cybergames.errors.GameError` when one fails; with symbols they pass
the ones sympy cannot decide, and the result is valid under them.
"""

from __future__ import annotations

import math
import warnings
from typing import Any, Sequence

import numpy as np
import sympy

from .. import _numbers
from ..errors import GameError
from .normal_form import NormalFormGame, _normalised_array

__all__ = [
    "prisoners_dilemma",
    "stag_hunt",
    "chicken",
    "battle_of_the_sexes",
    "matching_pennies",
    "trust_game",
    "public_goods",
    "symmetric_game",
]


def _numbers_of(**values: Any) -> dict:
    """The arguments as normalised numbers; if one is a float, all become floats (float in, float out)."""
    result = {name: _numbers.normalise(value, name, GameError) for name, value in values.items()}
    if _numbers.kind_of(result.values()) == _numbers.FLOAT:
        for name, value in result.items():
            try:
                result[name] = float(value)
            except OverflowError as exc:        # an int or Fraction beyond the float range
                raise GameError(f"{name}: with float arguments every argument must fit a float, "
                                f"got {value!r}") from exc
    return result


def _check(condition: Any, text: str, values: dict) -> None:
    shown = ", ".join(f"{k}={v!r}" for k, v in values.items())
    _numbers.require(condition, GameError, f"expected {text}, got {shown}")


def symmetric_game(matrix: Any, actions: Any = None, players: Any = None) -> NormalFormGame:
    """The symmetric two-player game whose row player's payoffs are ``matrix``.

    The column player's payoff array is the transpose, and both players share
    the action labels.

    >>> print(symmetric_game([[2, 0], [3, 1]], actions=("C", "D")).table())
          C     D
    C  2, 2  0, 3
    D  3, 0  1, 1
    """
    if isinstance(matrix, (str, bytes)) or not isinstance(matrix, (Sequence, np.ndarray)):
        raise GameError(f"matrix: expected a square matrix, got {matrix!r}")
    rows, _ = _normalised_array(matrix, "matrix")
    if rows.ndim != 2 or rows.shape[0] != rows.shape[1]:
        raise GameError(f"matrix: expected a square matrix, got {matrix!r}")
    if actions is not None and (isinstance(actions, str) or not isinstance(actions, (Sequence, np.ndarray))):
        raise GameError(f"actions: expected a sequence of {rows.shape[0]} action labels, got {actions!r}")
    labels = None if actions is None else (tuple(actions), tuple(actions))
    return NormalFormGame([rows, rows.T], actions=labels, players=players)


def _two_by_two(T: Any, R: Any, P: Any, S: Any, actions: tuple[str, str]) -> NormalFormGame:
    return symmetric_game([[R, S], [T, P]], actions=actions)


def prisoners_dilemma(T: Any = 5, R: Any = 3, P: Any = 1, S: Any = 0) -> NormalFormGame:
    r"""The prisoner's dilemma with temptation T, reward R, punishment P and sucker's payoff S.

    .. math::

        \begin{array}{c|cc} & C & D \\ \hline C & R, R & S, T \\ D & T, S & P, P \end{array}
        \qquad T > R > P > S.

    Parameters
    ----------
    T, R, P, S : int, Fraction, float or sympy.Expr
        The four payoffs (default Axelrod's 5, 3, 1, 0).

    Returns
    -------
    NormalFormGame
        Two players with actions ``("C", "D")``.

    Raises
    ------
    GameError
        If ``T > R > P > S`` is provably false.

    Notes
    -----
    Defection strictly dominates, so (D, D) is the only equilibrium. Many
    repeated-game texts also assume ``2R > T + S`` (mutual cooperation beats
    alternating exploitation); it is not required here.

    References
    ----------
    Axelrod, *The Evolution of Cooperation* (1984), ch. 1, fig. 1.

    Examples
    --------
    >>> print(prisoners_dilemma().table())
          C     D
    C  3, 3  0, 5
    D  5, 0  1, 1
    """
    v = _numbers_of(T=T, R=R, P=P, S=S)
    _check(sympy.And(_gt(v["T"], v["R"]), _gt(v["R"], v["P"]), _gt(v["P"], v["S"])), "T > R > P > S", v)
    return _two_by_two(v["T"], v["R"], v["P"], v["S"], ("C", "D"))


def stag_hunt(*args: Any, T: Any = 3, R: Any = 4, P: Any = 3, S: Any = 0) -> NormalFormGame:
    r"""The stag hunt: hunting stag together pays R, hare pays T against a stag hunter and P otherwise.

    .. math::

        \begin{array}{c|cc} & Stag & Hare \\ \hline Stag & R, R & S, T \\ Hare & T, S & P, P
        \end{array} \qquad R > T \ge P > S.

    Both (Stag, Stag) and (Hare, Hare) are strict equilibria; Stag is payoff
    dominant and Hare is risk dominant when ``R - T < P - S``.

    Parameters
    ----------
    T, R, P, S : int, Fraction, float or sympy.Expr, keyword-only
        Default Skyrms' T, R, P, S = 3, 4, 3, 0 (*The Stag Hunt and the
        Evolution of Social Structure*, 2004, ch. 1). The letters mean what they
        mean in :func:`prisoners_dilemma`: R rewards mutual cooperation (stag),
        T is hare against a stag hunter.

    Raises
    ------
    GameError
        If ``R > T >= P > S`` is provably false.

    Warns
    -----
    DeprecationWarning
        For positional payoffs. They used to be read as ``R, T, P, S``, unlike
        every other classic game's ``T, R, P, S``; they still are, with this
        warning, and will be refused in a later version. Pass them by keyword.

    Examples
    --------
    >>> stag_hunt(T=3, R=4, P=3, S=0).payoff(("Hare", "Stag"))
    (3, 0)
    """
    if args:
        if len(args) > 4:
            raise TypeError(f"stag_hunt() takes at most 4 payoffs, got {len(args)}")
        warnings.warn("stag_hunt: positional payoffs are deprecated; they are read in the old order R, T, P, S, "
                      "unlike the T, R, P, S of the other classic games. Write stag_hunt(T=..., R=..., P=..., "
                      "S=...).", DeprecationWarning, stacklevel=2)
        given = dict(zip(("R", "T", "P", "S"), args))
        T, R, P, S = (given.get(k, v) for k, v in (("T", T), ("R", R), ("P", P), ("S", S)))
    v = _numbers_of(T=T, R=R, P=P, S=S)
    _check(sympy.And(_gt(v["R"], v["T"]), _ge(v["T"], v["P"]), _gt(v["P"], v["S"])), "R > T >= P > S", v)
    return _two_by_two(v["T"], v["R"], v["P"], v["S"], ("Stag", "Hare"))


def chicken(T: Any = 3, R: Any = 2, P: Any = 0, S: Any = 1) -> NormalFormGame:
    r"""Chicken (hawk–dove): going straight against a swerver pays T; a crash pays the worst, P.

    .. math::

        \begin{array}{c|cc} & Swerve & Straight \\ \hline Swerve & R, R & S, T \\
        Straight & T, S & P, P \end{array} \qquad T > R > S > P.

    It has two pure equilibria (one swerves, the other does not) and one mixed
    equilibrium in which each swerves with probability
    :math:`(S - P) / (T - R + S - P)`.

    Raises
    ------
    GameError
        If ``T > R > S > P`` is provably false.

    Examples
    --------
    >>> chicken().payoff(("Straight", "Straight"))
    (0, 0)
    """
    v = _numbers_of(T=T, R=R, P=P, S=S)
    _check(sympy.And(_gt(v["T"], v["R"]), _gt(v["R"], v["S"]), _gt(v["S"], v["P"])), "T > R > S > P", v)
    return _two_by_two(v["T"], v["R"], v["P"], v["S"], ("Swerve", "Straight"))


def battle_of_the_sexes(high: Any = 3, low: Any = 2, mismatch: Any = 0) -> NormalFormGame:
    r"""Battle of the sexes: both gain from meeting but disagree on where.

    .. math::

        \begin{array}{c|cc} & Opera & Football \\ \hline Opera & h, l & m, m \\
        Football & m, m & l, h \end{array} \qquad h > l > m.

    Two pure equilibria and a mixed one in which the row player goes to the
    opera with probability :math:`(h - m) / (h + l - 2m)`.

    Raises
    ------
    GameError
        If ``high > low > mismatch`` is provably false.

    Examples
    --------
    >>> battle_of_the_sexes().payoff(("Opera", "Opera"))
    (3, 2)
    """
    v = _numbers_of(high=high, low=low, mismatch=mismatch)
    _check(sympy.And(_gt(v["high"], v["low"]), _gt(v["low"], v["mismatch"])), "high > low > mismatch", v)
    h, l, m = v["high"], v["low"], v["mismatch"]
    return NormalFormGame([[[h, m], [m, l]], [[l, m], [m, h]]],
                          actions=[("Opera", "Football"), ("Opera", "Football")])


def matching_pennies(stake: Any = 1) -> NormalFormGame:
    r"""Matching pennies: the row player wins ``stake`` when the coins match, loses it otherwise.

    Zero-sum with a unique equilibrium in which both mix 1/2–1/2.

    Raises
    ------
    GameError
        If ``stake > 0`` is provably false.

    Examples
    --------
    >>> matching_pennies().payoff(("Heads", "Tails"))
    (-1, 1)
    """
    v = _numbers_of(stake=stake)
    _check(_gt(v["stake"], 0), "stake > 0", v)
    s = v["stake"]
    return NormalFormGame([[[s, -s], [-s, s]], [[-s, s], [s, -s]]],
                          actions=[("Heads", "Tails"), ("Heads", "Tails")])


def trust_game(T: Any = 3, R: Any = 2, P: Any = 1, S: Any = 0) -> NormalFormGame:
    r"""The binary trust game in normal form: an investor trusts or not, a trustee honours or abuses.

    .. math::

        \begin{array}{c|cc} & Honour & Abuse \\ \hline Trust & R, R & S, T \\
        Distrust & P, P & P, P \end{array} \qquad T > R > P > S.

    Distrusting gives both the status quo P; trust pays R to both if honoured,
    while abuse pays the trustee T and the investor S. Abuse is the trustee's
    best reply to trust, so in the one-shot game trust is not extended.

    References
    ----------
    Kreps, "Corporate culture and economic theory" (1990); Kydd, *Trust and
    Mistrust in International Relations* (2005), ch. 2.

    Raises
    ------
    GameError
        If ``T > R > P > S`` is provably false.

    Examples
    --------
    >>> trust_game().payoff(("Trust", "Abuse"))
    (0, 3)
    """
    v = _numbers_of(T=T, R=R, P=P, S=S)
    _check(sympy.And(_gt(v["T"], v["R"]), _gt(v["R"], v["P"]), _gt(v["P"], v["S"])), "T > R > P > S", v)
    T, R, P, S = v["T"], v["R"], v["P"], v["S"]
    return NormalFormGame([[[R, S], [P, P]], [[R, T], [P, P]]],
                          actions=[("Trust", "Distrust"), ("Honour", "Abuse")],
                          players=("investor", "trustee"))


def public_goods(n: int = 3, multiplier: Any = 2, cost: Any = 1) -> NormalFormGame:
    r"""The linear n-player public-goods game: each state contributes (C) at a cost or not (D).

    Every contribution of ``cost`` is multiplied by ``multiplier`` and shared
    equally among all ``n`` players, so with ``k`` contributors

    .. math:: u_i = \frac{m c k}{n} - c \,[i \text{ contributes}], \qquad 1 < m < n.

    Contributing costs its maker :math:`c (1 - m/n) > 0` whatever the others do
    (D dominates), yet everyone contributing beats no one contributing.

    Parameters
    ----------
    n : int
        Number of players, at least 2.
    multiplier, cost : int, Fraction, float or sympy.Expr
        The multiplier m (``1 < m < n``) and the cost c (``c > 0``).

    Raises
    ------
    GameError
        If ``n`` is not an integer >= 2 or an inequality is provably false.

    Examples
    --------
    >>> game = public_goods(3, 2, 1)
    >>> game.payoff(("C", "C", "D"))
    (Fraction(1, 3), Fraction(1, 3), Fraction(4, 3))
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 2:
        raise GameError(f"n: expected an integer number of players >= 2, got {n!r}")
    n = int(n)
    if n > 16:
        raise GameError(f"n: the game has 2**n profiles; expected n <= 16, got {n}")
    v = _numbers_of(multiplier=multiplier, cost=cost)
    m, c = v["multiplier"], v["cost"]
    _check(sympy.And(_gt(m, 1), _gt(n, m), _gt(c, 0)), "1 < multiplier < n and cost > 0", dict(n=n, **v))
    if isinstance(m, float) and not math.isfinite(m * c + c):
        raise GameError(f"multiplier, cost: the payoffs m*c + c overflow the float range; got {m!r}, {c!r}")
    share = _numbers.ratio(m * c, n) if not isinstance(m * c, sympy.Basic) else m * c / n
    index = np.indices((2,) * n)                     # index[i] is 0 where player i plays C
    contributors = (n - index.sum(axis=0)).astype(object)
    # 0/1 as Python ints (numpy bools do not multiply with sympy symbols)
    arrays = [share * contributors - c * (index[i] == 0).astype(int).astype(object) for i in range(n)]
    return NormalFormGame(arrays, actions=[("C", "D")] * n)


# sympy leaves ``P + 3 > P + 3 + a`` unevaluated even for positive ``a``; comparing the
# expanded difference with zero lets it decide such conditions from the assumptions.
def _gt(a: Any, b: Any) -> Any:
    if isinstance(a, sympy.Basic) or isinstance(b, sympy.Basic):
        return sympy.StrictGreaterThan(sympy.expand(_numbers.to_sympy(a) - _numbers.to_sympy(b)), 0)
    return a > b


def _ge(a: Any, b: Any) -> Any:
    if isinstance(a, sympy.Basic) or isinstance(b, sympy.Basic):
        return sympy.GreaterThan(sympy.expand(_numbers.to_sympy(a) - _numbers.to_sympy(b)), 0)
    return a >= b
