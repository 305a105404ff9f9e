"""Independent reference computations for the signalling tests.

Written from the definitions, using only the games' public payoff tables and
scipy's linear programming; they share no code with the solver.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np
from scipy.optimize import linprog


def _div(a, b):
    if isinstance(a, (int, Fraction)) and isinstance(b, (int, Fraction)):
        return Fraction(a) / Fraction(b)
    return a / b


def supportable(sg, m, a, types=None, slack=1e-9):
    """Whether some belief over ``types`` (default: the senders of m) makes ``a`` a best response (LP)."""
    senders = [t for t in sg.types if m in sg.available[t]]
    support = senders if types is None else [t for t in senders if t in types]
    if not support:
        return False
    rows = [[-(float(sg.receiver_payoff[(t, m, a)]) - float(sg.receiver_payoff[(t, m, b)])) for t in support]
            for b in sg.actions[m] if b != a]
    result = linprog(np.zeros(len(support)), A_ub=np.array(rows) if rows else None,
                     b_ub=np.full(len(rows), slack) if rows else None,
                     A_eq=np.ones((1, len(support))), b_eq=[1.0], bounds=[(0, None)] * len(support),
                     method="highs")
    return result.status == 0


def pure_pbe_profiles(sg, tol=1e-9):
    """Every pure (sender, receiver) pair that is a PBE, by brute force over all pure pairs."""
    fl = sg.kind == "float"
    slack = tol if fl else 0
    cache = {}
    found = set()
    for sigma in itertools.product(*(sg.available[t] for t in sg.types)):
        send = dict(zip(sg.types, sigma))
        for rho in itertools.product(*(sg.actions[m] for m in sg.messages)):
            reply = dict(zip(sg.messages, rho))
            ok = True
            for t in sg.types:
                own = sg.sender_payoff[(t, send[t], reply[send[t]])]
                if any(sg.sender_payoff[(t, m, reply[m])] > own + slack for m in sg.available[t]):
                    ok = False
                    break
            if not ok:
                continue
            for m in sg.messages:
                senders = [t for t in sg.types if send[t] == m]
                if senders:
                    mass = sum(sg.prior[t] for t in senders)
                    belief = {t: _div(sg.prior[t], mass) for t in senders}
                    value = {a: sum(belief[t] * sg.receiver_payoff[(t, m, a)] for t in senders) for a in sg.actions[m]}
                    if max(value.values()) > value[reply[m]] + slack:
                        ok = False
                        break
                else:
                    key = (m, reply[m])
                    if key not in cache:
                        cache[key] = supportable(sg, m, reply[m])
                    if not cache[key]:
                        ok = False
                        break
            if ok:
                found.add((tuple(sorted(send.items())), tuple(sorted(reply.items()))))
    return found


def profile_key(eq):
    """(sender, receiver) of an equilibrium as sorted tuples (mixtures as sorted tuples too)."""
    def norm(value):
        return value if isinstance(value, str) else tuple(sorted(value.items()))
    return (tuple(sorted((k, norm(v)) for k, v in eq.sender.items())),
            tuple(sorted((k, norm(v)) for k, v in eq.receiver.items())))


def check_pbe(sg, eq, tol=1e-9):
    """Sequential rationality and Bayes consistency of ``eq``, from the definitions. Returns a list of failures."""
    fl = sg.kind == "float"
    slack = tol if fl else 0
    failures = []
    sender = {t: ({v: 1} if isinstance(v, str) else dict(v)) for t, v in eq.sender.items()}
    receiver = {m: ({v: 1} if isinstance(v, str) else dict(v)) for m, v in eq.receiver.items()}
    for t in sg.types:
        payoff = {m: sum(p * sg.sender_payoff[(t, m, a)] for a, p in receiver[m].items()) for m in sg.available[t]}
        for m, q in sender[t].items():
            if q > 0 and payoff[m] < max(payoff.values()) - slack:
                failures.append(f"type {t} sends {m} suboptimally")
    for m in sg.messages:
        mass = {t: sg.prior[t] * sender[t].get(m, 0) for t in sg.types}
        total = sum(mass.values())
        if total > 0:
            belief = {t: _div(mass[t], total) for t in sg.types}
            stated = eq.beliefs[m]
            if any(abs(stated[t] - belief[t]) > slack for t in sg.types):
                failures.append(f"belief after {m} is not Bayes")
            points = [belief]
        else:
            points = list(eq.beliefs[m].vertices)
            if not points:
                failures.append(f"empty belief set after {m}")
        for point in points:
            value = {a: sum(point[t] * sg.receiver_payoff[(t, m, a)] for t in sg.types if m in sg.available[t])
                     for a in sg.actions[m]}
            for a, p in receiver[m].items():
                if p > 0 and value[a] < max(value.values()) - slack:
                    failures.append(f"after {m} action {a} is not a best response")
    return failures


def intuitive_criterion_brute(sg, eq):
    """Cho-Kreps intuitive criterion from its definition, best responses by LP. True if it survives."""
    for m in sg.messages:
        if m not in eq.off_path:
            continue
        senders = [t for t in sg.types if m in sg.available[t]]
        replies = [a for a in sg.actions[m] if supportable(sg, m, a)]
        dominated = [t for t in senders
                     if eq.sender_payoffs[t] > max(sg.sender_payoff[(t, m, a)] for a in replies)]
        rest = [t for t in senders if t not in dominated]
        if not rest:
            continue
        refined = [a for a in sg.actions[m] if supportable(sg, m, a, rest)]
        for t in rest:
            if min(sg.sender_payoff[(t, m, a)] for a in refined) > eq.sender_payoffs[t]:
                return False
    return True
