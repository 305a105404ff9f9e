"""The report as plain data: sections of entries whose facts hold exact numbers, formulas and words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

import sympy

from .. import _maths
from ..errors import ParameterError

__all__ = ["Entry", "Section", "ConditionFact", "RemedyFact", "Parameter", "Equilibrium", "ExplicitFact", "GameFact",
           "game_fact", "game_verdict", "stage_game_section",
           "model_entry", "models_section", "build_report", "identifier"]


#: Longest verdict line: the report's 100 columns less the indent and the model key.
VERDICT_WIDTH = 82


def identifier(words: str) -> str:
    """A stable identifier from words: ``"state 1's patience"`` -> ``"state_1s_patience"``."""
    return re.sub(r"[^a-z0-9]+", "_", words.lower().replace("'", "")).strip("_")


@dataclass(frozen=True)
class Parameter:
    """A model parameter: its name (as ``--set`` takes it), the letter of the prose, its value."""

    name: str
    letter: str
    value: Any
    meaning: str = ""          # what a None value means, where it means something


@dataclass(frozen=True)
class ConditionFact:
    """A condition for cooperation: the relation in the prose's letters, its threshold here, its verdict."""

    key: str
    name: str
    formula: Any               # the sympy relation or expression, for JSON's structure
    text: str                  # the formula in Unicode and the prose's letters
    value: Any
    holds: bool | None
    explanation: str


@dataclass(frozen=True)
class RemedyFact:
    """A remedy: what it does, and a table of its parameter against what the column holds."""

    key: str
    name: str
    effect: str
    parameter: Parameter       # the remedy's parameter (value: the model's)
    column: str
    table: tuple[tuple[Any, Any], ...]


@dataclass(frozen=True)
class Equilibrium:
    """A stage-game equilibrium: the mixed actions, the payoffs, and the profile in words."""

    strategies: tuple[tuple[Any, ...], ...]
    payoffs: tuple[Any, ...]
    description: str


@dataclass(frozen=True)
class ExplicitFact:
    """An explicit equilibrium of the game: its name, where it was checked, its value and its delta set."""

    name: str
    delta: Any
    value: tuple[Any, ...]
    method: str
    intervals: tuple[tuple[Any, Any, bool, bool], ...] | None    # None: the delta set was not computed
    least_delta: Any


@dataclass(frozen=True)
class GameFact:
    """What the game allows beside the named profile (see :class:`cybergames.models._game.GameAnswer`)."""

    profile_name: str
    family: str
    folk: tuple[tuple[str, bool], ...] | None
    best: ExplicitFact | None
    patient: ExplicitFact | None
    payoff_set: tuple[tuple[str, Any], ...] | None
    impossible: bool
    notes: tuple[str, ...]
    bracket: tuple[tuple[str, Any], ...] | None = None
    certificate: str = ""                       # one-shot games: why the equilibria listed are the game's answer
    equilibria: tuple[ExplicitFact, ...] = ()
    complete: bool = True                       # with certificate: whether equilibria are every equilibrium


def _explicit(found: Any) -> ExplicitFact | None:
    if found is None:
        return None
    intervals = None if found.delta_set is None else tuple(
        (i.lower, i.upper, i.lower_closed, i.upper_closed) for i in found.delta_set.intervals)
    return ExplicitFact(found.name, found.delta, tuple(found.value), found.method, intervals, found.least_delta)


