r"""The best equilibrium found among small public automata: an interpretable, certified lower bound.

:func:`best_equilibrium` searches two sets of strategy profiles of a repeated
game at one discount factor and returns the one that maximises a weighted sum
of the players' payoffs among those that are equilibria (subgame perfect under
perfect monitoring, perfect public under public monitoring):

1. **A family of named automata** for two-action dilemmas whose players share
   the action labels ``(c, d)`` (``c`` the first action): for every non-empty
   proper set :math:`S` of public signals, :func:`trigger_on_signal` on
   :math:`S`, punishing for 1, 2 or 3 rounds or for ever (with more than six
   signals only :math:`S` = every signal but the likeliest after mutual
   cooperation); under perfect monitoring first :func:`grim_trigger`,
   :func:`limited_punishment` with :math:`k \le 3`, :func:`forgiving_trigger`
   with :math:`p \in \{1/4, 1/2, 3/4\}`, :func:`win_stay_lose_shift` and
   (two players) :func:`tit_for_tat`; under the
   blame signals of :func:`noisy_attribution` with two players,
   :func:`targeted_retaliation` with :math:`K \le 3`, :math:`L \le 3` and
   :math:`\mathrm{cap} \le K + 2`.
2. **Every profile of automata with at most** ``max_states`` **states per
   player** over the public signals (two by default). Automata are taken up
   to isomorphism: state 0 is the initial one, a one-state automaton plays a
   constant action, and a two-state automaton plays different actions in its
   two states and can reach its second state (any other two-state automaton
   behaves like a one-state one). With :math:`m` actions and :math:`|Y|`
   signals that is :math:`m + m(m-1)(2^{2|Y|} - 2^{|Y|})` automata per player
   (482 for a 2x2 game with four signals, 232,324 profiles). When swapping
   the two players (and relabelling the signals accordingly) leaves the game
   unchanged and the weights are equal, a profile and its mirror image have
   the same objective and only one of each pair is screened (116,403
   profiles). When the product exceeds ``budget`` profiles, fewer states are
   searched and the result says so (:attr:`BestEquilibrium.exhaustive_states`).
3. **With** ``max_states=3``, **a restricted three-state family** (every
   three-state table is out of reach: with four signals there are
   :math:`3^{12}` per automaton). Both players use the same automaton, and it
   reads the signal only through a good/bad split: for every non-empty proper
   set ``bad`` of signals, every table :math:`\{s_0, s_1, s_2\} \times
   \{\text{good}, \text{bad}\} \to \{s_0, s_1, s_2\}` reaching all three
   states (labelled in order of discovery, so relabelled copies are left out)
   and every output per state that is not constant: :math:`(m^3 - m)` outputs,
   216 tables and :math:`2^{|Y|} - 2` splits (18,144 automata for a 2x2 game
   with four signals). It holds two-round punishments, "two strikes"
   (punish after two bad signals in a row) and other strongly symmetric
   profiles with a probation state. It is skipped (and
   the result says so) when its count exceeds ``budget``.

The exhaustive set is screened in float64 by the one-shot deviation principle,
vectorised over all profiles at once (values from :math:`V = (1-\delta) u +
\delta Q V` in every reachable joint state, then every one-shot gain); the
family is screened with :func:`check_equilibrium` in floats. The best
candidates are then confirmed, best first, with :func:`check_equilibrium` in
the game's own arithmetic (exact for exact games) until one holds; its exact
set of discount factors comes from :func:`sustainable_discount_factors`.

The value of the profile found is a certified *lower bound* on the best
equilibrium payoff (in the weighted direction); the outer payoff set of
:func:`equilibrium_payoff_set` gives an upper bound, and
:attr:`BestEquilibrium.place` says where the value lies relative to the
inner and outer sets.
"""

from __future__ import annotations

import functools
import itertools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

import numpy as np

from .. import _numbers
from .._numbers import DEFAULT_TOL, FLOAT
from .._verify import Verification, verify
from ..errors import AutomatonError, DiscountFactorError, GameError, MonitoringError, ParameterError
from .automata import Automaton
from .builtins import (forgiving_trigger, grim_trigger, limited_punishment, targeted_retaliation, tit_for_tat,
                       trigger_on_signal, win_stay_lose_shift)
from .delta_sets import DeltaSet, sustainable_discount_factors
from ..games.normal_form import NormalFormGame
from .game import RepeatedGame
from .monitoring import Monitoring
from .incentives import EquilibriumCheck, check_equilibrium

