"""Checks several model test modules share."""

import numpy as np

from cybergames.sweep import vectorize


def assert_region_matches(model, delta_set):
    """The model's vectorised region, at its values and 20 discount factors, against an exact δ-set.

    Points within 1e-9 of the threshold are skipped (the region is evaluated in floats).
    """
    region = vectorize(model.region_condition())
    deltas = np.linspace(0, 0.98, 20)
    point = {name: float(value) for name, value in model.parameters().items() if name != "delta"}
    computed = region(**point, delta=deltas)
    threshold = None if delta_set.is_empty else float(delta_set.infimum)
    for x, flag in zip(deltas, computed):
        if threshold is not None and abs(x - threshold) < 1e-9:
            continue
        assert flag == (threshold is not None and x >= threshold)
