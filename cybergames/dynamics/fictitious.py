r"""Fictitious play, deterministic and stochastic.

In round :math:`t = 1, 2, \dots` every player best responds to the empirical
distribution of the others' past play (Brown 1951), each opponent's actions
counted separately and the opponents treated as independent. A player's
*weights* :math:`w_j` (a fictitious prior count of each of player :math:`j`'s
actions) start the beliefs: after :math:`t` rounds, player :math:`i`'s belief
about :math:`j` is :math:`(w_j + c_j(t)) / (\lvert w_j\rvert + t)`, where
:math:`c_j(t)` counts :math:`j`'s plays.

* **Deterministic** (``noise = 0``): the pure best response, ties broken towards
  the lowest action index. In two-player zero-sum games the empirical
  frequencies converge to the set of equilibria (Robinson 1951); in 2 x n games
  too (Berger 2005); not in general (Shapley 1964).
* **Stochastic** (``noise = eta > 0``): action :math:`a` is chosen with the logit
  probability :math:`\propto \exp(u_i(a, \text{belief}) / \eta)` (Fudenberg &
  Kreps 1993; Fudenberg & Levine 1998, ch. 4), the best response to payoffs
  perturbed by extreme-value noise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Callable

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..equilibria._build import check_tol
from ..errors import ParameterError
from ..games.normal_form import NormalFormGame
from . import _checks

__all__ = ["FictitiousPlay", "fictitious_play"]


@dataclass(frozen=True, eq=False)            # holds arrays: compared by identity
class FictitiousPlay:
    """The plays of a run of fictitious play.

    Attributes
    ----------
    plays : numpy.ndarray
        Read-only integer array of shape ``(rounds, players)``: the action index
        each player chose in each round.
    weights : tuple of tuples
        Each player's prior weights (the fictitious counts the beliefs start from).
    rounds : int
    noise : number
        0 for deterministic fictitious play, the logit temperature otherwise.
    seed : int or None
        The seed given (None for a Generator or no seed).
    game : NormalFormGame

    The certificate of a deterministic run is the plays themselves: each is a
    best response to the beliefs formed from the weights and the earlier plays,
    which :func:`cybergames.verify` recomputes.
    """

    plays: np.ndarray = field(repr=False)
    weights: tuple
    rounds: int
    noise: Any
    seed: Any
    game: NormalFormGame = field(repr=False)

    def counts(self, player: int) -> np.ndarray:
        """Cumulative play counts of ``player``: array of shape ``(rounds + 1, actions)``, row 0 all zero."""
        k = self.game.shape[player]
        onehot = np.zeros((self.rounds + 1, k), dtype=np.int64)
        onehot[np.arange(1, self.rounds + 1), self.plays[:, player]] = 1
        return _numbers.frozen(np.cumsum(onehot, axis=0))

    @property
    def frequencies(self) -> tuple:
        """Per player, the float empirical frequencies after rounds ``1..rounds`` (shape ``(rounds, actions)``)."""
        result = []
        for i in range(self.game.num_players):
            c = self.counts(i)[1:].astype(float)
            result.append(_numbers.frozen(c / np.arange(1, self.rounds + 1)[:, None]))
        return tuple(result)

    @property
    def final(self) -> tuple:
        """Per player, the exact empirical frequencies over all rounds (a tuple of Fractions)."""
        return tuple(tuple(Fraction(int(c), self.rounds) for c in self.counts(i)[-1])
                     for i in range(self.game.num_players))


def _weights(game: NormalFormGame, weights: Any, kind: str) -> list:
    if weights is None:
        return [np.array([1] * k, dtype=object) if kind != FLOAT else np.ones(k) for k in game.shape]
    if not isinstance(weights, (list, tuple)) or len(weights) != game.num_players:
        raise ParameterError(f"weights: expected one sequence of non-negative weights per player, got {weights!r}")
    result = []
    for i, (w, k) in enumerate(zip(weights, game.shape)):
        if not isinstance(w, (list, tuple, np.ndarray)) or len(w) != k:
            raise ParameterError(f"weights[{i}]: expected {k} non-negative numbers, got {w!r}")
        values = [_checks.non_negative(v, f"weights[{i}]") for v in w]
        if kind == FLOAT:
            result.append(np.array(values, dtype=float))
        else:
            if any(isinstance(v, float) for v in values):
                raise ParameterError(f"weights[{i}]: an exact game takes exact weights (ints or Fractions), "
                                     f"got {w!r}")
            result.append(np.array(values, dtype=object))
    return result


def fictitious_play(game: NormalFormGame, rounds: int, *, weights: Any = None, noise: Any = 0, seed: Any = None,
                    progress: Callable | None = None, tol: float = DEFAULT_TOL) -> FictitiousPlay:
    r"""Play ``rounds`` rounds of (stochastic) fictitious play.

    Parameters
    ----------
    game : NormalFormGame
        Any numeric game.
    rounds : int
        At least 1, at most ``cybergames.limits.MAX_ROUNDS``.
    weights : sequence of sequences, optional, keyword-only
        Per player, non-negative prior weights of its actions (default one each):
        the beliefs before round 1 are the normalised weights (uniform by default;
        all zero weights for a player mean the others' first belief about it is
        undefined and refused).
    noise : number, keyword-only
        0: deterministic fictitious play (lowest-index tie-break). ``noise > 0``:
        stochastic fictitious play with logit choice at temperature ``noise``.
    seed : None, int or numpy.random.Generator, keyword-only
        The source of randomness of stochastic fictitious play (a seed reproduces the run).
    progress : callable, optional
        ``progress(done, total)``, called about a hundred times.
    tol : float, keyword-only
        Ties of float payoffs: within ``tol`` times the payoff scale.

    Returns
    -------
    FictitiousPlay
        Exact games are played with exact beliefs (Fractions), so ties are exact.

    Raises
    ------
    GameError
        If the game is not numeric.
    ParameterError
        If ``rounds`` is not a positive integer within the limit, ``noise`` or a
        weight is negative, a player's weights are all zero, or ``seed`` is not
        a seed.

    References
    ----------
    Brown, G. W. (1951). Iterative solution of games by fictitious play. In *Activity Analysis
    of Production and Allocation*, Wiley, 374–376. Robinson, J. (1951). An iterative method of
    solving a game. *Annals of Mathematics* 54(2), 296–301. Fudenberg, D. & Levine, D. K. (1998).
    *The Theory of Learning in Games*, MIT Press, ch. 2 and 4.

    Examples
    --------
    In matching pennies the empirical frequencies approach the equilibrium (1/2, 1/2):

    >>> from cybergames import matching_pennies
    >>> from cybergames.dynamics import fictitious_play
    >>> run = fictitious_play(matching_pennies(), 1000)
    >>> [round(float(p), 1) for p in run.final[0]]
    [0.5, 0.5]
    >>> noisy = fictitious_play(matching_pennies(), 200, noise=0.5, seed=1)
    >>> (noisy.plays == fictitious_play(matching_pennies(), 200, noise=0.5, seed=1).plays).all()
    np.True_
    """
    game = _checks.game_of(game, "fictitious_play")
    rounds = _checks.count(rounds, "rounds", 1, "MAX_ROUNDS")
    noise = _checks.non_negative(noise, "noise")
    tol = check_tol(tol)
    progress = _checks.callback(progress)
    seed_value = seed if seed is None or isinstance(seed, (int, np.integer)) else None
    rng = _checks.generator(seed)
    kind = _checks.kind_of_game(game) if noise == 0 else FLOAT
    try:
        prior = _weights(game, weights, kind)
    except ParameterError:
        if kind == FLOAT:
            raise
        prior = _weights(game, weights, FLOAT)     # float weights: the run is computed in floats
        kind = FLOAT
    for i, w in enumerate(prior):
        if sum(w) == 0:
            raise ParameterError(f"weights[{i}]: expected some positive weight, got all zeros")
    payoffs = _checks.payoff_arrays(game, kind)
    n = game.num_players
    counts = [w.copy() for w in prior]            # prior weights plus plays: the beliefs up to scale
    units = [_numbers.unit_of(p) if kind == FLOAT else 1.0 for p in payoffs]
    plays = np.zeros((rounds, n), dtype=np.int64)
    report = _checks.reporter(progress, rounds)
    two = n == 2
    if two:   # keep each player's payoff vector against the other's counts, updated by one column per round
        values = [payoffs[0] @ counts[1], counts[0] @ payoffs[1]]
    for t in range(rounds):
        if not two:
            values = [_values_against_counts(payoffs, counts, i) for i in range(n)]
        chosen = []
        for i in range(n):
            v = values[i]
            if noise == 0:
                weight = float(sum(counts[1 - i])) if two else 1.0     # two players: unnormalised values
                chosen.append(int(_checks.best_response_indices(v, kind, tol, units[i] * weight)[0]))
            else:
                total = float(sum(counts[(i + 1) % n])) if two else 1.0
                probabilities = _softmax(np.asarray(v, dtype=float) / total, float(noise))
                chosen.append(int(rng.choice(len(v), p=probabilities)))
        plays[t] = chosen
        for i, a in enumerate(chosen):
            counts[i][a] += 1
        if two:
            values[0] = values[0] + payoffs[0][:, chosen[1]]
            values[1] = values[1] + payoffs[1][chosen[0], :]
        report(t + 1)
    return FictitiousPlay(_numbers.frozen(plays), tuple(tuple(_numbers.simplify_exact(x) if not isinstance(x, float)
                                                              else float(x) for x in w) for w in prior),
                          rounds, noise, seed_value, game)


def _softmax(values: np.ndarray, temperature: float) -> np.ndarray:
    scaled = values / temperature
    scaled = scaled - scaled.max()
    weights = np.exp(scaled)
    return weights / weights.sum()


def _values_against_counts(payoffs: tuple, counts: list, i: int) -> np.ndarray:
    """Player ``i``'s payoff of each action against the others' normalised counts."""
    result = payoffs[i]
    for j in reversed(range(len(counts))):
        if j == i:
            continue
        total = sum(counts[j])
        belief = counts[j] / total if isinstance(total, float) else np.array([Fraction(c) / total for c in counts[j]],
                                                                            dtype=object)
        result = np.tensordot(result, belief, axes=([j], [0]))
    return np.asarray(result)


@verify.register
def _verify_fictitious_play(result: FictitiousPlay, *, tol: float = DEFAULT_TOL) -> Verification:
    """Deterministic runs: each play is a best response (by ``game.best_responses``) to the beliefs then.

    Stochastic runs: the plays are valid action indices (their randomness cannot be re-checked).
    """
    game = result.game
    failures: list[str] = []
    checked = 0
    if result.plays.shape != (result.rounds, game.num_players) or np.any(result.plays < 0) or \
            np.any(result.plays >= np.array(game.shape)):
        return Verification(False, 1, ("plays: not one valid action index per player and round",))
    if result.noise != 0:
        return Verification(True, 1, ())
    counts = [list(w) for w in result.weights]
    for t in range(result.rounds):
        beliefs = [[Fraction(c) / sum(map(Fraction, w)) if not isinstance(c, float) else c / sum(w) for c in w]
                   for w in counts]
        for i in range(game.num_players):
            label = game.actions[i][int(result.plays[t, i])]
            checked += 1
            if label not in game.best_responses(i, beliefs, tol=tol):
                failures.append(f"round {t + 1}: player {i}'s {label!r} is not a best response to the beliefs")
        for i in range(game.num_players):
            counts[i][int(result.plays[t, i])] += 1
        if len(failures) > 10:
            break
    return Verification(not failures, checked, tuple(failures))

