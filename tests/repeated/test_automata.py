"""Automata, the built-in strategies, and their composition into joint automata."""

from fractions import Fraction

import pytest

from cybergames import prisoners_dilemma, public_goods, stag_hunt
from cybergames.repeated import (Automaton, JointAutomaton, RepeatedGame, always_cooperate, always_defect, compose,
                                 forgiving_trigger, grim_trigger, limited_punishment, noisy_attribution,
                                 sustainable_discount_factors, tit_for_tat, trigger_on_signal, win_stay_lose_shift)

PD = prisoners_dilemma()
RG = RepeatedGame(PD)
SIGNALS = RG.monitoring.signals


def test_a_table_automaton():
    grim = Automaton(["c", "p"], "c", {"c": "C", "p": "D"},
                     {(w, y): "c" if w == "c" and y == ("C", "C") else "p" for w in ("c", "p") for y in SIGNALS})
    assert grim.num_states == 2 and grim.action("p") == "D"
    assert grim.next_state("c", ("D", "C")) == "p"
    assert grim.reachable(SIGNALS) == ("c", "p")
    assert grim == Automaton(["c", "p"], "c", {"c": "C", "p": "D"}, dict(grim.transition))


def test_unreachable_states_need_no_transitions():
    automaton = Automaton(["c", "never"], "c", {"c": "C", "never": "D"}, {("c", y): "c" for y in SIGNALS})
    assert automaton.reachable(SIGNALS) == ("c",)
    assert compose(RG, (automaton, always_defect())).states == (("c", "defect"),)


def test_builtin_transitions_by_hand():
    # grim trigger: any D leads to punishment for ever
    grim = grim_trigger()
    assert [grim.next_state("cooperate", y) for y in SIGNALS] == ["cooperate", "punish", "punish", "punish"]
    assert {grim.next_state("punish", y) for y in SIGNALS} == {"punish"}
    # tit-for-tat copies the other player
    tft = tit_for_tat()
    assert [tft.next_state("defect", y, player=0) for y in SIGNALS] == ["cooperate", "defect", "cooperate", "defect"]
    assert [tft.next_state("defect", y, player=1) for y in SIGNALS] == ["cooperate", "cooperate", "defect", "defect"]
    # Pavlov: cooperate after CC and DD
    wsls = win_stay_lose_shift()
    assert [wsls.next_state(w, y) for w in ("cooperate", "defect") for y in SIGNALS] == \
        ["cooperate", "defect", "defect", "cooperate"] * 2
    # k-period punishment counts down whatever happens
    lp = limited_punishment(3)
    assert lp.states == ("cooperate", "punish 1", "punish 2", "punish 3")
    assert [lp.next_state(w, ("C", "C")) for w in lp.states] == ["cooperate", "punish 2", "punish 3", "cooperate"]
    assert lp.next_state("cooperate", ("C", "D")) == "punish 1"
    assert always_cooperate().action("cooperate") == "C" and always_defect("D").action("defect") == "D"


def test_forgiving_trigger_reads_the_public_lottery():
    forgive = forgiving_trigger(Fraction(1, 3))
    assert forgive.lottery == {"forgive": Fraction(1, 3), "continue": Fraction(2, 3)}
    assert forgive.next_state("punish", (("C", "C"), "forgive")) == "cooperate"
    assert forgive.next_state("punish", (("C", "C"), "continue")) == "punish"
    assert forgive.next_state("cooperate", (("D", "C"), "forgive")) == "punish"


def test_trigger_on_signal_with_a_set_or_a_predicate():
    permanent = trigger_on_signal({("0",), ("1",), ("0", "1")})
    assert permanent.states == ("cooperate", "punish")
    assert permanent.next_state("cooperate", ()) == "cooperate"
    assert permanent.next_state("cooperate", ("1",)) == "punish"
    assert permanent.next_state("punish", ()) == "punish"
    brief = trigger_on_signal(lambda y: "0" in y, periods=1)
    assert brief.next_state("cooperate", ("1",)) == "cooperate"
    assert brief.next_state("cooperate", ("0", "1")) == "punish 1"
    assert brief.next_state("punish 1", ()) == "cooperate"


def test_other_action_labels():
    game = stag_hunt()
    grim = grim_trigger(cooperate="Stag", defect="Hare")
    assert grim.action("punish") == "Hare"
    # in the stag hunt both stag-stag and hare-hare are stage equilibria: grim trigger holds for every delta
    delta_set = sustainable_discount_factors(RepeatedGame(game), (grim, grim))
    assert delta_set.infimum == 0 and delta_set.is_interval_to_one


