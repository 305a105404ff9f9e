"""The n-player games of Gambit's catalogue (shipped with pygambit): ours contain Gambit's equilibria.

Every equilibrium that pygambit's ``enumpoly_solve`` or ``gnm_solve`` reports
for a catalogue game with three or more players is either one of ours or lies
on a continuum we report (its support is the continuum's and it solves the
continuum's indifference equations). We never assert Gambit's floats beyond
that: ours are exact and pass ``verify``.
"""

from __future__ import annotations

import glob
import os

import numpy as np
import pytest
import sympy

from cybergames import nash_equilibria, verify
from cybergames.io import from_pygambit

from ..gambit_compat import mixed_profiles, needs_pygambit, pygambit

#: The catalogue's strategic games with three or more players (two-player ones: test_cross_check.py).
FILES = [path for path in sorted(glob.glob(os.path.join(os.path.dirname(pygambit.__file__), "**", "*.nfg"),
                                           recursive=True))
         if len(pygambit.read_nfg(path).players) >= 3] if pygambit is not None else []


def on_a_continuum(game, point, components):
    """Whether ``point`` (per-player probability arrays) solves the equations of a reported continuum."""
    for component in components:
        support = component.support
        inside = all(p[k] <= 1e-9 or game.actions[i][k] in support[i]
                     for i, p in enumerate(point) for k in range(len(p)))
        if not inside or not hasattr(component, "equations"):
            continue
        by_name = {v.name: v for v in component.variables}      # p{player}_{action index}
        values = {by_name[f"p{i}_{a}"]: p[a] for i, p in enumerate(point) for a in range(len(p))
                  if f"p{i}_{a}" in by_name}
        if all(abs(float(sympy.sympify(eq).subs(values))) < 1e-6 for eq in component.equations):
            return True
    return False


@needs_pygambit
@pytest.mark.parametrize("path", FILES, ids=[os.path.basename(os.path.dirname(f)) + "/" + os.path.basename(f)
                                            for f in FILES])
@pytest.mark.parametrize("solver", ["enumpoly_solve", "gnm_solve"])
def test_gambits_equilibria_of_n_player_catalogue_games_are_among_ours(path, solver):
    gambit_game = pygambit.read_nfg(path)
    game = from_pygambit(gambit_game)
    ours = nash_equilibria(game)
    assert all(verify(eq).ok for eq in ours)
    points = [[np.asarray(s, dtype=float) for s in eq.strategies] for eq in ours]
    for theirs in mixed_profiles(gambit_game, getattr(pygambit.nash, solver)(gambit_game)):
        theirs = [np.array(p, dtype=float) for p in theirs]
        found = any(all(np.allclose(a, b, atol=1e-6) for a, b in zip(theirs, mine)) for mine in points)
        assert found or on_a_continuum(game, theirs, ours.components), (path, theirs)
