r"""Finitely repeated games with perfect monitoring: every pure subgame-perfect path (Benoit–Krishna).

A stage game :math:`G` is played :math:`T` times; payoffs are summed (no
discounting) and every player sees every action profile. In the last period
a stage Nash equilibrium is played; if the stage game has a unique
equilibrium, backward induction unravels everything. With *several* stage
equilibria, the threat of switching from a good to a bad one in the last
periods can sustain non-equilibrium play — cooperation — until close to the
end (Benoit & Krishna 1985).

**Recursion.** Let :math:`W_k` be the set of total payoffs of pure
subgame-perfect equilibria of the :math:`k`-period game (:math:`W_0 = \{0\}`)
and :math:`m_i^k = \min_{w \in W_k} w_i` player :math:`i`'s worst one. A
deviation is best punished by the worst continuation for the deviator
(Abreu's optimal penal codes), so a profile :math:`a` followed by a
continuation worth :math:`w \in W_{k-1}` is subgame perfect iff

.. math:: \max_{a_i'} u_i(a_i', a_{-i}) + m_i^{k-1} \le u_i(a) + w_i \quad \text{for every } i,

and :math:`W_k = \{u(a) + w\}` over the pairs that pass. A path
:math:`a^1, \dots, a^T` is a pure SPE outcome iff the same inequality holds
in every period against the rest of the path. Each payoff vector keeps one
path that attains it, so every answer comes with its witnessing path and the
penal codes (worst paths) used as punishments.

**Which equilibria.** By default only pure strategies are considered, so
"no pure SPE path plays :math:`a` in period :math:`t`" is a claim about pure
equilibria. A mixed stage equilibrium can punish harder than any pure one
(in the three-action example of :func:`last_sustainable_period` the mixed
equilibrium :math:`(\tfrac34 D + \tfrac14 R)` pays :math:`\tfrac34`, less than
:math:`(D, D)`'s 1). With ``mixed=True`` every stage Nash equilibrium returned
by :func:`~cybergames.nash_equilibria` (all of them for two players, the pure
ones for more) may also be played in any period, as Benoit & Krishna's
construction allows for rewards and punishments. The class enumerated is then:
subgame-perfect equilibria in which each period plays either a pure profile or
a stage Nash equilibrium :math:`\sigma`, and the continuation after a period
that plays :math:`\sigma` does not depend on the actions it realised (so
:math:`\sigma`'s period needs no incentive constraint: deviating gains nothing
in a stage equilibrium, and the future does not react). Payoffs are then
expected payoffs; a mixed period appears in a path as a
:class:`StageEquilibrium`. Equilibria whose continuation depends on the
realisation of a mixed period, or that mix outside stage equilibria, are not
enumerated. In a degenerate stage game :func:`~cybergames.nash_equilibria`
returns the extreme equilibria of each component: the worst punishments
:math:`m_i^k` stay exact (a player's payoff is bilinear on each convex set of
equilibria, so its minimum is at an extreme one), but the payoff sets omit the
payoffs of the other members of a continuum.

References
----------
Benoit & Krishna (1985), "Finitely repeated games", *Econometrica* 53(4),
905–922. Abreu (1988), "On the theory of infinitely repeated games with
discounting", *Econometrica* 56(2). Fudenberg & Tirole (1991), *Game
Theory*, ch. 5.1.2. Mailath & Samuelson (2006), *Repeated Games and
Reputations*, ch. 4.4.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import GameError, ParameterError
from ..games.normal_form import NormalFormGame
from . import _checks

__all__ = ["FiniteHorizonGame", "SustainedProfile", "finite_horizon_equilibria", "last_sustainable_period",
           "subgame_perfect_paths", "is_subgame_perfect_path", "benoit_krishna_condition"]

#: The largest number of distinct payoff vectors kept per horizon before the solver refuses.
MAX_PAYOFFS = 200_000


@dataclass(frozen=True)
class StageEquilibrium:
    r"""A mixed stage Nash equilibrium played in one period of a path (``mixed=True`` only).

    Attributes
    ----------
    strategies : tuple of tuple
        One mixed action (probabilities in the order of the stage game's actions) per player.
    payoffs : tuple
        The expected stage payoffs.
    """

    strategies: tuple
    payoffs: tuple


@dataclass(frozen=True, eq=False)
class FiniteHorizonGame:
    r"""The pure subgame-perfect payoffs of a finitely repeated game, period by period.

    Attributes
    ----------
    stage : NormalFormGame
    horizon : int
        The number of periods :math:`T`.
    payoffs : tuple of tuple
        ``payoffs[k]`` lists the total payoffs :math:`W_k` of the pure SPE of
        the :math:`k`-period game, :math:`k = 0, \dots, T`.
    punishments : tuple of tuple
        ``punishments[k][i]`` is a path (tuple of action profiles) of a
        :math:`k`-period pure SPE worst for player :math:`i` (an optimal penal code).
    worst : tuple of tuple
        ``worst[k][i]`` :math:`= m_i^k`, the total payoff of ``punishments[k][i]`` to player :math:`i`.
    mixed : bool
        Whether mixed stage equilibria may be played (see the module docstring).
    stage_equilibria : tuple of StageEquilibrium
        The mixed stage equilibria available to the paths (empty unless ``mixed``).
    """

    stage: NormalFormGame = field(repr=False)
    horizon: int
    payoffs: tuple = field(repr=False)
    punishments: tuple = field(repr=False)
    worst: tuple
    _paths: tuple = field(repr=False, default=())
    mixed: bool = False
    stage_equilibria: tuple = field(repr=False, default=())

    def path_of(self, k: int, payoff: tuple) -> tuple:
        """A k-period SPE path whose total payoff is ``payoff`` (one of ``payoffs[k]``)."""
        return _unroll(self._paths, k, tuple(payoff))


@dataclass(frozen=True, eq=False)
class SustainedProfile:
    r"""How long an action profile can open a pure subgame-perfect path.

    Attributes
    ----------
    profile : tuple of str
        The action profile :math:`a`.
    horizon : int
    last_period : int
        The largest :math:`t` such that some pure SPE plays :math:`a` in
        periods :math:`1, \dots, t` (0 if none plays it in period 1).
    path : tuple
        A witnessing SPE path: :math:`a` for ``last_period`` periods, then a
        continuation equilibrium path (empty when ``last_period`` is 0).
    slack : tuple of tuple
        ``slack[s][i]``: on ``path``, player :math:`i`'s payoff from following
        the path minus its best deviation payoff plus the worst punishment,
        from period :math:`s + 1` on; all are >= 0 (the certificate).
    solution : FiniteHorizonGame
        The payoff sets and penal codes used.
    """

    profile: tuple
    horizon: int
    last_period: int
    path: tuple
    slack: tuple = field(repr=False)
    solution: FiniteHorizonGame = field(repr=False)


def _stage(stage: Any) -> NormalFormGame:
    if not isinstance(stage, NormalFormGame):
        raise GameError(f"stage: expected a NormalFormGame, got {type(stage).__name__}")
    if stage.is_symbolic:
        raise GameError("stage: expected numeric payoffs; substitute numbers with game.subs(...) first "
                        "(benoit_krishna_condition takes symbols)")
    return stage


def _tables(stage: NormalFormGame, extras: tuple = ()) -> tuple[list, dict, dict]:
    """Options (pure profiles, then ``extras``), payoff vector per option, best deviation payoff per option and player.

    For a mixed stage equilibrium the payoffs and each player's best pure
    deviation against the others' mixtures are computed from the payoff table
    (so a listed equilibrium that is not one shows a positive gain).
    """
    profiles = list(stage.profiles())
    u = {a: tuple(stage.payoff(a)) for a in profiles}
    dev = {}
    for a in profiles:
        best = []
        for i in range(stage.num_players):
            options = [u[a[:i] + (x,) + a[i + 1:]][i] for x in stage.actions[i]]
            best.append(max(options))
        dev[a] = tuple(best)
    n = stage.num_players
    for e in extras:
        def expected(i, own=None):
            total = 0 * u[profiles[0]][i]
            for a in profiles:
                weight = 1
                for j in range(n):
                    index = stage.actions[j].index(a[j])
                    if j == i and own is not None:
                        weight = weight * (1 if index == own else 0)
                    else:
                        weight = weight * e.strategies[j][index]
                if weight:
                    total += weight * u[a][i]
            return total
        u[e] = tuple(_clean(expected(i)) for i in range(n))
        dev[e] = tuple(_clean(max(expected(i, x) for x in range(len(stage.actions[i])))) for i in range(n))
    return profiles + list(extras), u, dev


def _clean(x: Any) -> Any:
    """Whole Fractions as ints, so exact payoffs read as in the stage game."""
    return _numbers.simplify_exact(x) if isinstance(x, Fraction) else x


def _mixed_equilibria(stage: NormalFormGame, tol: float) -> tuple:
    """The stage Nash equilibria that are not pure, as StageEquilibrium objects."""
    from ..equilibria import nash_equilibria
    found = []
    for eq in nash_equilibria(stage, tol=tol):
        strategies = tuple(tuple(_clean(p) for p in x) for x in eq.strategies)
        if all(sum(1 for x in s if x) == 1 for s in strategies):
            continue
        found.append(StageEquilibrium(strategies, tuple(_clean(v) for v in eq.payoffs)))
    return tuple(found)


def _leq(x: Any, y: Any, tol: float, unit: float) -> bool:
    """``x <= y`` exactly, or for floats within ``tol`` of the larger of ``|x|``, ``|y|`` and the payoff ``unit``.

    Relative to the payoff scale as well as to the values: ``x`` and ``y`` are sums
    of payoffs whose rounding is relative to the payoffs, so a difference that is
    0 in exact arithmetic can come out as 1e-18 at payoffs of size 1e-2, which a
    tolerance relative to ``|x|, |y|`` alone (both near 0) does not absorb.
    """
    if isinstance(x, float) or isinstance(y, float):
        return x <= y + tol * max(abs(x), abs(y), unit)
    return x <= y


def _unit(stage: NormalFormGame) -> float:
    """The payoff scale of a float stage game (1.0 for exact games, where it is not used)."""
    return _numbers.unit_of(*stage.payoffs) if stage.kind == FLOAT else 1.0


def _key(vector: tuple, kind: str, unit: float = 1.0) -> tuple:
    """A dictionary key of a payoff vector: exact, or rounded to 9 digits in units of the payoff scale."""
    return tuple(round(v / unit, 9) for v in vector) if kind == FLOAT else vector


def finite_horizon_equilibria(stage: NormalFormGame, horizon: int, *, mixed: bool = False,
                              tol: float = DEFAULT_TOL) -> FiniteHorizonGame:
    r"""The pure subgame-perfect payoffs and penal codes of the stage game repeated ``horizon`` times.

    Parameters
    ----------
    stage : NormalFormGame
        A numeric stage game (exact or float), any number of players.
    horizon : int
        The number of periods :math:`T \ge 1`.
    mixed : bool, optional
        Also let any period play a mixed stage Nash equilibrium (the class of
        the module docstring); default pure strategies only.
    tol : float, optional
        Float games only: the tolerance of the incentive inequalities.

    Returns
    -------
    FiniteHorizonGame
        :math:`W_k` and the worst paths for every :math:`k \le T` (see the module docstring).

    Raises
    ------
    GameError
        If ``stage`` is not a numeric game or has no pure Nash equilibrium.
    ParameterError
        If ``horizon`` is not a whole number >= 1, or the payoff sets grow past
        ``MAX_PAYOFFS`` vectors.

    Examples
    --------
    >>> from cybergames import prisoners_dilemma
    >>> solution = finite_horizon_equilibria(prisoners_dilemma(5, 3, 1, 0), 3)
    >>> solution.payoffs[3]        # a unique stage equilibrium: defection in every period
    ((3, 3),)
    >>> from cybergames import matching_pennies
    >>> finite_horizon_equilibria(matching_pennies(), 2, mixed=True).payoffs[2]   # no pure one; the mixed one twice
    ((0, 0),)
    """
    stage = _stage(stage)
    T = _checks.horizon(horizon, "horizon")
    tol = float(tol)
    if not isinstance(mixed, bool):
        raise ParameterError(f"mixed: expected True or False, got {mixed!r}")
    kind = stage.kind
    extras = _mixed_equilibria(stage, tol) if mixed else ()
    profiles, u, dev = _tables(stage, extras)
    n = stage.num_players
    zero = tuple(0.0 if kind == FLOAT else 0 for _ in range(n))
    unit = _unit(stage)
    sets = [{_key(zero, kind, unit): zero}]
    parents: list[dict] = [{_key(zero, kind, unit): None}]
    worst = [zero]
    for k in range(1, T + 1):
        current: dict = {}
        parent: dict = {}
        low = worst[-1]
        for a in profiles:
            need = tuple(dev[a][i] - u[a][i] + low[i] for i in range(n))   # w_i must reach this
            for wkey, w in sets[-1].items():
                if all(_leq(need[i], w[i], tol, unit) for i in range(n)):
                    total = tuple(u[a][i] + w[i] for i in range(n))
                    key = _key(total, kind, unit)
                    if key not in current:
                        current[key] = total
                        parent[key] = (a, wkey)
        if not current:
            raise GameError("stage: has no pure Nash equilibrium, so the repeated game has no pure "
                            "subgame-perfect equilibrium (mixed=True admits mixed stage equilibria)")
        if len(current) > MAX_PAYOFFS:
            raise ParameterError(f"horizon: the payoff sets exceed {MAX_PAYOFFS} vectors at {k} periods; "
                                 f"use a shorter horizon")
        sets.append(current)
        parents.append(parent)
        worst.append(tuple(min(w[i] for w in current.values()) for i in range(n)))
    punish = []
    for k in range(T + 1):
        per_player = []
        for i in range(n):
            key = min(sets[k], key=lambda x: (x[i], x))     # by the key: float ties broken alike at any scale
            per_player.append(_unroll(tuple(parents), k, key))
        punish.append(tuple(per_player))
    payoffs = tuple(tuple(sorted(s.values())) for s in sets)
    return FiniteHorizonGame(stage, T, payoffs, tuple(punish), tuple(worst), tuple(parents), bool(mixed), extras)


def _unroll(parents: tuple, k: int, key: tuple) -> tuple:
    path = []
    while k > 0:
        entry = parents[k].get(key)
        if entry is None:
            raise ParameterError(f"payoff: {key} is not a {k}-period subgame-perfect payoff")
        a, key = entry
        path.append(a)
        k -= 1
    return tuple(path)


def _profile(stage: NormalFormGame, profile: Sequence) -> tuple:
    try:
        index = stage.profile_index(profile)
    except (GameError, TypeError, ValueError) as exc:
        raise GameError(f"profile: expected one action label per player of the stage game, got {profile!r}") from exc
    return tuple(stage.actions[i][j] for i, j in enumerate(index))


def _slack(solution: FiniteHorizonGame, path: tuple, tol: float) -> tuple:
    """Per period and player: on-path payoff from then on minus (best deviation + worst punishment)."""
    stage = solution.stage
    _, u, dev = _tables(stage, solution.stage_equilibria)
    n, T = stage.num_players, len(path)
    rows = []
    for s in range(T):
        rest = [sum((u[a][i] for a in path[s:]), 0 * u[path[s]][i]) for i in range(n)]
        rows.append(tuple(rest[i] - dev[path[s]][i] - solution.worst[T - s - 1][i] for i in range(n)))
    return tuple(rows)


def is_subgame_perfect_path(solution: FiniteHorizonGame, path: Sequence[Sequence]) -> bool:
    r"""Whether ``path`` (one profile per period, all :math:`T` of them) is an SPE outcome of ``solution``'s class.

    Entries are pure profiles, or (when ``solution.mixed``) members of
    ``solution.stage_equilibria``.

    The test is the inequality of the module docstring in every period,
    with the worst punishments of ``solution``.

    Examples
    --------
    >>> from cybergames import NormalFormGame
    >>> g = NormalFormGame([[[4, 0, 0], [5, 1, 0], [0, 0, 3]], [[4, 5, 0], [0, 1, 0], [0, 0, 3]]],
    ...                    actions=[("C", "D", "R"), ("C", "D", "R")])
    >>> s = finite_horizon_equilibria(g, 3)
    >>> is_subgame_perfect_path(s, [("C", "C"), ("C", "C"), ("R", "R")])
    True
    >>> is_subgame_perfect_path(s, [("C", "C"), ("C", "C"), ("C", "C")])
    False
    """
    if not isinstance(solution, FiniteHorizonGame):
        raise GameError(f"solution: expected a FiniteHorizonGame, got {type(solution).__name__}")
    path = tuple(a if (isinstance(a, StageEquilibrium) and a in solution.stage_equilibria)
                 else _profile(solution.stage, a) for a in path)
    if len(path) != solution.horizon:
        raise ParameterError(f"path: expected {solution.horizon} profiles, one per period, got {len(path)}")
    tol, unit = DEFAULT_TOL, _unit(solution.stage)
    return all(_leq(0 * x, x, tol, unit) for row in _slack(solution, path, tol) for x in row)


def last_sustainable_period(stage: NormalFormGame, horizon: int, profile: Sequence, *, mixed: bool = False,
                            tol: float = DEFAULT_TOL) -> SustainedProfile:
    r"""The last period up to which ``profile`` can be played from the start in a pure SPE (or, ``mixed``, with stage equilibria).

    Finds the largest :math:`t \le T` such that some pure subgame-perfect
    path plays :math:`a` = ``profile`` in periods :math:`1, \dots, t`: with
    :math:`w \in W_{T-t}` the continuation after period :math:`t`, it needs,
    for every period :math:`s \le t` and player :math:`i`,

    .. math:: \max_{a_i'} u_i(a_i', a_{-i}) + m_i^{T-s} \le (t - s + 1)\, u_i(a) + w_i .

    Parameters
    ----------
    stage : NormalFormGame
    horizon : int
        :math:`T \ge 1`.
    profile : sequence of str or int
        One action (label or index) per player.
    mixed : bool, optional
        Also let periods play mixed stage equilibria, which may punish harder
        (see the module docstring); default pure strategies only.
    tol : float, optional
        Float games only.

    Returns
    -------
    SustainedProfile
        ``last_period`` (0 when no pure SPE opens with ``profile``), a
        witnessing path and its slack (all >= 0).

    Raises
    ------
    GameError
        For a symbolic game, one without pure equilibria, or an unknown profile.
    ParameterError
        If ``horizon`` is not a whole number >= 1.

    References
    ----------
    Benoit & Krishna (1985), *Econometrica* 53(4), sec. 2, example of fig. 1.

    Examples
    --------
    A prisoner's dilemma with a third action R that forms a second, better
    stage equilibrium (R, R) (Benoit & Krishna's kind of example): cooperating
    gains 1 by deviating, and switching from (R, R) = 3 to (D, D) = 1 in the
    last period costs 2, so cooperation holds until the last period but one.

    >>> from cybergames import NormalFormGame
    >>> g = NormalFormGame([[[4, 0, 0], [5, 1, 0], [0, 0, 3]], [[4, 5, 0], [0, 1, 0], [0, 0, 3]]],
    ...                    actions=[("C", "D", "R"), ("C", "D", "R")])
    >>> result = last_sustainable_period(g, 5, ("C", "C"))
    >>> result.last_period, result.path[-1]
    (4, ('R', 'R'))
    """
    stage = _stage(stage)
    a = _profile(stage, profile)
    solution = finite_horizon_equilibria(stage, horizon, mixed=mixed, tol=tol)
    T, n = solution.horizon, stage.num_players
    _, u, dev = _tables(stage, solution.stage_equilibria)
    tol, unit = float(tol), _unit(stage)
    for t in range(T, 0, -1):
        for w in solution.payoffs[T - t]:
            if all(_leq(dev[a][i] + solution.worst[T - s][i], (t - s + 1) * u[a][i] + w[i], tol, unit)
                   for s in range(1, t + 1) for i in range(n)):
                path = (a,) * t + solution.path_of(T - t, w)
                return SustainedProfile(a, T, t, path, _slack(solution, path, tol), solution)
    return SustainedProfile(a, T, 0, (), (), solution)


def subgame_perfect_paths(stage: NormalFormGame, horizon: int, *, limit: int = 10_000, mixed: bool = False,
                          tol: float = DEFAULT_TOL) -> tuple:
    r"""Every pure subgame-perfect outcome path of the finitely repeated game (up to ``limit``).

    Paths are built backwards: a profile is prepended to a :math:`(k-1)`-period
    SPE path when the inequality of the module docstring holds against it.

    Parameters
    ----------
    stage : NormalFormGame
    horizon : int
        :math:`T \ge 1`.
    limit : int, optional
        The most paths to return; :class:`~cybergames.errors.ParameterError` when there are more.
    mixed : bool, optional
        Also let periods play mixed stage equilibria (see the module docstring).

    Returns
    -------
    tuple of tuple
        The paths, each a tuple of :math:`T` action profiles, in lexicographic order.

    Raises
    ------
    GameError, ParameterError

    Examples
    --------
    >>> from cybergames import battle_of_the_sexes
    >>> len(subgame_perfect_paths(battle_of_the_sexes(), 2))   # any sequence of the two pure equilibria
    4
    """
    stage = _stage(stage)
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ParameterError(f"limit: expected a whole number >= 1, got {limit!r}")
    solution = finite_horizon_equilibria(stage, horizon, mixed=mixed, tol=tol)
    profiles, u, dev = _tables(stage, solution.stage_equilibria)
    n, unit = stage.num_players, _unit(stage)
    paths = [((), tuple(0 * u[profiles[0]][i] for i in range(n)))]
    for k in range(1, solution.horizon + 1):
        low = solution.worst[k - 1]
        grown = []
        for a in profiles:
            for path, w in paths:
                if all(_leq(dev[a][i] + low[i], u[a][i] + w[i], tol, unit) for i in range(n)):
                    grown.append(((a,) + path, tuple(u[a][i] + w[i] for i in range(n))))
                    if len(grown) > limit:
                        raise ParameterError(f"limit: more than {limit} subgame-perfect paths of "
                                             f"{k} periods; raise limit or shorten the horizon")
        paths = grown
    return tuple(sorted((path for path, _ in paths), key=_path_order))


def _path_order(path: tuple) -> tuple:
    """Pure profiles first in lexicographic order, then mixed stage equilibria by their strategies."""
    return tuple((1, tuple(map(repr, a.strategies))) if isinstance(a, StageEquilibrium) else (0, a) for a in path)


def benoit_krishna_condition(stage: NormalFormGame, profile: Sequence, reward: Sequence,
                             punishments: Sequence[Sequence]) -> Any:
    r"""The condition for playing ``profile`` in every period but the last, for one construction.

    The construction (labelled: a sufficient condition for this profile, not
    the set of all SPE): play :math:`a` in periods :math:`1, \dots, T-1` and the
    stage equilibrium :math:`e` (``reward``) in period :math:`T`; after a
    deviation by player :math:`i`, play the stage equilibrium :math:`e^i`
    (``punishments[i]``) in every remaining period. It is subgame perfect for
    every :math:`T \ge 2` iff :math:`e` and every :math:`e^i` are stage Nash
    equilibria and, for every :math:`i`,

    .. math:: \max_{a_i'} u_i(a_i', a_{-i}) - u_i(a) \le u_i(e) - u_i(e^i)
              \quad\text{and}\quad u_i(a) \ge u_i(e^i),

    the first the deviation in period :math:`T - 1`, the second making the
    earlier periods no harder.

    Parameters
    ----------
    stage : NormalFormGame
        Numeric or symbolic.
    profile, reward : sequence of action labels
    punishments : sequence of profiles
        One stage equilibrium per player.

    Returns
    -------
    bool or sympy.Boolean
        A Python bool for numeric games, a sympy relation (``And`` of
        inequalities) for symbolic ones.

    Raises
    ------
    GameError
        For unknown profiles or a wrong number of punishments.

    Examples
    --------
    >>> import sympy
    >>> from cybergames import NormalFormGame
    >>> g_, r_ = sympy.symbols("g r", positive=True)   # deviation gain g, reward equilibrium worth r
    >>> game = NormalFormGame([[[4, 0, 0], [4 + g_, 1, 0], [0, 0, r_]], [[4, 4 + g_, 0], [0, 1, 0], [0, 0, r_]]],
    ...                       actions=[("C", "D", "R"), ("C", "D", "R")])
    >>> benoit_krishna_condition(game, ("C", "C"), ("R", "R"), [("D", "D"), ("D", "D")])
    (0 <= r - 1) & (g <= r - 1)
    """
    if not isinstance(stage, NormalFormGame):
        raise GameError(f"stage: expected a NormalFormGame, got {type(stage).__name__}")
    n = stage.num_players
    a = _profile(stage, profile)
    e = _profile(stage, reward)
    if isinstance(punishments, (str, bytes)) or len(punishments) != n:
        raise GameError(f"punishments: expected one stage equilibrium per player ({n}), got {punishments!r}")
    pun = [_profile(stage, p) for p in punishments]
    conditions = []

    def stage_nash(x):
        for i in range(n):
            here = stage.payoff(x)[i]
            for alt in stage.actions[i]:
                conditions.append(sympy.sympify(stage.payoff(x[:i] + (alt,) + x[i + 1:])[i]) <= here)

    stage_nash(e)
    for p in pun:
        stage_nash(p)
    for i in range(n):
        ui = stage.payoff(a)[i]
        for alt in stage.actions[i]:
            gain = stage.payoff(a[:i] + (alt,) + a[i + 1:])[i] - ui
            conditions.append(sympy.sympify(gain) <= sympy.sympify(stage.payoff(e)[i] - stage.payoff(pun[i])[i]))
        conditions.append(sympy.sympify(ui) >= sympy.sympify(stage.payoff(pun[i])[i]))
    result = sympy.And(*[_numbers.to_sympy(c) if not isinstance(c, sympy.Basic) else c for c in conditions])
    if result in (sympy.true, sympy.false):
        return bool(result)
    return result


# ---------------------------------------------------------------- verification
@verify.register(SustainedProfile)
def _verify_sustained(result: SustainedProfile, *, tol: float | None = None) -> Verification:
    """Re-check the witnessing path period by period against independently recomputed punishments.

    The punishments are recomputed by brute force over all pure paths of
    length ``k`` for short horizons (``|A|^k <= 50_000``), so that the penal
    codes themselves are checked, and then ``last_period`` is checked to be the
    longest prefix of the profile among all SPE paths; longer horizons use the
    recorded worst payoffs and check the witnessing path only.
    """
    tol = DEFAULT_TOL if tol is None else float(tol)
    stage, T = result.solution.stage, result.horizon
    failures: list[str] = []
    checked = 0
    profiles, u, dev = _tables(stage, result.solution.stage_equilibria)
    n, unit = stage.num_players, _unit(stage)
    worst = [tuple(0 * u[profiles[0]][i] for i in range(n))]
    for k in range(1, T + 1):
        if len(profiles) ** k > 50_000:
            worst.append(result.solution.worst[k])
            continue
        grown = []
        for path in itertools.product(profiles, repeat=k):
            ok = True
            for s in range(k):
                for i in range(n):
                    rest = sum((u[x][i] for x in path[s:]), 0 * u[path[s]][i])
                    if not _leq(dev[path[s]][i] + worst[k - s - 1][i], rest, tol, unit):
                        ok = False
                        break
                if not ok:
                    break
            if ok:
                grown.append(path)
        checked += len(profiles) ** k
        if not grown:
            failures.append(f"no pure SPE of {k} periods exists, yet a path was reported")
            break
        worst.append(tuple(min(sum((u[x][i] for x in p), 0 * u[p[0]][i]) for p in grown) for i in range(n)))
        if k == T:                        # maximality: no SPE path plays the profile for longer
            checked += 1
            longest = max(next((s for s in range(T) if p[s] != result.profile), T) for p in grown)
            if longest != result.last_period:
                failures.append(f"last_period: recorded {result.last_period}, brute force {longest}")
        recorded = result.solution.worst[k]
        if any(not (_leq(recorded[i], worst[k][i], tol, unit) and _leq(worst[k][i], recorded[i], tol, unit))
               for i in range(n)):
            failures.append(f"{k} periods: recorded worst payoffs {recorded}, brute force {worst[k]}")
    path = result.path
    if result.last_period:
        if len(path) != T or any(x != result.profile for x in path[:result.last_period]):
            failures.append("path: does not play the profile up to last_period over the horizon")
        else:
            for s in range(T):
                for i in range(n):
                    checked += 1
                    rest = sum((u[x][i] for x in path[s:]), 0 * u[path[s]][i])
                    if len(worst) > T - s - 1 and not _leq(dev[path[s]][i] + worst[T - s - 1][i], rest, tol, unit):
                        failures.append(f"period {s + 1}: player {i} gains by deviating")
    return Verification(not failures, checked, tuple(failures))