def game_fact(game: Any) -> GameFact | None:
    """The report's plain data of a model's :class:`GameAnswer` (None when the model has none)."""
    if game is None:
        return None
    folk = None if game.folk is None else (("holds", bool(game.folk.holds)),
                                           ("pairwise_full_rank", bool(game.folk.pairwise_full_rank)),
                                           ("individual_full_rank", bool(game.folk.individual_full_rank)),
                                           ("perfect", bool(game.folk.perfect)))
    bounds = None if game.payoff_set is None else (
        ("delta", game.payoff_set.delta), ("inner", game.payoff_set.inner), ("outer", game.payoff_set.outer),
        ("status", game.payoff_set.status), ("hausdorff", game.payoff_set.hausdorff))
    found = getattr(game, "bracket", None)
    bracket = None if found is None else (("payoff", tuple(found.payoff)), ("lower", found.lower),
                                          ("upper", found.upper), ("exact", bool(found.exact)),
                                          ("found", bool(found.found)))
    if found is not None and hasattr(found, "player_lower"):          # a PathThreshold: each player's own ends
        bracket += (("by_player", tuple(zip(found.player_lower, found.player_upper or (None,) * len(found.payoff)))),)
    return GameFact(game.profile_name, _maths.prose(game.family), folk, _explicit(game.best), _explicit(game.patient),
                    bounds, bool(game.impossible), tuple(_maths.prose(n) for n in game.notes), bracket,
                    _maths.prose(getattr(game, "certificate", "")),
                    tuple(_explicit(e) for e in getattr(game, "equilibria", ())),
                    not getattr(game, "partial", False))


def anonymity_fact(best: Any) -> tuple | None:
    """The report's plain data of an information model's :class:`~cybergames.models.AnonymityOptimum` (or None)."""
    if best is None:
        return None
    return (("level", best.level), ("least_delta", best.least_delta), ("game_lower", best.game_lower),
            ("kind", best.kind), ("reason", _maths.prose(best.reason)), ("candidates", tuple(best.candidates)))


@dataclass(frozen=True)
class Entry:
    """One item of a report section: a title and its named facts, in order.

    ``key`` identifies the entry (the model key, or the stage game's identifier);
    ``verdict`` is the one-line conclusion shown at the top of the report.
    """

    title: str
    facts: tuple[tuple[str, Any], ...]
    key: str = ""
    verdict: str = ""
    sustainable: bool | None = None
    game_verdict: str = ""

    def fact(self, key: str) -> Any:
        """The value of the fact named ``key`` (KeyError if absent)."""
        for name, value in self.facts:
            if name == key:
                return value
        raise KeyError(key)


@dataclass(frozen=True)
class Section:
    """A titled list of entries; ``key`` identifies it (``"models"`` or ``"stage_games"``)."""

    title: str
    entries: tuple[Entry, ...]
    intro: str = ""
    key: str = ""


# ---------------------------------------------------------------- stage games
_CLASSIC = (
    ("prisoners_dilemma", "Prisoner's dilemma (T, R, P, S = 5, 3, 1, 0)", "prisoners_dilemma", ()),
    ("stag_hunt", "Stag hunt (T, R, P, S = 3, 4, 3, 0)", "stag_hunt", ()),
    ("chicken", "Chicken (T, R, S, P = 3, 2, 1, 0)", "chicken", ()),
    ("battle_of_the_sexes", "Battle of the sexes (3, 2, 0)", "battle_of_the_sexes", ()),
    ("matching_pennies", "Matching pennies (stake 1)", "matching_pennies", ()),
    ("trust_game", "Trust game (T, R, P, S = 3, 2, 1, 0)", "trust_game", ()),
    ("public_goods", "Public goods (3 players, multiplier 2, cost 1)", "public_goods", (3, 2, 1)),
)


def _describe_equilibrium(game: Any, eq: Any) -> str:
    parts = []
    for i, mixed in enumerate(eq.strategies):
        support = [(game.actions[i][k], p) for k, p in enumerate(mixed) if p != 0]
        if len(support) == 1:
            parts.append(str(support[0][0]))
        else:
            parts.append(" + ".join(f"{_maths.number(p)} {label}" for label, p in support))
    return f"({'; '.join(parts)}) paying {_maths.number(tuple(eq.payoffs))}"


