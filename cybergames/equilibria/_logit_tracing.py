r"""Approximate Nash equilibria by following logit tracing paths, then Newton polishing (internal).

For a prior :math:`\pi` (a profile of interior mixed actions) the path is the
solution set of

.. math::

    H_{i,a}(y, \lambda) = y_{i,a} - y_{i,0} - \log\frac{\pi_{i,a}}{\pi_{i,0}}
        - \lambda \bigl(u_i(a, \sigma_{-i}) - u_i(0, \sigma_{-i})\bigr) = 0, \qquad
    \textstyle\sum_a e^{y_{i,a}} = 1,

in log-probabilities :math:`y = \log \sigma` and :math:`\lambda \ge 0`,
starting at :math:`(\log \pi, 0)`. It is followed by pseudo-arclength
continuation (Euler predictor along the kernel of the Jacobian, Newton
corrector orthogonal to it), which passes turning points in :math:`\lambda`.
At large :math:`\lambda` the actions with non-negligible probability are
taken as the support and Newton's method on the indifference equations
:math:`u_i(a, \sigma_{-i}) = v_i` (:math:`a \in S_i`), :math:`\sum_a
\sigma_i(a) = 1` polishes the profile. Payoffs are expected scaled to
:math:`[-1, 1]`.
"""

from __future__ import annotations

import numpy as np


def _payoff_tables(payoffs, sigma):
    """values[i][a] = u_i(a, sigma_-i) and cross[i][j][a, b] = u_i with a_i = a, a_j = b, others mixed."""
    n = len(payoffs)
    values, cross = [], []
    for i, payoff in enumerate(payoffs):
        row = {}
        for j in range(n):
            if j == i:
                continue
            result = payoff
            for k in reversed(range(n)):
                if k in (i, j):
                    continue
                result = np.tensordot(result, sigma[k], axes=([k], [0]))
            # remaining axes: i and j in their original order
            row[j] = result if i < j else result.T
        cross.append(row)
        if n == 1:
            values.append(payoff.copy())
        else:
            j = 1 if i == 0 else 0
            values.append(row[j] @ sigma[j])
    return values, cross


def _split(vector, sizes):
    return np.split(vector, np.cumsum(sizes)[:-1])


def _system(payoffs, sizes, log_prior, z):
    """H and its Jacobian with respect to (y, lambda)."""
    n = len(sizes)
    y, lam = z[:-1], z[-1]
    ys = _split(y, sizes)
    sigma = [np.exp(v) for v in ys]
    values, cross = _payoff_tables(payoffs, sigma)
    total = sum(sizes)
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    H = np.zeros(total)
    J = np.zeros((total, total + 1))
    for i in range(n):
        o = offsets[i]
        diff = values[i] - values[i][0]
        H[o] = sigma[i].sum() - 1.0
        J[o, o:o + sizes[i]] = sigma[i]
        for a in range(1, sizes[i]):
            r = o + a
            H[r] = ys[i][a] - ys[i][0] - (log_prior[i][a] - log_prior[i][0]) - lam * diff[a]
            J[r, o + a] += 1.0
            J[r, o] -= 1.0
            for j in range(n):
                if j == i:
                    continue
                dj = (cross[i][j][a] - cross[i][j][0]) * sigma[j]
                J[r, offsets[j]:offsets[j] + sizes[j]] -= lam * dj
            J[r, -1] = -diff[a]
    return H, J


def _tangent(J, previous):
    _, _, vt = np.linalg.svd(J)
    t = vt[-1]
    if previous is not None and t @ previous < 0:
        t = -t
    elif previous is None and t[-1] < 0:
        t = -t
    return t / np.linalg.norm(t)


def trace(payoffs, prior, *, lambda_max=1e5, max_steps=4000):
    """Follow the path from the prior; the profile (list of arrays) at lambda_max, or None."""
    with np.errstate(all="ignore"):            # a wild predictor step overflows; it is then refused
        return _trace(payoffs, prior, lambda_max, max_steps)


