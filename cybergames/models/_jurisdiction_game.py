r"""The jurisdiction model's games, strategies and symbolic derivation (internal).

The stage game, the detection technology and the trigger strategies of
:class:`cybergames.models.JurisdictionModel` are built here from parameter
values of any kind (exact, float or sympy). :func:`derivation` runs the
library once on the fully symbolic game and turns its certificate (the
incentive constraints as polynomials in :math:`\delta`) into the closed forms
the analysis shows: the critical discount factor, the minimal enforcement
probability and the minimal sanction. Nothing here is typed in by hand: each
formula is solved from the library's constraint polynomial.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping

import sympy

from ..games.normal_form import NormalFormGame
from ..repeated import DELTA, Monitoring, RepeatedGame, sustainable_discount_factors, trigger_on_signal
from ._base import affine_root, readable

HOST, VICTIM = "host", "victim"
PROSECUTE, HARBOUR = "prosecute", "harbour"
COOPERATE, SANCTION = "cooperate", "sanction"
DETECTED, UNDETECTED = "detected", "undetected"

#: The public signals: whether harbouring was detected and attributed, and the victim's action.
SIGNALS = tuple((seen, action) for seen in (UNDETECTED, DETECTED) for action in (COOPERATE, SANCTION))

_NONNEGATIVE = dict(real=True, nonnegative=True)
#: The parameters as sympy symbols, named as the model's fields, with the assumptions of their domains.
SYMBOLS = {
    "relations_value": sympy.Symbol("relations_value", **_NONNEGATIVE),
    "prosecution_cost": sympy.Symbol("prosecution_cost", **_NONNEGATIVE),
    "harbour_benefit": sympy.Symbol("harbour_benefit", **_NONNEGATIVE),
    "sanction": sympy.Symbol("sanction", **_NONNEGATIVE),
    "damage": sympy.Symbol("damage", real=True, positive=True),
    "sanction_cost": sympy.Symbol("sanction_cost", **_NONNEGATIVE),
    "averted_share": sympy.Symbol("averted_share", **_NONNEGATIVE),
    "enforcement": sympy.Symbol("enforcement", **_NONNEGATIVE),
    "false_accusation": sympy.Symbol("false_accusation", **_NONNEGATIVE),
    "delta": DELTA,
}


def stage_game(p: Mapping[str, Any]) -> NormalFormGame:
    """The host-victim stage game at parameter values ``p`` (a mapping by parameter name)."""
    v, c, b, s = p["relations_value"], p["prosecution_cost"], p["harbour_benefit"], p["sanction"]
    d, k, rho = p["damage"], p["sanction_cost"], p["averted_share"]
    host = [[v - c, -s - c],
            [v + b, b - s]]
    victim = [[0, -k],
              [-d, -(1 - rho) * d - k]]
    return NormalFormGame([host, victim], actions=[(PROSECUTE, HARBOUR), (COOPERATE, SANCTION)],
                          players=(HOST, VICTIM))


def monitoring(game: NormalFormGame, enforcement: Any, false_accusation: Any) -> Monitoring:
    """Harbouring is detected with probability ``enforcement``, prosecution wrongly with ``false_accusation``.

    The public signal is the pair (detected or not, the victim's action): the
    victim's sanctions are seen by all, the host's choice only through detection.
    """
    def distribution(profile: tuple) -> dict:
        host_action, victim_action = profile
        seen = enforcement if host_action == HARBOUR else false_accusation
        return {(DETECTED, victim_action): seen, (UNDETECTED, victim_action): 1 - seen}

    return Monitoring(game, SIGNALS, distribution)


def repeated_game(p: Mapping[str, Any]) -> RepeatedGame:
    """The repeated enforcement game at parameter values ``p``."""
    game = stage_game(p)
    return RepeatedGame(game, monitoring(game, p["enforcement"], p["false_accusation"]))


def detected(signal: tuple) -> bool:
    """Whether the public signal reports detected harbouring."""
    return signal[0] == DETECTED


@lru_cache(maxsize=None)
def profile() -> tuple:
    """The strategies: prosecute / cooperate until harbouring is detected, then harbour / sanction for ever."""
    return (trigger_on_signal(detected, cooperate=PROSECUTE, defect=HARBOUR),
            trigger_on_signal(detected, cooperate=COOPERATE, defect=SANCTION))


@dataclass(frozen=True)
class Derivation:
    r"""What the library says about the fully symbolic game, solved for each remedy parameter.

    Attributes
    ----------
    condition : DeltaCondition
        The library's sustainability condition on the symbolic game (no assumptions made).
    host_constraint : sympy.Expr
        The host's incentive constraint on the cooperative path, :math:`h(\delta) \le 0`,
        from the certificate: :math:`h = b + c_p - \delta[(b + c_p)(1 - r) + (v + s - b - c_p)(\pi - r)]`.
    credibility : sympy.Expr
        The victim's constraint in the punishment phase, :math:`k - \rho d \le 0`, with its
        positive factor :math:`1 - \delta (1 - r)` divided out.
    delta_threshold, enforcement_threshold, sanction_threshold, averted_share_threshold : sympy.Expr
        The roots of those constraints in :math:`\delta`, :math:`\pi`, :math:`s` and :math:`\rho`,
        grouped for reading (each grouping is checked to equal the library's root).
    """

    condition: Any = field(repr=False)
    host_constraint: sympy.Expr
    credibility: sympy.Expr
    delta_threshold: sympy.Expr
    enforcement_threshold: sympy.Expr
    sanction_threshold: sympy.Expr
    averted_share_threshold: sympy.Expr

    @property
    def region(self) -> sympy.Basic:
        r"""The sustainable region, valid for every parameter value: both constraints hold.

        Written :math:`\delta[\dots] \ge b + c_p` and :math:`\rho d \ge k` (each is
        :math:`h \le 0` with the same terms moved across).
        """
        gain = SYMBOLS["harbour_benefit"] + SYMBOLS["prosecution_cost"]
        cost = SYMBOLS["sanction_cost"]
        return sympy.And(sympy.Ge(sympy.expand(gain - self.host_constraint), gain),
                         sympy.Ge(sympy.expand(cost - self.credibility), cost))


@lru_cache(maxsize=None)
def derivation() -> Derivation:
    """Run the library on the symbolic game once and solve its constraints (cached)."""
    rg = repeated_game(SYMBOLS)
    condition = sustainable_discount_factors(rg, profile())
    by_place = {(c.player, c.state, c.deviation): c.polynomial() for c in condition.constraints}
    host = sympy.expand(by_place[(0, ("cooperate", "cooperate"), HARBOUR)])
    punished = by_place[(1, ("punish", "punish"), COOPERATE)]
    v, c, b, s, d, k, rho, pi, r = (SYMBOLS[name] for name in (
        "relations_value", "prosecution_cost", "harbour_benefit", "sanction", "damage", "sanction_cost",
        "averted_share", "enforcement", "false_accusation"))
    credibility = sympy.expand(sympy.cancel(punished / (1 - DELTA * (1 - r))))
    gain, premium, restart = b + c, v + s - b - c, 1 - DELTA * (1 - r)
    return Derivation(
        condition=condition,
        host_constraint=host,
        credibility=credibility,
        delta_threshold=readable(affine_root(host, DELTA, factored=True),
                                 gain / (gain * (1 - r) + premium * (pi - r))),
        enforcement_threshold=readable(affine_root(host, pi, factored=True),
                                       r + gain * restart / (DELTA * premium)),
        sanction_threshold=readable(affine_root(host, s, factored=True),
                                    gain - v + gain * restart / (DELTA * (pi - r))),
        averted_share_threshold=readable(affine_root(credibility, rho, factored=True), k / d),
    )
