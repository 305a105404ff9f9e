r"""Semi-separating (hybrid) equilibria of two-type signalling games.

In a hybrid equilibrium one type :math:`t_i` randomises between a message
:math:`m` that the other type :math:`t_j` sends for sure and a message
:math:`m'` that only :math:`t_i` sends. Bayes' rule gives, if :math:`t_i`
sends :math:`m` with probability :math:`q`,

.. math:: \mu(t_i \mid m) = \frac{p_i q}{p_i q + p_j} \in (0, p_i),
          \qquad \mu(t_i \mid m') = 1.

Type :math:`t_i` randomises only if indifferent, which (for generic payoffs)
needs the receiver to randomise after :math:`m` between two actions
:math:`a, a'`; the receiver randomises only if indifferent, which pins the
belief :math:`x = \mu(t_i \mid m)` as the root of

.. math:: x\,d_i + (1 - x)\,d_j = 0, \qquad d_t = u_R(t, m, a) - u_R(t, m, a'),

and then :math:`q = x p_j / (p_i (1 - x))`. The receiver's probability
:math:`r` of :math:`a` makes :math:`t_i` indifferent:

.. math:: r\,u_S(t_i, m, a) + (1 - r)\,u_S(t_i, m, a') = u_S(t_i, m', \rho(m')).

Both :math:`q` and :math:`r` are exact for exact games. The equilibrium holds
if :math:`0 < q, r < 1`, :math:`a` and :math:`a'` are best responses at
:math:`x`, :math:`\rho(m')` is a best response to :math:`t_i`, :math:`t_j`
does not prefer another message, and every unused message has a supportable,
deterring action (as for pure equilibria).

Not listed: equilibria in which both types randomise, or the receiver mixes
over three or more actions, or payoffs are tied so that :math:`q` or
:math:`r` is not pinned down (these come in continua in degenerate games).

References
----------
Gibbons (1992), *Game Theory for Applied Economists*, ch. 4.2.B;
Fudenberg & Tirole (1991), *Game Theory*, ch. 8.2.
"""

from __future__ import annotations

import itertools

from .. import _numbers
from .._numbers import DEFAULT_TOL
from ..errors import SignallingGameError
from .game import SignallingGame
from .pbe import PBE, _best, _slack, belief_cells, deterring, float_scale, make_pbe

__all__ = ["hybrid_equilibria"]


def hybrid_equilibria(sg: SignallingGame, *, tol: float = DEFAULT_TOL, _cells: object | None = None) -> tuple[PBE, ...]:
    r"""The semi-separating equilibria of a two-type game in which one type randomises.

    See the module notes for the class of equilibria found. Games with other
    than two types have none listed (an empty tuple).

    Examples
    --------
    In Beer–Quiche with a prior of 9/10 on the weak type, the weak type drinks
    beer with probability 1/9, which makes a beer drinker weak with probability
    1/2, and the bully duels a beer drinker with probability 1/2:

    >>> from cybergames.signalling import beer_quiche
    >>> from fractions import Fraction
    >>> eq, = hybrid_equilibria(beer_quiche(prior_weak=Fraction(9, 10)))
    >>> eq.sender["weak"], eq.sender["strong"], eq.receiver["beer"]
    ({'beer': Fraction(1, 9), 'quiche': Fraction(8, 9)}, 'beer', {'duel': Fraction(1, 2), 'not': Fraction(1, 2)})
    """
    if not isinstance(sg, SignallingGame):
        raise SignallingGameError(f"sg: expected a SignallingGame, got {type(sg).__name__}")
    if len(sg.types) != 2 or sg.is_symbolic:
        return ()
    cells = belief_cells(sg, tol=tol) if _cells is None else _cells
    fl = float_scale(sg)
    found = []
    for i in (0, 1):
        found.extend(_hybrids(sg, cells, i, 1 - i, fl, tol))
    return tuple(found)


def _hybrids(sg, cells, i: int, j: int, fl: bool, tol: float) -> list[PBE]:
    ur, prior, mask = sg._ur, list(sg._prior), sg._mask
    nm = len(sg.messages)
    zero = 0.0 if fl else 0
    found = []
    for m in range(nm):
        if not (mask[i, m] and mask[j, m]):
            continue
        na = len(sg.actions[sg.messages[m]])
        for a, b in itertools.combinations(range(na), 2):
            d_i, d_j = ur[m][i, a] - ur[m][i, b], ur[m][j, a] - ur[m][j, b]
            if _close(d_i, d_j, fl, tol):
                continue
            x = _numbers.ratio(d_j, d_j - d_i)
            if not (_gt(x, zero, bool(fl), tol) and _gt(prior[i], x, bool(fl), tol)):
                continue
            belief = [None, None]
            belief[i], belief[j] = x, 1 - x
            expected = [belief[0] * ur[m][0, k] + belief[1] * ur[m][1, k] for k in range(na)]
            best = _best(expected, fl, tol)
            if a not in best or b not in best:
                continue
            q = _numbers.ratio(x * prior[j], prior[i] * (1 - x))
            for m2 in range(nm):
                if m2 == m or not mask[i, m2]:
                    continue
                na2 = len(sg.actions[sg.messages[m2]])
                for c in _best([ur[m2][i, k] for k in range(na2)], fl, tol):
                    found.extend(_complete(sg, cells, i, j, m, a, b, m2, c, q, fl, tol))
    return found


def _complete(sg, cells, i, j, m, a, b, m2, c, q, fl, tol) -> list[PBE]:
    us, mask = sg._us, sg._mask
    v = us[m2][i, c]
    if _close(us[m][i, a], us[m][i, b], fl, tol):
        return []
    r = _numbers.ratio(v - us[m][i, b], us[m][i, a] - us[m][i, b])
    zero = 0.0 if fl else 0
    if not (_gt(r, zero, bool(fl), tol) and _gt(1, r, bool(fl), tol)):
        return []
    payoffs = [None, None]
    payoffs[i] = v
    payoffs[j] = r * us[m][j, a] + (1 - r) * us[m][j, b]
    if mask[j, m2] and us[m2][j, c] > payoffs[j] + _slack(payoffs[j], fl, tol):
        return []
    if fl:
        q, r = float(q), float(r)
    unused = [k for k in range(len(sg.messages)) if k not in (m, m2)]
    allowed = [deterring(sg, cells, k, payoffs, fl, tol) for k in unused]
    sender = [None, None]
    sender[i] = {m: q, m2: 1 - q}
    sender[j] = {m: 1}
    found = []
    for off in itertools.product(*allowed):
        receiver = {m: {a: r, b: 1 - r}, m2: {c: 1}, **{k: {act: 1} for k, act in zip(unused, off)}}
        found.append(make_pbe(sg, sender, receiver, {k: cells.get(k, act) for k, act in zip(unused, off)}, tol=tol))
    return found


def _close(x, y, fl: bool, tol: float) -> bool:
    return abs(x - y) <= _slack(max(abs(x), abs(y)), fl, tol) if fl else x == y


def _gt(x, y, fl: bool, tol: float) -> bool:
    return x > y + _slack(max(abs(x), abs(y)), fl, tol) if fl else x > y
