r"""Random and structured games for benchmarks and property tests (after QuantEcon's ``game_generators``).

Each generator returns a :class:`~cybergames.games.normal_form.NormalFormGame`
and takes a ``seed`` (None, a non-negative integer or a
:class:`numpy.random.Generator`): the same seed gives the same game.

* :func:`random_game`: payoffs independent and uniform on ``[0, 1)``.
* :func:`covariance_game`: at every profile the players' payoffs are
  standard normal with correlation :math:`\rho` between any two players
  (Rinott & Scarsini 2000): :math:`\rho = 1` is a game of common interest,
  :math:`\rho = -1` (two players) a zero-sum game.
* :func:`unit_vector_game`: the row player's payoff matrix has one 1 per
  column and zeros elsewhere; the column player's payoffs are uniform
  (Savani & von Stengel 2016). Every two-player game's equilibria can be
  reduced to those of a unit-vector game, and these are hard for Lemke–Howson.
* :func:`ranking_game`: two players choose an effort level, each with a
  cost; the one whose effort scores higher wins a prize of 1 (ties split it)
  (Goldberg, Goldberg, Krysta & Papadimitriou 2013). Exact payoffs.
* :func:`sgc_game`: the game of Sandholm, Gilpin & Conitzer (2005) with
  :math:`4k - 1` actions per player and a *unique* equilibrium, in which each
  player mixes uniformly over its first :math:`2k - 1` actions. Exact payoffs.
* :func:`blotto_game`: two colonels split :math:`t` troops over :math:`h`
  hills; a player wins a hill's value by sending strictly more troops (ties
  halve it); the values are normal with correlation :math:`\rho` between the
  players (Hortala-Vallve & Llorente-Saguer 2012).

References
----------
QuantEcon, ``quantecon/game_theory/game_generators/bimatrix_generators.py``
and ``quantecon/game_theory/random.py`` (the same families). Rinott &
Scarsini, "On the number of pure strategy Nash equilibria in random games",
*Games and Economic Behavior* 33 (2000). Savani & von Stengel, "Unit vector
games", *International Journal of Economic Theory* 12 (2016). Goldberg,
Goldberg, Krysta & Papadimitriou, "Ranking games that have
competitiveness-based strategies", *Theoretical Computer Science* 476
(2013). Sandholm, Gilpin & Conitzer, "Mixed-integer programming methods for
finding Nash equilibria", *AAAI* (2005), sec. 5. Hortala-Vallve &
Llorente-Saguer, "Pure strategy Nash equilibria in non-zero sum colonel
Blotto games", *International Journal of Game Theory* 41 (2012).
"""

from __future__ import annotations

import itertools
import math
import numbers
from fractions import Fraction
from typing import Any, Sequence

import numpy as np

from .. import _numbers
from ..errors import ParameterError
from .normal_form import NormalFormGame

__all__ = ["random_game", "covariance_game", "unit_vector_game", "ranking_game", "sgc_game", "blotto_game"]

#: The most pure profiles a generated game may have (its payoffs are held in memory at once).
MAX_PROFILES = 10**7


def _generator(seed: Any) -> np.random.Generator:
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None or (isinstance(seed, numbers.Integral) and not isinstance(seed, (bool, np.bool_))
                        and seed >= 0):
        return np.random.default_rng(None if seed is None else int(seed))
    raise ParameterError(f"seed: expected None, an integer >= 0 or a numpy Generator, got {seed!r}")


def _integer(value: Any, name: str, minimum: int) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral) or value < minimum:
        raise ParameterError(f"{name}: expected an integer >= {minimum}, got {value!r}")
    return int(value)


def _shape(shape: Any, minimum_players: int = 1) -> tuple[int, ...]:
    if isinstance(shape, numbers.Integral) and not isinstance(shape, (bool, np.bool_)):
        raise ParameterError(f"shape: expected a sequence with each player's number of actions, e.g. (3, 3), "
                             f"got {shape!r}")
    if isinstance(shape, (str, bytes)) or not isinstance(shape, (Sequence, np.ndarray)) or len(shape) < minimum_players:
        raise ParameterError(f"shape: expected a sequence of at least {minimum_players} numbers of actions, "
                             f"got {shape!r}")
    result = tuple(_integer(m, f"shape[{i}]", 1) for i, m in enumerate(shape))
    if math.prod(result) > MAX_PROFILES:
        raise ParameterError(f"shape: {result} has {math.prod(result)} pure profiles, more than "
                             f"cybergames.games.generators.MAX_PROFILES = {MAX_PROFILES}")
    return result


