"""Generated junk and hostile arguments fed to the dynamics raise only cybergames errors, change nothing, never hang."""

from __future__ import annotations

import pytest

import cybergames.dynamics as dynamics
from cybergames import chicken, matching_pennies, stag_hunt
from tests.test_errors import feed_junk
from tests.test_fuzz import drive

SMALL = {"horizon": 1, "step": 0.5}
CALLS = {
    "replicator_dynamics": lambda a, b, c: dynamics.replicator_dynamics(a, b, **SMALL),
    "replicator_dynamics-initial": lambda a, b, c: dynamics.replicator_dynamics(chicken(), a, horizon=b, step=c),
    "asymmetric_replicator_dynamics": lambda a, b, c: dynamics.asymmetric_replicator_dynamics(
        matching_pennies(), a, horizon=b, step=c),
    "best_response_dynamics": lambda a, b, c: dynamics.best_response_dynamics(
        matching_pennies(), a, horizon=b, step=c, time="discrete"),
    "logit_dynamics": lambda a, b, c: dynamics.logit_dynamics(matching_pennies(), a, b, **SMALL),
    "fictitious_play": lambda a, b, c: dynamics.fictitious_play(matching_pennies(), 3, weights=a, noise=b, seed=c),
    "fixation_probability": lambda a, b, c: dynamics.fixation_probability(chicken(), a, b, c),
    "moran_process": lambda a, b, c: dynamics.moran_process(chicken(), 4, a, intensity=b, seed=c, max_steps=50),
    "simulate_fixation": lambda a, b, c: dynamics.simulate_fixation(chicken(), 4, a, b, repetitions=3,
                                                                    intensity=c),
    "kmr": lambda a, b, c: dynamics.kmr(a, b),
    "adaptive_play": lambda a, b, c: dynamics.adaptive_play(stag_hunt(), a, b),
    "stationary_distribution": lambda a, b, c: dynamics.stationary_distribution(dynamics.kmr(stag_hunt(), 3), a),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_junk_raises_only_cybergames_errors(name):
    feed_junk(CALLS[name])


FUNCTIONS = sorted((name, getattr(dynamics, name)) for name in dynamics.__all__
                   if callable(getattr(dynamics, name)) and not isinstance(getattr(dynamics, name), type))


@pytest.mark.parametrize("name, function", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_hostile_arguments_get_an_error_or_an_answer_and_change_nothing(name, function):
    # the same calls as tests/test_fuzz.py makes of every package, more of them
    drive(name, function, 25)
