"""Generated junk and hostile arguments fed to the dynamics raise only cybergames errors, change nothing, never hang."""

from __future__ import annotations

import signal

import pytest
from hypothesis import HealthCheck, given, settings

import cybergames.dynamics as dynamics
from cybergames import chicken, matching_pennies, stag_hunt
from cybergames.errors import CybergamesError
from tests.test_errors import JUNK_SETTINGS, junk, rectangular_junk
from tests.test_fuzz import BUDGET, Hang, _alarm, arguments_for, same, snapshot

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
    call = CALLS[name]

    @JUNK_SETTINGS
    @given(junk | rectangular_junk(), junk, junk)
    def feed(a, b, c):
        try:
            call(a, b, c)
        except CybergamesError:
            pass                  # anything else fails the test
    feed()


FUNCTIONS = sorted((name, getattr(dynamics, name)) for name in dynamics.__all__
                   if callable(getattr(dynamics, name)) and not isinstance(getattr(dynamics, name), type))


@pytest.mark.parametrize("name, function", FUNCTIONS, ids=[n for n, _ in FUNCTIONS])
def test_hostile_arguments_get_an_error_or_an_answer_and_change_nothing(name, function):
    # the same calls as tests/test_fuzz.py makes of the other packages, more of them
    previous = signal.signal(signal.SIGALRM, _alarm)

    @settings(max_examples=25, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(arguments_for(function))
    def call(arguments):
        args, kwargs = arguments
        before = [snapshot(v) for v in (*args, *kwargs.values())]
        signal.alarm(BUDGET)
        try:
            function(*args, **kwargs)
        except CybergamesError:
            pass
        except Hang:
            pytest.fail(f"{name}(*{args!r:.200}, **{kwargs!r:.200}) hung")
        finally:
            signal.alarm(0)
        for old, new in zip(before, (*args, *kwargs.values())):
            assert same(old, new), f"{name} changed its argument {old!r:.200}"

    try:
        call()
    finally:
        signal.signal(signal.SIGALRM, previous)