def _correlation(rho: Any, players: int) -> float:
    low = -1 / (players - 1) if players > 1 else -math.inf
    if isinstance(rho, (bool, np.bool_)) or not isinstance(rho, numbers.Real) or not math.isfinite(float(rho)) \
            or not low <= float(rho) <= 1:
        raise ParameterError(f"rho: expected a correlation in [-1/(N - 1), 1] = [{low:.6g}, 1] for N = {players} "
                             f"players, got {rho!r}")
    return float(rho)


def random_game(shape: Sequence[int], *, seed: Any = None) -> NormalFormGame:
    """A game whose payoffs are independent and uniform on ``[0, 1)``.

    Parameters
    ----------
    shape : sequence of int
        Each player's number of actions (the number of players is its length).
    seed : None, int or numpy.random.Generator, optional
        The source of randomness.

    Returns
    -------
    NormalFormGame
        Float payoffs.

    Raises
    ------
    ParameterError
        If ``shape`` is not a sequence of positive integers (with at most
        ``MAX_PROFILES`` profiles) or ``seed`` is not a seed.

    References
    ----------
    QuantEcon, ``quantecon.game_theory.random_game``.

    Examples
    --------
    >>> from cybergames.games.generators import random_game
    >>> game = random_game((2, 3, 2), seed=1)
    >>> game.shape, bool((game.payoffs[0] >= 0).all() and (game.payoffs[0] < 1).all())
    ((2, 3, 2), True)
    >>> random_game((2, 2), seed=1) == random_game((2, 2), seed=1)
    True
    """
    shape = _shape(shape)
    rng = _generator(seed)
    return NormalFormGame([rng.random(shape) for _ in shape])


def covariance_game(shape: Sequence[int], rho: float, *, seed: Any = None) -> NormalFormGame:
    r"""A game whose payoff vectors are multivariate normal with a common correlation :math:`\rho`.

    At each pure profile, independently, the payoffs :math:`(u_1, \dots, u_N)`
    are drawn from :math:`N(0, \Sigma)` with :math:`\Sigma_{ii} = 1` and
    :math:`\Sigma_{ij} = \rho` (:math:`i \ne j`); :math:`\Sigma` is positive
    semidefinite exactly when :math:`-1/(N - 1) \le \rho \le 1`. The draw is
    :math:`u = \sqrt{1 - \rho}\, z + \sqrt{\rho}\, c\, \mathbf 1` for
    :math:`\rho \ge 0` (a common factor :math:`c`) and the eigen-decomposition
    of :math:`\Sigma` otherwise.

    Parameters
    ----------
    shape : sequence of int
        Each player's number of actions; at least two players.
    rho : float
        The correlation, in :math:`[-1/(N - 1), 1]`.
    seed : None, int or numpy.random.Generator, optional

    Returns
    -------
    NormalFormGame
        Float payoffs. With :math:`\rho = 1` every player has the same
        payoffs; with two players and :math:`\rho = -1` the game is zero-sum.

    Raises
    ------
    ParameterError
        If ``shape`` is not at least two positive integers, ``rho`` is
        outside its range, or ``seed`` is not a seed.

    References
    ----------
    Rinott & Scarsini (2000), *Games and Economic Behavior* 33; QuantEcon,
    ``quantecon.game_theory.covariance_game``.

    Examples
    --------
    >>> from cybergames import is_zero_sum
    >>> from cybergames.games.generators import covariance_game
    >>> is_zero_sum(covariance_game((3, 4), -1, seed=7))
    True
    """
    shape = _shape(shape, minimum_players=2)
    n = len(shape)
    rho = _correlation(rho, n)
    rng = _generator(seed)
    size = math.prod(shape)
    if rho >= 0:
        draws = math.sqrt(1 - rho) * rng.standard_normal((size, n)) + math.sqrt(rho) * rng.standard_normal((size, 1))
    else:
        covariance = np.full((n, n), rho) + (1 - rho) * np.eye(n)
        values, vectors = np.linalg.eigh(covariance)
        root = vectors * np.sqrt(np.clip(values, 0, None))
        draws = rng.standard_normal((size, n)) @ root.T
        if n == 2 and rho == -1:                 # exactly zero-sum, not within rounding
            draws[:, 1] = -draws[:, 0]
    return NormalFormGame([draws[:, i].reshape(shape) for i in range(n)])