def stage_game_section() -> Section:
    """The classic stage games: their Nash equilibria and each player's minmax value."""
    from ..equilibria import minmax, nash_equilibria
    from ..games import classic

    entries = []
    for key, title, maker, args in _CLASSIC:
        game = getattr(classic, maker)(*args)
        equilibria = nash_equilibria(game)
        notes = []
        if getattr(equilibria, "degenerate", False):
            notes.append("degenerate game: the equilibria listed are the extreme points of components of "
                         "equilibria")
        if not getattr(equilibria, "complete", True):
            notes.append(f"not every equilibrium is listed ({equilibria.method})")
        facts: list[tuple[str, Any]] = [
            ("equilibria", tuple(Equilibrium(tuple(tuple(m) for m in eq.strategies), tuple(eq.payoffs),
                                             _describe_equilibrium(game, eq)) for eq in equilibria)),
            ("notes", tuple(notes)),
            ("minmax", tuple(minmax(game, i).value for i in range(game.num_players))),
        ]
        entries.append(Entry(title, tuple(facts), key=key))
    return Section("Classic stage games", tuple(entries),
                   "Nash equilibria (exact) and the minmax value that bounds what a player can be held to.",
                   key="stage_games")


# ---------------------------------------------------------------- models
#: What a parameter left at None means, where the prose needs it said.
_NONE_MEANS = {("attribution", "punishment"): "permanent retaliation (no limit on its rounds)"}
_NONE_MEANS[("information", "anonymity")] = "not set: the report gives the optimal level a*"
_NONE_MEANS[("attribution", "cooperation_share")] = "not set: the least δ for a share of cooperation is not bracketed"
_NONE_MEANS[("information", "cooperation_share")] = "not set: the least δ for a share of full sharing is not bracketed"


def _parameters(model: Any, letters: dict[str, str]) -> tuple[Parameter, ...]:
    return tuple(Parameter(name, letters.get(name, name), value, _NONE_MEANS.get((model.key, name), ""))
                 for name, value in model.parameters().items())


def _here(condition: Any, model: Any, letters: dict[str, str]) -> str:
    """``; here δ₁ = 2/3`` when the condition bounds one parameter, else nothing."""
    formula = condition.formula
    if isinstance(formula, sympy.core.relational.Relational) and isinstance(formula.lhs, sympy.Symbol):
        name = formula.lhs.name
        if name in model.parameters():
            return f", here {letters.get(name, name)} = {_maths.number(getattr(model, name))}"
    return ""


def _verdict(analysis: Any, conditions: Sequence[ConditionFact], letters: dict[str, str]) -> str:
    if getattr(analysis, "verdict", ""):
        return analysis.verdict
    game = getattr(analysis, "game", None)
    by = f" by {game.profile_name}" if game is not None and game.profile_name else ""

    def bound(condition: Any, fact: Any) -> str | None:
        relation = condition.formula
        if isinstance(relation, sympy.core.relational.Relational) and isinstance(relation.lhs, sympy.Symbol) \
                and fact.value is not None:
            op = {">=": "≥", "<=": "≤"}.get(relation.rel_op, relation.rel_op)
            return f"{letters.get(relation.lhs.name, relation.lhs.name)} {op} {_maths.number(fact.value)}"
        return None

    sustainable = analysis.sustainable
    if sustainable is True:
        # the first condition that is a bound on one parameter is the one that binds (the others hold with it)
        binding = next(((c, f, bound(c, f)) for c, f in zip(analysis.conditions, conditions) if bound(c, f)), None)
        if binding is None:
            return "sustainable: every condition holds"
        condition, fact, shown = binding
        here = _here(condition, analysis.model, letters)
        options = (f"sustainable{by}: {shown}{here}", f"sustainable: {shown}{here}",
                   "sustainable: every condition holds")
        return next(o for o in options if len(o) < VERDICT_WIDTH or o == options[-1])
    failing = [(c, fact) for c, fact in zip(analysis.conditions, conditions) if fact.holds is False]
    if sustainable is None or not failing:
        return "undecided: some condition cannot be decided"
    condition, fact = failing[0]
    shown = bound(condition, fact) or (fact.text if fact.value is None else f"{fact.text} = {_maths.number(fact.value)}")
    more = f" (and {len(failing) - 1} more condition{'s' if len(failing) > 2 else ''})" if len(failing) > 1 else ""
    here = _here(condition, analysis.model, letters)
    options = (f"not sustainable{by}: needs {shown}{here}{more}", f"not sustainable{by}: needs {shown}{here}",
               f"not sustainable: needs {shown}{here} ({fact.name}){more}")
    return next((o for o in options if len(o) < VERDICT_WIDTH), f"not sustainable: needs {shown}{here}{more}")


