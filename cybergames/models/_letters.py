"""The letter by which each model's prose names each of its parameters (internal).

The report prints every formula in these letters and lists them once per model
(``δ = delta``, ``q = detect``, ...), so that the sentences, the formulas and
the parameter names of ``--set`` can be read side by side. A parameter not
listed is written by its name (``T``, ``n``, ``prior``).
"""

from __future__ import annotations

__all__ = ["LETTERS", "letters"]

_PD = {"T": "T", "R": "R", "P": "P", "S": "S"}

#: Model key -> parameter name -> letter.
LETTERS = {
    "trust": {**_PD, "delta": "δ", "prior": "p", "max_signal": "s̄", "unit_cost_trustworthy": "k_t",
              "unit_cost_untrustworthy": "k_u", "temptation_trustworthy": "T_t", "reward_untrustworthy": "R_u",
              "behavioural_prior": "μ", "periods": "N"},
    "interests": {"gain_1": "g₁", "loss_1": "l₁", "delta_1": "δ₁", "linkage_1": "L₁",
                  "gain_2": "g₂", "loss_2": "l₂", "delta_2": "δ₂", "linkage_2": "L₂"},
    "jurisdiction": {"relations_value": "v", "prosecution_cost": "c_p", "harbour_benefit": "b", "sanction": "s",
                     "damage": "d", "sanction_cost": "k", "averted_share": "ρ", "enforcement": "π",
                     "false_accusation": "r", "delta": "δ"},
    "capacity": {"benefit": "b", "cost_strong": "c₁", "cost_weak": "c₂", "transfer": "τ", "delta": "δ"},
    "norms": {"n": "n", **_PD, "adopters": "a", "violation_gain": "g", "delta": "δ"},
    "attribution": {**_PD, "detect": "q", "false_flag": "r", "delta": "δ", "punishment": "k"},
    "information": {"n": "n", "multiplier": "m", "cost": "c", "leakage": "ℓ", "detect": "q", "false_flag": "r",
                    "delta": "δ", "anonymity": "a"},
    "investment": {"vulnerability": "v", "loss": "L", "productivity": "α", "shape": "β"},
    "interdependence": {"direct_risk": "p", "contagion": "q", "loss": "L", "cost": "c"},
    "crisis": {"p": "p", "cost_a": "c_A", "cost_b_low": "c_low", "cost_b_high": "c_high"},
    "deterrence": {"detection": "d", "identification": "α", "false_alarm": "r", "loss": "L", "value": "v",
                   "tolerated": "τ"},
    "timing": {"stealth": "S", "persistence": "P", "discount": "w", "stakes_low": "t_low",
               "stakes_high": "t_high", "high_probability": "h"},
    "sharing": {"investment_return": "w", "substitution": "θ", "spillover": "λ", "private_benefit": "ρ",
                "leakage": "ℓ", "subsidy": "τ"},
    "reliability": {"value_1": "v₁", "value_2": "v₂", "cost_1": "c₁", "cost_2": "c₂"},
    "multimarket": {**{f"{x}_{k}": f"{x}{'₁₂'[k - 1]}" for k in (1, 2) for x in "TRPS"}, "delta": "δ"},
}


def letters(key: str) -> dict[str, str]:
    """Parameter name -> letter for the model ``key`` (empty for an unknown key)."""
    return dict(LETTERS.get(key, {}))