def unit_vector_game(n: int, *, avoid_pure_nash: bool = False, seed: Any = None) -> NormalFormGame:
    r"""A two-player :math:`n \times n` unit-vector game.

    The row player's payoff matrix :math:`A` has, in each column, a single 1
    (in a uniformly drawn row) and zeros elsewhere; the column player's
    payoffs are uniform on ``[0, 1)``.

    Parameters
    ----------
    n : int
        Each player's number of actions (at least 1; at least 2 with ``avoid_pure_nash``).
    avoid_pure_nash : bool, optional
        Redraw the row player's unit vectors so that no pure profile is an
        equilibrium: the 1 of column :math:`j` is put in a row :math:`i`
        against which :math:`j` is not a best response of the column player
        (possible for :math:`n \ge 2` when :math:`j` is not best against every row).
    seed : None, int or numpy.random.Generator, optional

    Returns
    -------
    NormalFormGame

    Raises
    ------
    ParameterError
        If ``n`` is not a positive integer, ``avoid_pure_nash`` not a bool,
        no unit vectors avoid a pure equilibrium (some column is the column
        player's best reply to every row), or ``seed`` is not a seed.

    References
    ----------
    Savani & von Stengel (2016), *International Journal of Economic Theory* 12;
    QuantEcon, ``quantecon.game_theory.game_generators.unit_vector_game``.

    Examples
    --------
    >>> from cybergames.games.generators import unit_vector_game
    >>> game = unit_vector_game(4, seed=3)
    >>> game.payoffs[0].sum(axis=0).tolist()
    [1.0, 1.0, 1.0, 1.0]
    """
    n = _integer(n, "n", 1)
    if not isinstance(avoid_pure_nash, (bool, np.bool_)):
        raise ParameterError(f"avoid_pure_nash: expected True or False, got {avoid_pure_nash!r}")
    if n * n > MAX_PROFILES:
        raise ParameterError(f"n: {n}x{n} exceeds cybergames.games.generators.MAX_PROFILES = {MAX_PROFILES}")
    rng = _generator(seed)
    B = rng.random((n, n))
    A = np.zeros((n, n))
    if not avoid_pure_nash:
        A[rng.integers(0, n, size=n), np.arange(n)] = 1.0
        return NormalFormGame([A, B])
    best = B.argmax(axis=1)                       # the column player's best reply to each row
    for j in range(n):
        rows = np.flatnonzero(best != j)          # a 1 there: (i, j) is no equilibrium, as j is not best against i
        if not len(rows):
            raise ParameterError(f"avoid_pure_nash: column {j} is the column player's best reply to every row, "
                                 f"so every unit vector in it makes a pure equilibrium; draw another seed")
        A[rng.choice(rows), j] = 1.0
    return NormalFormGame([A, B])


def ranking_game(n: int, steps: int = 10, *, seed: Any = None) -> NormalFormGame:
    r"""A two-player ranking game: costly effort, and a prize of 1 to the higher score.

    Each player :math:`p` has :math:`n` effort levels with scores
    :math:`0 < s_p(0) < s_p(1) < \dots` (cumulative sums of integers drawn
    from ``1 .. steps``) and costs :math:`c_p(0) = 0 < c_p(1) < \dots` (cumulative
    sums of such integers, divided by ``n * steps``). The payoff of effort
    :math:`a` against :math:`b` is :math:`1 - c_p(a)` if :math:`s_p(a)` is the
    higher score, :math:`1/2 - c_p(a)` if the scores tie and :math:`-c_p(a)` otherwise.

    Parameters
    ----------
    n : int
        The number of effort levels (at least 1).
    steps : int, optional
        The largest increment of scores and of costs (default 10).
    seed : None, int or numpy.random.Generator, optional

    Returns
    -------
    NormalFormGame
        Exact payoffs (Fractions).

    Raises
    ------
    ParameterError
        If ``n`` or ``steps`` is not a positive integer or ``seed`` is not a seed.

    References
    ----------
    Goldberg, Goldberg, Krysta & Papadimitriou (2013), *Theoretical Computer
    Science* 476; QuantEcon, ``quantecon.game_theory.game_generators.ranking_game``.

    Examples
    --------
    >>> from cybergames.games.generators import ranking_game
    >>> game = ranking_game(3, seed=0)
    >>> game.shape, game.kind
    ((3, 3), 'exact')
    """
    n = _integer(n, "n", 1)
    steps = _integer(steps, "steps", 1)
    if n * n > MAX_PROFILES:
        raise ParameterError(f"n: {n}x{n} exceeds cybergames.games.generators.MAX_PROFILES = {MAX_PROFILES}")
    rng = _generator(seed)
    scores = np.cumsum(rng.integers(1, steps + 1, size=(2, n)), axis=1)
    increments = np.cumsum(rng.integers(1, steps + 1, size=(2, n - 1)), axis=1)
    costs = [[Fraction(0)] + [Fraction(int(v), n * steps) for v in increments[p]] for p in range(2)]
    A = np.empty((n, n), dtype=object)
    B = np.empty((n, n), dtype=object)
    for a, b in itertools.product(range(n), range(n)):
        prize = Fraction(1) if scores[0, a] > scores[1, b] else Fraction(0) if scores[0, a] < scores[1, b] \
            else Fraction(1, 2)
        A[a, b] = _numbers.simplify_exact(prize - costs[0][a])
        B[a, b] = _numbers.simplify_exact(1 - prize - costs[1][b])
    return NormalFormGame([A, B])