def _deltas_of(model: Any, n: int) -> tuple | None:
    """The model's discount factor(s), one per player (None: the model has none)."""
    own = tuple(getattr(model, f"delta_{i + 1}", None) for i in range(n))
    if all(d is not None for d in own):
        return own
    delta = getattr(model, "delta", None)
    return None if delta is None else (delta,) * n


def game_verdict(analysis: Any) -> str:
    """One line on what the game allows at the model's parameters: sustainable or not, by which equilibrium,
    which condition binds (empty when the model has no game answer).

    Built from :class:`cybergames.models.GameAnswer` only: the certified least discount factor(s) of full
    cooperation where computed, else the best explicit equilibrium found.
    """
    game = getattr(analysis, "game", None)
    if game is not None and getattr(game, "verdict", ""):
        return game.verdict
    if game is None or (game.best is None and game.patient is None and game.bracket is None):
        return ""
    n = len(game.cooperation)
    deltas = _deltas_of(analysis.model, n)
    found = game.bracket
    name = _maths.number
    letter = (lambda i: "δ") if deltas is None or len(set(deltas)) == 1 else (lambda i: f"δ{'₁₂₃₄₅₆₇₈₉'[i]}")

    def fits(*options: str) -> str:
        return next((o for o in options if len(o) <= VERDICT_WIDTH), options[-1])

    by = "" if game.best is None else f", by {game.best.name}"
    if found is not None and hasattr(found, "player_lower"):
        binds = found.binding
        if binds is None and found.exact:
            return fits(f"sustainable: full cooperation is a stage equilibrium (any δ){by}",
                        "sustainable: full cooperation is a stage equilibrium (any δ)")
        if binds is None or deltas is None:
            return ""
        need = f"{letter(binds)} ≥ {name(found.player_lower[binds])}"
        who = found.players[binds] if found.players else f"player {binds + 1}"
        if found.player_lower[binds] >= 1:
            return fits(f"full cooperation: no equilibrium outcome for {letter(binds)} < 1 ({who}'s minmax bound)",
                        "full cooperation: no equilibrium outcome below 1 (minmax bound)")
        holds = found.holds(deltas)
        exact = ", exact" if found.exact else ""
        if holds:
            return fits(f"sustainable: full cooperation ({need}: {who} binds{exact}){by}",
                        f"sustainable: full cooperation ({need}: {who} binds{exact})")
        if holds is False:
            here = f", here {name(deltas[binds])}"
            later = "" if game.patient is None else f"; from {name(game.patient.delta)} by {game.patient.name}"
            return fits(f"not sustainable: full cooperation needs {need} ({who} binds{exact}){here}{later}",
                        f"not sustainable: full cooperation needs {need} ({who} binds{exact}){here}",
                        f"not sustainable: full cooperation needs {need}{here}")
        upper = "no upper end certified" if found.upper is None else f"certified from {name(found.upper)}"
        return fits(f"undecided: full cooperation needs {need} ({who} binds); {upper}",
                    f"undecided: full cooperation needs {need}")
    if found is not None and getattr(found, "exact", False) and found.found and deltas is not None:
        if deltas[0] >= found.lower:
            head = f"sustainable: full cooperation (δ ≥ {name(found.lower)}, exact)"
            return fits(head + by, head)
        head = f"not sustainable: full cooperation needs δ ≥ {name(found.lower)} (exact)"
        return fits(f"{head}, here {name(deltas[0])}", head)
    if game.best is not None:
        values = tuple(game.best.value)
        worth = name(float(values[0])) if len(set(values)) == 1 else name(tuple(float(v) for v in values))
        full = name(game.cooperation[0]) if len(set(game.cooperation)) == 1 else name(tuple(game.cooperation))
        return fits(f"some cooperation sustainable by {game.best.name}, worth {worth} of {full}",
                    f"some cooperation sustainable by {game.best.name}")
    if game.patient is not None:
        at = "these parameters" if deltas is None else f"δ = {name(deltas[0])}"
        return fits(f"none of the searched family at {at}; {game.patient.name} from {name(game.patient.delta)}",
                    f"none of the searched family at {at}; one from δ = {name(game.patient.delta)}")
    return ""


