r"""The classic automata of the repeated prisoner's dilemma and its relatives.

Every built-in plays a two-action dilemma whose actions are ``"C"`` (cooperate)
and ``"D"`` (defect); the keyword arguments ``cooperate`` and ``defect`` use
other labels (``"Share"``/``"Hoard"``, ``"Stag"``/``"Hare"``, ...). They work
for any number of players.

Perfect monitoring
    :func:`grim_trigger`, :func:`tit_for_tat`, :func:`win_stay_lose_shift`,
    :func:`limited_punishment` and :func:`forgiving_trigger` read the action
    profile from the public signal, so they need perfect monitoring (the
    signal is the tuple of actions). Under other monitoring their transition
    raises :class:`~cybergames.errors.AutomatonError` when the profile is
    composed with the game.
Public signals
    :func:`trigger_on_signal` punishes when the public signal is one of a
    given set (or satisfies a predicate), for ever or for ``k`` rounds: the
    deterrence strategy of imperfect attribution. :func:`targeted_retaliation`
    punishes only the state that was blamed (signals of
    :func:`~cybergames.repeated.noisy_attribution`).

Conventions (Mailath & Samuelson, *Repeated Games and Reputations*, 2006,
sections 2.2-2.4):

* :func:`tit_for_tat` copies the others: it cooperates in the next round iff
  every *other* player cooperated in this one (with two players: iff the
  opponent did). It therefore needs to know which player it plays for; it
  learns this when the profile is composed (its transition takes ``player``).
* :func:`win_stay_lose_shift` (Pavlov) cooperates iff all players took the
  same action last round (CC or DD), which in the prisoner's dilemma is
  "stay after a high payoff, shift after a low one".
* :func:`limited_punishment` defects for ``k`` rounds after any defection and
  then returns to cooperation, ignoring what happens during the punishment.
* :func:`forgiving_trigger` is grim trigger that forgives: after every round
  of punishment a public lottery returns everyone to cooperation with
  probability ``p`` (outcome ``"forgive"``).
"""

from __future__ import annotations

import numbers
from typing import Any, Callable, Collection

import numpy as np

from .. import limits
from ..errors import AutomatonError
from .automata import Automaton

__all__ = [
    "always_cooperate",
    "always_defect",
    "grim_trigger",
    "tit_for_tat",
    "win_stay_lose_shift",
    "limited_punishment",
    "forgiving_trigger",
    "trigger_on_signal",
    "targeted_retaliation",
]

COOPERATE = "cooperate"
PUNISH = "punish"
WAR = "war"
#: Most players :func:`targeted_retaliation` takes (the blame signals number 2^n).
MAX_TARGETED_PLAYERS = 12
DEFECT = "defect"
FORGIVE = "forgive"
CONTINUE = "continue"


def _built(automaton: Automaton, *key: Any) -> Automaton:
    """Record what identifies a built-in's transition, so that equal built-ins compare equal."""
    object.__setattr__(automaton, "_builtin", key)
    return automaton


