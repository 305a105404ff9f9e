"""Gambit .efg export, read back and solved by pygambit."""

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings

from cybergames.signalling import beer_quiche, perfect_bayesian_equilibria, spence_job_market, to_efg, write_efg
from cybergames.signalling._strategies import signalling_games

from ._brute import supportable

gbt = pytest.importorskip("pygambit")

from ..gambit_compat import infoset_counts, node_count, pure_agent_equilibria, root_chance_probabilities  # noqa: E402


def read(sg, tmp_path, name="game.efg"):
    path = write_efg(sg, tmp_path / name)
    return gbt.read_efg(str(path))


def pure_profiles(sg, game):
    """The pure agent-form equilibria pygambit finds, as (sender, receiver) label mappings."""
    return [({t: chosen[("Sender", t)] for t in sg.types}, {m: chosen[("Receiver", m)] for m in sg.messages})
            for chosen in pure_agent_equilibria(game)]


def test_beer_quiche_file_has_the_extensive_form(tmp_path):
    sg = beer_quiche()
    game = read(sg, tmp_path)
    # 1 chance node + 2 type nodes + 4 receiver nodes + 8 terminal nodes
    assert node_count(game) == 15
    assert infoset_counts(game) == [2, 2]
    assert root_chance_probabilities(game) == [Fraction(1, 10), Fraction(9, 10)]
    assert to_efg(sg).startswith('EFG 2 R "Signalling game" { "Sender" "Receiver" }')


def test_gambit_equilibria_contain_ours_and_the_sequentially_rational_ones_are_ours(tmp_path):
    sg = spence_job_market()
    theirs = pure_profiles(sg, read(sg, tmp_path))
    ours = [(dict(eq.sender), dict(eq.receiver)) for eq in perfect_bayesian_equilibria(sg) if eq.is_pure]
    assert all(profile in theirs for profile in ours)
    # A Nash equilibrium is a PBE iff each unused message's reply is a best response to some belief.
    rational = [(s, r) for s, r in theirs
                if all(supportable(sg, m, r[m]) for m in sg.messages if m not in s.values())]
    assert sorted(map(repr, rational)) == sorted(map(repr, ours))


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sg=signalling_games(type_dependent=True, max_types=3, max_messages=3, max_actions=2))
def test_generated_games_round_trip_through_gambit(tmp_path, sg):
    game = read(sg, tmp_path)
    nodes = 1 + sum(1 + sum(1 + len(sg.actions[m]) for m in sg.available[t]) for t in sg.types)
    assert node_count(game) == nodes
    assert infoset_counts(game) == [len(sg.types), len(sg.messages)]
    theirs = pure_profiles(sg, game)
    ours = [(dict(eq.sender), dict(eq.receiver)) for eq in perfect_bayesian_equilibria(sg, hybrid=False)]
    rational = [(s, r) for s, r in theirs
                if all(supportable(sg, m, r[m]) for m in sg.messages if m not in s.values())]
    assert sorted(map(repr, rational)) == sorted(map(repr, ours))
