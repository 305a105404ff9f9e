r"""When does the folk theorem apply? Rank conditions on the monitoring and dimension conditions on payoffs.

Imperfect public monitoring (Fudenberg, Levine & Maskin 1994, FLM). For a
pure action profile :math:`a` and a player :math:`i`, stack the signal
distributions of :math:`i`'s unilateral deviations into the matrix

.. math:: \Pi_i(a) = \big[p(\cdot \mid a_i', a_{-i})\big]_{a_i' \in A_i}
   \in \mathbb{R}^{|A_i| \times |Y|}.

* :math:`a` has **individual full rank** for :math:`i` if
  :math:`\operatorname{rank} \Pi_i(a) = |A_i|`: different deviations of
  :math:`i` induce linearly independent signal distributions, so :math:`i` can
  be given incentives to play :math:`a_i`.
* :math:`a` has **pairwise full rank** for :math:`i \ne j` if the stacked
  matrix :math:`\Pi_{ij}(a) = \binom{\Pi_i(a)}{\Pi_j(a)}` has rank
  :math:`|A_i| + |A_j| - 1` (the row :math:`p(\cdot \mid a)` appears in both
  blocks): the signals also tell *who* deviated, so that one player can be
  punished by transferring continuation value to the other, without burning
  value of both.

FLM (1994, Theorem 6.2; Mailath & Samuelson 2006, Prop. 9.2.1): if every pure
action profile has individual full rank, every pair of players has some
profile with pairwise full rank, and the feasible, strictly individually
rational set :math:`F^*` (mixed minmax) has dimension :math:`n`, then every
payoff in the interior of :math:`F^*` is a perfect public equilibrium payoff
for all :math:`\delta` close enough to 1.

Perfect monitoring (the signal is the action profile; both rank conditions
then hold at every profile). For two players Fudenberg & Maskin (1986,
Theorem 1) need no dimension condition: every feasible, strictly
individually rational payoff is a subgame perfect equilibrium payoff for
:math:`\delta` close to 1 (with public randomisation). For :math:`n \ge 3`
they need full dimensionality of :math:`F^*` (Theorem 2), which Abreu, Dutta &
Smith (1994) weaken to *non-equivalent utilities* (NEU): no two players'
stage payoffs are positive affine transformations of each other.

All ranks are exact (Fractions, by elimination) for exact monitoring, and
floats ranked by singular values above a stated tolerance otherwise.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import GameError, MonitoringError, ParameterError
from .game import RepeatedGame
from .geometry import FolkTheoremRegion, folk_theorem_region

__all__ = ["ProfileRanks", "FolkTheoremConditions", "folk_theorem_conditions"]


@dataclass(frozen=True)
class ProfileRanks:
    """The rank conditions at one pure action profile.

    Attributes
    ----------
    profile : tuple of str
        The action profile.
    individual : tuple of (int, int)
        Per player, ``(rank of Pi_i(a), |A_i|)``; individual full rank iff equal.
    pairwise : tuple of ((int, int), int, int)
        Per pair ``(i, j)``, ``((i, j), rank of Pi_ij(a), |A_i| + |A_j| - 1)``.
    """

    profile: tuple
    individual: tuple
    pairwise: tuple

    @property
    def individual_full_rank(self) -> bool:
        """Whether every player's deviations are distinguishable at this profile."""
        return all(rank == size for rank, size in self.individual)

    @property
    def pairwise_full_rank(self) -> bool:
        """Whether every pair's deviations are distinguishable from each other at this profile."""
        return all(rank == size for _, rank, size in self.pairwise)