__all__ = ["BestEquilibrium", "best_equilibrium"]

#: The default bound on the number of profiles screened exhaustively.
BUDGET = 300_000
_CHUNK = 32_768
_CONFIRM = 25


@dataclass(frozen=True, eq=False)
class BestEquilibrium:
    r"""The best equilibrium profile found by :func:`best_equilibrium`, with its certificates.

    Attributes
    ----------
    rg : RepeatedGame
        The game.
    delta : number
        The discount factor.
    weights : tuple
        The objective's weights: the profile maximises ``weights . value``.
    profile : tuple of Automaton or None
        The best profile found (None if no candidate is an equilibrium).
    value : tuple or None
        Each player's payoff from the profile at ``delta`` (exact for exact games).
    objective : number or None
        ``weights . value``.
    delta_set : DeltaSet or None
        Every discount factor at which the profile is an equilibrium (exact).
    check : EquilibriumCheck or None
        The one-shot deviation check at ``delta`` that confirmed the profile.
    source : str
        ``"family"`` or ``"exhaustive"``: which search found it.
    description : str
        The profile's name (the built-in and its arguments, or the automata).
    searched : tuple of (str, int)
        How many profiles each search screened, and how many passed.
    exhaustive_states : int
        The largest number of states per player searched exhaustively (0 if none).
    payoff_set : EquilibriumPayoffSet or None
        The payoff set compared with, if any.
    place : str or None
        ``"inner"`` (inside the inner set: as expected), ``"between"`` (in the
        outer set but not the inner one: the inner set is not yet tight),
        ``"outside"`` (outside the outer set: impossible for an equilibrium,
        a bug in one of the two computations), or None (not compared).
    """

    rg: RepeatedGame = field(repr=False)
    delta: Any
    weights: tuple
    profile: tuple | None
    value: tuple | None
    objective: Any
    delta_set: DeltaSet | None = field(repr=False)
    check: EquilibriumCheck | None = field(repr=False)
    source: str
    description: str
    searched: tuple = field(repr=False)
    exhaustive_states: int = field(repr=False)
    payoff_set: Any = field(repr=False, default=None)
    place: str | None = None

    @property
    def found(self) -> bool:
        """Whether some candidate is an equilibrium at :attr:`delta`."""
        return self.profile is not None


# ----------------------------------------------------------------------------- inputs


def _check_inputs(rg: Any, delta: Any, weights: Any, player: Any) -> tuple:
    if not isinstance(rg, RepeatedGame):
        raise MonitoringError(f"rg: expected a RepeatedGame, got {type(rg).__name__}")
    if rg.is_symbolic:
        raise GameError("rg: best_equilibrium needs numeric payoffs and probabilities; substitute values "
                        "with rg.subs(...)")
    value = _numbers.normalise(delta, "delta", DiscountFactorError)
    if _numbers.kind_of([value]) == _numbers.SYMBOLIC or not 0 < value < 1:
        raise DiscountFactorError(f"delta must satisfy 0 < delta < 1, got {delta!r}")
    n = rg.num_players
    if weights is not None and player is not None:
        raise ParameterError("weights, player: give at most one of them")
    if player is not None:
        i = rg.stage.player_index(player)
        weights = [1 if j == i else 0 for j in range(n)]
    elif weights is None:
        weights = [1] * n
    if isinstance(weights, (str, bytes)) or not isinstance(weights, Sequence) or len(weights) != n:
        raise ParameterError(f"weights: expected {n} non-negative numbers, one per player, got {weights!r}")
    weights = tuple(_numbers.normalise(w, f"weights[{k}]", ParameterError) for k, w in enumerate(weights))
    if _numbers.kind_of(weights) == _numbers.SYMBOLIC or any(w < 0 for w in weights) or not any(weights):
        raise ParameterError(f"weights: expected non-negative numbers, not all zero, got {weights!r}")
    return value, weights


# ----------------------------------------------------------------------------- the family


