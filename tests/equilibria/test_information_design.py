"""persuasion: Kamenica–Gentzkow's prosecutor by hand; LP and concavification agree; certificates."""

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cybergames import persuasion, verify

PRIOR = {"innocent": Fraction(7, 10), "guilty": Fraction(3, 10)}
ACTIONS = ["acquit", "convict"]


def judge(state, action):
    return int((state == "guilty") == (action == "convict"))


def prosecutor(state, action):
    return int(action == "convict")


@pytest.mark.parametrize("method", ["lp", "concavification"])
def test_kamenica_gentzkow_prosecutor(method):
    # Kamenica & Gentzkow, "Bayesian persuasion", AER 101 (2011), sec. I: prior Pr(guilty) = 0.3, the
    # judge convicts iff Pr(guilty | signal) >= 1/2. By hand: the prosecutor's payoff at belief mu is
    # 0 for mu < 1/2 and 1 for mu >= 1/2; its concave closure at 0.3 is the chord from (0, 0) to
    # (1/2, 1), i.e. 2 * 0.3 = 3/5. The split: posterior 1/2 with probability 3/5, posterior 0 with 2/5.
    # Bayes: Pr(signal "convict" | guilty) = (3/5)(1/2)/(3/10) = 1, | innocent = (3/5)(1/2)/(7/10) = 3/7.
    result = persuasion(PRIOR, ACTIONS, prosecutor, judge, method=method)
    assert result.value == Fraction(3, 5) and result.exact
    assert dict(result.signal["guilty"]) == {"acquit": 0, "convict": 1}
    assert dict(result.signal["innocent"]) == {"acquit": Fraction(4, 7), "convict": Fraction(3, 7)}
    assert dict(result.probabilities) == {"acquit": Fraction(2, 5), "convict": Fraction(3, 5)}
    assert dict(result.posteriors["convict"]) == {"innocent": Fraction(1, 2), "guilty": Fraction(1, 2)}
    assert dict(result.posteriors["acquit"]) == {"innocent": 1, "guilty": 0}
    # without information the judge acquits (Pr(guilty) = 0.3 < 1/2); the judge's payoff: right
    # verdicts 0.3 (guilty convicted) + 0.7 * 4/7 (innocent acquitted) = 0.7
    assert result.no_information == 0 and result.receiver_value == Fraction(7, 10)
    assert verify(result).ok


def test_float_prosecutor():
    result = persuasion({"innocent": 0.7, "guilty": 0.3}, ACTIONS, prosecutor, judge)
    assert not result.exact and result.value == pytest.approx(0.6) and verify(result).ok


def test_payoff_mappings_and_a_null_state():
    sender = {(s, a): int(a == "convict") for s in ("innocent", "guilty", "alibi") for a in ACTIONS}
    receiver = {(s, a): int((s == "guilty") == (a == "convict")) for s in ("innocent", "guilty", "alibi")
                for a in ACTIONS}
    prior = {"innocent": Fraction(7, 10), "guilty": Fraction(3, 10), "alibi": 0}
    result = persuasion(prior, ACTIONS, sender, receiver)
    assert result.value == Fraction(3, 5) and sum(result.signal["alibi"].values()) == 1
    assert verify(result).ok


def test_verify_rejects_a_forged_certificate():
    from dataclasses import replace
    result = persuasion(PRIOR, ACTIONS, prosecutor, judge, method="concavification")
    assert not verify(replace(result, certificate=(0, 1))).ok          # the line mu lies below v^(1/2) = 1
    lp = persuasion(PRIOR, ACTIONS, prosecutor, judge)
    assert not verify(replace(lp, certificate=((0, 0), lp.certificate[1]))).ok


def _full_information(prior, actions, sender, receiver):
    """The sender's payoff when the state is revealed (receiver's ties broken for the sender)."""
    total = 0
    for s, p in prior.items():
        best = max(receiver(s, a) for a in actions)
        total += p * max(sender(s, a) for a in actions if receiver(s, a) == best)
    return total


@st.composite
def problems(draw, states=2):
    names = [f"w{k}" for k in range(states)]
    weights = draw(st.lists(st.integers(0, 5), min_size=states, max_size=states).filter(lambda w: sum(w) > 0))
    prior = {s: Fraction(w, sum(weights)) for s, w in zip(names, weights)}
    actions = [f"a{k}" for k in range(draw(st.integers(1, 4)))]
    table = st.integers(-3, 3)
    sender = {(s, a): draw(table) for s in names for a in actions}
    receiver = {(s, a): draw(table) for s in names for a in actions}
    return prior, actions, sender, receiver


@settings(max_examples=60, deadline=None)
@given(problems())
def test_linear_programme_and_concavification_agree(problem):
    prior, actions, sender, receiver = problem
    lp = persuasion(prior, actions, sender, receiver)
    cav = persuasion(prior, actions, sender, receiver, method="concavification")
    assert lp.value == cav.value
    assert verify(lp).ok and verify(cav).ok


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 4).flatmap(lambda n: problems(n)))
def test_optimal_signal_beats_no_and_full_information(problem):
    prior, actions, sender, receiver = problem
    result = persuasion(prior, actions, sender, receiver)
    full = _full_information(prior, actions, lambda s, a: sender[(s, a)], lambda s, a: receiver[(s, a)])
    assert result.value >= result.no_information and result.value >= full
    assert verify(result).ok
    floats = persuasion({s: float(p) for s, p in prior.items()}, actions, sender, receiver)
    assert floats.value == pytest.approx(float(result.value), abs=1e-7)


def test_inputs_are_not_changed():
    prior = dict(PRIOR)
    actions = list(ACTIONS)
    persuasion(prior, actions, prosecutor, judge)
    assert prior == PRIOR and actions == ACTIONS