@dataclass(frozen=True, eq=False)
class FolkTheoremConditions:
    r"""Which folk theorem applies to a repeated game, with the per-profile ranks behind it.

    Attributes
    ----------
    rg : RepeatedGame
        The game.
    perfect : bool
        Whether monitoring is perfect (then Fudenberg & Maskin / Abreu, Dutta
        & Smith apply, else Fudenberg, Levine & Maskin).
    profiles : tuple of ProfileRanks
        The ranks at every pure action profile.
    pairs : tuple
        Per pair ``(i, j)``: ``((i, j), witness)`` where ``witness`` is a pure
        profile (tuple of labels) with pairwise full rank for the pair, the
        mixed profile (tuple of probability tuples) found with it, or None.
    pair_bounds : tuple
        Per pair ``(i, j)``: ``((i, j), bound, needed)`` with ``bound`` the
        rank of the matrix of all signal distributions, an upper bound on the
        rank of :math:`\Pi_{ij}(\alpha)` at *every* (mixed) profile; when
        ``bound < needed`` no profile has pairwise full rank for the pair.
    individual_full_rank : bool
        Every pure profile has individual full rank.
    pairwise_full_rank : bool
        Every pair has a profile with pairwise full rank (a pure one when
        ``pairs`` names a pure witness).
    region : FolkTheoremRegion
        :math:`F^*`: the feasible payoffs strictly above the (mixed) minmax
        vector, as an exact polytope (its closure).
    dimension : int
        The affine dimension of the closure of :math:`F^*` (-1 if empty).
    neu : bool
        Non-equivalent utilities: no two players' payoffs are positive affine
        transformations of each other.
    holds : bool
        Whether the applicable folk theorem's conditions hold.
    conclusion : str
        What ``holds`` licenses, in words.
    tol : float or None
        The singular-value tolerance of float ranks; None when exact.
    """

    rg: RepeatedGame = field(repr=False)
    perfect: bool
    profiles: tuple = field(repr=False)
    pairs: tuple = field(repr=False)
    pair_bounds: tuple = field(repr=False)
    individual_full_rank: bool
    pairwise_full_rank: bool
    region: FolkTheoremRegion = field(repr=False)
    dimension: int
    neu: bool
    holds: bool
    conclusion: str = field(repr=False)
    tol: float | None = field(default=None, repr=False)

    @property
    def interior_only(self) -> bool:
        """Whether the conclusion is about the interior of :math:`F^*` only (FLM), not all of it."""
        return not (self.perfect and self.rg.num_players == 2)

    def covers(self, payoff: Sequence[Any]) -> bool:
        r"""Whether the folk theorem proves ``payoff`` a PPE (SPE) payoff for all δ close enough to 1.

        True only when :attr:`holds` and ``payoff`` is feasible and strictly
        individually rational (in the interior of :math:`F^*` where the
        theorem needs it: strictly inside every facet of the closure).
        """
        if not self.holds or not self.region.contains(payoff, tol=0.0):
            return False
        if not self.interior_only:
            return True
        x = [_numbers.normalise(v, f"payoff[{k}]", GameError) for k, v in enumerate(payoff)]
        closure = self.region.closure
        return all(sum(a * b for a, b in zip(n, x)) < o for n, o in zip(closure.normals, closure.offsets))


# ----------------------------------------------------------------------------- ranks


def exact_rank(rows: Sequence[Sequence[Any]]) -> int:
    """The rank of a matrix of ints and Fractions, by exact Gaussian elimination."""
    matrix = [[Fraction(v) for v in row] for row in rows]
    rank, width = 0, len(matrix[0]) if matrix else 0
    for col in range(width):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        top = matrix[rank]
        for r in range(rank + 1, len(matrix)):
            factor = matrix[r][col] / top[col]
            if factor:
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], top)]
        rank += 1
    return rank


def _rank(rows: list, exact: bool, tol: float) -> int:
    if exact:
        return exact_rank(rows)
    array = np.asarray(rows, dtype=float)
    values = np.linalg.svd(array, compute_uv=False)
    return int((values > tol * max(1.0, float(values[0]) if len(values) else 1.0)).sum())


def _rows(rg: RepeatedGame, player: int, profile: tuple, mixed: tuple | None = None) -> list:
    """:math:`\\Pi_i`: the signal distribution after each action of ``player`` against ``profile``."""
    game, matrix = rg.stage, rg.monitoring.matrix
    rows = []
    for k in range(game.shape[player]):
        if mixed is None:
            index = list(profile)
            index[player] = k
            rows.append(list(matrix[tuple(index)]))
            continue
        row: list = [0] * len(rg.monitoring.signals)
        for others in itertools.product(*(range(s) for s in game.shape)):
            if others[player] != k:
                continue
            weight: Any = 1
            for j, a in enumerate(others):
                if j != player:
                    weight = weight * mixed[j][a]
            if weight:
                row = [x + weight * p for x, p in zip(row, matrix[others])]
        rows.append(row)
    return rows


