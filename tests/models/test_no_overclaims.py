"""No model claims that cooperation is impossible in the game without a certificate.

Each model's conditions belong to the strategy profile it names (retaliation
after any blame, sharing until anyone is suspected, ...). That a profile fails
at every δ says nothing about the game: other equilibria may do better (in the
attribution model, the folk theorem of Fudenberg, Levine & Maskin 1994 applies
whenever q ≠ r). So every sentence of a model's text that denies sustainability
at all discount factors must name the strategy it is about, and a claim about
the game must cite the folk-theorem conditions. Where the named profile fails
at every δ (the old "below q = 14/45 no patience deters" and "impossible at any
δ beyond 5 states"), the text must show an explicit equilibrium of the game,
checked exactly, with its value; a denial about the game itself needs the
outer payoff set (``GameAnswer.impossible``).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

import cybergames.models as models

#: Phrases that deny sustainability for every discount factor.
IMPOSSIBLE = re.compile(r"impossib|no patience|cannot be sustained|at no δ|(?:fails?|not|never)\b[^.;]*at every δ|"
                        r"no δ|no delta|(?:fails?|not|never|cannot|no)\b[^.;]*at any δ|whatever the patience|"
                        r"however patient|for any δ", re.I)
#: The strategy profiles the models name; a denial must name one of them (or "this strategy").
PROFILES = ("retaliation after any blame", "until anyone is suspected", "permanent retaliation", "this strategy",
            "retaliating for ever", "retaliating for", "certifies nothing about other profiles")
#: The one denial about the game that a certificate other than the outer set backs: full cooperation itself,
#: an extreme feasible payoff, under full-support monitoring (``GameAnswer.bracket``, found False, lower 1).
VERTEX = "certified by the vertex argument"


def vertex_certified(analysis, sentence):
    """Whether ``sentence`` is the vertex certificate's, and the game answer carries that certificate."""
    found = analysis.game.bracket if analysis.game is not None else None
    return (VERTEX in sentence and found is not None and not found.found and found.lower == 1
            and found.upper is None and "a vertex of the feasible set under public monitoring" in found.certificate)


def sentences(analysis):
    texts = [*analysis.findings, *(c.explanation for c in analysis.conditions),
             *(r.effect for r in analysis.remedies)]
    for text in texts:
        yield from (s for s in re.split(r"(?<=[.;])\s", text) if s)


# The defaults, and the parameters where the report used to say "below q = 14/45 no patience
# deters" (attribution) and "sharing is impossible at any δ beyond 5 states" (information).
CASES = [models.model_class(key)() for key in models.REGISTRY] + [
    models.AttributionModel(detect=models.AttributionModel().detect / 4),
    models.AttributionModel(false_flag=models.AttributionModel().false_flag * 3),
    models.InformationSharingModel(n=8),
    models.InformationSharingModel(n=6),
]
# Where the game answers of the interests and jurisdiction models deny full cooperation (an offence-dominant
# state; a sanction that is not credible) or cannot bound it (false accusations): each denial is certified by
# the minmax bound and says that it certifies nothing about other profiles.
EDGES = [models.InterestsModel(gain_1=5),
         models.JurisdictionModel(averted_share=models.JurisdictionModel().averted_share / 4),
         models.JurisdictionModel(false_accusation=models.JurisdictionModel().enforcement / 4)]


_ANALYSES = {}


def analysed(model):
    """``model.analyse()``, once per case (the q = 1/5 cases search explicit equilibria for seconds)."""
    if id(model) not in _ANALYSES:
        _ANALYSES[id(model)] = model.analyse()
    return _ANALYSES[id(model)]


@pytest.mark.parametrize("model", CASES + EDGES, ids=[f"{m.key}-{k}" for k, m in enumerate(CASES + EDGES)])
def test_every_denial_of_sustainability_names_its_strategy(model):
    for sentence in sentences(analysed(model)):
        if IMPOSSIBLE.search(sentence):
            assert any(p in sentence for p in PROFILES) or vertex_certified(analysed(model), sentence), sentence


def test_the_attribution_model_says_what_the_game_allows_beyond_its_strategy():
    # q = 1/5 < 14/45: retaliation after any blame deters at no δ, but q != r gives pairwise full
    # rank (Fudenberg, Levine & Maskin 1994, Theorem 6.1), which the text must say.
    text = " ".join(analysed(CASES[len(models.REGISTRY)]).findings)       # detect = q / 4 = 1/5
    assert "not of the game" in text and "pairwise full rank" in text


@pytest.mark.parametrize("model", CASES[len(models.REGISTRY):], ids=lambda m: f"{m.key}")
def test_where_the_profile_fails_at_every_delta_the_text_shows_a_certified_equilibrium_of_the_game(model):
    # The old sentences ("below q = 14/45 no patience deters", "impossible at any δ beyond 5 states")
    # are gone: the findings name an explicit automaton, checked exactly, with its value.
    analysis = analysed(model)
    game = analysis.game
    found = game.best or game.patient
    assert found is not None and not game.impossible
    text = " ".join(analysis.findings)
    assert "no patience deters" not in text and "impossible at any δ" not in text
    assert f"{found.name}" in text and "exact perfect public equilibrium" in text
    assert "In the game, not only for" in text


@pytest.mark.parametrize("model", CASES + EDGES, ids=[f"{m.key}-{k}" for k, m in enumerate(CASES + EDGES)])
def test_sentences_about_the_game_deny_cooperation_only_with_an_outer_set_certificate(model):
    analysis = analysed(model)
    if analysis.game is None:
        return
    for finding in analysis.findings:
        if finding.startswith("In the game") and IMPOSSIBLE.search(finding):
            # a denial about the game needs the outer payoff set (GameAnswer.impossible), or it must be
            # about the searched family and say that it certifies nothing about other profiles
            assert (analysis.game.impossible or "certifies nothing about other profiles" in finding
                    or vertex_certified(analysis, finding)), finding


@pytest.mark.slow
def test_the_printed_report_makes_no_uncertified_claim():
    report = subprocess.run([sys.executable, "-m", "cybergames"], capture_output=True, text=True, check=True).stdout
    paragraphs = re.split(r"\n\s*(?:- |\n)", report)
    for paragraph in paragraphs:
        flat = " ".join(paragraph.split())
        for sentence in re.split(r"(?<=[.;])\s", flat):
            if IMPOSSIBLE.search(sentence):
                assert any(p in sentence for p in PROFILES) or VERTEX in sentence, sentence


@pytest.mark.parametrize("model", [m for m in CASES if m.key in ("attribution", "information")],
                         ids=lambda m: f"{m.key}")
def test_the_vertex_denial_is_about_full_cooperation_exactly_and_certified(model):
    # The sentence denies (R, R) itself only, says so, and the certificate is the one
    # min_discount_factor_for_payoff gives (found False, lower 1): no share of cooperation is denied.
    analysis = analysed(model)
    (sentence,) = [f for f in analysis.findings if VERTEX in f]
    assert vertex_certified(analysis, sentence)
    assert "itself, exactly" in sentence and "this concerns that payoff only" in sentence
