"""The cyber-cooperation models, one module per obstacle to cooperation.

======================  ==============================  ===========================
key                     obstacle                        class
======================  ==============================  ===========================
``trust``               lack of trust                   :class:`TrustModel`
``interests``           differing national interests    :class:`InterestsModel`
``jurisdiction``        legal and jurisdictional        :class:`JurisdictionModel`
                        complexity
``capacity``            technological disparities       :class:`CapacityModel`
``norms``               missing norms                   :class:`NormsModel`
``attribution``         attribution and anonymity       :class:`AttributionModel`
``information``         limited information sharing     :class:`InformationSharingModel`
``investment``          how much security investment    :class:`SecurityInvestmentModel`
                        pays (Gordon–Loeb)
``interdependence``     interdependent security         :class:`InterdependentSecurityModel`
                        (Kunreuther–Heal)
``multimarket``         linking issues (multimarket     :class:`MultimarketContactModel`
                        contact, Bernheim–Whinston)
``crisis``              crisis bargaining over an       :class:`CrisisBargainingModel`
                        agreement (Fearon)
``deterrence``          deterrence with imperfect       :class:`DeterrenceModel`
                        attribution (Baliga et al.)
``timing``              when to use a cyber resource    :class:`CyberTimingModel`
                        (Axelrod–Iliev)
``sharing``             security investment and         :class:`SharingInvestmentModel`
                        information sharing (after
                        Gordon–Loeb–Lucyshyn,
                        Gal-Or–Ghose)
``reliability``         capacity and free riding:       :class:`ReliabilityModel`
                        total effort, weakest link,
                        best shot (after Varian)
======================  ==============================  ===========================

Each model is a frozen dataclass of named parameters with defaults; its
``analyse()`` returns a :class:`ModelAnalysis`. Model modules are imported on
first use, so importing :mod:`cybergames.models` stays cheap.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Any

#: key -> (module, class name), in the order the report shows the models.
REGISTRY: dict[str, tuple[str, str]] = {
    "trust": ("trust", "TrustModel"),
    "interests": ("interests", "InterestsModel"),
    "jurisdiction": ("jurisdiction", "JurisdictionModel"),
    "capacity": ("capacity", "CapacityModel"),
    "norms": ("norms", "NormsModel"),
    "attribution": ("attribution", "AttributionModel"),
    "information": ("information", "InformationSharingModel"),
    "investment": ("investment", "SecurityInvestmentModel"),
    "interdependence": ("interdependence", "InterdependentSecurityModel"),
    "multimarket": ("multimarket", "MultimarketContactModel"),
    "crisis": ("crisis", "CrisisBargainingModel"),
    "deterrence": ("deterrence", "DeterrenceModel"),
    "timing": ("timing", "CyberTimingModel"),
    "sharing": ("sharing", "SharingInvestmentModel"),
    "reliability": ("reliability", "ReliabilityModel"),
}

__all__ = ["Condition", "Model", "ModelAnalysis", "Remedy", "GameAnswer", "ExplicitEquilibrium", "PayoffSetAnswer",
           "NeuConditions", "REGISTRY", "ALIASES", "model_class", "configured",
           *(name for _, name in REGISTRY.values())]


def model_class(key: str) -> type:
    """The model class registered under ``key`` (``"trust"``, ``"attribution"``, ...).

    Raises
    ------
    ParameterError
        If no model has that key.
    """
    from ..errors import ParameterError, did_you_mean

    if not isinstance(key, str) or key not in REGISTRY:
        raise ParameterError(f"model: expected one of {list(REGISTRY)}, got {key!r}{did_you_mean(key, REGISTRY)}")
    module, name = REGISTRY[key]
    return getattr(importlib.import_module(f".{module}", __name__), name)


#: The letters of the literature, accepted for the models' parameter names by :func:`configured`.
ALIASES = {"q": "detect", "r": "false_flag", "pi": "enforcement", "tau": "transfer"}


def configured(keys: Any, overrides: Any = None, *, argument: str = "overrides") -> list:
    """The models named by ``keys`` (all seven if empty), each with the ``overrides`` that apply to it.

    An override ``key.name`` applies to model ``key`` only; an unscoped ``name``
    to every selected model, each of which must have that parameter (so that
    ``--set delta=0.95`` is never silently skipped by a model without ``delta``).
    The letters of :data:`ALIASES` (``q``, ``r``, ``pi``, ``tau``) stand for the
    parameters they name.

    Raises
    ------
    ParameterError
        If a key is unknown, a selected model lacks an unscoped parameter, no
        selected model has a scoped one (the message names ``argument`` and
        suggests close names), or a value is invalid for its model.

    Examples
    --------
    >>> from fractions import Fraction
    >>> [m.detect for m in configured(["attribution"], {"q": Fraction(9, 10)})]
    [Fraction(9, 10)]
    """
    from ..errors import ParameterError, did_you_mean

    def alias(name: str) -> str:
        scope, dot, bare = name.rpartition(".")
        return f"{scope}{dot}{ALIASES.get(bare, bare)}"

    if isinstance(keys, (str, bytes)) or not isinstance(keys, (list, tuple, set, frozenset, type({}.keys()))):
        raise ParameterError(f"keys: expected a list of model keys such as ['trust'], got {keys!r}")
    if overrides is not None and not isinstance(overrides, dict):
        raise ParameterError(f"{argument}: expected a mapping of parameter names to values, got {overrides!r}")
    keys = list(keys) or list(REGISTRY)
    if not all(isinstance(key, str) for key in keys):
        raise ParameterError(f"keys: expected model keys (strings), got {keys!r}")
    classes = {key: model_class(key) for key in keys}
    fields = {key: [f.name for f in dataclasses.fields(cls)] for key, cls in classes.items()}
    known = sorted({name for names in fields.values() for name in names} | set(ALIASES))
    overrides = {alias(name): (name, value) for name, value in (overrides or {}).items()}
    changes: dict[str, dict[str, Any]] = {key: {} for key in keys}
    for name, (given, value) in overrides.items():
        scope, _, bare = name.rpartition(".")
        if scope and scope not in classes:
            raise ParameterError(f"{argument}: no selected model has the parameter(s) [{given!r}]"
                                 f"{did_you_mean(scope, keys) or did_you_mean(scope, REGISTRY)}")
        having = [key for key in ([scope] if scope else keys) if bare in fields[key]]
        if not having:
            choices = fields[scope] if scope else known
            raise ParameterError(f"{argument}: no selected model has the parameter(s) [{given!r}]"
                                 f"{did_you_mean(bare, choices)}")
        lacking = [key for key in keys if key not in having] if not scope else []
        if lacking:
            raise ParameterError(
                f"{argument} {given}: the selected model(s) {lacking} have no parameter {bare!r}; "
                f"scope it to a model ({having[0]}.{bare}=...) or select only {having}")
        for key in having:
            changes[key][bare] = value
    return [classes[key](**changes[key]) for key in keys]


def __getattr__(name: str) -> Any:
    if name in ("Condition", "Model", "ModelAnalysis", "Remedy"):  # loaded on use: _base needs sympy
        from . import _base
        return getattr(_base, name)
    if name in ("GameAnswer", "ExplicitEquilibrium", "PayoffSetAnswer", "NeuConditions"):
        from . import _game
        return getattr(_game, name)
    for key, (_, class_name) in REGISTRY.items():
        if name == class_name:
            return model_class(key)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