def sgc_game(k: int) -> NormalFormGame:
    r"""The Sandholm–Gilpin–Conitzer game: :math:`4k - 1` actions each, a unique equilibrium on :math:`2k - 1`.

    With :math:`m = 2k - 1`, both players' payoffs (the column player's with
    the roles of rows and columns exchanged) are:

    * on the first :math:`m` actions of both, a cyclic block: 3/4, except 1
      one step behind the diagonal and 1/2 one step ahead
      (:math:`(i, i - 1 \bmod m)` and :math:`(i, i + 1 \bmod m)`; for
      :math:`k = 1` the block is the single 3/4);
    * a first-block action against a later one: 1/2; a later action against
      anything: 0, except on the later :math:`2k \times 2k` block, split
      into :math:`k` diagonal :math:`2 \times 2` blocks of matching pennies
      with payoff 3/4: the row player earns it on the blocks' diagonals, the
      column player off them.

    The unique equilibrium mixes uniformly over the first :math:`m` actions,
    paying 3/4 to both.

    Parameters
    ----------
    k : int
        At least 1.

    Returns
    -------
    NormalFormGame
        Exact payoffs, between 0 and 1.

    Raises
    ------
    ParameterError
        If ``k`` is not a positive integer.

    References
    ----------
    Sandholm, Gilpin & Conitzer (2005), *AAAI*, sec. 5; QuantEcon,
    ``quantecon.game_theory.game_generators.sgc_game``.

    Examples
    --------
    >>> from cybergames import nash_equilibria
    >>> from cybergames.games.generators import sgc_game
    >>> (eq,) = nash_equilibria(sgc_game(2))
    >>> [str(p) for p in eq.strategies[0]], eq.payoffs
    (['1/3', '1/3', '1/3', '0', '0', '0', '0'], (Fraction(3, 4), Fraction(3, 4)))
    """
    k = _integer(k, "k", 1)
    if (4 * k - 1) ** 2 > MAX_PROFILES:
        raise ParameterError(f"k: the game has (4k - 1)^2 profiles, more than "
                             f"cybergames.games.generators.MAX_PROFILES = {MAX_PROFILES}")
    n, m = 4 * k - 1, 2 * k - 1
    three_quarters, half = Fraction(3, 4), Fraction(1, 2)
    own = np.empty((n, n), dtype=object)           # own[i, j]: payoff of own action i against the other's j
    own[...] = 0
    own[:m, :m] = three_quarters
    own[:m, m:] = half
    if m > 1:
        for i in range(m):
            own[i, (i - 1) % m] = 1
            own[i, (i + 1) % m] = half
    A, B = own.copy(), own.T.copy()                # B[i, j]: the column player's payoff at (row i, column j)
    for h in range(k):
        r = m + 2 * h
        A[r, r] = A[r + 1, r + 1] = three_quarters
        B[r, r + 1] = B[r + 1, r] = three_quarters
    return NormalFormGame([A, B])


def _allocations(troops: int, hills: int):
    """The ways to put ``troops`` on ``hills`` hills, lexicographically from ``(troops, 0, ..., 0)``."""
    if hills == 1:
        yield (troops,)
        return
    for first in range(troops, -1, -1):
        for rest in _allocations(troops - first, hills - 1):
            yield (first,) + rest


