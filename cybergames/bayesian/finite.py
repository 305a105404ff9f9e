r"""Bayesian games with finite types and actions: Bayesian Nash equilibria via the induced normal form.

Each player :math:`i` has a finite type set :math:`\Theta_i` and action set
:math:`A_i`; types are drawn from a common prior :math:`p` on
:math:`\Theta = \prod_i \Theta_i`, and payoffs :math:`u_i(\theta, a)` may
depend on every type. A (behavioural) strategy gives each type a mixed
action :math:`\sigma_i(\cdot \mid \theta_i)`. It is a *Bayesian Nash
equilibrium* iff every type with positive probability best-responds to its
posterior :math:`p(\theta_{-i} \mid \theta_i)`:

.. math:: \sigma_i(\cdot \mid \theta_i) \in \arg\max_{\alpha}
          \sum_{\theta_{-i}} p(\theta_{-i} \mid \theta_i)\, u_i(\theta, \alpha, \sigma_{-i}(\theta_{-i})).

**Method.** The *induced normal form* has the pure strategies
:math:`s_i : \Theta_i \to A_i` and the ex-ante payoffs
:math:`U_i(s) = \sum_\theta p(\theta)\, u_i(\theta, s(\theta))`. When every
type has positive probability, its Nash equilibria are exactly the Bayesian
Nash equilibria (Harsanyi 1967–68; Fudenberg & Tirole 1991, ch. 6.2); a mixed
equilibrium of it gives the behavioural strategy
:math:`\sigma_i(a \mid \theta_i) = \sum_{s_i(\theta_i) = a} \sigma_i(s_i)`
(Kuhn). Two-player games get every equilibrium of the induced game from
:func:`~cybergames.equilibria.nash_equilibria` (their behavioural images,
duplicates removed); other numbers of players get the pure ones.

References
----------
Harsanyi (1967–68), "Games with incomplete information played by Bayesian
players", *Management Science* 14. Fudenberg & Tirole (1991), *Game Theory*,
ch. 6.1–6.2. Osborne & Rubinstein (1994), *A Course in Game Theory*, ch. 2.6.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import numpy as np
import sympy

from .. import _numbers
from .._numbers import DEFAULT_TOL
from .._verify import Verification, verify
from ..equilibria import nash_equilibria, pure_equilibria
from ..errors import GameError, ProbabilityError
from ..games.normal_form import NormalFormGame

__all__ = ["BayesianGame", "BayesianEquilibrium", "bayesian_nash_equilibria"]


def _labels(values: Any, name: str) -> tuple:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
        raise GameError(f"{name}: expected a non-empty sequence of labels, got {values!r}")
    labels = tuple(str(v) for v in values)
    if len(set(labels)) != len(labels):
        raise GameError(f"{name}: labels must be distinct, got {values!r}")
    return labels


@dataclass(frozen=True, eq=False)
class BayesianGame:
    r"""A finite Bayesian game: types, a common prior, actions and type-dependent payoffs.

    Parameters
    ----------
    types : sequence of sequences of str
        Each player's type labels.
    prior : mapping
        Type profile (tuple of labels) -> probability; missing profiles have
        probability 0. Every type must have positive probability.
    actions : sequence of sequences of str
        Each player's action labels.
    payoffs : callable or mapping
        ``payoffs(types, actions)`` -> one number per player, or a mapping
        ``(types, actions) -> payoffs`` with both tuples of labels.

    Raises
    ------
    GameError
        For malformed labels or payoffs.
    ProbabilityError
        For a prior that is negative, does not sum to one, or gives a type probability 0.

    Examples
    --------
    >>> from fractions import Fraction
    >>> g = BayesianGame([("strong", "weak"), ("x",)],
    ...                  {("strong", "x"): Fraction(1, 3), ("weak", "x"): Fraction(2, 3)},
    ...                  [("fight", "yield"), ("attack", "wait")],
    ...                  lambda t, a: (1 if (a[0] == "fight") == (t[0] == "strong") else 0,
    ...                                (1 if a[0] == "yield" else -1) if a[1] == "attack" else 0))
    >>> g.num_players, g.type_probability(0, "weak")
    (2, Fraction(2, 3))
    """

    types: tuple
    prior: Any
    actions: tuple
    payoffs: Any = field(repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.types, (str, bytes)) or not isinstance(self.types, Sequence) or not self.types:
            raise GameError(f"types: expected one sequence of type labels per player, got {self.types!r}")
        types = tuple(_labels(t, f"types[{i}]") for i, t in enumerate(self.types))
        if isinstance(self.actions, (str, bytes)) or not isinstance(self.actions, Sequence) \
                or len(self.actions) != len(types):
            raise GameError(f"actions: expected one sequence of action labels per player ({len(types)}), "
                            f"got {self.actions!r}")
        actions = tuple(_labels(a, f"actions[{i}]") for i, a in enumerate(self.actions))
        if not isinstance(self.prior, Mapping):
            raise ProbabilityError(f"prior: expected a mapping type profile -> probability, got {self.prior!r}")
        prior = {}
        for key, value in self.prior.items():
            key = tuple(str(k) for k in key) if isinstance(key, (tuple, list)) else (str(key),)
            if len(key) != len(types) or any(k not in types[i] for i, k in enumerate(key)):
                raise ProbabilityError(f"prior: {key!r} is not a type profile of the game")
            p = _numbers.normalise(value, f"prior[{key}]", ProbabilityError)
            if isinstance(p, sympy.Basic):
                raise ProbabilityError(f"prior[{key}]: expected a number, got {value!r}")
            if p < 0:
                raise ProbabilityError(f"prior[{key}]: expected a probability >= 0, got {value!r}")
            prior[key] = p
        total = sum(prior.values())
        exact = all(_numbers.is_exact(p) for p in prior.values())
        if (total != 1) if exact else abs(total - 1) > 1e-9:
            raise ProbabilityError(f"prior: expected probabilities summing to 1, got a sum of {total}")
        for i, labels in enumerate(types):
            for t in labels:
                if not sum(p for k, p in prior.items() if k[i] == t) > 0:
                    raise ProbabilityError(f"prior: type {t!r} of player {i} has probability 0; "
                                           f"drop it from types")
        table = {}
        for theta in itertools.product(*types):
            for a in itertools.product(*actions):
                try:
                    raw = self.payoffs(theta, a) if callable(self.payoffs) else self.payoffs[(theta, a)]
                except (KeyError, TypeError, IndexError) as exc:
                    raise GameError(f"payoffs: no payoffs for types {theta} and actions {a}") from exc
                if isinstance(raw, (str, bytes)) or not isinstance(raw, Sequence) and not isinstance(raw, np.ndarray) \
                        or len(raw) != len(types):
                    raise GameError(f"payoffs{(theta, a)}: expected one number per player, got {raw!r}")
                table[(theta, a)] = tuple(_numbers.normalise(x, f"payoffs{(theta, a)}", GameError) for x in raw)
        kinds = _numbers.kind_of(x for v in table.values() for x in v)
        if kinds == _numbers.SYMBOLIC or _numbers.kind_of(prior.values()) == _numbers.SYMBOLIC:
            raise GameError("payoffs: expected numbers; symbolic Bayesian games are not supported")
        object.__setattr__(self, "types", types)
        object.__setattr__(self, "actions", actions)
        object.__setattr__(self, "prior", tuple(sorted(prior.items())))
        object.__setattr__(self, "payoffs", table)

    @property
    def num_players(self) -> int:
        """The number of players."""
        return len(self.types)

    @property
    def is_exact(self) -> bool:
        """Whether prior and payoffs are exact numbers."""
        return all(_numbers.is_exact(p) for _, p in self.prior) and all(
            _numbers.is_exact(x) for v in self.payoffs.values() for x in v)

    def probability(self, theta: Sequence[str]) -> Any:
        """The prior probability of a type profile."""
        return dict(self.prior).get(tuple(theta), 0)

    def type_probability(self, player: int, theta_i: str) -> Any:
        """The marginal probability of one player's type."""
        return sum(p for k, p in self.prior if k[player] == theta_i)

    def induced_normal_form(self) -> NormalFormGame:
        r"""The induced normal form: pure strategies :math:`\Theta_i \to A_i`, ex-ante payoffs.

        A strategy's label lists the action of each type in type order,
        joined by ``"|"`` (``"fight|yield"``: the first type fights, the second yields).
        """
        strategies = [list(itertools.product(*([acts] * len(ts)))) for ts, acts in zip(self.types, self.actions)]
        shape = tuple(len(s) for s in strategies)
        n = self.num_players
        zero = 0.0 if not self.is_exact else 0
        arrays = [np.full(shape, zero, dtype=object) for _ in range(n)]
        index = {i: {t: k for k, t in enumerate(ts)} for i, ts in enumerate(self.types)}
        for cell in itertools.product(*(range(m) for m in shape)):
            totals = [zero] * n
            for theta, p in self.prior:
                a = tuple(strategies[i][cell[i]][index[i][theta[i]]] for i in range(n))
                u = self.payoffs[(theta, a)]
                for i in range(n):
                    totals[i] += p * u[i]
            for i in range(n):
                arrays[i][cell] = totals[i]
        labels = [["|".join(s) for s in strat] for strat in strategies]
        if not self.is_exact:
            arrays = [a.astype(float) for a in arrays]
        return NormalFormGame(arrays, actions=labels)