def test_composition_keeps_the_off_path_states():
    # tit-for-tat's four joint states are all reachable after some history, though only CC is on the path
    joint = compose(RG, (tit_for_tat(), tit_for_tat()))
    assert set(joint.states) == {(a, b) for a in ("cooperate", "defect") for b in ("cooperate", "defect")}
    assert joint.states[0] == ("cooperate", "cooperate")
    assert joint.action(("defect", "cooperate")) == ("D", "C")
    # after (D, C) each copies the other: player 0 cooperates next, player 1 defects
    assert joint.next_state(("cooperate", "cooperate"), ("D", "C")) == ("cooperate", "defect")


def test_a_joint_automaton_gives_the_same_answers_as_the_profile():
    # Mailath & Samuelson (2006), ch. 2: grim trigger as one automaton on W = {cooperate, punish}
    joint = JointAutomaton(["cooperate", "punish"], "cooperate",
                           {"cooperate": ("C", "C"), "punish": ("D", "D")},
                           lambda w, y: "cooperate" if w == "cooperate" and y == ("C", "C") else "punish")
    profile = (grim_trigger(), grim_trigger())
    assert sustainable_discount_factors(RG, joint) == sustainable_discount_factors(RG, profile)
    assert compose(RG, joint).states == ("cooperate", "punish")


def test_n_player_composition():
    rg = RepeatedGame(public_goods(4, 2, 1))
    joint = compose(rg, tuple(grim_trigger() for _ in range(4)))
    assert len(joint.states) == 2
    # n-player tit-for-tat defects iff some other player defected
    tft = tit_for_tat()
    assert tft.next_state("cooperate", ("C", "C", "D", "C"), player=2) == "cooperate"
    assert tft.next_state("cooperate", ("C", "C", "D", "C"), player=0) == "defect"


def test_composition_with_a_public_lottery():
    joint = compose(RG, (forgiving_trigger(Fraction(1, 2)), forgiving_trigger(Fraction(1, 2))))
    assert joint.states == (("cooperate", "cooperate"), ("punish", "punish"))
    assert joint.lottery == {"forgive": Fraction(1, 2), "continue": Fraction(1, 2)}
    # an automaton without a lottery reads only the signal: the forgiver returns to cooperation while
    # grim trigger keeps punishing
    mixed = compose(RG, (forgiving_trigger(Fraction(1, 2)), grim_trigger()))
    assert mixed.states == (("cooperate", "cooperate"), ("punish", "punish"), ("cooperate", "punish"))
    assert mixed.next_state(("punish", "punish"), (("D", "D"), "forgive")) == ("cooperate", "punish")


def test_joint_states_under_noisy_attribution():
    rg = RepeatedGame(PD, noisy_attribution(PD, Fraction(9, 10), Fraction(1, 10)))
    blame = trigger_on_signal(lambda y: len(y) > 0, periods=2)
    assert compose(rg, (blame, blame)).states == (("cooperate", "cooperate"), ("punish 1", "punish 1"),
                                                  ("punish 2", "punish 2"))


def test_automata_compare_by_content_or_name():
    assert grim_trigger() == grim_trigger() and grim_trigger() != tit_for_tat()
    assert limited_punishment(2) == limited_punishment(2) and limited_punishment(2) != limited_punishment(3)
    assert hash(grim_trigger()) == hash(grim_trigger())
    blamed, doubly = (lambda y: len(y) > 0), (lambda y: len(y) > 1)
    assert trigger_on_signal(blamed) == trigger_on_signal(blamed) != trigger_on_signal(doubly)
    assert trigger_on_signal({()}) == trigger_on_signal([()])
    assert forgiving_trigger(Fraction(1, 2)) != forgiving_trigger(Fraction(1, 3))
    custom = Automaton(["c"], "c", {"c": "C"}, lambda w, y: w, name="grim_trigger()")
    assert custom != Automaton(["c"], "c", {"c": "C"}, lambda w, y: w, name="grim_trigger()")
    assert repr(limited_punishment(2)) == "limited_punishment(2)"
    assert repr(grim_trigger(cooperate="Stag", defect="Hare")) == "grim_trigger(cooperate='Stag', defect='Hare')"
