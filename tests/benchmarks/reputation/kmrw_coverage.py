"""Coverage of ``kmrw_equilibrium`` below the prior threshold on a fixed random sample (a script, not a test).

Run from the repository root::

    PYTHONPATH=$PWD python tests/benchmarks/reputation/kmrw_coverage.py [--cases 100] [--seed 2026] [--limit 20]

Each case (a, b, mu, N) is drawn with ``random.Random(seed)``: a = 1 + i/5 (i = 1..15), b = -j/5
(j = 1..15), mu = m/100 strictly below mu*(a, b), N = 2..30. Every case runs cold (a fresh process,
no cached value functions) with a time limit of ``limit`` seconds. A returned profile counts as
closed only if ``verify`` accepts it; a refusal is a ``ParameterError``. One line per case, then
the totals.
"""

import argparse
import multiprocessing as mp
import random
import time
from fractions import Fraction


def sample(cases: int, seed: int) -> list:
    from cybergames.reputation import cooperation_prior_threshold
    rng = random.Random(seed)
    out = []
    while len(out) < cases:
        a = 1 + Fraction(rng.randint(1, 15), 5)
        b = -Fraction(rng.randint(1, 15), 5)
        top = cooperation_prior_threshold(a, b)
        m = rng.randint(1, 99)
        N = rng.randint(2, 30)
        if Fraction(m, 100) < top:
            out.append((a, b, Fraction(m, 100), N))
    return out


def _run(case, queue):
    from cybergames import verify
    from cybergames.errors import ParameterError
    from cybergames.reputation import kmrw_equilibrium
    a, b, mu, N = case
    try:
        eq = kmrw_equilibrium(mu, N, a, b)
    except ParameterError as exc:
        queue.put(("refused", str(exc)[:160]))
        return
    queue.put(("closed" if verify(eq).ok else "WRONG", f"defection periods {eq.defection_periods}"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--limit", type=float, default=20.0)
    args = parser.parse_args()
    totals: dict = {}
    for a, b, mu, N in sample(args.cases, args.seed):
        queue = mp.Queue()
        proc = mp.Process(target=_run, args=((a, b, mu, N), queue))
        start = time.perf_counter()
        proc.start()
        proc.join(args.limit)
        if proc.is_alive():
            proc.kill()
            proc.join()
            status, detail = "over time", ""
        else:
            status, detail = queue.get() if not queue.empty() else ("crashed", f"exit code {proc.exitcode}")
        seconds = time.perf_counter() - start
        totals[status] = totals.get(status, 0) + 1
        print(f"a={a} b={b} mu={mu} N={N}: {status} ({seconds:.1f} s) {detail}", flush=True)
    print("totals:", ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))


if __name__ == "__main__":
    main()
