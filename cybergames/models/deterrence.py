r"""Deterrence with imperfect attribution: who attacks when retaliation may hit the wrong attacker (after BBW 2020).

Baliga, Bueno de Mesquita and Wolitzky (2020) model deterrence when an attack
cannot be attributed with certainty. This model is their game in the
simplified form solved by :func:`cybergames.bayesian.attribution_game` (stated
in full there): one of two attackers, each with probability 1/2, gets the
chance to attack; its benefit :math:`x_i` is private and uniform on
:math:`[0, 1]`. An attack is *detected* with probability :math:`d` and then
*identified* correctly with probability :math:`\alpha` (it points at the other
attacker otherwise); without an attack a *false alarm* points at each attacker
with probability :math:`r`. So an attack by :math:`i` points at :math:`i` with
probability :math:`q = d\alpha` and at the other with :math:`m = d(1 - \alpha)`.
After a signal pointing at :math:`i` the defender retaliates with probability
:math:`\rho_i = v\beta_i` (its gain :math:`v` from hitting the guilty times its
posterior :math:`\beta_i`, against a cost uniform on [0, 1]); retaliation costs
its target :math:`L`. Attacker :math:`i` attacks iff :math:`x_i > c_i = L(q - r)\rho_i`.

**The equilibrium** (derived here). The attackers' problems are symmetric and
the equilibrium is unique (BBW 2020 prove uniqueness for their model; here certified at exact
parameters by enumerating every fixed point, asymmetric ones included), so
:math:`c_1 = c_2 = c` with attack probability :math:`p = 1 - c`, and
:math:`\beta = pq/(pd + 2(1 - p)r)`. With :math:`K = Lv(q - r)q`, the cutoff
:math:`c = K(1 - c)/((1 - c)d + 2rc)` is the root in :math:`(0, 1)` of

.. math:: F(c) = (2r - d)\,c^2 + (d + K)\,c - K = 0,
          \qquad c^* = \frac{2K}{d + K + \sqrt{(d - K)^2 + 8rK}} \quad (q \ge r),

and :math:`c^* = 0` (everyone attacks) when :math:`q < r`. :math:`F(0) = -K < 0 < 2r = F(1)`,
so :math:`F_c > 0` at :math:`c^*`.

**Comparative statics** (the implicit function theorem on :math:`F`,
:math:`dc/d\theta = -F_\theta / F_c`; derived here, matching BBW's
results on detection, false alarms and misidentification). A larger
retaliation loss :math:`L` (or value :math:`v`) raises :math:`K`
(:math:`F_K = c - 1 < 0`): fewer attacks. Fewer false alarms:
:math:`F_r = 2c^2 + Lvq(1 - c) > 0`, so a lower :math:`r` raises :math:`c`.
Better detection at a fixed identification rate: :math:`F_d = (1 - c)(c - Lv\alpha(2q - r)) < 0`
because :math:`c \le Lv\alpha(q - r)`: fewer attacks. Better identification:
:math:`F_\alpha = -(1 - c)Lvd(2q - r) < 0`: fewer attacks.

**Strategic complementarity** (BBW 2020). If one attacker attacks more
(say, it fears retaliation less), the other becomes less suspect, is
retaliated against less, and attacks more too;
:meth:`DeterrenceModel.asymmetric_equilibrium` solves the game with a
different loss for attacker 1 and shows it.

**When better attribution raises attacks.** Detecting *more attacks whose
author cannot be identified* — :math:`d` up with :math:`q = d\alpha` fixed, so
every new detection points at the innocent attacker — has
:math:`F_d = c(1 - c) > 0`, so :math:`dc/dd = -c(1 - c)/F_c < 0`: attacks rise.
The new signals implicate the innocent as often as the guilty, so the
defender's posterior after a signal falls, it retaliates less often, and the
threat that deterred the marginal attacker weakens. This is BBW's finding that
"detecting more attacks where the attacker is difficult to identify" backfires;
its mirror, replacing misidentification with non-detection, deters.

References
----------
S. Baliga, E. Bueno de Mesquita and A. Wolitzky, "Deterrence with imperfect
attribution", *American Political Science Review* 114(4), 2020, 1155–1178
(the model; the uniqueness of equilibrium and the comparative statics in attribution, as the
abstract states them).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Iterable

import sympy

from .. import _numbers
from ..errors import ParameterError
from ._base import Condition, Model, ModelAnalysis, Remedy, check_parameter, show

__all__ = ["DeterrenceModel"]

#: The parameters as sympy symbols, named as the parameters.
SYMBOLS = {name: sympy.Symbol(name, positive=True)
           for name in ("detection", "identification", "false_alarm", "loss", "value", "tolerated")}

#: The comparative statics the model reports: name -> what moves (``"misidentified"``: d up at q fixed).
SENSITIVITIES = ("detection", "identification", "false_alarm", "loss", "value", "misidentified")


def _sqrt(x: Any) -> Any:
    """The square root of a non-negative number: a Fraction when it is one, else sympy (exact) or float."""
    if isinstance(x, float):
        return math.sqrt(x)
    x = Fraction(x)
    n, m = math.isqrt(x.numerator), math.isqrt(x.denominator)
    if n * n == x.numerator and m * m == x.denominator:
        return Fraction(n, m)
    return sympy.sqrt(sympy.Rational(x.numerator, x.denominator))


def _tidy(value: Any) -> Any:
    """An exact result in its simplest kind: int, Fraction, or a sympy number ``a + b sqrt(n)`` (radicals cleared)."""
    if isinstance(value, sympy.Basic):
        value = sympy.expand(value)
        if any(power.exp.is_negative for power in value.atoms(sympy.Pow)):
            value = sympy.expand(sympy.radsimp(value))
        return _numbers.simplify_exact(_numbers.from_sympy(value))
    return _numbers.simplify_exact(value)


#: The report's verdict line (``cybergames.report._build.VERDICT_WIDTH``; models do not import the report).
VERDICT_WIDTH = 82


def _fits(head: str, tail: str) -> str:
    """``head + tail`` if it fits on the report's verdict line, else ``head``."""
    return head + tail if len(head + tail) <= VERDICT_WIDTH else head