def _mixed_point(rg: RepeatedGame, exact: bool, seed: int) -> tuple:
    """A fixed, full-support mixed profile with 'generic' probabilities (a witness candidate)."""
    chooser = random.Random(seed)
    profile = []
    for size in rg.stage.shape:
        weights = [chooser.randint(1, 97) for _ in range(size)]
        total = sum(weights)
        profile.append(tuple(Fraction(w, total) if exact else w / total for w in weights))
    return tuple(profile)


def _equivalent(a: np.ndarray, b: np.ndarray, exact: bool, tol: float) -> bool:
    """Whether ``a = c b + d`` with ``c > 0`` on every profile (equivalent utilities)."""
    x, y = list(a.flat), list(b.flat)
    if not exact:                                     # tolerances in units of each player's payoffs
        tol_x, tol = tol * _numbers.unit_of(a), tol * _numbers.unit_of(b)
    k = next((k for k in range(1, len(y)) if (y[k] != y[0] if exact else abs(y[k] - y[0]) > tol)), None)
    if k is None:                                     # b constant: equivalent iff a constant too
        return all((v == x[0]) if exact else abs(v - x[0]) <= tol_x for v in x)
    c = (Fraction(x[k]) - x[0]) / (Fraction(y[k]) - y[0]) if exact else (x[k] - x[0]) / (y[k] - y[0])
    if not c > 0:
        return False
    d = x[0] - c * y[0]
    return all((u == c * v + d) if exact else abs(u - c * v - d) <= tol_x for u, v in zip(x, y))