def model_entry(analysis: Any) -> Entry:
    """A report entry from a :class:`cybergames.models.ModelAnalysis`."""
    from ..models._letters import letters as model_letters

    model = analysis.model
    letters = model_letters(model.key)
    parameters = _parameters(model, letters)
    by_name = {p.name: p for p in parameters}
    conditions = tuple(ConditionFact(identifier(c.name), _maths.prose(c.name), c.formula,
                                     _maths.formula(c.formula, letters), c.value, c.holds,
                                     _maths.prose(c.explanation)) for c in analysis.conditions)
    remedies = tuple(RemedyFact(identifier(r.name), _maths.prose(r.name), _maths.prose(r.effect),
                                by_name.get(r.parameter, Parameter(r.parameter, letters.get(r.parameter, r.parameter),
                                                                   None)),
                                _maths.prose(r.column), tuple(r.table)) for r in analysis.remedies)
    facts: list[tuple[str, Any]] = [
        ("summary", _maths.prose(analysis.summary)),
        ("parameters", parameters),
        ("findings", tuple(_maths.prose(f) for f in analysis.findings)),
        ("conditions", conditions),
        ("remedies", remedies),
        ("game", game_fact(getattr(analysis, "game", None))),
        ("numbers", tuple(getattr(analysis, "numbers", ()))),
        ("anonymity", anonymity_fact(analysis.details.get("anonymity") if analysis.details else None)),
    ]
    title = f"{analysis.obstacle[:1].upper()}{analysis.obstacle[1:]} ({model.key})"
    return Entry(title, tuple(facts), key=model.key, verdict=_verdict(analysis, conditions, letters),
                 sustainable=analysis.sustainable, game_verdict=_maths.prose(game_verdict(analysis)))


def models_section(keys: Sequence[str], overrides: dict[str, Any]) -> Section:
    """The analyses of the models named by ``keys`` with parameter ``overrides``.

    An override ``name`` applies to every selected model that has a parameter
    of that name; ``model.name`` applies to one model only.
    """
    from ..models import configured

    entries = tuple(model_entry(model.analyse()) for model in configured(keys, overrides, argument="--set"))
    return Section("When is cyber cooperation sustainable?", entries,
                   "Each obstacle to cooperation as a game: the equilibrium finding, the condition under which "
                   "cooperation is sustainable, and what each remedy does to it.", key="models")


def _model_keys() -> list[str]:
    from ..models import REGISTRY
    return list(REGISTRY)


def build_report(names: Sequence[str] | None = None, overrides: dict[str, Any] | None = None
                 ) -> list[Section]:
    """Build the report: the named models (all seven by default) and, if asked, ``"stage"``.

    With no names the report holds all seven models and the classic stage games.

    Raises
    ------
    ParameterError
        If a name is neither a model key nor ``"stage"``, or overrides are given
        without a model to apply them to.
    """
    keys = _model_keys()
    names = list(names or [])
    unknown = [n for n in names if n not in keys and n != "stage"]
    if unknown:
        raise ParameterError(f"model: unknown {unknown}; expected some of {keys + ['stage']}")
    selected = [k for k in keys if k in names] if names else keys
    sections = []
    if selected:
        sections.append(models_section(selected, overrides or {}))
    elif overrides:
        raise ParameterError("--set: parameters apply to models; name at least one model")
    if not names or "stage" in names:
        sections.append(stage_game_section())
    return sections