def _label(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value:
        raise AutomatonError(f"{name}: expected an action label (a non-empty string), got {value!r}")
    return value


def _labels(cooperate: Any, defect: Any) -> tuple[str, str]:
    c, d = _label(cooperate, "cooperate"), _label(defect, "defect")
    if c == d:
        raise AutomatonError(f"cooperate and defect must differ, got {c!r} twice")
    return c, d


def _suffix(c: str, d: str) -> str:
    return "" if (c, d) == ("C", "D") else f"cooperate={c!r}, defect={d!r}"


def _name(base: str, *args: str) -> str:
    return f"{base}({', '.join(a for a in args if a)})"


def _profile_of(signal: Any, who: str) -> tuple:
    """The action profile in a perfect-monitoring signal, or an error naming the strategy."""
    if isinstance(signal, tuple) and signal and all(isinstance(a, str) for a in signal):
        return signal
    raise AutomatonError(f"{who} reads the action profile from the signal (perfect monitoring), got "
                         f"the signal {signal!r}; use trigger_on_signal(...) under imperfect monitoring")


def _periods(k: Any, name: str) -> int:
    if isinstance(k, (bool, np.bool_)) or not isinstance(k, numbers.Integral) or k < 1:
        raise AutomatonError(f"{name}: expected a positive integer number of rounds, got {k!r}")
    limits.check(name, int(k), "MAX_STATES", AutomatonError)     # one state per round
    return int(k)


def always_cooperate(action: str = "C") -> Automaton:
    """Play ``action`` (default ``"C"``) whatever happens: one state.

    >>> always_cooperate().action("cooperate")
    'C'
    """
    action = _label(action, "action")
    return _built(Automaton([COOPERATE], COOPERATE, {COOPERATE: action}, lambda w, y: w,
                            name=_name("always_cooperate", "" if action == "C" else repr(action))),
                  "constant", action)


def always_defect(action: str = "D") -> Automaton:
    """Play ``action`` (default ``"D"``) whatever happens: one state.

    >>> always_defect().states
    ('defect',)
    """
    action = _label(action, "action")
    return _built(Automaton([DEFECT], DEFECT, {DEFECT: action}, lambda w, y: w,
                            name=_name("always_defect", "" if action == "D" else repr(action))),
                  "constant", action)


def grim_trigger(*, cooperate: str = "C", defect: str = "D") -> Automaton:
    r"""Cooperate until anyone plays anything but ``cooperate``; then defect for ever.

    States ``"cooperate"`` and ``"punish"``. In the prisoner's dilemma with
    payoffs T > R > P > S it is a subgame perfect equilibrium exactly when
    :math:`\delta \ge (T - R)/(T - P)` (Mailath & Samuelson 2006, section 2.4.1).

    >>> from cybergames import prisoners_dilemma
    >>> from cybergames.repeated import RepeatedGame, critical_discount_factor
    >>> critical_discount_factor(RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0)), (grim_trigger(), grim_trigger()))
    Fraction(1, 2)
    """
    c, d = _labels(cooperate, defect)

    def transition(w: str, y: Any) -> str:
        profile = _profile_of(y, "grim_trigger")
        return COOPERATE if w == COOPERATE and all(a == c for a in profile) else PUNISH

    return _built(Automaton([COOPERATE, PUNISH], COOPERATE, {COOPERATE: c, PUNISH: d}, transition,
                            name=_name("grim_trigger", _suffix(c, d))), "grim_trigger", c, d)


def tit_for_tat(*, cooperate: str = "C", defect: str = "D") -> Automaton:
    r"""Cooperate first, then cooperate iff every other player cooperated last round.

    States ``"cooperate"`` and ``"defect"``. The automaton learns which player
    it plays for when the profile is composed with a game. In the prisoner's
    dilemma it is a Nash equilibrium for :math:`\delta \ge \max\{(T-R)/(T-P),
    (T-R)/(R-S)\}` but subgame perfect only where :math:`\delta = (T-R)/(R-S)`
    and :math:`\delta = (P-S)/(T-P)` hold together (Mailath & Samuelson 2006,
    section 2.4.3).

    >>> tft = tit_for_tat()
    >>> tft.next_state("cooperate", ("C", "D"), player=0), tft.next_state("cooperate", ("C", "D"), player=1)
    ('defect', 'cooperate')
    """
    c, d = _labels(cooperate, defect)

    def transition(w: str, y: Any, player: int | None = None) -> str:
        profile = _profile_of(y, "tit_for_tat")
        if player is None:
            raise AutomatonError("tit_for_tat copies the other players: its transition needs the index "
                                 "of the player it plays for (given when the profile is composed)")
        return COOPERATE if all(a == c for j, a in enumerate(profile) if j != player) else DEFECT

    return _built(Automaton([COOPERATE, DEFECT], COOPERATE, {COOPERATE: c, DEFECT: d}, transition,
                            name=_name("tit_for_tat", _suffix(c, d))), "tit_for_tat", c, d)


def win_stay_lose_shift(*, cooperate: str = "C", defect: str = "D") -> Automaton:
    r"""Pavlov: cooperate first, then cooperate iff all players took the same action last round.

    States ``"cooperate"`` and ``"defect"``. In the prisoner's dilemma the
    profile in which both play it is subgame perfect iff
    :math:`\delta \ge (T-R)/(R-P)`: a defection earns T, then P in the round
    of mutual defection that restores cooperation (Nowak & Sigmund, *Nature*
    364, 1993). In the state after a defection, cooperating alone earns S < P
    and only prolongs the punishment.

    >>> wsls = win_stay_lose_shift()
    >>> wsls.next_state("defect", ("D", "D")), wsls.next_state("cooperate", ("C", "D"))
    ('cooperate', 'defect')
    """
    c, d = _labels(cooperate, defect)

    def transition(w: str, y: Any) -> str:
        profile = _profile_of(y, "win_stay_lose_shift")
        return COOPERATE if len(set(profile)) == 1 else DEFECT

    return _built(Automaton([COOPERATE, DEFECT], COOPERATE, {COOPERATE: c, DEFECT: d}, transition,
                            name=_name("win_stay_lose_shift", _suffix(c, d))), "win_stay_lose_shift", c, d)


def _punishment_states(k: int | None) -> list[str]:
    return [PUNISH] if k is None else [f"{PUNISH} {j}" for j in range(1, k + 1)]


def _trigger(triggered: Callable[[Any], bool], k: int | None, c: str, d: str, name: str,
             lottery: dict | None = None, *, key: tuple) -> Automaton:
    punish = _punishment_states(k)
    states = [COOPERATE] + punish
    output = {COOPERATE: c, **{s: d for s in punish}}

    def transition(w: str, signal: Any) -> str:
        y, outcome = signal if lottery is not None else (signal, None)
        if w == COOPERATE:
            return punish[0] if triggered(y) else COOPERATE
        if lottery is not None:
            return COOPERATE if outcome == FORGIVE else w
        if k is None:
            return w
        position = punish.index(w)
        return punish[position + 1] if position + 1 < k else COOPERATE

    return _built(Automaton(states, COOPERATE, output, transition, randomisation=lottery, name=name), *key)


def limited_punishment(k: int, *, cooperate: str = "C", defect: str = "D") -> Automaton:
    r"""Cooperate; after any defection defect for ``k`` rounds, then cooperate again.

    States ``"cooperate"``, ``"punish 1"``, ..., ``"punish k"``; what is
    played during the punishment does not matter. In the prisoner's dilemma
    the profile is subgame perfect iff
    :math:`T - R \le (R - P)(\delta + \delta^2 + \dots + \delta^k)`
    (Mailath & Samuelson 2006, section 2.4.2).

    >>> limited_punishment(2).states
    ('cooperate', 'punish 1', 'punish 2')
    """
    k = _periods(k, "k")
    c, d = _labels(cooperate, defect)

    def triggered(y: Any) -> bool:
        return any(a != c for a in _profile_of(y, "limited_punishment"))

    return _trigger(triggered, k, c, d, _name("limited_punishment", str(k), _suffix(c, d)),
                    key=("limited_punishment", k, c, d))


def forgiving_trigger(p: Any, *, cooperate: str = "C", defect: str = "D") -> Automaton:
    r"""Grim trigger that forgives: each round of punishment ends with probability ``p``.

    States ``"cooperate"`` and ``"punish"``. Forgiveness is driven by a public
    lottery ``{"forgive": p, "continue": 1 - p}`` drawn after every round (see
    :mod:`cybergames.repeated.automata`), so all players forgive together.
    With ``p = 0`` this is :func:`grim_trigger`, with ``p = 1`` a one-round
    punishment. In the prisoner's dilemma the profile is subgame perfect iff

    .. math:: \delta \ge \frac{T - R}{T - P - p (T - R)}.

    >>> from fractions import Fraction
    >>> forgiving_trigger(Fraction(1, 4)).lottery
    {'forgive': Fraction(1, 4), 'continue': Fraction(3, 4)}
    """
    c, d = _labels(cooperate, defect)
    from .. import _numbers
    from ..errors import ProbabilityError
    p = _numbers.normalise(p, "p", ProbabilityError)

    def triggered(y: Any) -> bool:
        return any(a != c for a in _profile_of(y, "forgiving_trigger"))

    return _trigger(triggered, None, c, d, _name("forgiving_trigger", repr(p), _suffix(c, d)),
                    lottery={FORGIVE: p, CONTINUE: 1 - p}, key=("forgiving_trigger", c, d))


def trigger_on_signal(signals: Collection | Callable[[Any], bool], *, periods: int | None = None,
                      cooperate: str = "C", defect: str = "D") -> Automaton:
    r"""Cooperate until a triggering public signal; then defect for ever or for ``periods`` rounds.

    Parameters
    ----------
    signals : collection of signals or callable
        The signals that trigger punishment, or a predicate on the signal.
        With :func:`~cybergames.repeated.noisy_attribution` the signal is the
        tuple of blamed players, so ``lambda y: len(y) > 0`` punishes whenever
        anyone is blamed.
    periods : int, optional
        Rounds of punishment; ``None`` (the default) punishes for ever.
    cooperate, defect : str
        The action labels.

    Notes
    -----
    Under noisy attribution with detection :math:`q` and false-flag rate
    :math:`r` (two players, prisoner's dilemma payoffs), permanent punishment
    after any blame is a perfect public equilibrium iff

    .. math:: (T - R) \le \delta \left[(T - P)(1 - r)^2 - (R - P)(1 - q)(1 - r)\right],

    derived in :doc:`/explanation/repeated-games`.

    Examples
    --------
    >>> blame = trigger_on_signal(lambda y: len(y) > 0, periods=2)
    >>> blame.next_state("cooperate", ("1",)), blame.next_state("punish 2", ())
    ('punish 1', 'cooperate')
    """
    c, d = _labels(cooperate, defect)
    k = None if periods is None else _periods(periods, "periods")
    if callable(signals):
        predicate = signals

        def triggered(y: Any) -> bool:
            result = predicate(y)
            if not isinstance(result, (bool, np.bool_)):
                raise AutomatonError(f"signals: the predicate must return a bool, got {result!r} for {y!r}")
            return bool(result)
        shown = getattr(signals, "__name__", "predicate")
    else:
        if isinstance(signals, (str, bytes)) or not isinstance(signals, Collection):
            raise AutomatonError(f"signals: expected a collection of signals or a predicate, got {signals!r}")
        try:
            chosen = frozenset(signals)
        except TypeError:
            raise AutomatonError(f"signals: expected hashable signal labels, got {signals!r}") from None

        def triggered(y: Any) -> bool:
            return y in chosen
        shown = repr(sorted(chosen, key=repr))
    extra = "" if k is None else f"periods={k}"
    return _trigger(triggered, k, c, d, _name("trigger_on_signal", shown, extra, _suffix(c, d)),
                    key=("trigger_on_signal", signals if callable(signals) else chosen, k, c, d))


def _count(value: Any, name: str, least: int) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral) or value < least:
        raise AutomatonError(f"{name}: expected an integer >= {least}, got {value!r}")
    return int(value)


