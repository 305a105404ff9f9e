"""Every script in examples/ runs, writes its figure and prints its key numbers; the docs gallery is current."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path

import matplotlib.pyplot as plt
import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GALLERY = ROOT / "docs" / "_static" / "gallery"
PNG = b"\x89PNG\r\n\x1a\n"

#: Numbers each example must print, with where they come from (all derived by hand as noted).
KEY_LINES = {
    "grim_trigger_and_tit_for_tat": [
        # Friedman (1971), Axelrod (1984, ch. 1): grim trigger iff delta >= (T - R)/(T - P) = 2/4.
        "Grim trigger is subgame perfect iff delta >= (-R + T)/(-P + T)",
        "grim trigger             subgame perfect for delta in [1/2, 1)",
        # Two rounds of punishment: delta + delta^2 >= (T - R)/(R - P) = 1, delta >= (sqrt(5) - 1)/2.
        "2 rounds of punishment   subgame perfect for delta in [-1/2 + sqrt(5)/2, 1)",
        # Tit-for-tat needs (T - R)/(R - S) = (P - S)/(T - P): 2/3 vs 1/4 never; at T = 4, 1/3 = 1/3.
        "tit-for-tat              subgame perfect for delta in {}",
        "tit-for-tat, T = 4       subgame perfect for delta in [1/3, 1/3]",
    ],
    "noisy_monitoring": [
        "detection q = 1, false flags r = 0: subgame perfect equilibrium for delta in [1/2, 1)",
        # (T - R)/((1 - r)^2 (T - P) - (1 - q)(1 - r)(R - P)) = 2/(0.81 * 4 - 0.09 * 2) = 2/3.06 = 100/153.
        "detection q = 9/10, false flags r = 1/10: perfect public equilibrium for delta in [100/153, 1)",
        "detection q = 3/10, false flags r = 1/10: no discount factor sustains it",
        # delta -> 1 needs (1 - r)(1 + q - 2r) > 1: at r = 1/10, q > 1/0.9 - 0.8 = 14/45.
        "at r = 1/10: q > 14/45",
    ],
    "beer_quiche": [
        # Cho & Kreps (1987): the bully duels iff mu(weak) >= 1/2; beer pool survives, quiche pool fails.
        "after quiche (off the path) the bully duels, supported by mu(weak | quiche) in [1/2, 1]",
        "payoffs {'weak': 2, 'strong': 3}, bully 9/10; intuitive criterion: survives, D1: survives",
        "payoffs {'weak': 3, 'strong': 2}, bully 9/10; intuitive criterion: fails, D1: fails",
    ],
    "spence_job_market": [
        # Separation at e = 2: high type gets 3 - 8/9 = 19/9, low type 1 (spence_job_market's Notes).
        "separating: low 0, high 2; 0 -> 1, 2 -> 3",
        "worker payoffs low 1, high 19/9; intuitive criterion kept, D1 kept",
        # D1 keeps the pool iff 1 + 2p >= 3 - 4/9, p >= 7/9.
        "prior 3/4: no", "prior 7/9: yes",
    ],
    "crawford_sobel": [
        # a_i = i/N + 2 b i (i - N) at b = 1/20, N = 3: 1/3 - 1/5, 2/3 - 1/5; utility -(1/108 + b^2 8/3).
        "N = 3: boundaries 0, 2/15, 7/15, 1; receiver's expected utility -43/2700",
        # 2 b N (N - 1) < 1: b = 1/4 allows N = 1 only; b = 1/100 allows N = 7 (84/100 < 1 < 112/100).
        "b = 1/4: N = 1", "b = 1/100: N = 7",
    ],
    "equilibrium_payoff_set": [
        "Minmax values (mixed): (1, 1)",
        # Feasible and individually rational: the hull cut at 1; (5, 0)-(3, 3) meets u_2 = 1 at u_1 = 13/3.
        "Folk-theorem region (feasible and individually rational): (1, 1), (4.333, 1), (3, 3), (1, 4.333)",
        # (3, 3) is a vertex and P = 1 both the Nash and the minmax payoff: exactly (5 - 3)/(5 - 1) = 1/2
        "(3, 3) is an equilibrium payoff exactly from delta = 1/2 on (exact: True",
    ],
    "model_trust": [
        "δ ≥ (T − R)/(T − P) = 1/2 (holds here)",
        # Kydd (2005), ch. 2 and 7, in this game: G_u = (2/5) 5 + (3/5) 1 - 1 = 8/5, G_t = 3 - 1 = 2;
        # p*(3/5) = (2/5)/(2 + 2/5) = 1/6; 3/5 s in [8/5, 2] iff s = 3 (derived in tests/models/test_trust.py).
        "The game's answer: separating reassurance; a gesture separates iff its cost lies in [8/5, 2]; "
        "trust on the prior needs p >= 1/6.",
        # without a gesture: min(3/4, 7/9) = 3/4; with s = 3: 9/5 >= 4 (1 - delta) iff delta >= 11/20
        "Cooperation starts from delta = 3/4 without a gesture, from delta = 11/20 with one.",
        "separating: gestures (3, 0), trusted, not trusted; intuitive criterion passes, D1 fails",
        # KMRW in Gibbons's normalisation a = 2, b = -1/2: mu* = max(1/3, 2/3) = 2/3 (tests/models/
        # test_trust_reputation.py); N - 2 = 8 from mu*, N - 3 = 7 between 1/3 and 2/3, none below 1/3.
        "Over 10 periods, with a reciprocator of probability 7/10 (mu* = 2/3): 8 periods of cooperation, then 2 "
        "without (KMRW).",
        "  mu = 1/5: 0", "  mu = 1/2: 7", "  mu = 2/3: 8",
    ],
    "model_interests": [
        # delta_i >= g_i/(l_i + L_i): 3/4, 1/4; with L_1 = 1: 3/5.
        "state 1: 3/4, state 2: 1/4", "state 1 with linkage L_1 = 1: 3/5",
    ],
    "model_jurisdiction": [
        # delta pi (v + s - b - c_p) >= (1 - delta)(b + c_p) with 4/5, 1/5, (4 + 2 - 2 - 1), 3:
        # delta >= 5/6; pi >= 1/4; s >= (3/5)/(4/25) + 3 - 4 = 11/4.
        "critical discount factor 5/6, minimal enforcement probability 1/4, minimal sanction 11/4",
    ],
    "model_capacity": [
        # tau_min = c_2 - b(1 + delta) = 7 - 32/5 = 3/5; tau_max = b(1 + delta) - c_1 = 7/5.
        "Transfers that keep both states investing: from 3/5 to 7/5",
        "transfer 1: critical discount factors 1/2 (capable state), 1/2 (weak state)",
    ],
    "model_norms": [
        # x* = (P - S)/((R - T) + (P - S)) = 2/3; coalition ceil(2/3 * 7) = 5.
        "Tipping share x* = 2/3; coalition that tips the norm: 5 states",
        # KMR among 8 states (tests/models/test_norms.py, by hand): 6 mistakes in, 3 out.
        "KMR among 8 states: 6 mistakes tip abstention into the norm, 3 tip it back; stochastically stable: ((0, 8),)",
        # two states: grim trigger, (T' - R)/(T' - P) = (5 - 4)/(5 - 2) = 1/3
        "  2 states: 0.3333 <= δ < 1.0000",
    ],
    "model_attribution": [
        # rho_c = 81/100, rho_d = 18/100: 2/(324/100 - 36/100) = 25/36; q = 1: 2/3.24 = 50/81.
        "q = 4/5: 25/36", "q = 1: 50/81", "q = 3/10: None",
        # The game's outer bound g/(g + |q - r| (13/3 - 1)) with g = 1 (tests/models/test_attribution_regions.py):
        # q = 4/5: 1/(1 + 7/3) = 3/10; q = 3/10: 1/(1 + 2/3) = 3/5; q = r = 1/10: 1.
        "q = 4/5: 3/10", "q = 3/10: 3/5", "q = 1/10: 1",
    ],
    "escalation_ladder": [
        # By hand (the example's docstring): with c = 1 the probe is worth 2 - 5 q a, so the attacker
        # refrains iff q a >= 2/5; at q = 4/5, a = 1/4 the probe pays 2 - 1 = 1 and the defender
        # (1/5)(-2) + (4/5)((1/4)(-1) + (3/4)(-2)) = -9/5; at a = 3/4, 2 - 3 < 0: refrain.
        "attacker refrains iff 0 >= -5*a*q + 2",
        "q = 4/5, a = 1/4: path through chance, attacker probes, payoffs (1, -9/5)",
        "q = 4/5, a = 3/4: path ('refrain',), attacker refrains, payoffs (0, 0)",
    ],
    "disclosure_or_exploit": [
        # By hand (the example's docstring): for p = 1/4 < 1/2 stockpiling pays 3 - 4p = 2 > 1 even
        # against exploitation, and the rival exploits (2 > 1): payoffs (2, (1/4) 2 + (3/4)(-1)).
        "p = 1/4: state discloses with probability 0, rival with 0; payoffs (2, -1/4)",
        # p = 3/5: state mixes 1/2 (rival indifferent 1 = 2(1 - 1/2)), rival discloses 1 - (1/5)/(3/5).
        "p = 3/5: state discloses with probability 1/2, rival with 2/3; payoffs (1, 2/5)",
    ],
    "model_information": [
        # With the clearing house (n(c + l) - mc)/(mc(n - 1)) = (15/2 - 2)/8 = 11/16; n = 2 without:
        # T = 1, R = 1/2, rho_c = 361/400, rho_d = 19/100: (1/2)/(361/400 - 19/200) = 200/323.
        "n = 5: 8800000/9252791 / 11/16", "n = 2: 200/323 / 1/2",
        # Anonymised reports at n = 3, q = 3/10: the interior optimum, found again by a grid search in
        # tests/models/test_anonymity.py::test_an_interior_optimum_found_by_grid_too.
        "n = 3, q = 3/10: optimum interior, a* = 0.5307, least delta 0.5913",
    ],
    "chain_store_reputation": [
        # Kreps & Wilson (1982); Fudenberg & Tirole (1991), ch. 9.2.2: deterred iff mu > b^N = 2^-10.
        "the first entrant stays out iff mu > b^N = 1/1024",
        # 1/20 > 2^-k for k = 10..5 (1/32 < 1/20 < 1/16): six deterred periods, a = 2 each.
        "prior mu = 1/20: entry deterred in the first 6 periods; weak incumbent's payoff 12",
        # k = 4: beta = (1/20)(7/8) / ((19/20)(1/8)) = 7/19.
        "       7     4        1/20      1         7/19",
        # Benoit & Krishna (1985): gain 1 < loss 3 - 1 = 2 in period T - 1.
        "(C, C) is played up to period 5, then ('R', 'R')",
        # Fudenberg & Levine (1989): pi = 1/2, (1/2)^6 >= 1/100 > (1/2)^7, bound 2 (9/10)^6.
        "pi = 1/2, k* = 6, payoff >= 531441/500000",
    ],
    "attribution_cutoffs": [
        # c = (q - r) q p / (d p + 2 r (1 - p)) at q = 3/5, r = 1/10, d = 4/5: c = 1/3 (tests/bayesian).
        "cutoffs 1/3, 1/3; attack probabilities 2/3, 2/3; retaliation after an accusation 2/3",
        "d(cutoff)/dd = 59/126, d(cutoff)/dr = -8/9",
    ],
}
KEY_LINES["cyber_timing"] = [
    # Axelrod & Iliev (2014): S = 0, P = 1, w = 3/5, stakes 1 or 3: V = (3/2)/(1 - 3/10) = 15/7, T* = (3/5) V.
    "S = 0, P = 1, w = 3/5, stakes 1 or 3: V = 15/7, threshold T* = 9/7; use at stakes 3 only: True",
    # S = P: T* = 0 and V = E T/(1 - w S) = (11/2)/(1 - 9/20) = 10.
    "S = 1/2, P = 1/2: threshold 0 (~0.000), value 10.000; used at any stakes",
]
KEY_LINES["crisis_bargaining"] = [
    # Osborne & Rubinstein (1994), ch. 7, Prop. 122.1: 1/(1 + 9/10) = 10/19; (1 - 4/5)/(1 - 2/5) = 1/3.
    "Rubinstein, delta_1 = delta_2 = 9/10: shares 10/19, 9/19",
    "Rubinstein, delta_1 = 1/2, delta_2 = 4/5: shares 1/3, 2/3",
    # Fearon (1995): [p - c_A, p + c_B]; uniform costs: x* = p + (1/2 - 1/10)/2, war (1/5)/(1/2).
    "Fearon: p = 1/2, c_A = 1/10, c_B = 1/5: bargaining range [2/5, 7/10]",
    "c_B uniform on [0, 1/2]: A demands 7/10, war with probability 2/5",
]
KEY_LINES["evolutionary_dynamics"] = [
    # Harsanyi & Selten (1988): Nash products 1 (stag) < 9 (hare) in Skyrms' stag hunt T, R, P, S = 3, 4, 3, 0.
    "risk dominant: ('Hare', 'Hare'); payoff dominant: ('Stag', 'Stag')",
    # KMR (1993), N = 10, by hand in tests/dynamics/test_stability.py: 3 hare mutants tip all-stag, 8 stag
    # mutants are needed from all-hare.
    "KMR, N = 10: all-Stag -> all-Hare needs 3 mutations, all-Hare -> all-Stag needs 8",
    "stochastically stable: Stag: 0, Hare: 10; radius 8 > coradius 3: True",
    # Nowak (2006), eq. (6.13): (1 - 1/2)/(1 - 1/8) = 4/7.
    "Moran, mutant fitness 2, N = 3: fixation probability 4/7",
]
KEY_LINES["model_investment"] = [
    # Gordon & Loeb (2002), class I: v beta alpha L = (1/2)(1)(1)(8) = 4, z* = sqrt(4) - 1 = 1, share 1/(4) = 1/4.
    "class I, v = 1/2: z* = 1.0000, share 0.2500",
    # Class II, alpha = 1, L = 10: -v L ln v = 9.5 * 0.0513 = 0.487 < 1 at v = 0.95, so nothing is invested.
    "class II (alpha = 1, L = 10), v = 0.95: z* = 0.0000",
]
KEY_LINES["model_interdependence"] = [
    # Kunreuther & Heal (2003): pL = 20, p(1 - q)L = 10; Harsanyi-Selten: pL(1 - q/2) = 15.
    "both invest iff c <= pL = 20; investing dominant iff c <= p(1 - q)L = 10; selected iff c < pL(1 - q/2) = 15",
    # q = 1: y* = (14 - 0)/(20 - 0) = 7/10.
    "contagion q = 1: tipping point y* = 7/10, dominance threshold 0",
]
KEY_LINES["model_multimarket"] = [
    # Bernheim & Whinston (1990): (5-3)/(5-1) = 1/2, (4-3)/(4-0) = 1/4, linked (2+1)/(4+4) = 3/8;
    # identical issues: (2+2)/(4+4) = 1/2; T_2 = 7: (7-3)/7 = 4/7 and (2+4)/(4+7) = 6/11.
    "defaults: 1/2, 1/4; linked 3/8",
    "identical issues: 1/2, 1/2; linked 1/2",
    "a more tempting issue 2: 1/2, 4/7; linked 6/11",
]
KEY_LINES["model_crisis"] = [
    # Fearon (1995): [p - c_A, p + c_low] = [1/2 - 1/10, 1/2 + 0].
    "Bargaining range against B's toughest type: [2/5, 1/2]",
    # x* = p + (c_high - c_A)/2 = 1/2 + 1/5 = 7/10; conflict (1/5)/(1/2) = 2/5. c_high = 1/10 = c_A + 2 c_low: none.
    "c_high = 1/2: A demands 7/10, conflict with probability 2/5",
    "c_high = 1/10: A demands 1/2, conflict with probability 0",
]

def scripts():
    return sorted(p.stem for p in EXAMPLES.glob("*.py") if not p.name.startswith("_"))


def test_every_example_has_its_key_lines():
    assert set(KEY_LINES) == set(scripts())


def run_example(name, out, monkeypatch, capsys):
    """Run examples/<name>.py in this process as ``python examples/<name>.py --output OUT --dpi 30``."""
    monkeypatch.setattr(sys, "argv", [str(EXAMPLES / f"{name}.py"), "--output", str(out), "--dpi", "30"])
    runpy.run_path(str(EXAMPLES / f"{name}.py"), run_name="__main__")
    plt.close("all")
    return capsys.readouterr().out


@pytest.mark.parametrize("name", scripts())
def test_example_runs_prints_its_numbers_and_writes_its_figure(name, tmp_path, monkeypatch, capsys):
    out = tmp_path / "figures"                     # the example creates it
    text = run_example(name, out, monkeypatch, capsys)
    for line in KEY_LINES[name]:
        assert line in text, f"{name} did not print {line!r}"
    figure = out / f"{name}.png"
    assert figure.read_bytes()[:8] == PNG
    assert text.rstrip().endswith(f"figure: {figure}")
    # the docs gallery shows this output: it must be what the example prints today
    committed = (GALLERY / f"{name}.txt").read_text()
    fresh = text.replace(str(out), str(Path("docs") / "_static" / "gallery"))
    assert fresh == committed, f"docs/_static/gallery/{name}.txt is stale: run python docs/make_gallery.py {name}"


def test_an_example_runs_as_a_script_in_a_fresh_process(tmp_path):
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(EXAMPLES / "crawford_sobel.py"), "--output", str(tmp_path),
                           "--dpi", "30"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert KEY_LINES["crawford_sobel"][0] in done.stdout
    assert (tmp_path / "crawford_sobel.png").read_bytes()[:8] == PNG
    assert list(EXAMPLES.glob("*.png")) == []          # nothing written into the source tree


@pytest.mark.parametrize("name", scripts())
def test_the_gallery_shows_this_example(name):
    """The docs link a committed figure and output for every example."""
    assert (GALLERY / f"{name}.png").read_bytes()[:8] == PNG
    assert (GALLERY / f"{name}.txt").is_file()
    page = (ROOT / "docs" / "explanation" / "gallery.rst").read_text()
    assert f"/_static/gallery/{name}.png" in page
    assert f"/_static/gallery/{name}.txt" in page
    assert f"examples/{name}.py" in page
KEY_LINES["model_deterrence"] = [
    # Baliga, Bueno de Mesquita & Wolitzky (2020), derived here: q = 3/5, K = 9/20, 14 c^2 - 27 c + 9 = 0, c* = 3/7.
    "Equilibrium: cutoff 3/7, attack probability 4/7, retaliation probability 4/7",
    # q = 3/5 fixed, d = 7/10 (alpha = 6/7): 10 c^2 - 23 c + 9 = 0, c = 1/2; d = 1: p* = (3 + sqrt 265)/32.
    "d = 7/10: alpha fixed p* = 0.6773, q fixed p* = 0.5000",
    "d = 1: alpha fixed p* = 0.5213, q fixed p* = 0.6025",
]
KEY_LINES["model_timing"] = [
    # Axelrod & Iliev (2014), derived here: V_H = 1/(7/25) = 25/7 > V_A = 35/11; T* = (9/10)(2/5)(25/7) = 9/7.
    "Value 25/7, threshold T* = 9/7; used at low stakes iff S >= 167/270 (or P <= 107/126)",
    # S = 0: V_H = 400/157, T* = (81/100)(400/157) = 324/157; S = 3/4: V_A = 70/13, T* = (27/200)(70/13) = 189/260.
    "S = 0: T* = 324/157, kept at low stakes",
    "S = 3/4: T* = 189/260, used at low stakes",
]
KEY_LINES["model_sharing"] = [
    # Derived here (cybergames.security.sharing): s* = (rho + tau)/l = 3/4; z* = w + (lambda - theta) s*.
    # lambda = 0: z* = 1 - 3/8 = 5/8; s_opt = (theta + lambda w + rho)/(l + 2 lambda theta - lambda^2) = 3/4,
    # subsidy l s_opt - rho = 1/2. lambda = 1: z* = 1 + 3/8 = 11/8; s_opt = (7/4)/1, z_opt = 1 + 7/8 = 15/8.
    "lambda = 0: substitutes; equilibrium z* = 5/8, s* = 3/4; optimum z = 5/8, s = 3/4; subsidy 1/2",
    "lambda = 1/2: independent; equilibrium z* = 1, s* = 3/4; optimum z = 1, s = 1; subsidy 3/4",
    "lambda = 1: complements; equilibrium z* = 11/8, s* = 3/4; optimum z = 15/8, s = 7/4; subsidy 3/2",
]
KEY_LINES["model_reliability"] = [
    # Derived here (cybergames/security/reliability.py): x_i* = 1 - c_i/(2 v_i) with v = 1, c_2 = 1: x_2* = 1/2.
    # c_1 = 1/5: x_1* = 9/10; state 2 cannot provide, (9/10)^2 = 81/100 > (1/2)(3/2) = 3/4.
    "c_1 = 1/5: total effort 9/10, weakest link 1/2, best shot 9/10; checked against the enumerated game: True",
    # c_1 = 1/2: x_1* = 3/4; (3/4)^2 = 9/16 <= 3/4, so state 2 providing 1/2 is an equilibrium too.
    "c_1 = 1/2: total effort 3/4, weakest link 1/2, best shot 3/4, 1/2; checked against the enumerated game: True",
    "c_1 = 1: total effort 1/2, weakest link 1/2, best shot 1/2, 1/2; checked against the enumerated game: True",
]
