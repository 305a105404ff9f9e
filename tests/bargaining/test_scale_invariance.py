"""Scale invariance of the Nash bargaining solution: utilities times 10**k, from 1e-300 to 1e300.

Nash's (1950) axiom of invariance to positive affine transformations of
utility (Osborne & Rubinstein, *Bargaining and Markets*, 1990, §2.3, axiom INV):
scaling both players' utilities by s scales the solution by s.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import verify
from cybergames.bargaining import nash_bargaining

points = st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), min_size=2, max_size=6).filter(
    lambda ps: any(p[0] > 0 and p[1] > 0 for p in ps))


@settings(max_examples=40)
@given(points, st.integers(-300, 300))
def test_the_nash_solution_scales_with_the_utilities(pts, exponent):
    scale = 10.0 ** exponent
    exact = nash_bargaining(pts)
    floats = nash_bargaining([(x * scale, y * scale) for x, y in pts])
    assert all(math.isclose(got / scale, float(want), rel_tol=1e-9, abs_tol=1e-12)
               for got, want in zip(floats.utilities, exact.utilities))
    assert verify(floats).ok
