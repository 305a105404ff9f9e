r"""Multimarket contact: two states that meet on two issues pool their incentive constraints.

States that deal with each other on several issues (cyber restraint and trade,
vulnerability disclosure and law-enforcement cooperation) can link them: a
defection on either issue ends cooperation on both. Bernheim and Whinston
(1990) show what this does. Each issue :math:`k = 1, 2` is a symmetric
prisoner's dilemma with payoffs :math:`T_k > R_k > P_k > S_k` (cooperate C,
defect D). On its own, cooperation on issue :math:`k` under grim trigger needs

.. math:: (1 - \delta)(T_k - R_k) \le \delta (R_k - P_k)
          \iff \delta \ge \delta_k^* = \frac{T_k - R_k}{T_k - P_k}.

Linked, the stage game is the product of the two dilemmas (a state chooses its
action on each issue and earns the sum), and the joint grim trigger
cooperates on both until anyone defects on either, then defects on both for
ever. Defection is dominant on each issue, so mutual defection on both is the
*unique* stage equilibrium of the linked game: the punishment is credible on
its own, unlike forfeiting a relationship by a weakly dominated act. The best
deviation defects on both issues at once, and the constraints add up:

.. math:: (1 - \delta)\sum_k (T_k - R_k) \le \delta \sum_k (R_k - P_k)
          \iff \delta \ge \delta^*_{12} =
          \frac{(T_1 - R_1) + (T_2 - R_2)}{(T_1 - P_1) + (T_2 - P_2)} .

:math:`\delta^*_{12}` is the mediant of :math:`\delta_1^*` and
:math:`\delta_2^*`, so

* :math:`\min_k \delta_k^* \le \delta^*_{12} \le \max_k \delta_k^*`: linking never
  makes cooperation on *both* issues harder than keeping them apart;
* :math:`\delta^*_{12} < \max_k \delta_k^*` iff :math:`\delta_1^* \ne \delta_2^*`:
  slack in the easier issue sustains cooperation on the harder one;
* :math:`\delta^*_{12} = \delta_1^* = \delta_2^*` when the issues have the same
  threshold, in particular when they are identical: Bernheim and Whinston's
  *irrelevance* result (identical firms, identical markets: multimarket contact
  does not help).

With slack :math:`\sigma_k(\delta) = \delta(T_k - P_k) - (T_k - R_k)` (issue
:math:`k`'s constraint holds iff :math:`\sigma_k \ge 0`), the linked
constraint is :math:`\sigma_1 + \sigma_2 \ge 0`.

The analysis computes every threshold with the library
(:func:`~cybergames.repeated.sustainable_discount_factors` on each dilemma
with grim trigger and on the product game with the joint grim trigger); the
closed forms above are the tests' independent derivation.

References
----------
B. D. Bernheim and M. D. Whinston, "Multimarket contact and collusive
behavior", *RAND Journal of Economics* 21(1), 1990, 1–26.
J. W. Friedman, "A non-cooperative equilibrium for supergames", *Review of
Economic Studies* 38(1), 1971, 1–12.
J. Farrell and E. Maskin, "Renegotiation in repeated games", *Games and
Economic Behavior* 1(4), 1989, 327–360 (weak renegotiation-proofness).
E. van Damme, "Renegotiation-proof equilibria in repeated prisoners'
dilemma", *Journal of Economic Theory* 47(1), 1989, 206–217 (penitence).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, ClassVar, Iterable

import sympy

from .. import _numbers
from ..errors import ParameterError
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, show

__all__ = ["MultimarketContactModel", "linked_game", "joint_grim_trigger", "penitence", "RenegotiationCheck",
           "weakly_renegotiation_proof"]

ISSUES = (1, 2)
#: The named profile the model's condition is about.
PROFILE_NAME = "the joint grim trigger"
NAMES = tuple(f"{x}_{k}" for k in ISSUES for x in "TRPS")
#: The parameters as sympy symbols, named as the parameters.
SYMBOLS = {**{name: sympy.Symbol(name, real=True) for name in NAMES}, "delta": sympy.Symbol("delta", nonnegative=True)}


def linked_game(first: Any, second: Any) -> Any:
    """The product of two two-player stage games: each player picks an action in each, payoffs add.

    Actions are ``"a/b"`` (``a`` in ``first``, ``b`` in ``second``), in the order of ``first``'s
    actions within ``second``'s.

    >>> from cybergames import prisoners_dilemma
    >>> game = linked_game(prisoners_dilemma(5, 3, 1, 0), prisoners_dilemma(4, 3, 0, -1))
    >>> game.actions[0], game.payoff(("D/D", "C/C"))
    (('C/C', 'D/C', 'C/D', 'D/D'), (9, -1))
    """
    from ..games import NormalFormGame

    labels = [tuple(f"{a}/{b}" for b in second.actions[i] for a in first.actions[i]) for i in range(2)]
    index = [[(a, b) for b in range(len(second.actions[i])) for a in range(len(first.actions[i]))]
             for i in range(2)]
    payoffs = [[[first.payoffs[p][x[0], y[0]] + second.payoffs[p][x[1], y[1]] for y in index[1]]
                for x in index[0]] for p in range(2)]
    return NormalFormGame(payoffs, actions=labels)


def joint_grim_trigger() -> tuple:
    """Cooperate on both issues until anyone defects on either, then defect on both for ever (both players)."""
    from ..repeated import grim_trigger

    return (grim_trigger(cooperate="C/C", defect="D/D"),) * 2


def penitence(cooperate: str = "C/C", defect: str = "D/D") -> tuple:
    """Penitence (Farrell & Maskin 1989; van Damme 1989), one automaton per player.

    Cooperate until exactly one player deviates; then the deviator does penance
    (plays ``cooperate``) while the victim plays ``defect``, for one round,
    restarted as long as the deviator refuses it; then back to cooperation.

    >>> first, second = penitence()
    >>> first.action("penance_1"), second.action("penance_1")
    ('C/C', 'D/D')
    """
    from ..repeated import Automaton

    states = ("cooperate", "penance_1", "penance_2")

    def step(state: str, signal: Any) -> str:
        if state == "cooperate":
            deviated = [a != cooperate for a in signal]
            if deviated == [True, False]:
                return "penance_1"
            if deviated == [False, True]:
                return "penance_2"
            return "cooperate"
        penitent = int(state[-1]) - 1
        return "cooperate" if signal[penitent] == cooperate else state

    return tuple(Automaton(states, "cooperate",
                           {"cooperate": cooperate, "penance_1": cooperate if me == 0 else defect,
                            "penance_2": cooperate if me == 1 else defect}, step, name=f"penitence ({me + 1})")
                 for me in (0, 1))


@dataclass(frozen=True)
class RenegotiationCheck:
    """Weak renegotiation-proofness of a profile at one discount factor (Farrell & Maskin 1989).

    Attributes
    ----------
    holds : bool
        The profile is subgame perfect and no continuation state's values strictly
        Pareto-dominate another's.
    subgame_perfect : bool
        The one-shot deviation check at ``delta``.
    dominated : tuple
        The certificate of a failure: ``(better state, worse state)`` pairs whose value
        vectors are strictly Pareto-ranked (empty when none is).
    values : Values
        Every player's value in every reachable joint state.
    delta : number
    """

    holds: bool
    subgame_perfect: bool
    dominated: tuple
    values: Any = field(repr=False)
    delta: Any = None


def weakly_renegotiation_proof(rg: Any, profile: Any, delta: Any) -> RenegotiationCheck:
    r"""Whether ``profile`` is weakly renegotiation-proof at ``delta`` (Farrell & Maskin 1989).

    A subgame-perfect profile is *weakly renegotiation-proof* when no two of its
    continuation equilibria are strictly Pareto-ranked: otherwise the players,
    in the worse one, would agree to switch to the better. For a finite
    automaton the continuation equilibria are its reachable joint states, so the
    check compares the value vectors of every pair of them
    (:func:`cybergames.repeated.values`) after the one-shot deviation check.

    >>> from fractions import Fraction
    >>> from cybergames import prisoners_dilemma, RepeatedGame, grim_trigger
    >>> rg = RepeatedGame(prisoners_dilemma(5, 3, 1, 0))
    >>> check = weakly_renegotiation_proof(rg, (grim_trigger(),) * 2, Fraction(3, 5))
    >>> check.subgame_perfect, check.holds, len(check.dominated)
    (True, False, 1)
    """
    from ..repeated import check_equilibrium, values

    table = values(rg, profile, delta)
    spe = check_equilibrium(rg, profile, delta).holds
    columns = [tuple(row[k] for row in table.table) for k in range(len(table.states))]
    dominated = tuple((table.states[a], table.states[b]) for a in range(len(columns)) for b in range(len(columns))
                      if all(x > y for x, y in zip(columns[a], columns[b])))
    return RenegotiationCheck(holds=spe and not dominated, subgame_perfect=spe, dominated=dominated,
                              values=table, delta=delta)


@dataclass(frozen=True)
class MultimarketContactModel(Model):
    r"""Two states, two issues (two prisoner's dilemmas), linked or kept apart (Bernheim–Whinston).

    Parameters are ints or Fractions (exact results) or floats (float
    results); sympy symbols are refused. Each issue must be a strict dilemma,
    :math:`T_k > R_k > P_k > S_k`.

    Parameters
    ----------
    T_1, R_1, P_1, S_1 : number
        Issue 1 (e.g. restraint from cyber operations): temptation, reward, punishment, sucker's payoff;
        defaults 5, 3, 1 and 0.
    T_2, R_2, P_2, S_2 : number
        Issue 2 (e.g. trade or law-enforcement cooperation), likewise; defaults 4, 3, 0 and -1.
    delta : number, default 2/5
        The common discount factor, :math:`0 \le \delta < 1`.

    Raises
    ------
    ParameterError
        If a parameter is not a number, ``delta`` lies outside ``[0, 1)``, or an
        issue is not a strict prisoner's dilemma.

    Examples
    --------
    Issue 1 alone needs :math:`2/4`, issue 2 alone :math:`1/4`; linked, both need
    :math:`(2 + 1)/(4 + 4) = 3/8`:

    >>> model = MultimarketContactModel()
    >>> model.separate_thresholds(), model.pooled_threshold()
    ((Fraction(1, 2), Fraction(1, 4)), Fraction(3, 8))
    """

    T_1: Any = 5
    R_1: Any = 3
    P_1: Any = 1
    S_1: Any = 0
    T_2: Any = 4
    R_2: Any = 3
    P_2: Any = 0
    S_2: Any = -1
    delta: Any = Fraction(2, 5)

    key: ClassVar[str] = "multimarket"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "linking issues (multimarket contact)"

    def __post_init__(self) -> None:
        for name in NAMES:
            check_parameter(self, name, symbolic=False)
        check_parameter(self, "delta", lower=0, upper=1, upper_open=True, symbolic=False)
        for k in ISSUES:
            T, R, P, S = (getattr(self, f"{x}_{k}") for x in "TRPS")
            if not T > R > P > S:
                raise ParameterError(f"{type(self).__name__}: issue {k} must be a strict prisoner's dilemma, "
                                     f"T_{k} > R_{k} > P_{k} > S_{k}; got {show(T)}, {show(R)}, {show(P)}, {show(S)}")
        self._floats_throughout()

    # ------------------------------------------------------------ the games
    def issue_game(self, k: int):
        """Issue ``k``'s prisoner's dilemma (actions ``C``, ``D``)."""
        from ..games import prisoners_dilemma

        return prisoners_dilemma(*(getattr(self, f"{x}_{k}") for x in "TRPS"))

    def linked_game(self):
        """The product stage game of the two issues (actions ``"C/C"``, ``"D/C"``, ``"C/D"``, ``"D/D"``)."""
        return linked_game(self.issue_game(1), self.issue_game(2))

    # ------------------------------------------------------------ thresholds
    def separate_thresholds(self) -> tuple:
        r""":math:`(\delta_1^*, \delta_2^*)`: each issue alone under grim trigger, from the library."""
        from ..repeated import RepeatedGame, grim_trigger, sustainable_discount_factors

        return tuple(_numbers.simplify_exact(sustainable_discount_factors(
            RepeatedGame(self.issue_game(k)), (grim_trigger(),) * 2).infimum) for k in ISSUES)

    def pooled_threshold(self) -> Any:
        r""":math:`\delta^*_{12}`: both issues under the joint grim trigger, from the library (player 1's, = player 2's)."""
        from ..repeated import RepeatedGame, sustainable_discount_factors

        return _numbers.simplify_exact(sustainable_discount_factors(
            RepeatedGame(self.linked_game()), joint_grim_trigger()).infimum)

    def penitence_threshold(self, issues: tuple = ISSUES) -> Any:
        r"""The least δ for penitence on the given issues (both: linked), from the library; None if none.

        Closed form, with payoffs summed over the issues:
        :math:`\max\{(T - R)/(R - S),\ (P - S)/(R - S)\}`.
        """
        from ..repeated import RepeatedGame, sustainable_discount_factors

        if tuple(issues) == ISSUES:
            game, profile = self.linked_game(), penitence()
        else:
            (k,) = issues
            game, profile = self.issue_game(k), penitence("C", "D")
        found = sustainable_discount_factors(RepeatedGame(game), profile)
        return _numbers.simplify_exact(found.infimum) if found.is_interval_to_one else None

    def slack(self, k: int, delta: Any = None) -> Any:
        r"""Issue ``k``'s slack :math:`\delta(T_k - P_k) - (T_k - R_k)` at ``delta`` (default the model's)."""
        delta = self.delta if delta is None else delta
        T, R, P = (getattr(self, f"{x}_{k}") for x in "TRP")
        return _numbers.simplify_exact(delta * (T - P) - (T - R))

    @staticmethod
    def pooled_formula() -> sympy.Expr:
        """The closed form of the pooled threshold in the parameter symbols."""
        s = SYMBOLS
        return ((s["T_1"] - s["R_1"] + s["T_2"] - s["R_2"])
                / (s["T_1"] - s["P_1"] + s["T_2"] - s["P_2"]))

    def region_condition(self, free: Iterable[str] | None = None) -> sympy.Basic:
        r"""Cooperation on both linked issues, :math:`\sigma_1 + \sigma_2 \ge 0`, in the parameter symbols.

        Parameters named in ``free`` stay symbols (default: all); the others take the model's values.

        >>> MultimarketContactModel().region_condition(free=["delta"])
        delta >= 3/8
        """
        s = SYMBOLS
        slack = sum(s["delta"] * (s[f"T_{k}"] - s[f"P_{k}"]) - (s[f"T_{k}"] - s[f"R_{k}"]) for k in ISSUES)
        return self._region(sympy.Ge(slack, 0), free)

    def game_answer(self) -> Any:
        r"""What the linked game allows at the model's parameters, beyond the joint grim trigger.

        The folk-theorem conditions of the linked game (perfect monitoring:
        :func:`~cybergames.repeated.folk_theorem_conditions`, Fudenberg & Maskin
        1986). The least δ at which cooperation on both issues in every period is a
        subgame perfect outcome under any strategies, certified at both ends
        (``cybergames/models/_game_path.py``): no equilibrium holds a state below
        its minmax value :math:`P_1 + P_2`, and reverting to mutual defection on
        both, the stage equilibrium, attains it, so the bound is exact and equal
        to the joint grim trigger's :math:`\delta^*_{12}` (that trigger's
        punishment *is* the minmax). Also the better of the joint grim trigger
        and penitence at δ, checked exactly. Exact parameters with
        :math:`0 < \delta < 1` only.

        Examples
        --------
        >>> answer = MultimarketContactModel().game_answer()
        >>> answer.bracket.lower, answer.bracket.exact, answer.best.name, answer.folk.holds
        (Fraction(3, 8), True, 'the joint grim trigger', True)
        """
        from ..games import NormalFormGame
        from ..repeated import (RepeatedGame, check_equilibrium, folk_theorem_conditions,
                                sustainable_discount_factors, values)
        from ._game import ExplicitEquilibrium, GameAnswer, answerable, first_found
        from ._game_path import path_threshold
        cooperation = (self.R_1 + self.R_2,) * 2
        if not answerable(self):
            return GameAnswer(PROFILE_NAME, cooperation, None, None, None, "",
                              notes=("the game's answer is computed for exact parameters with 0 < δ < 1 only",))
        linked = self.linked_game()
        rg = RepeatedGame(NormalFormGame(linked.payoffs, actions=linked.actions, players=("state 1", "state 2")))
        candidates = [("the joint grim trigger", joint_grim_trigger()), ("penitence", penitence())]

        def search(delta: Any) -> Any:
            found = []
            for name, profile in candidates:
                if check_equilibrium(rg, profile, delta).holds:
                    worth = tuple(values(rg, profile, delta).initial)
                    found.append((sum(worth), name, profile, worth))
            if not found:
                return None
            _, name, profile, worth = max(found, key=lambda row: row[0])
            return ExplicitEquilibrium(name, profile, delta, worth, sustainable_discount_factors(rg, profile),
                                       "one-shot deviation principle at every state, exact arithmetic")

        best, patient = first_found(search, self.delta, (Fraction(9, 10), Fraction(19, 20)))
        return GameAnswer(PROFILE_NAME, cooperation, folk_theorem_conditions(rg), best, patient,
                          "the joint grim trigger and penitence",
                          notes=("payoff-set bounds not computed in the analysis",), bracket=path_threshold(rg))

    # --------------------------------------------------------------- analysis
    def analyse(self) -> ModelAnalysis:
        """Each issue alone, the two linked, the slack each lends the other, and Bernheim–Whinston's irrelevance.

        Returns
        -------
        ModelAnalysis
            Conditions: cooperation on both linked issues (joint grim trigger);
            each issue's own threshold is in the findings and ``details``.
            Remedies: how tempting issue 2 may be, and how much it is worth,
            for the linked threshold. ``details``: ``linked_game``,
            ``separate`` and ``pooled`` (the library's δ-sets), ``check``
            (one-shot deviations of the joint grim trigger at δ),
            ``renegotiation`` (its :class:`RenegotiationCheck`),
            ``penitence_threshold`` and ``penitence_renegotiation`` (the same
            for penitence on the linked issues).
        """
        from ..equilibria import nash_equilibria
        from ..repeated import RepeatedGame, check_equilibrium, grim_trigger, sustainable_discount_factors

        s, delta = SYMBOLS, self.delta
        linked = RepeatedGame(self.linked_game())
        separate_sets = tuple(sustainable_discount_factors(RepeatedGame(self.issue_game(k)), (grim_trigger(),) * 2)
                              for k in ISSUES)
        pooled_set = sustainable_discount_factors(linked, joint_grim_trigger())
        d1, d2 = (_numbers.simplify_exact(x.infimum) for x in separate_sets)
        d12 = _numbers.simplify_exact(pooled_set.infimum)
        stage = nash_equilibria(linked.stage)
        details = {"linked_game": linked, "separate": separate_sets, "pooled": pooled_set, "stage_equilibria": stage,
                   "check": check_equilibrium(linked, joint_grim_trigger(), delta)}
        slack = tuple(self.slack(k) for k in ISSUES)
        alone = tuple(delta in x for x in separate_sets)
        both = delta in pooled_set
        hard, easy = (1, 2) if d1 >= d2 else (2, 1)
        equal = d1 == d2
        words = {True: "holds", False: "fails"}
        findings = [
            f"On its own each issue is a prisoner's dilemma: cooperation on issue k under grim trigger needs "
            f"delta >= (T_k - R_k)/(T_k - P_k), i.e. delta >= {show(d1)} on issue 1 and delta >= {show(d2)} on "
            f"issue 2; at delta = {show(delta)} it {words[alone[0]]} on issue 1 and {words[alone[1]]} on issue 2.",
            f"Linked, a defection on either issue ends cooperation on both. Defection is dominant on each issue, "
            f"so mutual defection on both is the unique stage equilibrium of the linked game: the "
            f"punishment needs no dominated act. The best deviation defects on "
            f"both issues at once, and the two constraints add up: cooperation on both needs delta >= "
            f"((T_1 - R_1) + (T_2 - R_2))/((T_1 - P_1) + (T_2 - P_2)) = {show(d12)}, which "
            f"{words[both]} at delta = {show(delta)}.",
            f"The slack delta (T_k - P_k) - (T_k - R_k) is {show(slack[0])} on issue 1 and {show(slack[1])} on "
            f"issue 2; linked cooperation needs only their sum, {show(_numbers.simplify_exact(sum(slack)))}, to be "
            f"non-negative.",
        ]
        if equal:
            findings.append(
                f"The issues have the same threshold ({show(d1)}), so linking changes nothing: the linked threshold "
                f"equals both (Bernheim & Whinston's irrelevance result for identical firms and markets).")
        else:
            findings.append(
                f"The issues differ (thresholds {show(d1)} and {show(d2)}), so linking strictly lowers the "
                f"discount factor needed to cooperate on both, from {show(max(d1, d2))} to {show(d12)}: the slack of "
                f"issue {easy} sustains cooperation on issue {hard} (Bernheim & Whinston 1990). It never goes below "
                f"{show(min(d1, d2))}, issue {easy}'s own threshold.")
            if both and not alone[hard - 1]:
                findings.append(f"At delta = {show(delta)} issue {hard} is cooperative only because it is linked.")
        grim_rp = weakly_renegotiation_proof(linked, joint_grim_trigger(), delta)
        pen = self.penitence_threshold()
        pen_rp = weakly_renegotiation_proof(linked, penitence(), delta)
        details.update(renegotiation=grim_rp, penitence_threshold=pen, penitence_renegotiation=pen_rp)
        findings.append(
            ("The joint grim trigger is not weakly renegotiation-proof (Farrell & Maskin 1989): after a defection "
             "both states would rather renegotiate back to cooperation than punish for ever. "
             if grim_rp.dominated else "") + "Penitence, where "
            "the defector cooperates on both issues while the victim defects on both until the defector has "
            "done one round of penance, has no Pareto-ranked continuations; linked, it is an equilibrium iff "
            "delta >= max((T - R)/(R - S), (P - S)/(R - S)) with payoffs summed over the issues, "
            + (f"= {show(pen)}, and at delta = {show(delta)} it is "
               + ("weakly renegotiation-proof." if pen_rp.holds else "not an equilibrium.")
               if pen is not None else "which this strategy does not meet below 1 here."))
        conditions = (
            Condition("both issues linked: joint grim trigger (condition for that profile)",
                      sympy.Ge(s["delta"], self.pooled_formula()), d12, both,
                      "Cooperation on both issues, with any defection answered by defection on both for ever: the "
                      "sum of the two issues' temptations must not exceed what future cooperation on both is "
                      "worth. Each issue kept apart needs its own threshold (the findings); linking needs only "
                      "this one."),
        )
        floats = isinstance(delta, float)
        gain = self.T_2 - self.R_2
        temptations = sorted({self.R_2 + gain * (float(m) if floats else m)
                              for m in (Fraction(1, 4), Fraction(1, 2), 1, 2, 4)})
        rewards = sorted({self.P_2 + (self.T_2 - self.P_2) * (float(m) if floats else m)
                          for m in (Fraction(1, 4), Fraction(1, 2), Fraction(3, 4), Fraction(7, 8))} | {self.R_2})
        remedies = (
            Remedy("linking a less tempting issue: issue 2's temptation", "T_2",
                   "The less an issue tempts (the smaller T_2 - R_2), the more slack it lends the linked issues "
                   "and the lower the discount factor needed for both. Table: T_2 -> linked threshold.",
                   tuple((t, self.replace(T_2=t).pooled_threshold()) for t in temptations),
                   column="linked threshold δ*₁₂"),
            Remedy("linking a more valuable issue: issue 2's reward", "R_2",
                   "The more cooperation on issue 2 is worth (R_2 - P_2, with T_2 fixed), the more the future of "
                   "both issues deters. Table: R_2 -> linked threshold.",
                   tuple((r, self.replace(R_2=r).pooled_threshold()) for r in rewards),
                   column="linked threshold δ*₁₂"),
        )
        summary = (f"Two states meet on two issues, each a prisoner's dilemma (issue 1: T, R, P, S = {show(self.T_1)}, "
                   f"{show(self.R_1)}, {show(self.P_1)}, {show(self.S_1)}; issue 2: {show(self.T_2)}, "
                   f"{show(self.R_2)}, {show(self.P_2)}, {show(self.S_2)}; delta = {show(delta)}), kept apart or "
                   f"linked (Bernheim & Whinston 1990).")
        from ._game import _lead, brief, folk_sentence, path_sentence
        answer = self.game_answer()
        if answer.folk is not None:
            findings.append(_lead(PROFILE_NAME, folk_sentence(answer.folk, answer.cooperation)))
        if answer.bracket is not None:
            findings.append(_lead(PROFILE_NAME, path_sentence(answer.bracket, (delta, delta),
                                                              "cooperation on both issues", "subgame perfect")))
        found = answer.best or answer.patient
        if found is not None:
            least = "" if found.least_delta is None else f", for every δ ≥ {brief(found.least_delta)}"
            findings.append(_lead(PROFILE_NAME, (
                f"the better of the joint grim trigger and penitence at δ = {show(found.delta)} is {found.name}, an "
                f"exact subgame perfect equilibrium ({found.method}) worth {brief(found.value[0])} per state{least}."
                if answer.best is not None else
                f"neither the joint grim trigger nor penitence is an equilibrium at δ = {show(delta)}, which "
                f"certifies nothing about other profiles; {found.name} is one at δ = {show(found.delta)}{least}.")))
        return ModelAnalysis(self, self.obstacle, summary, tuple(findings), conditions, remedies, details, game=answer)