def folk_theorem_conditions(rg: RepeatedGame, *, tol: float = DEFAULT_TOL) -> FolkTheoremConditions:
    r"""The conditions of the folk theorem for ``rg``: full-rank monitoring and full-dimensional payoffs.

    Computes, at every pure action profile, the rank of each player's
    deviation matrix :math:`\Pi_i(a)` and of each pair's stacked matrix
    :math:`\Pi_{ij}(a)` (see :mod:`cybergames.repeated.folk`), and the folk
    region :math:`F^*` of the stage game.

    Parameters
    ----------
    rg : RepeatedGame
        A repeated game with numeric payoffs and probabilities.
    tol : float
        Float monitoring only: singular values up to ``tol`` times the largest
        count as zero (also the tolerance of the NEU comparison).

    Returns
    -------
    FolkTheoremConditions
        ``.individual_full_rank``, ``.pairwise_full_rank``, ``.holds``, the
        per-profile ranks, the region :math:`F^*` and ``.conclusion`` in words.
        :meth:`FolkTheoremConditions.covers` says whether a given payoff is
        proved an equilibrium payoff for δ close to 1.

    Raises
    ------
    GameError
        If the game or the monitoring is symbolic (substitute values first).
    MonitoringError
        If ``rg`` is not a RepeatedGame.
    ParameterError
        If ``tol`` is not a small positive number.

    Notes
    -----
    ``pairwise_full_rank`` asks, for each pair, for *some* profile with
    pairwise full rank: a pure profile is tried first, then a fixed
    full-support mixed profile. If neither has it, the pair's bound (the rank
    of all signal distributions together, which bounds the rank at every
    mixed profile) certifies failure when it is below
    :math:`|A_i| + |A_j| - 1`; otherwise the failure is only at the profiles
    tried, and ``conclusion`` says so.

    References
    ----------
    Fudenberg, Levine & Maskin, "The folk theorem with imperfect public
    information", *Econometrica* 62(5), 1994, Definitions 5.1, 5.4 and
    Theorem 6.2. Fudenberg & Maskin, *Econometrica* 54(3), 1986, Theorems 1-2.
    Abreu, Dutta & Smith, "The folk theorem for repeated games: a NEU
    condition", *Econometrica* 62(4), 1994. Mailath & Samuelson, *Repeated
    Games and Reputations*, 2006, sections 3.8 and 9.2.

    Examples
    --------
    Blame falls on each state independently, so who attacked can be told
    apart as soon as attackers are blamed more often than the innocent:

    >>> from fractions import Fraction
    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, noisy_attribution, public_signal
    >>> game = prisoners_dilemma(5, 3, 1, 0)
    >>> rg = RepeatedGame(game, noisy_attribution(game, Fraction(4, 5), Fraction(1, 10)))
    >>> result = folk_theorem_conditions(rg)
    >>> result.pairwise_full_rank, result.holds, result.covers((Fraction(29, 10), Fraction(29, 10)))
    (True, True, True)

    If only *that* someone attacked is public, deviations cannot be told apart:

    >>> alarm = public_signal(game, lambda a: "attack" if "D" in a else "quiet")
    >>> folk_theorem_conditions(RepeatedGame(game, alarm)).pairwise_full_rank
    False
    """
    if not isinstance(rg, RepeatedGame):
        raise MonitoringError(f"rg: expected a RepeatedGame, got {type(rg).__name__}")
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not 0 < tol < 1:
        raise ParameterError(f"tol: expected a small positive number, got {tol!r}")
    if rg.is_symbolic:
        raise GameError("rg: folk_theorem_conditions needs numeric payoffs and probabilities; "
                        "substitute values with rg.subs(...)")
    game, monitoring = rg.stage, rg.monitoring
    exact = monitoring.kind != FLOAT
    n = game.num_players
    pairs_ij = list(itertools.combinations(range(n), 2))
    records = []
    for index in itertools.product(*(range(s) for s in game.shape)):
        blocks = [_rows(rg, i, index) for i in range(n)]
        individual = tuple((_rank(blocks[i], exact, tol), game.shape[i]) for i in range(n))
        pairwise = tuple(((i, j), _rank(blocks[i] + blocks[j], exact, tol), game.shape[i] + game.shape[j] - 1)
                         for i, j in pairs_ij)
        records.append(ProfileRanks(tuple(game.actions[i][k] for i, k in enumerate(index)), individual, pairwise))
    every_signal = [list(monitoring.matrix[index]) for index in itertools.product(*(range(s) for s in game.shape))]
    total_rank = _rank(every_signal, exact, tol)
    witnesses, bounds = [], []
    mixed = _mixed_point(rg, exact, seed=1994)
    for k, (i, j) in enumerate(pairs_ij):
        needed = game.shape[i] + game.shape[j] - 1
        witness: Any = next((r.profile for r in records if r.pairwise[k][1] == r.pairwise[k][2]), None)
        if witness is None and total_rank >= needed:
            rank = _rank(_rows(rg, i, (), mixed) + _rows(rg, j, (), mixed), exact, tol)
            witness = mixed if rank == needed else None
        witnesses.append(((i, j), witness))
        bounds.append(((i, j), total_rank, needed))
    individual = all(r.individual_full_rank for r in records)
    pairwise = all(w is not None for _, w in witnesses)
    region = folk_theorem_region(game)
    dimension = -1 if region.is_empty else region.closure.dimension
    payoffs = [np.asarray(p, dtype=object if exact and game.kind != FLOAT else float) for p in game.payoffs]
    neu = not any(_equivalent(payoffs[i], payoffs[j], exact and game.kind != FLOAT, tol) for i, j in pairs_ij)
    perfect = rg.is_perfect
    if perfect:
        holds = not region.is_empty and (n == 2 or dimension == n or neu)
    else:
        holds = individual and pairwise and dimension == n
    conclusion = _conclusion(perfect, n, holds, individual, pairwise, region, dimension, neu, witnesses, bounds)
    return FolkTheoremConditions(rg, perfect, tuple(records), tuple(witnesses), tuple(bounds), individual,
                                 pairwise, region, dimension, neu, holds, conclusion, None if exact else float(tol))