def family(rg: RepeatedGame) -> list:
    """The named candidate profiles for ``rg``: (description, profile) pairs (empty if not a dilemma)."""
    game = rg.stage
    labels = game.actions[0]
    if len(labels) != 2 or any(tuple(a) != tuple(labels) for a in game.actions):
        return []
    c, d = labels
    n = game.num_players
    signals = rg.monitoring.signals
    out = []
    perfect_profiles = rg.is_perfect and all(isinstance(y, tuple) and len(y) == n for y in signals)
    if perfect_profiles:
        # the built-ins that read the action profile from the signal
        chances = (0.25, 0.5, 0.75) if game.kind == FLOAT else (Fraction(1, 4), Fraction(1, 2), Fraction(3, 4))
        named = [grim_trigger(cooperate=c, defect=d)] + [limited_punishment(k, cooperate=c, defect=d)
                                                         for k in (1, 2, 3)]
        named += [forgiving_trigger(p, cooperate=c, defect=d) for p in chances]
        named += [win_stay_lose_shift(cooperate=c, defect=d)] + ([tit_for_tat(cooperate=c, defect=d)]
                                                                 if n == 2 else [])
        out.extend((repr(a), (a,) * n) for a in named)
    if len(signals) <= 6:
        sets = [chosen for size in range(1, len(signals)) for chosen in itertools.combinations(signals, size)]
    else:       # every signal but the likeliest after all cooperate: "punish any sign of trouble"
        calm = rg.monitoring.distribution((c,) * n)
        likeliest = max(calm, key=lambda y: calm[y])
        sets = [tuple(y for y in signals if y != likeliest)]
    for chosen in sets:
        for periods in (1, 2, 3, None):
            a = trigger_on_signal(chosen, periods=periods, cooperate=c, defect=d)
            out.append((repr(a), (a,) * n))
    players = game.players
    if n == 2 and set(signals) == {(), (players[0],), (players[1],), tuple(players)}:
        for K in range(1, 4):
            for L in range(0, 4):
                for cap in range(K, K + 3):
                    if L <= 1 and cap > K:          # levels above K are unreachable
                        continue
                    profile = targeted_retaliation(K, L, cap, players=tuple(players), cooperate=c, defect=d)
                    out.append((repr(profile[0]), profile))
    return out


# ----------------------------------------------------------------------------- exhaustive search


def _automata_arrays(m: int, Y: int, states: int) -> tuple[np.ndarray, np.ndarray]:
    """Every automaton with at most ``states`` states (1 or 2), up to isomorphism, as arrays.

    Returns ``outputs`` (N, 2) and ``transitions`` (N, 2, Y); a one-state
    automaton is stored with a second, unreachable copy of its state.
    """
    outputs = [(a, a) for a in range(m)]
    transitions = [np.zeros((2, Y), dtype=np.int8) for _ in range(m)]
    if states >= 2:
        tables = np.array(list(itertools.product((0, 1), repeat=2 * Y)), dtype=np.int8).reshape(-1, 2, Y)
        tables = tables[tables[:, 0, :].any(axis=1)]          # the second state must be reachable
        for a in range(m):
            for b in range(m):
                if a != b:
                    outputs.extend([(a, b)] * len(tables))
                    transitions.extend(tables)
    return np.array(outputs, dtype=np.int16), np.array(transitions, dtype=np.int8)


@functools.lru_cache(maxsize=8)
def _three_state_arrays(m: int, Y: int) -> tuple[np.ndarray, np.ndarray, tuple]:
    """Three-state automata that read only whether the signal is in a set ``bad``, as arrays.

    For every non-empty proper set of signals ``bad`` (a good/bad split), every
    table ``state x {good, bad} -> state`` that reaches the third state from the
    first and every output per state. Returns ``outputs`` (N, 3), ``transitions``
    (N, 3, Y) and the split of each (a tuple of signal indices).
    """
    tables = []
    for flat in itertools.product(range(3), repeat=6):
        table = np.array(flat, dtype=np.int8).reshape(3, 2)
        order, queue = [0], [0]                       # states in order of discovery (good before bad)
        while queue:
            w = queue.pop(0)
            for nxt in table[w]:
                if int(nxt) not in order:
                    order.append(int(nxt))
                    queue.append(int(nxt))
        if order == [0, 1, 2]:                        # all reachable, labelled canonically: no relabelled copies
            tables.append(table)
    outs = np.array(list(itertools.product(range(m), repeat=3)), dtype=np.int16)
    outs = outs[(outs != outs[:, :1]).any(axis=1)]   # three states playing one action behave like one
    outputs, transitions, splits = [], [], []
    for size in range(1, Y):
        for bad in itertools.combinations(range(Y), size):
            letter = np.zeros(Y, dtype=np.int64)
            letter[list(bad)] = 1
            for table in tables:
                expanded = table[:, letter]                   # (3, Y)
                outputs.append(outs)
                transitions.append(np.broadcast_to(expanded, (len(outs), 3, Y)))
                splits.extend([bad] * len(outs))
    if not outputs:
        return np.zeros((0, 3), dtype=np.int16), np.zeros((0, 3, Y), dtype=np.int8), ()
    outputs, transitions = np.concatenate(outputs), np.concatenate(transitions).astype(np.int8)
    outputs.flags.writeable = transitions.flags.writeable = False      # cached: shared between calls
    return outputs, transitions, tuple(splits)