@dataclass(frozen=True, eq=False)
class BayesianEquilibrium:
    r"""A Bayesian Nash equilibrium in behavioural strategies, with its certificate.

    Attributes
    ----------
    strategies : tuple
        ``strategies[i][k]`` is the mixed action (tuple of probabilities in
        action order) of player ``i``'s ``k``-th type.
    payoffs : tuple
        Each player's ex-ante expected payoff.
    gains : tuple
        ``gains[i][k]``: the interim best-deviation gain of player ``i``'s
        ``k``-th type, :math:`\max_a U_i(a \mid \theta_i) - U_i(\sigma \mid \theta_i)`
        (zero in exact games).
    game : BayesianGame
    """

    strategies: tuple
    payoffs: tuple
    gains: tuple = field(repr=False)
    game: BayesianGame = field(repr=False)

    def behaviour(self, player: int, type_label: str) -> dict:
        """The mixed action of one type as a mapping action -> probability."""
        k = self.game.types[player].index(type_label)
        return dict(zip(self.game.actions[player], self.strategies[player][k]))

    @property
    def is_pure(self) -> bool:
        """Whether every type plays one action."""
        return all(max(m) == 1 for s in self.strategies for m in s)


def _interim(game: BayesianGame, strategies: tuple, i: int, k: int) -> tuple[list, Any]:
    """Interim payoff of each action of player i's k-th type, and of its strategy (unnormalised by p(theta_i))."""
    t_i = game.types[i][k]
    n = game.num_players
    values = []
    for action in game.actions[i]:
        total = 0
        for theta, p in game.prior:
            if theta[i] != t_i:
                continue
            others = [range(len(game.actions[j])) if j != i else [None] for j in range(n)]
            for combo in itertools.product(*others):
                weight = p
                a = []
                for j in range(n):
                    if j == i:
                        a.append(action)
                    else:
                        kj = game.types[j].index(theta[j])
                        weight = weight * strategies[j][kj][combo[j]]
                        a.append(game.actions[j][combo[j]])
                if weight:
                    total = total + weight * game.payoffs[(theta, tuple(a))][i]
        values.append(total)
    mine = sum(x * y for x, y in zip(strategies[i][k], values))
    return values, mine