@dataclass(frozen=True)
class DeterrenceModel(Model):
    r"""Baliga, Bueno de Mesquita and Wolitzky's deterrence with imperfect attribution (two attackers).

    Parameters are ints or Fractions (exact results; square roots stay exact)
    or floats (float results); sympy symbols are refused.

    Parameters
    ----------
    detection : number, default 9/10
        :math:`d \in (0, 1]`, the probability that an attack is detected.
    identification : number, default 2/3
        :math:`\alpha \in [0, 1]`, the probability that a detected attack points at its author.
    false_alarm : number, default 1/10
        :math:`r \in (0, 1/2]`, the probability that, without an attack, a signal points at a given attacker.
    loss : number, default 3/2
        :math:`L > 0`, what retaliation costs its target (in units of the largest benefit of attacking).
    value : number, default 1
        :math:`v \in (0, 1]`, the defender's gain from retaliating against the guilty.
    tolerated : number, default 1/2
        :math:`\tau \in (0, 1)`, the attack probability the defender's deterrence aims to stay within.

    Raises
    ------
    ParameterError
        If a parameter is not a number or lies outside its range.

    Examples
    --------
    :math:`q = 3/5`, :math:`K = (3/2)(1/2)(3/5) = 9/20`: :math:`14c^2 - 27c + 9 = 0`, so :math:`c^* = 3/7`:

    >>> model = DeterrenceModel()
    >>> model.cutoff(), model.attack_probability(), model.retaliation_probability()
    (Fraction(3, 7), Fraction(4, 7), Fraction(4, 7))
    >>> model.sensitivity("misidentified")      # more misidentified detections: more attacks
    Fraction(16, 49)
    """

    detection: Any = Fraction(9, 10)
    identification: Any = Fraction(2, 3)
    false_alarm: Any = Fraction(1, 10)
    loss: Any = Fraction(3, 2)
    value: Any = 1
    tolerated: Any = Fraction(1, 2)

    key: ClassVar[str] = "deterrence"
    symbols: ClassVar[dict] = SYMBOLS
    obstacle: ClassVar[str] = "deterrence with imperfect attribution"

    def __post_init__(self) -> None:
        check_parameter(self, "detection", lower=0, upper=1, lower_open=True, symbolic=False)
        check_parameter(self, "identification", lower=0, upper=1, symbolic=False)
        check_parameter(self, "false_alarm", lower=0, upper=Fraction(1, 2), lower_open=True, symbolic=False)
        check_parameter(self, "loss", lower=0, lower_open=True, symbolic=False)
        check_parameter(self, "value", lower=0, upper=1, lower_open=True, symbolic=False)
        check_parameter(self, "tolerated", lower=0, upper=1, lower_open=True, upper_open=True, symbolic=False)
        self._floats_throughout()

    # ------------------------------------------------------------ closed forms
    def _parts(self, **changes: Any) -> tuple:
        m = self.replace(**changes) if changes else self
        d, a, r, L, v = m.detection, m.identification, m.false_alarm, m.loss, m.value
        q = d * a
        return d, a, r, L, v, q, L * v * (q - r) * q

    def cutoff(self, **changes: Any) -> Any:
        r"""The equilibrium cutoff :math:`c^* = 2K/(d + K + \sqrt{(d - K)^2 + 8rK})` (0 when :math:`q < r`)."""
        d, a, r, L, v, q, K = self._parts(**changes)
        if K <= 0:
            return 0.0 if isinstance(d, float) else 0
        root = _sqrt((d - K) ** 2 + 8 * r * K)
        if isinstance(root, sympy.Basic) and 2 * r != d:        # (-(d + K) + sqrt(D))/(2(2r - d)): a + b sqrt(n)
            return _tidy((root - d - K) / (2 * (2 * r - d)))
        c = 2 * K / (d + K + root)
        return c if isinstance(c, float) else _tidy(c)

    def attack_probability(self, **changes: Any) -> Any:
        """Each attacker's probability of attacking when it has the chance, :math:`p = 1 - c^*`."""
        p = 1 - self.cutoff(**changes)
        return p if isinstance(p, float) else _tidy(p)

    def retaliation_probability(self, **changes: Any) -> Any:
        r"""The probability of retaliating after a signal, :math:`\rho = v\,pq/(pd + 2(1 - p)r)`."""
        d, a, r, L, v, q, K = self._parts(**changes)
        p = self.attack_probability(**changes)
        rho = v * p * q / (p * d + 2 * (1 - p) * r)
        return rho if isinstance(rho, float) else _tidy(rho)

    def sensitivity(self, parameter: str, **changes: Any) -> Any:
        r"""The derivative of the attack probability in one parameter, :math:`dp/d\theta = F_\theta/F_c`.

        ``parameter`` is one of ``detection`` (at a fixed identification rate),
        ``identification``, ``false_alarm``, ``loss``, ``value`` or
        ``misidentified`` (detection up with :math:`q = d\alpha` fixed: every
        new detection points at the innocent attacker). Negative: the change
        deters. Zero where nobody is deterred (:math:`q < r`).

        Raises
        ------
        ParameterError
            For another name.
        """
        if parameter not in SENSITIVITIES:
            raise ParameterError(f"parameter: expected one of {list(SENSITIVITIES)}, got {parameter!r}")
        d, a, r, L, v, q, K = self._parts(**changes)
        if K < 0:
            return 0.0 if isinstance(d, float) else 0
        c = self.cutoff(**changes)
        F_c = 2 * (2 * r - d) * c + d + K
        F_K, F_d, F_r = c - 1, c * (1 - c), 2 * c * c
        F_theta = {"detection": F_d + F_K * L * v * a * (2 * q - r),
                   "identification": F_K * L * v * d * (2 * q - r),
                   "false_alarm": F_r - F_K * L * v * q,
                   "loss": F_K * v * (q - r) * q,
                   "value": F_K * L * (q - r) * q,
                   "misidentified": F_d}[parameter]
        derivative = F_theta / F_c
        return derivative if isinstance(derivative, float) else _tidy(derivative)

    def equilibrium(self):
        """:func:`cybergames.bayesian.attribution_game` at the model's parameters: every fixed point, certified.

        At exact parameters the list of equilibria is complete (asymmetric ones included) and
        ``solution.unique`` says whether there is one; at float parameters uniqueness is not certified.
        """
        from ..bayesian.attribution import attribution_game

        return attribution_game(self.detection, self.identification, self.false_alarm, self.loss, self.value)

    def asymmetric_equilibrium(self, loss_1: Any):
        r"""Every equilibrium when retaliation costs attacker 1 ``loss_1`` instead of :math:`L` (attacker 2 keeps :math:`L`).

        The strategic complementarity of BBW (2020): an attacker that fears
        retaliation less attacks more, which makes the other attacker less
        suspect, so it is retaliated against less and attacks more too. (Here an
        attack by :math:`j` raises the chance of a signal against :math:`i` by
        :math:`m` and removes a false-alarm chance :math:`r`, so the
        complementarity needs :math:`m \ge r`.)

        Returns
        -------
        cybergames.bayesian.CutoffEquilibria
            All fixed points of the two cutoffs (complete and exact at exact
            parameters; a few seconds, as the roots are algebraic), which
            :func:`cybergames.verify` re-checks.

        Raises
        ------
        ParameterError
            If ``loss_1`` is not a positive number.

        Examples
        --------
        >>> from fractions import Fraction
        >>> solution = DeterrenceModel().asymmetric_equilibrium(Fraction(3, 2))   # L_1 = L: the symmetric case
        >>> solution.equilibria[0].cutoffs, solution.unique
        ((Fraction(3, 7), Fraction(3, 7)), True)
        """
        from ..bayesian import cutoff_equilibria
        from ..bayesian.attribution import (DETECT, FALSE_ALARM, IDENTIFY, LOSS, VALUE,
                                            attribution_best_responses)

        loss_1 = _numbers.normalise(loss_1, "loss_1", ParameterError)
        if isinstance(loss_1, sympy.Basic) or not loss_1 > 0:
            raise ParameterError(f"loss_1: expected a positive number, got {loss_1!r}")
        if isinstance(self.detection, float):
            loss_1 = float(loss_1)
        (first, second), cutoffs = attribution_best_responses()
        own = sympy.Symbol("L_1", positive=True)
        values = {DETECT: self.detection, IDENTIFY: self.identification, FALSE_ALARM: self.false_alarm,
                  LOSS: self.loss, VALUE: self.value, own: loss_1}
        return cutoff_equilibria((first.subs(LOSS, own), second), cutoffs, (0, 1), parameters=values)

    def region_condition(self, free: Iterable[str] | None = None) -> sympy.Basic:
        r"""Attacks within the tolerated level, :math:`p^* \le \tau`, as a relation in the parameters.

        :math:`F` is increasing through its root, so :math:`c^* \ge 1 - \tau` iff
        :math:`F(1 - \tau) \le 0`, i.e. :math:`K\tau \ge (1 - \tau)(d\tau + 2r(1 - \tau))`.
        Parameters named in ``free`` stay symbols (default: all); the others take the model's values.

        >>> DeterrenceModel().region_condition(free=["loss"])
        loss >= 11/6
        """
        s = SYMBOLS
        d, r, tau = s["detection"], s["false_alarm"], s["tolerated"]
        q = d * s["identification"]
        K = s["loss"] * s["value"] * (q - r) * q
        region = sympy.Ge(K * tau, (1 - tau) * (d * tau + 2 * r * (1 - tau)))
        return self._region(region, free)

    def least_loss(self) -> Any:
        r"""The least retaliation loss :math:`L` that keeps attacks within :math:`\tau`: :math:`p^* \le \tau` iff
        :math:`L \ge (1 - \tau)(d\tau + 2r(1 - \tau))/(\tau v (q - r) q)` (None when :math:`q \le r`: no loss deters).

        >>> DeterrenceModel().least_loss()
        Fraction(11, 6)
        """
        d, a, r, L, v, q, K = self._parts()
        tau = self.tolerated
        if not q > r:
            return None
        return _tidy(_numbers.ratio((1 - tau) * (d * tau + 2 * r * (1 - tau)), tau * v * (q - r) * q))

    def payoffs(self, cutoffs: tuple) -> tuple:
        r"""The two attackers' expected payoffs when attacker :math:`i` attacks iff :math:`x_i > c_i`.

        Before nature picks who has the opportunity (each with probability 1/2) and
        its benefit :math:`x_i \sim U[0, 1]`, attacker :math:`i` expects

        .. math:: U_i = \tfrac12\Bigl[\tfrac{1 - c_i^2}{2} - (1 - c_i)Lq\rho_i - c_iLr\rho_i\Bigr]
                  - \tfrac12 L\rho_i\bigl[p_jm + (1 - p_j)r\bigr],

        with :math:`p_j = 1 - c_j` and the defender's best reply
        :math:`\rho_i = v\,p_iq/(p_iq + p_jm + (2 - p_i - p_j)r)`.

        >>> DeterrenceModel().payoffs((Fraction(3, 7), Fraction(3, 7)))
        (Fraction(-13, 245), Fraction(-13, 245))
        """
        d, a, r, L, v, q, K = self._parts()
        m = d - q
        p = tuple(1 - c for c in cutoffs)
        out = []
        for i in (0, 1):
            j = 1 - i
            signals = p[i] * q + p[j] * m + (2 - p[i] - p[j]) * r
            rho = v * p[i] * q / signals if signals != 0 else 0 * v
            c = cutoffs[i]
            own = (1 - c * c) / 2 - (1 - c) * L * q * rho - c * L * r * rho
            other = L * rho * (p[j] * m + (1 - p[j]) * r)
            value = (own - other) / 2
            out.append(value if isinstance(value, float) else _tidy(value))
        return tuple(out)

    def _verdict(self, unique: Any) -> str:
        """The one-line verdict: sustainable or not, by which equilibrium, and the condition that binds."""
        p, tau, c = self.attack_probability(), self.tolerated, self.cutoff()
        within = bool(sympy.sympify(_numbers.to_sympy(p) <= _numbers.to_sympy(tau)))
        head = {True: "sustainable", False: "not sustainable", None: "undecided"}[
            None if unique is None and within else bool(within and unique)]
        which = "unique equilibrium" if unique else "equilibrium"
        least = self.least_loss()
        if least is None:
            return f"{head}: q ≤ r, so in the {which} no type is deterred (p* = 1); binds: q > r"
        return _fits(f"{head}: {which} c* = {show(c)}, p* = {show(p)} {'≤' if within else '>'} τ = {show(tau)}",
                     f"; binds: L ≥ {show(least)}")

    def game_answer(self) -> Any:
        r"""The game's answer: every equilibrium, certified (exact parameters only; None for floats).

        Each attacker's best reply to any retaliation rule is a cutoff in its
        benefit (its payoff is linear in :math:`x_i`), and the defender's best
        reply to any attack probabilities is a cutoff in its cost, so every
        equilibrium is a fixed point of the two attackers' cutoffs;
        :meth:`equilibrium` enumerates them all exactly. When there is one, the
        named equilibrium *is* the game's answer.

        Examples
        --------
        >>> answer = DeterrenceModel().game_answer()
        >>> answer.complete, answer.best.value, answer.certificate[:28]
        (True, (Fraction(-13, 245), Fraction(-13, 245)), 'unique: every fixed point of')
        """
        from ._game import ExplicitEquilibrium, one_shot_answer

        if isinstance(self.detection, float):
            return None
        eq = self.equilibrium()
        found = []
        for point in eq.solution.equilibria:
            cutoffs = tuple(_tidy(_numbers.from_sympy(c)) if isinstance(c, sympy.Basic) else c
                            for c in point.cutoffs)
            attacks = tuple(_tidy(1 - c) for c in cutoffs)
            name = (f"each attacker attacks iff its benefit exceeds c* = {show(cutoffs[0])} (probability "
                    f"{show(attacks[0])})" if cutoffs[0] == cutoffs[1] else
                    f"attacker 1 attacks iff its benefit exceeds {show(cutoffs[0])}, attacker 2 iff it exceeds "
                    f"{show(cutoffs[1])}")
            found.append(ExplicitEquilibrium(name, cutoffs, None, self.payoffs(cutoffs), None,
                                             "a fixed point of the two attackers' best-reply cutoffs with the "
                                             "defender's best reply substituted, exact arithmetic"))
        unique = eq.solution.unique
        certificate = ((f"unique: every fixed point of the two attackers' best-reply cutoffs was enumerated exactly, "
                        f"asymmetric ones included, and every equilibrium is one, since each player's best reply "
                        f"to anything is a cutoff" if unique else
                        f"all {len(found)} fixed points of the two attackers' best-reply cutoffs, enumerated exactly"))
        return one_shot_answer(f"the cutoff equilibrium (c* = {show(self.cutoff())})", tuple(found), certificate,
                               "every Bayesian Nash equilibrium (the complete set of fixed points of the cutoffs)",
                               (0, 0), self._verdict(unique),
                               notes=("values: the two attackers' expected payoffs (in this simplified model the "
                                      "defender's payoff is its retaliation gain only)",))

    # --------------------------------------------------------------- analysis
    def _scale(self, values: Iterable[Any]) -> list:
        floats = isinstance(self.detection, float)
        return [float(x) if floats else x for x in values]

    def analyse(self) -> ModelAnalysis:
        """The equilibrium, its uniqueness, the comparative statics, and the attribution change that backfires.

        Returns
        -------
        ModelAnalysis
            Conditions: retaliation deters at all (:math:`q > r`); the equilibrium
            is unique; attacks within the tolerated level. Remedies (each a table
            of the attack probability): detection, identification, false alarms,
            the retaliation loss, and detecting misidentified attacks (which
            raises attacks). ``details``: ``equilibrium`` (the
            :class:`~cybergames.bayesian.AttributionEquilibrium` with every fixed
            point, which :func:`cybergames.verify` re-checks through
            ``equilibrium.solution``) and ``sensitivities``.
        """
        s = SYMBOLS
        d, a, r, L, v, tau = (self.detection, self.identification, self.false_alarm, self.loss, self.value,
                              self.tolerated)
        exact = not isinstance(d, float)
        q, m = (_tidy(d * a), _tidy(d * (1 - a))) if exact else (d * a, d * (1 - a))
        c, p, rho = self.cutoff(), self.attack_probability(), self.retaliation_probability()
        eq = self.equilibrium()
        count, unique = len(eq.solution.equilibria), eq.solution.unique
        slopes = {name: self.sensitivity(name) for name in SENSITIVITIES}
        deters = q > r
        within = bool(sympy.sympify(_numbers.to_sympy(p) <= _numbers.to_sympy(tau)))
        tie = _numbers.to_sympy(p) == _numbers.to_sympy(tau)
        findings = [
            f"An attack is detected with probability d = {show(d)} and then identified with probability "
            f"α = {show(a)}: it points at its author with probability q = dα = {show(q)} and at the innocent "
            f"attacker with m = d(1 - α) = {show(m)}; a false alarm points at each attacker with probability "
            f"r = {show(r)}. Retaliation costs its target L = {show(L)} (Baliga, Bueno de Mesquita & "
            f"Wolitzky 2020).",
            (f"In equilibrium each attacker attacks iff its benefit exceeds c* = {show(c)}, so with probability "
             f"p* = {show(p)} when it has the chance; the defender retaliates after a signal with probability "
             f"ρ = {show(rho)}. The cutoff is the root in (0, 1) of (2r - d) c² + (d + K) c - K = 0 with "
             f"K = L v (q - r) q." if deters else
             f"Here q <= r: an attacker is no likelier to be blamed when it attacks than when it does not, so "
             f"retaliation deters nobody and every type attacks (p* = {show(p)})."),
            ("The equilibrium is unique: every fixed point of the two attackers' cutoffs was enumerated exactly "
             f"(asymmetric ones included) and there is {count}, as BBW prove for their model."
             if unique else
             f"The fixed points of the two attackers' cutoffs found: {count}; uniqueness is "
             + ("not certified at float parameters (BBW prove it for their model)."
                if unique is None else "refuted here.")),
            (f"Better attribution of the kinds BBW single out deters: the attack probability falls with "
             f"detection at a fixed identification rate (dp*/dd = {show(slopes['detection'])}), with identification "
             f"(dp*/dα = {show(slopes['identification'])}), with fewer false alarms (dp*/dr = "
             f"{show(slopes['false_alarm'])}), with a larger retaliation loss (dp*/dL = {show(slopes['loss'])}) and "
             f"with the defender's gain from retaliating (dp*/dv = {show(slopes['value'])})."),
            (f"But detecting more attacks whose author cannot be identified — d up with q = dα fixed, every new "
             f"detection pointing at the innocent attacker — raises attacks: dp*/dd = "
             f"{show(slopes['misidentified'])} > 0 at fixed q. The new signals implicate the innocent as often as "
             f"the guilty, so the defender's posterior after a signal falls, it retaliates less often, and the "
             f"marginal attacker is no longer deterred (BBW: detecting attacks that are hard to attribute backfires; "
             f"replacing misidentification with non-detection deters)."
             if deters else "Since nobody is deterred, no change in attribution short of q > r moves the attacks."),
        ]
        conditions = (
            Condition("retaliation deters at all: an attack is likelier than no attack to be blamed on its author",
                      sympy.Gt(s["detection"] * s["identification"], s["false_alarm"]), None, bool(deters),
                      f"The threat of retaliation changes an attacker's choice only if attacking raises the chance "
                      f"that a signal points at it: q = {show(q)} against r = {show(r)}."),
            Condition("the deterrence equilibrium is unique (all fixed points enumerated)",
                      sympy.Eq(sympy.Symbol("equilibria"), 1), None, unique,
                      "Despite the strategic complementarity between the attackers (one attacking more makes the "
                      "other less suspect), the equilibrium is unique, so the comparative statics are "
                      "unambiguous" + ("." if unique else "; at float parameters this is not certified here.")),
            Condition("attacks within the tolerated level",
                      sympy.Ge(s["tolerated"], sympy.Symbol("p*")), p, within,
                      f"Deterrence keeps each attacker's attack probability p* = {show(p)} within "
                      f"τ = {show(tau)} iff K τ >= (1 - τ)(d τ + 2r(1 - τ))"
                      + (" (weakly: a tie)." if tie else ".")),
        )
        grid = self._scale((Fraction(1, 2), Fraction(7, 10), Fraction(9, 10), 1))
        details = sorted({x for x in grid if x >= q} | {d})          # d >= q keeps alpha = q/d a probability
        remedies = (
            Remedy("better detection (identification rate fixed)", "detection",
                   "Detecting more attacks at the same identification rate raises both the chance that an attack "
                   "is blamed on its author and the defender's posterior: fewer attacks. Table: d -> p*.",
                   tuple((x, self.attack_probability(detection=x)) for x in sorted(set(grid) | {d})),
                   column="attack probability p*"),
            Remedy("better identification", "identification",
                   "Pointing detected attacks at their authors rather than at the innocent raises q and lowers m: "
                   "fewer attacks. Table: α -> p*.",
                   tuple((x, self.attack_probability(identification=x))
                         for x in sorted(set(self._scale((Fraction(1, 2), Fraction(3, 4), 1))) | {a})),
                   column="attack probability p*"),
            Remedy("fewer false alarms", "false_alarm",
                   "Fewer false alarms make a signal more telling and spare the innocent: fewer attacks. "
                   "Table: r -> p*.",
                   tuple((x, self.attack_probability(false_alarm=x))
                         for x in sorted(set(self._scale((Fraction(1, 50), Fraction(1, 20), Fraction(1, 5))))
                                         | {r})),
                   column="attack probability p*"),
            Remedy("a larger retaliation loss", "loss",
                   "A costlier retaliation raises the cutoff of every attacker: fewer attacks. Table: L -> p*.",
                   tuple((x, self.attack_probability(loss=x))
                         for x in sorted({L * f for f in self._scale((Fraction(1, 2), 1, 2, 4))})),
                   column="attack probability p*"),
            Remedy("detecting attacks that cannot be attributed (q = dα fixed) — backfires", "detection",
                   f"Detection rises while the chance of pointing at the author stays q = {show(q)}, so "
                   "α = q/d falls and every new detection implicates the innocent: the defender trusts its "
                   "signals less, retaliates less, and attacks rise. Table: d (with α = q/d) -> p*.",
                   tuple((x, self.attack_probability(detection=x, identification=(q / x if not exact
                                                                                  else Fraction(q) / Fraction(x))))
                         for x in details),
                   column="attack probability p*"),
        )
        summary = (f"Two attackers with private benefits; an attack is detected with probability d = {show(d)} and "
                   f"identified with probability α = {show(a)}, false alarms point at each with probability "
                   f"r = {show(r)}; the defender retaliates on its posterior (Baliga, Bueno de Mesquita & "
                   f"Wolitzky 2020).")
        least = self.least_loss()
        verdict = self._verdict(unique)
        answer = self.game_answer()
        if answer is not None:
            from ._game import one_shot_sentence
            findings.append(one_shot_sentence(answer))
            findings.append(
                f"So the verdict is the game's, not only one profile's: attacks stay within τ = {show(tau)} "
                + (f"iff the retaliation loss is at least L = {show(least)} (here {show(L)}), the binding condition."
                   if least is not None else "for no retaliation loss while q ≤ r."))
        numbers = (("cutoff", c), ("attack_probability", p), ("retaliation_probability", rho),
                   ("blamed_author", q), ("blamed_innocent", m), ("equilibria", count),
                   *((f"d_attack_d_{name}", slope) for name, slope in slopes.items()),
                   *((("least_loss", least),) if least is not None else ()),
                   *((("attacker_value", answer.best.value[0]),) if answer is not None else ()))
        return ModelAnalysis(self, self.obstacle, summary, tuple(findings), conditions, remedies,
                             {"equilibrium": eq, "sensitivities": slopes}, game=answer, verdict=verdict,
                             numbers=numbers)