def _three_state_count(m: int, Y: int) -> int:
    """How many automata :func:`_three_state_arrays` gives, without building them (216 canonical tables)."""
    return (m ** 3 - m) * 216 * (2 ** Y - 2)


def _count(m: int, Y: int, states: int) -> int:
    return m + (m * (m - 1) * (2 ** (2 * Y) - 2 ** Y) if states >= 2 else 0)


def _screen(rg: RepeatedGame, delta: float, weights: np.ndarray, lists: list, tol: float,
            chosen: np.ndarray | None = None) -> tuple:
    """Screen the product profiles of ``lists`` (one per player; all, or the flat indices ``chosen``).

    Returns the objectives and flat indices of the profiles that pass, and the list sizes.
    """
    game = rg.stage
    n = game.num_players
    shape = game.shape
    U = np.stack([np.asarray(p, dtype=float).reshape(-1) for p in game.payoffs])          # (n, |A|)
    M = np.asarray(rg.monitoring.matrix, dtype=float).reshape(-1, len(rg.monitoring.signals))
    Y = M.shape[1]
    strides = [int(np.prod(shape[i + 1:])) for i in range(n)]
    S = lists[0][0].shape[1]                                # states per automaton (2 or 3)
    W = S ** n
    places = [S ** (n - 1 - i) for i in range(n)]
    bits = np.array([[(w // places[i]) % S for i in range(n)] for w in range(W)])      # joint -> own states
    sizes = [len(outputs) for outputs, _ in lists]
    total = int(np.prod(sizes))
    scale = _numbers.unit_of(U)                     # relative: a floor of 1 passed every profile at 1e-300
    slack = tol * scale
    passed_obj, passed_idx = [], []
    eye = np.eye(W)
    chosen = np.arange(total) if chosen is None else chosen
    chunk = max(1, _CHUNK * 16 // (W * W))
    for start in range(0, len(chosen), chunk):
        flat = chosen[start:start + chunk]
        N = len(flat)
        picks = np.unravel_index(flat, sizes)
        own = np.empty((N, W, n), dtype=np.int64)           # action index of each player in each joint state
        nxt = np.zeros((N, W, Y), dtype=np.int64)
        for i, (outputs, transitions) in enumerate(lists):
            own[:, :, i] = outputs[picks[i]][:, bits[:, i]]
            step = transitions[picks[i]][:, bits[:, i], :]   # (N, W, Y): player i's next own state
            nxt += step.astype(np.int64) * places[i]
        profile = sum(own[:, :, i] * strides[i] for i in range(n))                         # (N, W)
        p = M[profile]                                                                      # (N, W, Y)
        cell = ((np.arange(N)[:, None, None] * W + np.arange(W)[None, :, None]) * W + nxt).reshape(-1)
        Q = np.bincount(cell, weights=p.reshape(-1), minlength=N * W * W).reshape(N, W, W)
        u = U[:, profile].transpose(1, 2, 0)                                                # (N, W, n)
        V = np.linalg.solve(eye[None] - delta * Q, (1 - delta) * u)                         # (N, W, n)
        step = np.bincount(cell, minlength=N * W * W).reshape(N, W, W) > 0                  # on any signal
        reach = np.zeros((N, W), dtype=bool)
        reach[:, 0] = True
        for _ in range(W - 1):
            reach = reach | (reach[:, :, None] & step).any(axis=1)
        where = np.arange(N)[:, None, None] * W + nxt                                       # (N, W, Y)
        ok = np.ones(N, dtype=bool)
        for i in range(n):
            Vi = V[:, :, i]
            following = Vi.reshape(-1)[where]                                               # (N, W, Y)
            for k in range(shape[i]):
                deviation = profile + (k - own[:, :, i]) * strides[i]
                continuation = np.einsum("nwy,nwy->nw", M[deviation], following)
                gain = (1 - delta) * U[i, deviation] + delta * continuation - Vi
                bad = (gain > slack) & reach & (own[:, :, i] != k)
                ok &= ~bad.any(axis=1)
        objective = V[:, 0, :] @ weights
        passed_obj.append(objective[ok])
        passed_idx.append(flat[ok])
    if not passed_idx:
        return np.zeros(0), np.zeros(0, dtype=np.int64), sizes
    return np.concatenate(passed_obj), np.concatenate(passed_idx), sizes


def _mirror(rg: RepeatedGame) -> np.ndarray | None:
    r"""The signal permutation under which swapping the two players leaves the game unchanged, or None.

    ``sigma[y]`` is the signal that ``y`` becomes when the players swap roles:
    :math:`u_1(a, b) = u_0(b, a)` and :math:`p(\sigma(y) \mid b, a) = p(y \mid a, b)`.
    """
    game = rg.stage
    if game.num_players != 2 or tuple(game.actions[0]) != tuple(game.actions[1]):
        return None
    u0, u1 = (np.asarray(p, dtype=object) for p in game.payoffs)
    if not all(u1[a, b] == u0[b, a] for a in range(game.shape[0]) for b in range(game.shape[1])):
        return None
    matrix = rg.monitoring.matrix
    Y = matrix.shape[-1]
    if Y > 6:
        return None
    swapped = np.swapaxes(matrix, 0, 1)
    for sigma in itertools.permutations(range(Y)):
        if all(swapped[a, b, sigma[y]] == matrix[a, b, y] for a in range(game.shape[0])
               for b in range(game.shape[1]) for y in range(Y)):
            return np.array(sigma)
    return None


def _canonical_pairs(outputs: np.ndarray, transitions: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """Flat indices of the pairs (i, j) that are not after their mirror image (j', i') in the order.

    The mirror of automaton ``x`` reads ``sigma[y]`` where ``x`` read ``y``.
    """
    inverse = np.argsort(sigma)
    mirrored = transitions[:, :, inverse]
    key = {(tuple(o), t.tobytes()): k for k, (o, t) in enumerate(zip(outputs.tolist(), transitions))}
    image = np.array([key[(tuple(o), t.tobytes())] for o, t in zip(outputs.tolist(), mirrored)])
    N = len(outputs)
    i, j = np.divmod(np.arange(N * N), N)
    mi, mj = image[j], image[i]
    return np.flatnonzero((i < mi) | ((i == mi) & (j <= mj)))


def _automaton(rg: RepeatedGame, i: int, outputs: np.ndarray, transitions: np.ndarray) -> Automaton:
    actions = rg.stage.actions[i]
    signals = rg.monitoring.signals
    if outputs[0] == outputs[1] and not transitions.any():
        return Automaton(["s0"], "s0", {"s0": actions[outputs[0]]}, {("s0", y): "s0" for y in signals},
                         name=f"always {actions[outputs[0]]!r}")
    if len(outputs) == 3:
        return _automaton3(actions, signals, outputs, transitions)
    table = {(f"s{w}", y): f"s{int(transitions[w, k])}" for w in (0, 1) for k, y in enumerate(signals)}
    moves = {f"s{w}": actions[outputs[w]] for w in (0, 1)}
    leave = {w: [y for k, y in enumerate(signals) if transitions[w, k] != w] for w in (0, 1)}
    shown = "; ".join(f"s{w} plays {moves[f's{w}']!r}, on {leave[w]} -> s{1 - w}" for w in (0, 1))
    return Automaton(["s0", "s1"], "s0", moves, table, name=f"Automaton({shown})")


def _automaton3(actions: tuple, signals: tuple, outputs: np.ndarray, transitions: np.ndarray) -> Automaton:
    """A three-state automaton of :func:`_three_state_arrays`, named by its moves and transitions."""
    names = ("s0", "s1", "s2")
    table = {(names[w], y): names[int(transitions[w, k])] for w in range(3) for k, y in enumerate(signals)}
    moves = {names[w]: actions[outputs[w]] for w in range(3)}
    parts = []
    for w in range(3):
        moves_out = {}
        for k, y in enumerate(signals):
            target = int(transitions[w, k])
            if target != w:
                moves_out.setdefault(names[target], []).append(y)
        shown = ", ".join(f"on {ys} -> {t}" for t, ys in moves_out.items())
        parts.append(f"{names[w]} plays {moves[names[w]]!r}" + (f", {shown}" if shown else ""))
    return Automaton(list(names), "s0", moves, table, name=f"Automaton({'; '.join(parts)})")


# ----------------------------------------------------------------------------- the search


def best_equilibrium(rg: RepeatedGame, delta: Any, *, weights: Sequence[Any] | None = None,
                     player: int | str | None = None, max_states: int = 2, use_family: bool = True,
                     candidates: Sequence[tuple] = (), payoff_set: Any = True, budget: int = BUDGET,
                     tol: float = DEFAULT_TOL) -> BestEquilibrium:
    r"""The best equilibrium among named small automata and all automata with few states.

    Maximises :math:`\sum_i w_i V_i` over the candidate profiles that are
    equilibria at ``delta`` (see :mod:`cybergames.repeated.best` for the
    candidates), and certifies the winner.

    Parameters
    ----------
    rg : RepeatedGame
        A repeated game with numeric payoffs and probabilities.
    delta : number
        The discount factor, :math:`0 < \delta < 1`.
    weights : sequence of numbers, optional
        Non-negative weights of the players' payoffs; default all ones (the
        utilitarian sum).
    player : int or str, optional
        Maximise this player's payoff instead (weights one for her, zero for
        the others). Give ``weights`` or ``player``, not both.
    max_states : {0, 1, 2, 3}
        Search every profile with at most this many states per player (0:
        none; at most two); fewer when the product exceeds ``budget``. With 3,
        also the restricted three-state family of the module docstring
        (identical automata reading a good/bad split of the signals).
    use_family : bool
        Whether to search the named family of automata.
    candidates : sequence of profiles
        Further profiles (tuples of Automaton) to consider.
    payoff_set : bool or EquilibriumPayoffSet
        ``True`` (default) computes :func:`equilibrium_payoff_set` at ``delta``
        (two players) and places the value relative to it; a precomputed set
        for this game and ``delta`` is used as is; ``False`` skips it.
    budget : int
        The most profiles screened exhaustively.
    tol : float
        Float games (and the float screening): gains up to ``tol`` times the
        largest absolute payoff count as zero.

    Returns
    -------
    BestEquilibrium
        The profile, its value, the objective, its exact set of discount
        factors, the confirming check and its place relative to the payoff set.

    Raises
    ------
    DiscountFactorError
        If ``delta`` is not a number strictly between 0 and 1.
    GameError
        If the game is symbolic.
    ParameterError
        If ``weights``, ``player``, ``max_states``, ``budget`` or ``payoff_set`` is invalid.
    AutomatonError
        If a profile in ``candidates`` does not fit the game (an automaton
        over other signals, a missing transition, ...).

    Notes
    -----
    The profile found is an equilibrium (confirmed by the one-shot deviation
    principle in the game's arithmetic), so its value is a certified lower
    bound on the best equilibrium payoff in the direction ``weights``; it is
    the best only among the candidates searched.

    References
    ----------
    Mailath & Samuelson, *Repeated Games and Reputations*, 2006, sections
    2.3 (automata), 7.1 (public strategies) and 2.2 (one-shot deviations).
    Abreu, Pearce & Stacchetti, *Econometrica* 58(5), 1990.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, noisy_attribution
    >>> game = prisoners_dilemma(5, 3, 1, 0)
    >>> rg = RepeatedGame(game, noisy_attribution(game, Fraction(4, 5), Fraction(1, 10)))
    >>> best = best_equilibrium(rg, Fraction(9, 10), payoff_set=False)
    >>> best.description, best.value
    ('targeted_retaliation(1, 2, 2)', (Fraction(29163, 9991), Fraction(29163, 9991)))
    >>> Fraction(9, 10) in best.delta_set, best.check.holds
    (True, True)
    """
    delta, weights = _check_inputs(rg, delta, weights, player)
    if isinstance(max_states, bool) or not isinstance(max_states, (int, np.integer)) or not 0 <= max_states <= 3:
        raise ParameterError(f"max_states: expected 0, 1, 2 or 3, got {max_states!r}")
    if isinstance(budget, bool) or not isinstance(budget, (int, np.integer)) or budget < 1:
        raise ParameterError(f"budget: expected a positive integer, got {budget!r}")
    if not isinstance(use_family, bool):
        raise ParameterError(f"use_family: expected True or False, got {use_family!r}")
    if isinstance(tol, bool) or not isinstance(tol, (int, float)) or not 0 < tol < 1:
        raise ParameterError(f"tol: expected a small positive number, got {tol!r}")
    if isinstance(candidates, (str, bytes)) or not isinstance(candidates, Sequence):
        raise ParameterError(f"candidates: expected a sequence of profiles, got {candidates!r}")
    _check_payoff_set(payoff_set, rg, delta)
    d = float(delta)
    w = np.array([float(x) for x in weights])
    searched = []
    pool = []                                       # (objective, priority, description, source, profile)
    named = (family(rg) if use_family else []) + [(f"candidates[{k}]", tuple(p)) for k, p in enumerate(candidates)]
    passed = 0
    floats = _as_float(rg)
    for k, (description, profile) in enumerate(named):
        screen = check_equilibrium(floats, profile, d, tol=tol)   # AutomatonError here for a profile that does not fit
        if screen.holds:
            passed += 1
            pool.append((float(np.dot(w, [float(v) for v in screen.values.initial])), 0,
                         len(screen.values.states), description, "family", profile))
    searched.append(("family and candidates", len(named), passed))
    states = _exhaustive_states(rg, min(max_states, 2), budget)
    if states:
        Y = len(rg.monitoring.signals)
        lists = [_automata_arrays(m, Y, states) for m in rg.stage.shape]
        sigma = _mirror(rg) if len(w) == 2 and w[0] == w[1] else None
        chosen = None if sigma is None else _canonical_pairs(*lists[0], sigma)
        objective, index, sizes = _screen(rg, d, w, lists, max(tol, 1e-9), chosen)
        label = f"every profile with at most {states} states per player"
        if chosen is not None:
            label += " (up to swapping the players)"
        searched.append((label, int(np.prod(sizes)) if chosen is None else len(chosen), len(index)))
        order = np.argsort(-objective, kind="stable")[:_CONFIRM]
        for j in order:
            picks = np.unravel_index(int(index[j]), sizes)
            profile = tuple(_automaton(rg, i, lists[i][0][p], lists[i][1][p]) for i, p in enumerate(picks))
            size = sum(a.num_states for a in profile)
            pool.append((float(objective[j]), 1, size, " | ".join(map(repr, profile)), "exhaustive", profile))
    if max_states == 3:
        _search_three_states(rg, d, w, max(tol, 1e-9), budget, searched, pool)
    unit = _numbers.unit_of(*floats.stage.payoffs)   # ties of the objective to 9 digits of the payoff scale
    pool.sort(key=lambda item: (-round(item[0] / unit, 9), item[1], item[2]))
    for score, _, _, description, source, profile in pool[:2 * _CONFIRM]:
        check = check_equilibrium(rg, profile, delta, tol=tol)
        if not check.holds:
            continue
        value = tuple(check.values.initial)
        objective_value = sum(x * v for x, v in zip(weights, value))
        delta_set = sustainable_discount_factors(rg, profile, tol=tol)
        return _result(rg, delta, weights, profile, value, objective_value, delta_set, check, source,
                       description, tuple(searched), states, payoff_set)
    return _result(rg, delta, weights, None, None, None, None, None, "", "no candidate is an equilibrium",
                   tuple(searched), states, payoff_set)


def _search_three_states(rg: RepeatedGame, delta: float, weights: np.ndarray, tol: float, budget: int,
                         searched: list, pool: list) -> None:
    """Screen the profiles in which both players use the same three-state good/bad automaton."""
    game = rg.stage
    Y = len(rg.monitoring.signals)
    label = "both players with the same three-state automaton over a good/bad split of the signals"
    if game.num_players != 2 or tuple(game.actions[0]) != tuple(game.actions[1]):
        searched.append((label + " (skipped: only for two players with the same actions)", 0, 0))
        return
    if _three_state_count(game.shape[0], Y) > budget:
        searched.append((label + f" (skipped: more than budget = {budget} profiles)", 0, 0))
        return
    outputs, transitions, _ = _three_state_arrays(game.shape[0], Y)
    N = len(outputs)
    diagonal = np.arange(N, dtype=np.int64) * (N + 1)      # profile (k, k): the same automaton twice
    objective, index, sizes = _screen(rg, delta, weights, [(outputs, transitions)] * 2, tol, diagonal)
    searched.append((label, N, len(index)))
    for j in np.argsort(-objective, kind="stable")[:_CONFIRM]:
        k = int(index[j]) // N
        automaton = _automaton3(game.actions[0], rg.monitoring.signals, outputs[k], transitions[k])
        pool.append((float(objective[j]), 2, 6, f"{automaton!r} (both players)", "three-state",
                     (automaton, automaton)))


def _as_float(rg: RepeatedGame) -> RepeatedGame:
    """The game in float64, for fast screening (the winner is confirmed in the game's own arithmetic)."""
    if rg.stage.kind == FLOAT and rg.monitoring.kind == FLOAT:
        return rg
    stage = rg.stage
    game = NormalFormGame([np.asarray(p, dtype=float) for p in stage.payoffs], stage.actions, stage.players)
    monitoring = Monitoring.from_array(game, rg.monitoring.signals, np.asarray(rg.monitoring.matrix, dtype=float))
    return RepeatedGame(game, monitoring)


def _exhaustive_states(rg: RepeatedGame, max_states: int, budget: int) -> int:
    Y = len(rg.monitoring.signals)
    for states in range(max_states, 0, -1):
        if math.prod(_count(m, Y, states) for m in rg.stage.shape) <= budget:
            return states
    return 0


def _check_payoff_set(payoff_set: Any, rg: RepeatedGame, delta: Any) -> None:
    if isinstance(payoff_set, bool):
        return
    if not (hasattr(payoff_set, "inner") and hasattr(payoff_set, "outer") and hasattr(payoff_set, "delta")):
        raise ParameterError(f"payoff_set: expected True, False or an equilibrium payoff set, got {payoff_set!r}")
    if getattr(payoff_set, "game", rg) != rg or float(payoff_set.delta) != float(delta):
        raise ParameterError("payoff_set: expected the payoff set of this game at this delta")


def _place(payoff_set: Any, value: tuple) -> str:
    point = tuple(float(v) for v in value)
    if payoff_set.inner.contains(point, tol=1e-6):
        return "inner"
    if payoff_set.outer.contains(point, tol=1e-6):
        return "between"
    return "outside"


def _result(rg, delta, weights, profile, value, objective, delta_set, check, source, description, searched,
            states, payoff_set) -> BestEquilibrium:
    computed = None
    if payoff_set is True and rg.num_players == 2:
        from . import equilibrium_payoff_set
        computed = equilibrium_payoff_set(rg, delta)
    elif payoff_set is not True and payoff_set is not False:
        computed = payoff_set
    place = None if computed is None or value is None else _place(computed, value)
    return BestEquilibrium(rg, delta, weights, profile, value, objective, delta_set, check, source, description,
                           searched, states, computed, place)


@verify.register
def _verify_best(result: BestEquilibrium, **kwargs: Any) -> Verification:
    """Re-check the profile by the one-shot deviation principle, its value, objective, δ-set and place."""
    if result.profile is None:
        return Verification(True, 0)
    failures = []
    check = check_equilibrium(result.rg, result.profile, result.delta)
    if not check.holds:
        failures.append(f"the profile is not an equilibrium at delta = {result.delta}: {check.violations[:3]}")
    exact = all(_numbers.is_exact(v) for v in result.value)
    value = tuple(check.values.initial)
    unit = 1.0 if exact else _numbers.unit_of(*(np.asarray(p, dtype=float) for p in result.rg.stage.payoffs))
    if any((a != b) if exact else abs(float(a) - float(b)) > 1e-9 * max(unit, abs(float(b)))
           for a, b in zip(value, result.value)):
        failures.append(f"value: recorded {result.value}, recomputed {value}")
    objective = sum(x * v for x, v in zip(result.weights, value))
    size = unit * max(1.0, float(np.abs(np.asarray(result.weights, dtype=float)).sum()))
    if (objective != result.objective) if exact else abs(float(objective) - float(result.objective)) > 1e-9 * size:
        failures.append(f"objective: recorded {result.objective}, recomputed {objective}")
    if result.delta not in result.delta_set:
        failures.append(f"delta = {result.delta} is not in the recorded delta-set {result.delta_set}")
    if result.payoff_set is not None and result.place != _place(result.payoff_set, result.value):
        failures.append(f"place: recorded {result.place!r}, recomputed {_place(result.payoff_set, result.value)!r}")
    if result.place == "outside":
        failures.append("the value of an equilibrium lies outside the outer payoff set")
    return Verification(not failures, 6, tuple(failures))