def _conclusion(perfect: bool, n: int, holds: bool, individual: bool, pairwise: bool, region: Any,
                dimension: int, neu: bool, witnesses: list, bounds: list) -> str:
    minmax = tuple(region.levels)
    if None in tuple(region.minmax):
        minmax = f"{minmax} (upper bounds where a mixed minmax is only bracketed)"
    if region.is_empty:
        return (f"No feasible payoff is strictly above the minmax vector {minmax}: the folk theorem says "
                "nothing beyond the stage-game equilibria.")
    if perfect:
        if n == 2:
            return ("Perfect monitoring, two players (Fudenberg & Maskin 1986, Theorem 1): every feasible "
                    f"payoff strictly above the minmax vector {minmax} is a subgame perfect equilibrium "
                    "payoff for every discount factor close enough to 1.")
        if holds:
            reason = "F* is full-dimensional" if dimension == n else "utilities are non-equivalent (NEU)"
            return (f"Perfect monitoring, {n} players: {reason} (Fudenberg & Maskin 1986, Theorem 2; Abreu, "
                    f"Dutta & Smith 1994), so every feasible payoff strictly above the minmax vector {minmax} "
                    "is a subgame perfect equilibrium payoff for discount factors close enough to 1.")
        return (f"Perfect monitoring, {n} players: two players have equivalent utilities (NEU fails), so the "
                "folk theorem of Abreu, Dutta & Smith (1994) does not apply.")
    if holds:
        return ("Every pure action profile has individual full rank and every pair of players has a profile "
                f"with pairwise full rank, and F* has dimension {n} (Fudenberg, Levine & Maskin 1994, "
                "Theorem 6.2): every payoff in the interior of the feasible payoffs strictly above the "
                f"minmax vector {minmax} is a perfect public equilibrium payoff for every discount factor "
                "close enough to 1.")
    reasons = []
    if not individual:
        reasons.append("some pure action profile lacks individual full rank")
    for ((i, j), witness), (_, bound, needed) in zip(witnesses, bounds):
        if witness is None:
            if bound < needed:
                reasons.append(f"no profile, pure or mixed, has pairwise full rank for players {i} and {j}: "
                               f"all signal distributions span only {bound} dimensions, {needed} are needed, "
                               "so the signals cannot tell these players' deviations apart")
            else:
                reasons.append(f"no pure profile (nor the mixed profile tried) has pairwise full rank for "
                               f"players {i} and {j}")
    if dimension != n:
        reasons.append(f"F* has dimension {dimension}, not {n}")
    return ("The sufficient conditions of Fudenberg, Levine & Maskin (1994) fail: " + "; ".join(reasons)
            + ". This does not prove that no payoff near the efficient frontier is an equilibrium payoff; "
            "compute the payoff set (equilibrium_payoff_set) at the discount factor of interest.")


@verify.register
def _verify_folk(result: FolkTheoremConditions, **kwargs: Any) -> Verification:
    """Recompute every rank with numpy's SVD (floats) and every conclusion from the recorded ranks."""
    rg = result.rg
    game = rg.stage
    matrix = np.asarray(rg.monitoring.matrix, dtype=float)
    failures = []
    checked = 0
    for record in result.profiles:
        index = tuple(game.action_index(i, a) for i, a in enumerate(record.profile))
        blocks = []
        for i in range(game.num_players):
            rows = []
            for k in range(game.shape[i]):
                deviation = list(index)
                deviation[i] = k
                rows.append(matrix[tuple(deviation)])
            blocks.append(np.array(rows))
        for i, (rank, _) in enumerate(record.individual):
            checked += 1
            if np.linalg.matrix_rank(blocks[i], tol=1e-9) != rank:
                failures.append(f"individual rank of player {i} at {record.profile}: recorded {rank}")
        for (i, j), rank, _ in record.pairwise:
            checked += 1
            if np.linalg.matrix_rank(np.vstack([blocks[i], blocks[j]]), tol=1e-9) != rank:
                failures.append(f"pairwise rank of players {i}, {j} at {record.profile}: recorded {rank}")
    if result.individual_full_rank != all(r.individual_full_rank for r in result.profiles):
        failures.append("individual_full_rank does not follow from the recorded ranks")
    for ((i, j), witness), (_, bound, needed) in zip(result.pairs, result.pair_bounds):
        checked += 1
        if witness is None and bound >= needed and not result.perfect:
            continue
        if isinstance(witness, tuple) and witness and isinstance(witness[0], str):
            record = next(r for r in result.profiles if r.profile == witness)
            if not any(pair == (i, j) and rank == size for pair, rank, size in record.pairwise):
                failures.append(f"witness {witness} for players {i}, {j} lacks pairwise full rank")
    if result.pairwise_full_rank != all(w is not None for _, w in result.pairs):
        failures.append("pairwise_full_rank does not follow from the witnesses")
    if not result.perfect:
        expected = result.individual_full_rank and result.pairwise_full_rank \
            and result.dimension == game.num_players
        checked += 1
        if result.holds != expected:
            failures.append(f"holds: recorded {result.holds}, the conditions give {expected}")
    return Verification(not failures, checked, tuple(failures))