def _trace(payoffs, prior, lambda_max, max_steps):
    sizes = [p.shape[i] for i, p in enumerate(payoffs)]
    log_prior = [np.log(p) for p in prior]
    z = np.concatenate([np.concatenate(log_prior), [0.0]])
    step = 0.05
    tangent = None
    for _ in range(max_steps):
        H, J = _system(payoffs, sizes, log_prior, z)
        try:
            t = _tangent(J, tangent)
        except np.linalg.LinAlgError:
            return None
        accepted = False
        while step > 1e-10:
            predicted = z + step * t
            w = predicted.copy()
            ok = False
            for _ in range(10):
                Hw, Jw = _system(payoffs, sizes, log_prior, w)
                if not (np.all(np.isfinite(Hw)) and np.all(np.isfinite(Jw))):
                    break
                A = np.vstack([Jw, t])
                rhs = np.concatenate([Hw, [t @ (w - predicted)]])
                try:
                    delta = np.linalg.solve(A, rhs)
                except np.linalg.LinAlgError:
                    break
                w = w - delta
                if not np.all(np.isfinite(w)):
                    break
                if np.max(np.abs(delta)) < 1e-10 * max(1.0, np.max(np.abs(w))):
                    ok = True
                    break
            if ok and np.all(w[:-1] <= 1e-9) and np.linalg.norm(w - z) < 4 * step + 1e-9:
                accepted = True
                break
            step /= 2
        if not accepted:
            return None
        z, tangent = w, t
        step = min(step * 1.6, 1e4)
        if z[-1] >= lambda_max:
            return [np.exp(v) for v in _split(z[:-1], sizes)]
        if z[-1] < -1e-6:                       # left the lambda >= 0 half: a path that cannot be followed
            return None
    return None


def polish(payoffs, sigma, supports, *, iterations=50):
    """Newton's method on the indifference equations of ``supports``; the profile or None."""
    with np.errstate(all="ignore"):
        result = _polish(payoffs, sigma, supports, iterations)
    if result is None or not all(np.all(np.isfinite(s)) for s in result):
        return None
    return result


def _polish(payoffs, sigma, supports, iterations):
    n = len(payoffs)
    sizes = [len(s) for s in supports]
    x = np.concatenate([sigma[i][list(s)] / sigma[i][list(s)].sum() for i, s in enumerate(supports)])
    full_sizes = [p.shape[i] for i, p in enumerate(payoffs)]
    values, _ = _payoff_tables(payoffs, sigma)
    v = np.array([values[i][supports[i][0]] for i in range(n)])
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    total = offsets[-1]
    for _ in range(iterations):
        parts = _split(x, sizes)
        full = []
        for i, s in enumerate(supports):
            vector = np.zeros(full_sizes[i])
            vector[list(s)] = parts[i]
            full.append(vector)
        values, cross = _payoff_tables(payoffs, full)
        F = np.zeros(total + n)
        J = np.zeros((total + n, total + n))
        for i, s in enumerate(supports):
            for k, a in enumerate(s):
                r = offsets[i] + k
                F[r] = values[i][a] - v[i]
                J[r, total + i] = -1.0
                for j in range(n):
                    if j != i:
                        J[r, offsets[j]:offsets[j] + sizes[j]] = cross[i][j][a][list(supports[j])]
            F[total + i] = parts[i].sum() - 1.0
            J[total + i, offsets[i]:offsets[i] + sizes[i]] = 1.0
        try:
            delta = np.linalg.lstsq(J, F, rcond=None)[0]
        except np.linalg.LinAlgError:
            return None
        x = x - delta[:total]
        v = v - delta[total:]
        if np.max(np.abs(delta)) < 1e-15:
            break
    parts = _split(x, sizes)
    if any(np.any(p < 0) for p in parts):
        return None
    result = []
    for i, s in enumerate(supports):
        vector = np.zeros(full_sizes[i])
        vector[list(s)] = parts[i]
        result.append(vector)
    return result


def regret(payoffs, sigma):
    """Each player's best-deviation gain at ``sigma``."""
    values, _ = _payoff_tables(payoffs, sigma)
    return [float(values[i].max() - values[i] @ sigma[i]) for i in range(len(payoffs))]


def equilibria(payoffs, *, starts, seed, tol):
    """Polished profiles from ``starts`` paths (uniform prior first, then random ones)."""
    rng = np.random.default_rng(seed)
    sizes = [p.shape[i] for i, p in enumerate(payoffs)]
    found = []
    for k in range(starts):
        prior = [np.full(m, 1.0 / m) for m in sizes] if k == 0 else [rng.dirichlet(np.ones(m)) for m in sizes]
        sigma = trace(payoffs, prior)
        if sigma is None:
            continue
        for threshold in (1e-6, 1e-4, 1e-3, 1e-2):
            supports = tuple(tuple(np.flatnonzero(s > threshold).tolist()) for s in sigma)
            if any(len(s) == 0 for s in supports):
                continue
            polished = polish(payoffs, sigma, supports)
            if polished is not None and max(regret(payoffs, polished)) <= tol:
                found.append(polished)
                break
    return found
