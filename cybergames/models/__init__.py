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
======================  ==============================  ===========================

Each model is a frozen dataclass of named parameters with defaults; its
``analyse()`` returns a :class:`ModelAnalysis`. Model modules are imported on
first use, so importing :mod:`cybergames.models` stays cheap.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Any

from ._base import Condition, Model, ModelAnalysis, Remedy

#: key -> (module, class name), in the order the report shows the models.
REGISTRY: dict[str, tuple[str, str]] = {
    "trust": ("trust", "TrustModel"),
    "interests": ("interests", "InterestsModel"),
    "jurisdiction": ("jurisdiction", "JurisdictionModel"),
    "capacity": ("capacity", "CapacityModel"),
    "norms": ("norms", "NormsModel"),
    "attribution": ("attribution", "AttributionModel"),
    "information": ("information", "InformationSharingModel"),
}

__all__ = ["Condition", "Model", "ModelAnalysis", "Remedy", "REGISTRY", "ALIASES", "model_class", "configured",
           *(name for _, name in REGISTRY.values())]


def model_class(key: str) -> type:
    """The model class registered under ``key`` (``"trust"``, ``"attribution"``, ...).

    Raises
    ------
    ParameterError
        If no model has that key.
    """
    from ..errors import ParameterError

    if key not in REGISTRY:
        raise ParameterError(f"model: expected one of {list(REGISTRY)}, got {key!r}")
    module, name = REGISTRY[key]
    return getattr(importlib.import_module(f".{module}", __name__), name)


#: The letters of the literature, accepted for the models' parameter names by :func:`configured`.
ALIASES = {"q": "detect", "r": "false_flag", "pi": "enforcement", "tau": "transfer"}


def configured(keys: Any, overrides: Any = None, *, argument: str = "overrides") -> list:
    """The models named by ``keys`` (all seven if empty), each with the ``overrides`` that apply to it.

    An override ``name`` applies to every selected model that has a parameter of
    that name, ``key.name`` to model ``key`` only; the letters of :data:`ALIASES`
    (``q``, ``r``, ``pi``, ``tau``) stand for the parameters they name.

    Raises
    ------
    ParameterError
        If a key is unknown, no selected model has an overridden parameter (the
        message names ``argument``), or a value is invalid for its model.

    Examples
    --------
    >>> from fractions import Fraction
    >>> [m.detect for m in configured(["attribution"], {"q": Fraction(9, 10)})]
    [Fraction(9, 10)]
    """
    from ..errors import ParameterError

    def alias(name: str) -> str:
        scope, dot, bare = name.rpartition(".")
        return f"{scope}{dot}{ALIASES.get(bare, bare)}"

    overrides = {alias(name): value for name, value in (overrides or {}).items()}
    models, used = [], set()
    for key in list(keys) or list(REGISTRY):
        cls = model_class(key)
        names = {f.name for f in dataclasses.fields(cls)}
        changes = {}
        for name, value in overrides.items():
            scope, _, bare = name.rpartition(".")
            if scope in ("", key) and bare in names:
                changes[bare] = value
                used.add(name)
        models.append(cls(**changes))
    unused = [name for name in overrides if name not in used]
    if unused:
        raise ParameterError(f"{argument}: no selected model has the parameter(s) {unused}")
    return models


def __getattr__(name: str) -> Any:
    for key, (_, class_name) in REGISTRY.items():
        if name == class_name:
            return model_class(key)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
