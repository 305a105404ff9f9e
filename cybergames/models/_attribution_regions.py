r"""The attribution game's regions over :math:`(q, r)`: a certified outer bound and a screened inner region (internal).

Outer bound
-----------
Take any perfect public equilibrium, any public history, and a state
:math:`i` that restrains there with positive probability while the other
plays the mixed action :math:`\alpha_j`. Restraint must be a best reply
(the one-shot deviation principle for perfect public equilibria, Mailath & Samuelson
2006, section 7.1):

.. math:: (1 - \delta)\,[u_i(A, \alpha_j) - u_i(R, \alpha_j)]
   \le \delta\,\bigl(E[w_i \mid R, \alpha_j] - E[w_i \mid A, \alpha_j]\bigr),

with :math:`w_i(y)` state :math:`i`'s continuation after the public signal
:math:`y`, itself an equilibrium payoff (self-generation, Abreu, Pearce &
Stacchetti 1990; Mailath & Samuelson 2006, section 7.3). The stage gain is
:math:`\alpha_j(R)(T - R) + \alpha_j(A)(P - S) \ge g = \min(T - R, P - S)`.
The blames fall independently, so the blame of the other state has the same
law whatever :math:`i` does; with :math:`W(b)` the expectation of
:math:`w_i` over it given :math:`i`'s own verdict :math:`b`,

.. math:: E[w_i \mid R] - E[w_i \mid A] = (r - q)\,(W(1) - W(0))
   \le |q - r|\,(\bar v - P),

because every equilibrium payoff of :math:`i` lies between its minmax value
:math:`P` (attacking is dominant, so the other's attack holds :math:`i` to
:math:`P` and nothing holds it lower) and :math:`\bar v`, the most :math:`i`
gets among feasible payoffs that give the other at least its minmax :math:`P`
(Mailath & Samuelson 2006, sections 2.1 and 7.3). That maximum over the
feasible quadrilateral :math:`\{(R, R), (T, S), (S, T), (P, P)\}` cut by
:math:`v_j \ge P` is attained at a vertex of the cut polygon:

.. math:: \bar v = \max\Bigl(R,\; R + \frac{(T - R)(R - P)}{R - S},\; T + S - P\Bigr)

(the segment from :math:`(R, R)` to :math:`(S, T)`, and the one from
:math:`(T, S)` to :math:`(S, T)`, each where it meets :math:`v_j = P`).
The opponent's action moves :math:`i`'s stage payoff too, which is why the
gain is the smaller of :math:`T - R` and :math:`P - S`, and why the spread is
bounded through the whole range of :math:`i`'s equilibrium payoffs rather
than by :math:`R - P`. So a restraining state needs

.. math:: (1 - \delta)\, g \le \delta\, |q - r|\, (\bar v - P)
   \iff \delta \ge \underline\delta = \frac{g}{g + |q - r|\,(\bar v - P)}:

below :math:`\underline\delta` (and at every :math:`\delta < 1` when
:math:`q = r`) no perfect public equilibrium has either state restrain
after any history, so mutual attack in every period is the only one. At Axelrod's payoffs
:math:`g = 1`, :math:`\bar v = 13/3`, and at :math:`q - r = 7/10` the bound is
:math:`3/10`. The information model's bound
(:meth:`~cybergames.models.InformationSharingModel.status_quo_lower_bound`)
is the same argument with a gain that does not depend on the others.

Inner region
------------
Where some :func:`~cybergames.repeated.targeted_retaliation` of
``TARGETED_GRID`` is an equilibrium worth more than mutual attack, an
explicit equilibrium better than :math:`(P, P)` exists. The two-state game is
symmetric, so each automaton is checked on its symmetric reduction
(``cybergames/models/_sharing_punishment.py``, with the prisoner's dilemma's
payoffs), in floats and for every grid point at once; the tests compare the
reduction with :func:`~cybergames.repeated.check_equilibrium` exactly.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import sympy

from .. import _numbers

__all__ = ["outer_terms", "restraint_lower_bound", "outer_condition", "targeted_screen", "targeted_exact"]


def outer_terms(T: Any, R: Any, P: Any, S: Any) -> tuple:
    r"""``(g, spread)``: the least stage gain of attacking, :math:`\min(T - R, P - S)`, and :math:`\bar v - P`."""
    gain = min(T - R, P - S)
    best = max(R, R + _numbers.ratio((T - R) * (R - P), R - S), T + S - P)
    return gain, _numbers.simplify_exact(best - P)


def restraint_lower_bound(model: Any) -> Any:
    r""":math:`g / (g + |q - r|(\bar v - P))`; 1 when :math:`q = r` (module docstring)."""
    gain, spread = outer_terms(model.T, model.R, model.P, model.S)
    gap = abs(model.detect - model.false_flag)
    return _numbers.simplify_exact(_numbers.ratio(gain, gain + gap * spread))


def outer_condition(model: Any) -> sympy.Basic:
    r""":math:`\delta\,(g + |q - r|(\bar v - P)) \ge g` in the symbols ``detect``, ``false_flag``, ``delta``."""
    from .attribution import DELTA, DETECT, FALSE_FLAG
    gain, spread = (sympy.nsimplify(v) if isinstance(v, float) else sympy.Rational(v)
                    for v in outer_terms(model.T, model.R, model.P, model.S))
    return sympy.Ge(DELTA * (gain + sympy.Abs(DETECT - FALSE_FLAG) * spread), gain)


def _payoffs(model: Any, kind: Any) -> tuple:
    """The reduction's six payoffs (R, T, S, T, P, R) in the prisoner's dilemma, as ``kind``."""
    return tuple(kind(x) for x in (model.R, model.T, model.S, model.T, model.P, model.R))


def targeted_screen(model: Any, detect: Any, false_flag: Any, *, tol: float = 1e-9) -> tuple:
    """Floats over arrays of q and r at the model's δ: ``(holds, value)``.

    ``holds`` is where some targeted retaliation of ``TARGETED_GRID`` passes
    every one-shot deviation check (gain at most ``tol``) and is worth more
    than mutual attack (by more than ``tol``); ``value`` is the best such
    value per state (NaN elsewhere).
    """
    from ._sharing_punishment import reduced_check
    from .attribution import TARGETED_GRID
    q, r = np.broadcast_arrays(np.asarray(detect, float), np.asarray(false_flag, float))
    pay, delta, P = _payoffs(model, float), float(model.delta), float(model.P)
    best = np.full(q.shape, np.nan)
    for K, L, extra, war in TARGETED_GRID:
        value, gain = reduced_check(2, pay, q, r, K, L, K + extra, war, delta)
        good = (gain <= tol) & (value > P + tol)
        best = np.where(good & ~(best >= value), value, best)
    return ~np.isnan(best), best


def targeted_exact(model: Any) -> Any:
    """The best targeted retaliation at the model's point that is an equilibrium worth more than (P, P), or None.

    Ranked by the float screen, confirmed on the reduction in the model's
    number kind and then by :func:`~cybergames.repeated.check_equilibrium` on
    the library's automaton. Returns ``(name, value)`` with the value per
    state from :func:`~cybergames.repeated.values`.
    """
    from ..repeated import check_equilibrium, targeted_retaliation, values
    from ._sharing_punishment import reduced_check
    from .attribution import ATTACK, RESTRAIN, TARGETED_GRID
    exact = not any(isinstance(v, float) for v in model.parameters().values())
    ranked = []
    for K, L, extra, war in TARGETED_GRID:
        value, gain = reduced_check(2, _payoffs(model, float), float(model.detect), float(model.false_flag), K, L,
                                    K + extra, war, float(model.delta))
        if gain <= 1e-9 and value > float(model.P) + 1e-9:
            ranked.append((-value, K, L, K + extra, war))
    rg = model.repeated_game()
    for _, K, L, cap, war in sorted(ranked):
        value, gain = reduced_check(2, _payoffs(model, (lambda x: x) if exact else float), model.detect,
                                    model.false_flag, K, L, cap, war, model.delta)
        if not (gain <= 0 and value > model.P):
            continue
        profile = targeted_retaliation(K, L, cap, war=war, cooperate=RESTRAIN, defect=ATTACK)
        if not check_equilibrium(rg, profile, model.delta).holds:
            continue
        name = f"targeted_retaliation({K}, {L}, {cap}{f', war={war}' if war else ''})"
        return name, values(rg, profile, model.delta).initial[0]
    return None