def _build(game: BayesianGame, strategies: tuple) -> BayesianEquilibrium:
    gains, payoffs = [], []
    for i in range(game.num_players):
        per_type, total = [], 0
        for k, t in enumerate(game.types[i]):
            values, mine = _interim(game, strategies, i, k)
            q = game.type_probability(i, t)
            per_type.append(_numbers.ratio(max(values) - mine, q))
            total = total + mine
        gains.append(tuple(per_type))
        payoffs.append(total)
    return BayesianEquilibrium(strategies, tuple(payoffs), tuple(gains), game)


def bayesian_nash_equilibria(game: BayesianGame, *, tol: float = DEFAULT_TOL) -> tuple:
    r"""The Bayesian Nash equilibria of a finite Bayesian game, per type.

    Parameters
    ----------
    game : BayesianGame
    tol : float, optional
        Float games only: the tolerance of best responses.

    Returns
    -------
    tuple of BayesianEquilibrium
        Two players: every equilibrium of the induced normal form mapped to
        behavioural strategies (duplicates removed; for a degenerate induced
        game, the images of its extreme equilibria). Other numbers of players:
        the pure equilibria. Exact games give exact probabilities.

    Raises
    ------
    GameError
        If ``game`` is not a :class:`BayesianGame`.

    Examples
    --------
    The entry example of :class:`BayesianGame`: the strong type fights, the
    weak one yields, and the attacker, fought with probability 1/3, attacks.

    >>> from fractions import Fraction
    >>> g = BayesianGame([("strong", "weak"), ("x",)],
    ...                  {("strong", "x"): Fraction(1, 3), ("weak", "x"): Fraction(2, 3)},
    ...                  [("fight", "yield"), ("attack", "wait")],
    ...                  lambda t, a: (1 if (a[0] == "fight") == (t[0] == "strong") else 0,
    ...                                (1 if a[0] == "yield" else -1) if a[1] == "attack" else 0))
    >>> [(eq.behaviour(0, "strong"), eq.behaviour(0, "weak"), eq.behaviour(1, "x"))
    ...  for eq in bayesian_nash_equilibria(g)]
    [({'fight': 1, 'yield': 0}, {'fight': 0, 'yield': 1}, {'attack': 1, 'wait': 0})]
    """
    if not isinstance(game, BayesianGame):
        raise GameError(f"game: expected a BayesianGame, got {type(game).__name__}")
    induced = game.induced_normal_form()
    found = nash_equilibria(induced, tol=tol) if game.num_players == 2 else pure_equilibria(induced, tol=tol)
    strategies_of = [list(itertools.product(*([acts] * len(ts)))) for ts, acts in zip(game.types, game.actions)]
    seen, out = set(), []
    for eq in found:
        behaviour = []
        for i in range(game.num_players):
            per_type = []
            for k in range(len(game.types[i])):
                probs = []
                for action in game.actions[i]:
                    probs.append(sum((eq.strategies[i][s] for s, pure in enumerate(strategies_of[i])
                                      if pure[k] == action), 0 * eq.strategies[i][0]))
                per_type.append(tuple(_numbers.simplify_exact(p) if isinstance(p, Fraction) else p for p in probs))
            behaviour.append(tuple(per_type))
        behaviour = tuple(behaviour)
        key = behaviour if game.is_exact else tuple(round(float(x), 9) for s in behaviour for m in s for x in m)
        if key in seen:
            continue
        seen.add(key)
        out.append(_build(game, behaviour))
    return tuple(out)


@verify.register(BayesianEquilibrium)
def _verify_bne(eq: BayesianEquilibrium, *, tol: float | None = None) -> Verification:
    """Re-check, from the game, that every type's mixed action is a probability vector and a best response."""
    tol = DEFAULT_TOL if tol is None else float(tol)
    game, failures, checked = eq.game, [], 0
    slack = 0 if game.is_exact else tol
    scale = 1.0 if game.is_exact else _numbers.unit_of(*game.induced_normal_form().payoffs)  # relative
    for i in range(game.num_players):
        for k, t in enumerate(game.types[i]):
            mixed = eq.strategies[i][k]
            checked += 2
            if len(mixed) != len(game.actions[i]) or any(x < -slack for x in mixed) or abs(sum(mixed) - 1) > slack:
                failures.append(f"player {i}, type {t}: not a mixed action")
                continue
            values, _ = _interim(game, eq.strategies, i, k)
            best = max(values)
            for action, x, v in zip(game.actions[i], mixed, values):
                if x > slack and best - v > slack * scale:
                    failures.append(f"player {i}, type {t}: plays {action}, short of a best response by {best - v}")
    return Verification(not failures, checked, tuple(failures))