def targeted_retaliation(K: int, L: int, cap: int, *, war: int = 0, players: tuple = ("0", "1"),
                         cooperate: str = "C", defect: str = "D") -> tuple:
    r"""Retaliation against the blamed state only: it restrains while the others attack.

    A profile for two or more players under the public signals of
    :func:`~cybergames.repeated.noisy_attribution`, where the signal is the
    tuple of blamed players' labels (with two players ``()``, ``("0",)``,
    ``("1",)`` or ``("0", "1")``). All automata track the same public state:

    ``"cooperate"``
        All play ``cooperate``. If exactly one player :math:`i` is blamed, go
        to ``"punish i K"``; if nobody or several are blamed, stay (blames that
        fall on several states at once single out nobody).
    ``"punish i m"`` (:math:`1 \le m \le` ``cap``: :math:`m` rounds of punishment left)
        Player :math:`i` plays ``cooperate`` (restrains) and the others play
        ``defect`` (attack). If :math:`i` is blamed again, the punishment
        continues with :math:`\min(m - 1 + L, \mathrm{cap})` rounds left, else
        with :math:`m - 1`; with none left, return to ``"cooperate"``. Blame of
        the punisher is ignored.
    ``"war i w"`` (only with ``war`` :math:`= W > 0`; :math:`1 \le w \le W`)
        With ``war``, a blame of the punished state :math:`i` that would push
        the punishment past ``cap`` (:math:`m - 1 + L > \mathrm{cap}`) starts
        :math:`W` rounds in which both play ``defect``, after which the
        punishment resumes with ``cap`` rounds left. Without it, the most a
        blame at the cap costs the punished state is one further round of
        punishment, too little to keep it restrained when detection is poor;
        the war is the escalation that makes attacking at the cap costly.

    So each player's automaton has :math:`1 + n\,(\mathrm{cap} + W)` states with
    :math:`n` players (those with :math:`m > K` are reached only after further
    blame when ``L > 0``). In an :math:`n`-player public good (sharing
    intelligence) the punished state contributes while the others withhold:
    the only way to single one state out when contributions benefit everyone.
    The punished state earns the sucker's payoff :math:`S` and its punisher the
    temptation :math:`T`: unlike collective retaliation after any blame, which
    burns :math:`R - P` for both, the punishment transfers value from the
    blamed state to the other, so the equilibrium path loses little even with
    frequent false flags. By Fudenberg, Levine & Maskin (1994) such
    transfers along the line :math:`v_0 + v_1 = \text{const}` are what pairwise
    full rank (:func:`~cybergames.repeated.folk_theorem_conditions`) makes
    possible, and what lets payoffs near :math:`(R, R)` be equilibrium payoffs.

    Parameters
    ----------
    K : int
        Rounds of punishment after a blame in cooperation, ``K >= 1``.
    L : int
        Rounds added by each further blame of the punished state, ``L >= 0``.
    cap : int
        The most rounds of punishment left at any time, ``cap >= K``.
    war : int, default 0
        Rounds of mutual attack after a blame of the punished state at the cap
        (``war >= 0``; 0: none, the punishment stays at ``cap``).
    players : tuple of str
        The player labels, 2 to 12 of them, as they appear in the signals
        (default ``("0", "1")``).
    cooperate, defect : str
        The action labels.

    Returns
    -------
    tuple of Automaton
        One automaton per player; with two players their transitions are
        tables over the four blame signals, with more a rule on the signal.

    Raises
    ------
    AutomatonError
        If ``K``, ``L``, ``cap`` or ``war`` is not an integer in range, the players are
        not 2 to 12 distinct labels, or the action labels are invalid.

    References
    ----------
    Fudenberg, Levine & Maskin, "The folk theorem with imperfect public
    information", *Econometrica* 62(5), 1994, section 5. Mailath & Samuelson,
    *Repeated Games and Reputations*, 2006, section 9.2.

    Examples
    --------
    >>> first, second = targeted_retaliation(2, 2, 3)
    >>> first.num_states, first.action("punish 0 2"), second.action("punish 0 2")
    (7, 'C', 'D')
    >>> first.next_state("cooperate", ("1",)), first.next_state("punish 1 2", ("1",))
    ('punish 1 2', 'punish 1 3')
    >>> first.next_state("punish 1 1", ("0",))
    'cooperate'
    >>> escalating, _ = targeted_retaliation(2, 2, 3, war=2)
    >>> escalating.num_states, escalating.next_state("punish 1 3", ("1",)), escalating.action("war 1 2")
    (11, 'war 1 2', 'D')
    >>> escalating.next_state("war 1 1", ()), escalating.next_state("punish 1 1", ("1",))
    ('punish 1 3', 'punish 1 2')
    """
    K = _count(K, "K", 1)
    L = _count(L, "L", 0)
    cap = _count(cap, "cap", 1)
    W = _count(war, "war", 0)
    if cap < K:
        raise AutomatonError(f"cap: expected an integer >= K = {K}, got {cap!r}")
    c, d = _labels(cooperate, defect)
    if not (isinstance(players, tuple) and 2 <= len(players) <= MAX_TARGETED_PLAYERS
            and all(isinstance(p, str) and p for p in players) and len(set(players)) == len(players)):
        raise AutomatonError(f"players: expected a tuple of 2 to {MAX_TARGETED_PLAYERS} distinct player labels, "
                             f"got {players!r}")
    punish = [f"{PUNISH} {p} {m}" for p in players for m in range(1, cap + 1)]
    wars = [f"{WAR} {p} {w}" for p in players for w in range(1, W + 1)]
    states = [COOPERATE] + punish + wars

    def transition(state: str, y: Any) -> str:
        blamed = [p for p in players if p in y]
        if state == COOPERATE:
            return f"{PUNISH} {blamed[0]} {K}" if len(blamed) == 1 else COOPERATE
        kind, p, count = state.rsplit(" ", 2)
        m = int(count)
        if kind == WAR:
            return f"{WAR} {p} {m - 1}" if m > 1 else f"{PUNISH} {p} {cap}"
        if W and p in blamed and m - 1 + L > cap:
            return f"{WAR} {p} {W}"
        left = min(m - 1 + L, cap) if p in blamed else m - 1
        return f"{PUNISH} {p} {left}" if left else COOPERATE

    if len(players) == 2:          # a table over the four blame signals
        signals = ((), (players[0],), (players[1],), players)
        table: Any = {(w, y): transition(w, y) for w in states for y in signals}
    else:                          # 2^n signals: the rule itself
        table = transition
    name = _name("targeted_retaliation", str(K), str(L), str(cap), *([f"war={W}"] if W else []),
                 *([f"players={players!r}"] if len(players) > 2 else []), _suffix(c, d))
    return tuple(Automaton(states, COOPERATE,
                           {COOPERATE: c, **{f"{PUNISH} {p} {m}": c if p == me else d
                                             for p in players for m in range(1, cap + 1)},
                            **{state: d for state in wars}},
                           table, name=name) for me in players)