def blotto_game(hills: int, troops: int, rho: float = 0.0, *, mu: float = 0.0, values: Any = None,
                seed: Any = None) -> NormalFormGame:
    r"""A two-player (non-zero-sum) Colonel Blotto game.

    Each player splits ``troops`` troops over ``hills`` hills: its actions
    are the :math:`\binom{t + h - 1}{h - 1}` vectors of non-negative integers
    summing to :math:`t`, in lexicographic order from :math:`(t, 0, \dots, 0)`.
    Player :math:`p` values hill :math:`j` at :math:`v_{pj}` and wins it by
    sending strictly more troops; a tie gives each half the value. A
    player's payoff is the value of the hills it wins.

    Parameters
    ----------
    hills, troops : int
        :math:`h \ge 1` hills and :math:`t \ge 1` troops per player.
    rho : float, optional
        Without ``values``: the correlation of the two players' values of a
        hill, which are normal with mean ``mu`` and variance 1, independently
        across hills.
    mu : float, optional
        The mean value of a hill.
    values : array of shape (2, hills), optional
        The players' values of the hills, instead of drawing them (exact
        values give an exact game).
    seed : None, int or numpy.random.Generator, optional

    Returns
    -------
    NormalFormGame
        Action labels such as ``"2-0-1"`` (troops per hill).

    Raises
    ------
    ParameterError
        If ``hills`` or ``troops`` is not a positive integer, ``rho`` is not
        in [-1, 1], ``mu`` is not finite, ``values`` has the wrong shape or
        entries, the game is too large, or ``seed`` is not a seed.

    References
    ----------
    Hortala-Vallve & Llorente-Saguer (2012), *International Journal of Game
    Theory* 41; QuantEcon, ``quantecon.game_theory.game_generators.blotto_game``.

    Examples
    --------
    Two hills, two troops, both players valuing the hills at 1 and 2:

    >>> from cybergames.games.generators import blotto_game
    >>> game = blotto_game(2, 2, values=[[1, 2], [1, 2]])
    >>> game.actions[0]
    ('2-0', '1-1', '0-2')
    >>> game.payoff(("2-0", "1-1"))          # hill 1 won by the row player, hill 2 by the column player
    (1, 2)
    """
    hills = _integer(hills, "hills", 1)
    troops = _integer(troops, "troops", 1)
    count = math.comb(troops + hills - 1, hills - 1)
    if count * count > MAX_PROFILES:
        raise ParameterError(f"hills, troops: {count} actions per player, more than "
                             f"cybergames.games.generators.MAX_PROFILES = {MAX_PROFILES} profiles")
    if values is None:
        rho = _correlation(rho, 2)
        if isinstance(mu, (bool, np.bool_)) or not isinstance(mu, numbers.Real) or not math.isfinite(float(mu)):
            raise ParameterError(f"mu: expected a finite number, got {mu!r}")
        rng = _generator(seed)
        common = rng.standard_normal(hills)
        if rho >= 0:
            own = rng.standard_normal((2, hills))
            drawn = math.sqrt(1 - rho) * own + math.sqrt(rho) * common
        else:
            drawn = np.vstack([common, rho * common + math.sqrt(1 - rho * rho) * rng.standard_normal(hills)])
        table = [[float(mu) + float(v) for v in row] for row in drawn]
    else:
        try:
            rows = [list(row) for row in values]
        except TypeError:
            rows = None
        if rows is None or len(rows) != 2 or any(len(row) != hills for row in rows):
            raise ParameterError(f"values: expected two rows of {hills} hill values, got {values!r}")
        table = [[_numbers.normalise(v, f"values[{p}][{j}]", ParameterError) for j, v in enumerate(row)]
                 for p, row in enumerate(rows)]
        if any(not isinstance(v, (int, Fraction, float)) for row in table for v in row):
            raise ParameterError(f"values: expected numbers, got {values!r}")
    allocations = list(_allocations(troops, hills))
    labels = ["-".join(map(str, a)) for a in allocations]
    exact = all(not isinstance(v, float) for row in table for v in row)
    A = np.empty((count, count), dtype=object)
    B = np.empty((count, count), dtype=object)
    half = Fraction(1, 2) if exact else 0.5
    for (r, mine), (c, theirs) in itertools.product(enumerate(allocations), enumerate(allocations)):
        row_total = col_total = 0
        for j in range(hills):
            if mine[j] > theirs[j]:
                row_total += table[0][j]
            elif mine[j] < theirs[j]:
                col_total += table[1][j]
            else:
                row_total += half * table[0][j]
                col_total += half * table[1][j]
        A[r, c] = _numbers.simplify_exact(row_total) if exact else float(row_total)
        B[r, c] = _numbers.simplify_exact(col_total) if exact else float(col_total)
    return NormalFormGame([A, B], actions=[labels, labels])
