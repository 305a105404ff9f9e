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

__all__ = ["Condition", "Model", "ModelAnalysis", "Remedy", "REGISTRY", "model_class",
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


def __getattr__(name: str) -> Any:
    for key, (_, class_name) in REGISTRY.items():
        if name == class_name:
            return model_class(key)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
