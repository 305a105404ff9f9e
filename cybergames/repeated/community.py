r"""Community enforcement by contagion under anonymous random matching (Kandori 1992).

:math:`N` states (an even number) are matched in pairs uniformly at random
every period and play a symmetric 2x2 stage game with actions
``(cooperate, punish)`` and payoffs :math:`R` (both cooperate), :math:`S`
(cooperate against punish), :math:`T` (punish against cooperate) and
:math:`P` (both punish). A state sees only what happens in its own matches.

The *contagion* profile (Kandori 1992, section 3): cooperate until you have
seen ``punish`` in one of your matches (or played it yourself); from then on
punish for ever. A state that has seen ``punish`` is *infected*. With
:math:`k` infected states, each pair of one infected and one uninfected state
infects the uninfected one, so the number of infected states is a Markov chain
on :math:`\{k, \dots, N\}` that never decreases. In a uniform random perfect
matching of :math:`N` states of which :math:`d` are marked, exactly :math:`j`
pairs are mixed with probability

.. math:: M_N(d, j) = \frac{\binom{d}{j}\binom{N - d}{j}\, j!\, (d - j - 1)!!\,(N - d - j - 1)!!}{(N - 1)!!}

(choose the :math:`j` marked and unmarked states of the mixed pairs, pair them,
pair the rest among themselves; :math:`(m - 1)!!` perfect matchings of
:math:`m` states, none for odd :math:`m`), so the chain moves from :math:`k`
to :math:`k + j` with probability :math:`Q_{k, k + j} = M_N(k, j)`.

An infected state's expected payoff with :math:`k` infected states is
:math:`f(k) = (T(N - k) + P(k - 1))/(N - 1)` (its partner is uninfected with
probability :math:`(N - k)/(N - 1)`), and its normalised value when everyone
follows the profile is :math:`W = (1 - \delta)(I - \delta Q)^{-1} f`.

*On path* (no state infected; an uninfected state's history is on the path, so
Bayes' rule says so), a deviation pays :math:`T` once and then, the deviator
and its victim infected, :math:`W(2)`: the profile requires

.. math:: R \ge (1 - \delta) T + \delta W(2).

*Off path*, an infected state must prefer to punish. Cooperating once slows
the contagion: it earns :math:`R` or :math:`S` instead of :math:`T` or
:math:`P`, and an uninfected partner stays uninfected. With the other
:math:`k - 1` infected states punishing, :math:`j` mixed pairs among them and
the :math:`N - k + 1` cooperators, the deviator is in one of them with
probability :math:`j/(N - k + 1)` (the count rises by :math:`j - 1`), else the
count rises by :math:`j`. The profile requires, at every :math:`k = 2, \dots, N`,

.. math:: W(k) \ge (1 - \delta)\,\frac{R(N - k) + S(k - 1)}{N - 1}
          + \delta\, \mathbb{E}\,[W(k') \mid \text{cooperate once at } k].

Requiring it at every :math:`k` makes punishing optimal whatever an infected
state believes about how many states are infected (the gain is linear in that
belief), so the conditions are sufficient for a sequential equilibrium of the
contagion profile under any consistent beliefs; on path they are necessary.
By the one-shot deviation principle nothing else needs checking. Each
condition times :math:`\prod_{k < N} (1 - \delta Q_{kk}) > 0` is a polynomial
in :math:`\delta`, so the sets of discount factors are found exactly by
real-root isolation, as for :func:`~cybergames.repeated.sustainable_discount_factors`.

These are conditions on the **contagion profile**, not on the game: a
discount factor where they fail may still sustain cooperation by other
strategies (Ellison 1994 adds public randomisation to temper the punishment;
Kandori 1992, section 4, uses labels).

References
----------
M. Kandori, "Social norms and community enforcement", *Review of Economic
Studies* 59(1), 1992, 63-80, section 3. G. Ellison, "Cooperation in the
prisoner's dilemma with anonymous random matching", *Review of Economic
Studies* 61(3), 1994, 567-588."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from .. import _numbers
from .._verify import Verification, verify
from ..errors import GameError, ParameterError
from ..games.normal_form import NormalFormGame
from . import _isolation
from .delta_sets import DeltaSet, IncentiveConstraint, Interval

__all__ = ["ContagionConditions", "contagion", "matching_transitions"]

#: Largest community :func:`contagion` accepts (the conditions are polynomials of degree about N).
MAX_COMMUNITY = 40
#: The equilibrium concept of the sets returned.
CONCEPT = "sequential (contagion under anonymous random matching)"


# --------------------------------------------------------------------------- polynomials (ascending)
def _add(a: list, b: list) -> list:
    out = [Fraction(0)] * max(len(a), len(b))
    for i, x in enumerate(a):
        out[i] += x
    for i, x in enumerate(b):
        out[i] += x
    return out


def _mul(a: list, b: list) -> list:
    out = [Fraction(0)] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return out


def _scale(a: list, c: Any) -> list:
    return [c * x for x in a]


def _product(factors: list) -> list:
    out = [Fraction(1)]
    for f in factors:
        out = _mul(out, f)
    return out


ONE_MINUS_DELTA = [Fraction(1), Fraction(-1)]
DELTA_POLY = [Fraction(0), Fraction(1)]


# --------------------------------------------------------------------------- the matching chain
def _matchings(m: int) -> int:
    """(m - 1)!!: the perfect matchings of m items (1 for none, 0 for an odd number)."""
    if m % 2:
        return 0
    return math.prod(range(m - 1, 0, -2))


def matching_transitions(states: int, marked: int) -> tuple:
    r"""The distribution of the number of mixed pairs in a uniform random perfect matching.

    Parameters
    ----------
    states : int
        :math:`N`, even, at least 2.
    marked : int
        :math:`d`, the marked states (0 to N).

    Returns
    -------
    tuple of Fraction
        Entry :math:`j` is :math:`M_N(d, j)`, the probability that exactly
        :math:`j` pairs join a marked and an unmarked state.

    Raises
    ------
    ParameterError
        If ``states`` is not an even integer >= 2 or ``marked`` is not in 0..states.

    Examples
    --------
    Of the 3 matchings of 4 states with 2 marked, one pairs the marked together:

    >>> matching_transitions(4, 2)
    (Fraction(1, 3), Fraction(0, 1), Fraction(2, 3))
    """
    n = _community(states)
    if isinstance(marked, bool) or not isinstance(marked, int) or not 0 <= marked <= n:
        raise ParameterError(f"marked: expected an integer from 0 to {n}, got {marked!r}")
    total = _matchings(n)
    d = marked
    return tuple(Fraction(math.comb(d, j) * math.comb(n - d, j) * math.factorial(j) * _matchings(d - j)
                          * _matchings(n - d - j), total) for j in range(min(d, n - d) + 1))


def _community(states: Any) -> int:
    if isinstance(states, bool) or not isinstance(states, int) or states < 2 or states % 2:
        raise ParameterError(f"states: expected an even integer >= 2 (states are matched in pairs), got {states!r}")
    if states > MAX_COMMUNITY:
        raise ParameterError(f"states: {states} exceeds cybergames.repeated.community.MAX_COMMUNITY = "
                             f"{MAX_COMMUNITY}; set it to a larger value to allow more")
    return states


def _stage_payoffs(game: Any) -> tuple:
    """(T, R, P, S) of a symmetric 2x2 game, action 0 cooperating and action 1 punishing."""
    if not isinstance(game, NormalFormGame):
        raise GameError(f"game: expected a NormalFormGame, got {type(game).__name__}")
    if game.num_players != 2 or game.shape != (2, 2):
        raise GameError(f"game: expected a two-player game with two actions each, got shape {game.shape}")
    if game.is_symbolic:
        raise GameError("game: expected numeric payoffs; contagion conditions are computed for numbers")
    a, b = game.payoffs
    if any(a[i, j] != b[j, i] for i in range(2) for j in range(2)):
        raise GameError("game: expected a symmetric game (payoffs[1] the transpose of payoffs[0])")
    R, S, T, P = (_plain(a[0, 0]), _plain(a[0, 1]), _plain(a[1, 0]), _plain(a[1, 1]))
    return T, R, P, S


def _plain(x: Any) -> Any:
    return x.item() if hasattr(x, "item") else x


# --------------------------------------------------------------------------- result
@dataclass(frozen=True)
class ContagionConditions:
    r"""Where the contagion profile sustains cooperation among ``states`` randomly matched states.

    Attributes
    ----------
    states : int
        :math:`N`.
    payoffs : tuple
        :math:`(T, R, P, S)` of the stage game.
    on_path : DeltaSet
        The discount factors at which no uninfected state gains by punishing once.
    off_path : DeltaSet
        The discount factors at which no infected state gains by cooperating once,
        whatever number :math:`k = 2, \dots, N` of infected states it believes in.
    delta_set : DeltaSet
        Both: the discount factors at which the contagion profile is an equilibrium.
    transitions : tuple of tuples of Fraction
        ``transitions[k][k2]``: the chain of infected counts (indices 0..N).
    game : NormalFormGame

    The certificate is the constraints of each :class:`DeltaSet` (polynomials
    in :math:`\delta`); :func:`cybergames.verify` re-derives the chain by
    enumerating the perfect matchings (up to 12 states) and re-solves the
    values at rational discount factors on both sides of every endpoint.
    """

    states: int
    payoffs: tuple
    on_path: DeltaSet
    off_path: DeltaSet
    delta_set: DeltaSet
    transitions: tuple = field(repr=False)
    game: NormalFormGame = field(repr=False)

    @property
    def least_delta(self) -> Any:
        """The infimum of :attr:`delta_set` (None if empty)."""
        return self.delta_set.infimum

    def by_infected(self) -> tuple:
        """``(k, DeltaSet)`` pairs: the off-path condition at each count ``k`` of infected states alone."""
        floats = self.off_path.kind == "float"
        return tuple((int(c.state.split()[0]), _delta_set([list(c.coefficients)], [(c.state, c.deviation)],
                                                          list(self.off_path.denominator), floats))
                     for c in self.off_path.constraints)


@functools.lru_cache(maxsize=64)
def _chain(n: int) -> tuple:
    """Q[k][k']: the infected count's transitions, k, k' in 0..n (row k of an absorbing n is e_n)."""
    q = [[Fraction(0)] * (n + 1) for _ in range(n + 1)]
    for k in range(n + 1):
        for j, p in enumerate(matching_transitions(n, k)):
            if p:
                q[k][k + j] += p
    return tuple(tuple(row) for row in q)


@functools.lru_cache(maxsize=1024)
def _cooperate_once(n: int, k: int) -> tuple:
    """The next infected count when one of k infected states cooperates once and the others punish."""
    row = [Fraction(0)] * (n + 1)
    cooperators = n - k + 1
    for j, p in enumerate(matching_transitions(n, k - 1)):
        if p:
            mine = Fraction(j, cooperators)
            if mine:
                row[k + j - 1] += p * mine
            if mine != 1:
                row[k + j] += p * (1 - mine)
    return tuple(row)


def _polynomials(n: int, T: Fraction, R: Fraction, P: Fraction, S: Fraction) -> tuple:
    """The on-path gain and each off-path gain, times D = prod_{2 <= k < n} (1 - delta Q_kk): ascending lists."""
    q = _chain(n)
    factor = {k: [Fraction(1), -q[k][k]] for k in range(2, n)}
    denominator = _product([factor[k] for k in range(2, n)])

    @functools.lru_cache(maxsize=None)
    def between(lo: int, hi: int) -> tuple:            # prod_{lo <= i < hi} (1 - delta Q_ii)
        return tuple(_product([factor[i] for i in range(lo, hi)]))

    f = {k: (T * (n - k) + P * (k - 1)) / (n - 1) for k in range(2, n + 1)}
    # V[k] = W(k) * prod_{k <= i < n} (1 - delta Q_ii), computed downwards from V[n] = P.
    V = {n: [P]}
    for k in range(n - 1, 1, -1):
        total = _mul(_scale(ONE_MINUS_DELTA, f[k]), list(between(k + 1, n)))
        for j in range(k + 1, n + 1):
            if q[k][j]:
                total = _add(total, _mul(DELTA_POLY, _scale(_mul(V[j], list(between(k + 1, j))), q[k][j])))
        V[k] = total
    # W(k) * D
    WD = {k: _mul(V[k], list(between(2, k))) for k in range(2, n + 1)}
    on = _add(_mul(_add(_scale(ONE_MINUS_DELTA, T), [-R]), denominator), _mul(DELTA_POLY, WD[2]))
    off = {}
    for k in range(2, n + 1):
        c = (R * (n - k) + S * (k - 1)) / (n - 1)
        expected = [Fraction(0)]
        for k2, p in enumerate(_cooperate_once(n, k)):
            if p:
                expected = _add(expected, _scale(WD[k2], p))
        off[k] = _add(_add(_mul(_scale(ONE_MINUS_DELTA, c), denominator), _mul(DELTA_POLY, expected)),
                      _scale(WD[k], -1))
    return on, off, denominator, q


def _delta_set(polys: list, labels: list, denominator: list, as_float: bool) -> DeltaSet:
    pieces = _isolation.solve_exact([_trim(p) for p in polys], as_float=as_float)
    intervals = tuple(Interval(lo, hi, lc, hc) for lo, hi, lc, hc in pieces)
    constraints = tuple(IncentiveConstraint(0, state, deviation, tuple(_trim(p)), 0, tuple(denominator))
                        for p, (state, deviation) in zip(polys, labels))
    return DeltaSet(intervals, "float" if as_float else "exact", CONCEPT, 0, None, constraints,
                    tuple(denominator))


def _trim(p: list) -> list:
    p = list(p)
    while len(p) > 1 and p[-1] == 0:
        p.pop()
    return p


def contagion(game: NormalFormGame, states: int) -> ContagionConditions:
    r"""The discount factors at which contagion sustains cooperation among randomly matched states.

    See the module docstring for the model, the chain of infected states and
    the on- and off-path conditions. The answer is for the **contagion
    profile** (cooperate until you see punishment, then punish for ever), not
    for the game.

    Parameters
    ----------
    game : NormalFormGame
        A symmetric 2x2 stage game, action 0 cooperating (e.g. ``"C"``) and
        action 1 punishing (``"D"``); exact or float payoffs (floats are
        solved exactly from their binary values, endpoints returned as floats).
    states : int
        :math:`N`, an even number of states from 2 to
        ``cybergames.repeated.community.MAX_COMMUNITY``.

    Returns
    -------
    ContagionConditions

    Raises
    ------
    GameError
        If the game is not a numeric symmetric 2x2 game.
    ParameterError
        If ``states`` is not an even integer in range.

    References
    ----------
    Kandori, M. (1992). Social norms and community enforcement. *Review of Economic Studies*
    59(1), 63–80, section 3. Ellison, G. (1994). Cooperation in the prisoner's dilemma with
    anonymous random matching. *Review of Economic Studies* 61(3), 567–588.

    Examples
    --------
    Two states are one pair: contagion is grim trigger, :math:`\delta \ge (T - R)/(T - P)`.
    Among four, a deviator meets its victim again with probability 1/3 and the
    threshold rises to :math:`(\sqrt{33} - 3)/4`:

    >>> from cybergames import prisoners_dilemma
    >>> game = prisoners_dilemma(T=5, R=3, P=1, S=0)
    >>> print(contagion(game, 2).delta_set)
    [1/2, 1)
    >>> print(contagion(game, 4).delta_set)
    [-3/4 + sqrt(33)/4, 1)
    """
    n = _community(states)
    T, R, P, S = _stage_payoffs(game)
    floats = any(isinstance(v, float) for v in (T, R, P, S))
    exact = tuple(Fraction(v) for v in (T, R, P, S))
    on, off, denominator, q = _polynomials(n, *exact)
    on_set = _delta_set([on], [("no state infected", "punish")], denominator, floats)
    labels = [(f"{k} states infected", "cooperate") for k in off]
    off_set = _delta_set(list(off.values()), labels, denominator, floats)
    both = _delta_set([on, *off.values()], [("no state infected", "punish"), *labels], denominator, floats)
    payoffs = tuple(_numbers.simplify_exact(v) if not floats else float(v) for v in (T, R, P, S))
    return ContagionConditions(n, payoffs, on_set, off_set, both, tuple(tuple(r) for r in q), game)


# --------------------------------------------------------------------------- verification
def _enumerated_chain(n: int) -> list:
    """The chain of infected counts by listing every perfect matching (states 0..k-1 infected)."""
    def matchings(items: tuple):
        if not items:
            yield ()
            return
        first = items[0]
        for i in range(1, len(items)):
            rest = items[1:i] + items[i + 1:]
            for m in matchings(rest):
                yield ((first, items[i]),) + m
    all_matchings = list(matchings(tuple(range(n))))
    q = [[Fraction(0)] * (n + 1) for _ in range(n + 1)]
    for k in range(n + 1):
        for m in all_matchings:
            mixed = sum((a < k) != (b < k) for a, b in m)
            q[k][k + mixed] += Fraction(1, len(all_matchings))
    return q


def _values(q: list, n: int, payoffs: tuple, delta: Fraction) -> list:
    """W(k) at one rational delta by back substitution of W = (1 - delta) f + delta Q W."""
    T, R, P, S = payoffs
    W = [None] * (n + 1)
    W[n] = P
    for k in range(n - 1, 1, -1):
        f = (T * (n - k) + P * (k - 1)) / (n - 1)
        rest = sum(q[k][j] * W[j] for j in range(k + 1, n + 1))
        W[k] = ((1 - delta) * f + delta * rest) / (1 - delta * q[k][k])
    return W


@verify.register
def _verify_contagion(result: ContagionConditions, **kwargs: Any) -> Verification:
    """Re-derive the chain (matchings listed up to 12 states) and re-check each condition's sign by values.

    At rational discount factors between and beside the endpoints of every
    set, the values are recomputed by back substitution (not from the
    certificate polynomials) and each deviation's gain compared with the
    set's membership; the chain is compared with the listed matchings.
    """
    n = result.states
    failures = []
    checked = 0
    if n <= 12:
        listed = _enumerated_chain(n)
        checked += 1
        if [list(r) for r in result.transitions] != listed:
            failures.append("the chain of infected counts differs from the listed matchings")
    q = [list(r) for r in result.transitions]
    payoffs = tuple(Fraction(v) for v in result.payoffs)
    T, R, P, S = payoffs
    ends = {Fraction(0), Fraction(1)}
    for s in (result.on_path, result.off_path, result.delta_set):
        for i in s.intervals:
            ends |= {Fraction(_numbers.approximate(i.lower)).limit_denominator(10**9),
                     Fraction(_numbers.approximate(i.upper)).limit_denominator(10**9)}
    ends = sorted(ends)
    points = {(a + b) / 2 for a, b in zip(ends, ends[1:])} | {Fraction(0), Fraction(99, 100)}
    for delta in sorted(points):
        if not 0 <= delta < 1:
            continue
        W = _values(q, n, payoffs, delta)
        on_gain = (1 - delta) * T + delta * W[2] - R
        off_ok = True
        for k in range(2, n + 1):
            c = (R * (n - k) + S * (k - 1)) / (n - 1)
            row = _cooperate_once(n, k)
            gain = (1 - delta) * c + delta * sum(p * W[k2] for k2, p in enumerate(row) if p) - W[k]
            off_ok = off_ok and gain <= 0
        for name, ok, s in (("on path", on_gain <= 0, result.on_path), ("off path", off_ok, result.off_path),
                            ("both", on_gain <= 0 and off_ok, result.delta_set)):
            checked += 1
            if ok != (delta in s):
                failures.append(f"{name} at delta = {delta}: the values say {ok}, the set says {not ok}")
    return Verification(not failures, checked, tuple(failures))

