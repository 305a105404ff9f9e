r"""Figures of where cooperation is sustainable: region maps and sets of discount factors.

A *sustainability region* is the set of parameter values at which a closed-form
condition holds, for instance the deterrence condition under noisy attribution

.. math:: \delta\,\bigl[(1 - r)^2 (T - P) - (1 - q)(1 - r)(R - P)\bigr] \ge T - R

in the plane of detection :math:`q` and false flags :math:`r`. :func:`plot_region`
compiles such a sympy relation once (:func:`cybergames.sweep.vectorize`),
evaluates it on a grid of two parameters in one numpy call and shades the cells
where it holds; :func:`plot_delta_sets` draws the exact sets of discount
factors that :func:`cybergames.repeated.sustainable_discount_factors` returns.

matplotlib is optional: it is imported when a function is called, and a
missing install raises an ImportError saying how to get it. Every function
draws on ``ax`` when given (else on a new figure), never calls ``plt.show()``
and returns the :class:`matplotlib.figure.Figure`.
"""

from __future__ import annotations

import numbers
from typing import Any, Mapping, Sequence

import numpy as np
import sympy

from .. import _numbers
from ..errors import ParameterError

__all__ = ["plot_region", "plot_delta_sets"]

#: Grid points per axis when an axis is given as ``(name, low, high)``.
RESOLUTION = 201


def _pyplot() -> Any:
    """matplotlib.pyplot, or an ImportError that says how to install it."""
    try:
        import matplotlib.pyplot as plt
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise ImportError("cybergames' figures need matplotlib, an optional dependency: "
                          "pip install 'cybergames[plot]'") from exc
    return plt


def new_axes(ax: Any = None, figsize: tuple[float, float] = (6.0, 4.5)) -> Any:
    """``ax`` if given, else the axes of a new pyplot figure (checked to be matplotlib axes)."""
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
        return ax
    from matplotlib.axes import Axes
    if not isinstance(ax, Axes):
        raise ParameterError(f"ax: expected matplotlib axes, got {ax!r}")
    return ax


def show_number(value: Any) -> str:
    """A parameter value for a label: ``9/10``, ``0.85``, ``5``."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Rational):
        return f"{value.numerator}/{value.denominator}" if value.denominator != 1 else str(value.numerator)
    if isinstance(value, sympy.Basic):
        return sympy.sstr(value)
    return f"{float(value):.4g}"


_GREEK = ("alpha", "beta", "gamma", "delta", "epsilon", "mu", "pi", "rho", "sigma", "tau", "theta")


def tex_name(name: str) -> str:
    """A parameter name for a label: Greek names and numeric subscripts in mathtext, others unchanged.

    >>> print(tex_name("delta"), tex_name("delta_1"), tex_name("T"), tex_name("false_flag"))
    $\\delta$ $\\delta_1$ T false_flag
    """
    head, sep, tail = name.partition("_")
    if head in _GREEK and (not sep or tail.isdigit()):
        return f"$\\{head}{'_' + tail if sep else ''}$"
    return name


def _margin(condition: Any) -> Any:
    """A continuous function positive exactly where the condition holds (the least margin of an And,
    the greatest of an Or); None where there is none (an equation)."""
    if isinstance(condition, sympy.core.relational.Relational):
        if condition.rel_op in (">=", ">"):
            return condition.lhs - condition.rhs
        if condition.rel_op in ("<=", "<"):
            return condition.rhs - condition.lhs
        return None
    if isinstance(condition, (sympy.And, sympy.Or)):
        margins = [_margin(arg) for arg in condition.args]
        if any(m is None for m in margins):
            return None
        return (sympy.Min if isinstance(condition, sympy.And) else sympy.Max)(*margins, evaluate=False)
    if isinstance(condition, sympy.Expr):
        return condition
    return None


def _axis(spec: Any, which: str, resolution: int) -> tuple[str, np.ndarray]:
    """``(name, values)`` from ``(name, values)`` or ``(name, low, high)``."""
    if not isinstance(spec, (tuple, list)) or len(spec) not in (2, 3) or not isinstance(spec[0], str):
        raise ParameterError(f"{which}: expected (name, values) or (name, low, high), got {spec!r}")
    name = spec[0]
    if len(spec) == 3:
        low, high = (_float(v, f"{which} bound") for v in spec[1:])
        if not low < high:
            raise ParameterError(f"{which}: expected low < high, got {spec[1]!r}, {spec[2]!r}")
        return name, np.linspace(low, high, resolution)
    values = spec[1]
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise ParameterError(f"{which}: expected a sequence of values for {name!r}, got {values!r}")
    array = np.array([_float(v, f"{which} value") for v in values], dtype=float)
    if array.ndim != 1 or len(array) < 2:
        raise ParameterError(f"{which}: expected at least two values for {name!r}, got {values!r}")
    if not np.all(np.diff(array) > 0):
        raise ParameterError(f"{which}: expected increasing values for {name!r}, got {values!r}")
    return name, array


def _float(value: Any, name: str) -> float:
    number = _numbers.normalise(value, name, ParameterError)
    try:
        return float(number)
    except TypeError as exc:
        raise ParameterError(f"{name}: expected a number, got {value!r}") from exc


def _compile(condition: Any, names: Sequence[str], what: str) -> Any:
    """``condition`` compiled to numpy, checked to use no parameter outside ``names``."""
    from ..sweep import vectorize

    if not isinstance(condition, sympy.Basic):
        raise ParameterError(f"{what}: expected a sympy relation, got {condition!r}")
    unknown = sorted({s.name for s in condition.free_symbols} - set(names))
    if unknown:
        raise ParameterError(f"{what}: the parameters {unknown} have no value; give them in fixed= or as an axis")
    return vectorize(condition, list(names))


def region_values(condition: Any, x: tuple[str, np.ndarray], y: tuple[str, np.ndarray],
                  fixed: Mapping[str, Any], what: str = "condition") -> np.ndarray:
    """The condition on the grid, shape ``(len(y values), len(x values))`` (rows follow y).

    ``condition`` is a sympy relation or one already compiled by :func:`cybergames.sweep.vectorize`.
    """
    from ..sweep import VectorizedCondition

    (xname, xs), (yname, ys) = x, y
    values = {name: _float(v, f"fixed[{name!r}]") for name, v in fixed.items()}
    compiled = condition if isinstance(condition, VectorizedCondition) else \
        _compile(condition, [xname, yname, *values], what)
    grid_x, grid_y = np.meshgrid(xs, ys, sparse=True)
    result = compiled(**{xname: grid_x, yname: grid_y, **values})
    return np.broadcast_to(result, (len(ys), len(xs))).astype(bool) if compiled.is_relation \
        else np.broadcast_to(result, (len(ys), len(xs))) > 0


def _proxy(ax: Any, color: Any, label: str, **style: Any) -> None:
    """An empty filled polygon that puts ``label`` in the legend."""
    ax.fill([], [], color=color, label=label, **style)


def plot_region(condition: Any, x: Any, y: Any, *, fixed: Mapping[str, Any] | None = None,
                vary: tuple[str, Sequence[Any]] | None = None, valid: Any = None,
                point: Any = None, point_label: str = "parameters analysed", ax: Any = None,
                label: str = "cooperation is sustainable", color: str = "tab:blue",
                alpha: float = 0.55, fill_outside: bool = True, title: str | None = None,
                xlabel: str | None = None, ylabel: str | None = None, resolution: int = RESOLUTION,
                fit: bool = False, names: Mapping[str, str] | None = None) -> Any:
    r"""Shade where a condition holds on a grid of two parameters.

    The relation is compiled once with :func:`cybergames.sweep.vectorize` and
    evaluated on the whole grid in one numpy call (float path); each grid point
    is drawn as a cell (so integer parameters such as the number of states show
    as steps), with the boundary of the region as a line.

    Parameters
    ----------
    condition : sympy relation
        True where cooperation is sustainable, in symbols named like the
        parameters (``And``/``Or`` combinations allowed). A non-relational
        expression counts as holding where it is positive.
    x, y : tuple
        The horizontal and vertical parameters: ``(name, low, high)`` for
        ``resolution`` evenly spaced values, or ``(name, values)`` for given
        increasing values.
    fixed : mapping name -> number, optional
        Values of the condition's other parameters. Every free symbol must be
        an axis or fixed.
    vary : tuple, optional
        ``(name, values)``: also draw the region's boundary at other values of one fixed parameter
        (a grey line each, in its own line style): the comparative statics of that parameter.
    valid : sympy relation, optional
        The model's assumptions on the axes (e.g. ``c_2 > c_1``): cells where it
        fails are greyed out as "outside the model" instead of coloured.
    point : mapping or tuple, optional
        A parameter point to mark (e.g. the model's defaults), as ``{name: value}``
        or ``(x, y)``.
    point_label : str
        Its legend entry.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default. Several regions can be
        drawn on one axes (different ``color`` and ``label``); the legend lists them all.
    label, color : str
        The region's legend entry and colour.
    alpha : float
        Opacity of the region's colour (raise it for a region drawn over another).
    fill_outside : bool
        Paint the cells where the condition fails (light grey, "not
        sustainable"); False leaves them transparent, to overlay a region on
        another one drawn before.
    title, xlabel, ylabel : str, optional
        Default: the axis names, and a title naming the region, the axes and
        the fixed values.
    resolution : int
        Values per axis given as ``(name, low, high)``.
    fit : bool, default False
        Narrow each axis given as ``(name, low, high)`` to where the boundaries
        (and the marked point) lie, with a margin, instead of the whole range.
    names : mapping, optional
        How the legend and the default labels write a parameter's name (e.g.
        ``{"linkage_1": "$L_1$"}``); by default Greek names in mathtext
        (``delta`` as :math:`\\delta`) and other names as they are.

    Returns
    -------
    matplotlib.figure.Figure
        The figure of ``ax``. The grid's cells are the
        :class:`~matplotlib.collections.QuadMesh` this call adds, whose array
        holds 1 where the condition holds (0 where it fails, masked outside
        ``valid``). Where the condition is a single relation and both axes are
        continuous, the region and its boundary are drawn from the relation's
        margin (left side minus right side), so that the boundary follows the
        formula rather than the cells; otherwise the cells are coloured.

    Raises
    ------
    ParameterError
        If an axis is malformed, a parameter of the condition has no value, a
        value breaks a symbol's assumptions, or ``ax`` is not matplotlib axes.
    ImportError
        If matplotlib is not installed.

    Examples
    --------
    Grim trigger in the prisoner's dilemma holds iff :math:`\delta \ge (T - R)/(T - P)`;
    at :math:`T = 5` and :math:`P = 1`, in the plane of :math:`R` and :math:`\delta`:

    >>> import sympy
    >>> T, R, P, delta = sympy.symbols("T R P delta")
    >>> fig = plot_region(delta >= (T - R) / (T - P), ("R", 1.5, 4.5), ("delta", 0, 0.99),
    ...                   fixed={"T": 5, "P": 1}, label="grim trigger is an equilibrium")
    >>> ax = fig.axes[0]
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('R', '$\\delta$')
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['grim trigger is an equilibrium', 'not sustainable', 'boundary']
    >>> from matplotlib.collections import QuadMesh
    >>> cells = next(c for c in ax.collections if isinstance(c, QuadMesh))
    >>> share = float(cells.get_array().mean())   # of the grid where it holds
    >>> round(share, 2)     # the threshold falls linearly from 7/8 to 1/8: about (0.99 - 0.5)/0.99
    0.49
    """
    if isinstance(resolution, bool) or not isinstance(resolution, int) or resolution < 2:
        raise ParameterError(f"resolution: expected an integer >= 2, got {resolution!r}")
    fixed = dict(fixed or {})
    xaxis, yaxis = _axis(x, "x", resolution), _axis(y, "y", resolution)
    if xaxis[0] == yaxis[0]:
        raise ParameterError(f"x, y: expected two different parameters, got {xaxis[0]!r} twice")
    clash = sorted({xaxis[0], yaxis[0]} & set(fixed))
    if clash:
        raise ParameterError(f"fixed: {clash} are axes; do not fix them")
    if vary is not None:
        _check_vary(vary, xaxis[0], yaxis[0], fixed)
    compiled = _compile(condition, [xaxis[0], yaxis[0], *fixed], "condition")
    holds = region_values(compiled, xaxis, yaxis, fixed)
    inside = None if valid is None else region_values(valid, xaxis, yaxis, fixed, "valid")
    ax = new_axes(ax, figsize=(6.5, 5.6))
    from matplotlib.colors import ListedColormap, to_rgba

    (xname, xs), (yname, ys) = xaxis, yaxis
    margin = _smooth_margin(condition, xaxis, yaxis, fixed)
    cells = np.ma.masked_array(holds.astype(float), mask=None if inside is None else ~inside)
    no = to_rgba("0.93") if fill_outside else (0, 0, 0, 0)
    yes = to_rgba(color, alpha)
    if margin is not None:          # a closed-form boundary: fill and draw it from the formula, not cell by cell
        with np.errstate(invalid="ignore"):
            if fill_outside:
                ax.contourf(xs, ys, margin, levels=[-np.inf, 0], colors=[no])
            ax.contourf(xs, ys, margin, levels=[0, np.inf], colors=[yes])
        bad = to_rgba("0.6", 0.6)
        outside = None if valid is None else _smooth_margin(valid, xaxis, yaxis, fixed)
        if outside is not None:      # the model's assumptions drawn from their formula too
            with np.errstate(invalid="ignore"):
                ax.contourf(xs, ys, outside, levels=[-np.inf, 0], colors=[bad])
            bad = (0, 0, 0, 0)
        cmap = ListedColormap([(0, 0, 0, 0), (0, 0, 0, 0)]).with_extremes(bad=bad)
    else:
        cmap = ListedColormap([no, yes]).with_extremes(bad=to_rgba("0.6", 0.6))
    ax.pcolormesh(xs, ys, cells, cmap=cmap, vmin=0, vmax=1, shading="nearest", rasterized=True)
    present = set(ax.get_legend_handles_labels()[1])
    _proxy(ax, yes, label)
    if fill_outside and "not sustainable" not in present:
        _proxy(ax, no, "not sustainable", ec="0.7")
    if inside is not None and not inside.all() and "outside the model's assumptions" not in present:
        _proxy(ax, to_rgba("0.6", 0.6), "outside the model's assumptions")
    if holds.any() and not holds.all():
        with np.errstate(invalid="ignore"):
            ax.contour(xs, ys, holds.astype(float) if margin is None else margin,
                       levels=[0.5 if margin is None else 0], colors=[color], linewidths=1.5)
        if "boundary" not in present:
            ax.plot([], [], color=color, lw=1.5, label="boundary")
    shown = [holds]
    if vary is not None:
        shown += _vary(ax, compiled, xaxis, yaxis, fixed, vary, relation=condition, names=names or {})
    if point is not None:
        px, py = _point(point, xname, yname)
        ax.plot([px], [py], marker="*", ms=14, color="black", mec="white", ls="none", label=point_label,
                clip_on=False, zorder=10)       # whole and on top, even on an axis
    from matplotlib.ticker import MaxNLocator
    for values, axis in ((xs, ax.xaxis), (ys, ax.yaxis)):
        if np.all(values == np.round(values)):      # integer parameters (numbers of states) get integer ticks
            axis.set_major_locator(MaxNLocator(integer=True))
    label_of = {**{n: tex_name(n) for n in (xname, yname, *fixed)}, **(names or {})}
    ax.set_xlabel(xlabel or label_of[xname])
    ax.set_ylabel(ylabel or label_of[yname])
    xlim, ylim = _edges(xs), _edges(ys)
    if fit:
        px_py = None if point is None else _point(point, xname, yname)
        boundary = np.zeros(holds.shape, dtype=bool)
        for grid in shown:
            boundary[:, 1:] |= grid[:, 1:] != grid[:, :-1]
            boundary[1:, :] |= grid[1:, :] != grid[:-1, :]
        if len(x) == 3:
            xlim = _fitted(xs[boundary.any(axis=0)], None if px_py is None else px_py[0], xlim)
        if len(y) == 3:
            ylim = _fitted(ys[boundary.any(axis=1)], None if px_py is None else px_py[1], ylim)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    if title is None:
        at = ", ".join(f"{label_of[name]} = {show_number(value)}" for name, value in fixed.items())
        title = f"Where {label}: {ylabel or label_of[yname]} against {xlabel or label_of[xname]}" + \
            (f"\n(at {at})" if at else "")
    ax.set_title(title, fontsize="medium")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize="small", frameon=False)
    return ax.figure


def _point(point: Any, xname: str, yname: str) -> tuple[float, float]:
    """The marked point's coordinates, from ``{xname: x, yname: y}`` or ``(x, y)``."""
    if isinstance(point, Mapping):
        if xname not in point or yname not in point:
            raise ParameterError(f"point: expected values for {xname!r} and {yname!r}, got {point!r}")
        point = (point[xname], point[yname])
    if not isinstance(point, (tuple, list)) or len(point) != 2:
        raise ParameterError(f"point: expected a mapping or a pair (x, y), got {point!r}")
    return _float(point[0], "point"), _float(point[1], "point")


def _fitted(where: np.ndarray, point: float | None, full: tuple[float, float]) -> tuple[float, float]:
    """Limits around the boundary values ``where`` and ``point``, with a margin, inside ``full``."""
    values = list(where) + ([] if point is None else [point])
    if not len(where):
        return full
    low, high = min(values), max(values)
    pad = max(0.15 * (high - low), 0.05 * (full[1] - full[0]))
    return max(full[0], low - pad), min(full[1], high + pad)


def _edges(values: np.ndarray) -> tuple[float, float]:
    """The outer edges of the first and last cell (cells are centred on the values)."""
    return values[0] - (values[1] - values[0]) / 2, values[-1] + (values[-1] - values[-2]) / 2


def _check_vary(vary: Any, xname: str, yname: str, fixed: Mapping[str, Any]) -> None:
    if not isinstance(vary, (tuple, list)) or len(vary) != 2 or not isinstance(vary[0], str) \
            or isinstance(vary[1], (str, bytes)) or not hasattr(vary[1], "__iter__"):
        raise ParameterError(f"vary: expected (name, values), got {vary!r}")
    if vary[0] in (xname, yname):
        raise ParameterError(f"vary: {vary[0]!r} is an axis; vary a fixed parameter")
    if vary[0] not in fixed:
        raise ParameterError(f"vary: {vary[0]!r} must also have a value in fixed= (the region shaded)")


def _vary(ax: Any, condition: Any, xaxis: Any, yaxis: Any, fixed: dict, vary: Any,
          relation: Any = None, names: Mapping[str, str] | None = None) -> list[np.ndarray]:
    """Draw the boundary at each of the varied values; return where the condition holds at each."""
    name, values = vary
    grids = []
    styles = ["--", ":", "-.", (0, (5, 1, 1, 1, 1, 1)), (0, (1, 3))]
    for k, value in enumerate(values):
        holds = region_values(condition, xaxis, yaxis, {**fixed, name: value})
        grids.append(holds)
        margin = None if relation is None else _smooth_margin(relation, xaxis, yaxis, {**fixed, name: value})
        style = styles[k % len(styles)]
        if holds.any() and not holds.all():
            with np.errstate(invalid="ignore"):
                ax.contour(xaxis[1], yaxis[1], holds.astype(float) if margin is None else margin,
                           levels=[0.5 if margin is None else 0], colors=["0.25"], linewidths=1.2,
                           linestyles=[style])
        words = "" if holds.any() and not holds.all() else (" (holds everywhere)" if holds.all()
                                                           else " (holds nowhere)")
        ax.plot([], [], color="0.25", lw=1.2, ls=style,
                label=f"boundary at {(names or {}).get(name) or tex_name(name)} = {show_number(value)}{words}")
    return grids


def _smooth_margin(condition: Any, xaxis: Any, yaxis: Any, fixed: Mapping[str, Any]) -> np.ndarray | None:
    """The relation's margin (positive where it holds) on the grid, when both axes are continuous.

    None for an And/Or combination, or when an axis takes given integer values
    (numbers of states): there the region is a set of cells, drawn as such.
    """
    if not isinstance(condition, sympy.Basic):
        return None
    margin = _margin(condition)
    if margin is None:
        return None
    for _, values in (xaxis, yaxis):
        if len(values) < 50 and np.all(values == np.round(values)):
            return None
    names = [xaxis[0], yaxis[0], *fixed]
    try:
        compiled = _compile(margin, names, "condition")
    except ParameterError:
        return None
    values = {n: _float(v, f"fixed[{n!r}]") for n, v in fixed.items()}
    grid_x, grid_y = np.meshgrid(xaxis[1], yaxis[1], sparse=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.broadcast_to(np.asarray(compiled(**{xaxis[0]: grid_x, yaxis[0]: grid_y, **values}), dtype=float),
                                 (len(yaxis[1]), len(xaxis[1])))
    result = np.where(np.isfinite(result), result, np.nan)
    holds = region_values(condition, xaxis, yaxis, fixed)
    agree = np.isnan(result) | ((result >= 0) == holds)
    return result if agree.mean() > 0.99 else None    # a margin whose sign is the condition's, up to rounding


def plot_delta_sets(delta_sets: Mapping[str, Any], *, ax: Any = None, title: str | None = None,
                    xlabel: str = r"discount factor $\delta$") -> Any:
    r"""Draw the exact sets of sustainable discount factors of several profiles, one row each.

    Intervals are bars with filled (closed) or hollow (open) end markers;
    isolated points, where a profile holds at a single :math:`\delta` (as
    tit-for-tat can), are diamonds; an empty set is written as such.

    Parameters
    ----------
    delta_sets : mapping label -> DeltaSet
        Results of :func:`cybergames.repeated.sustainable_discount_factors`
        for numeric games, in the order to draw them (top to bottom).
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure's axes by default.
    title, xlabel : str, optional

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    ParameterError
        If ``delta_sets`` is empty or holds something other than numeric
        :class:`~cybergames.repeated.DeltaSet` objects.
    ImportError
        If matplotlib is not installed.

    Examples
    --------
    >>> from cybergames import RepeatedGame, grim_trigger, prisoners_dilemma, sustainable_discount_factors
    >>> rg = RepeatedGame(prisoners_dilemma(T=5, R=3, P=1, S=0))
    >>> fig = plot_delta_sets({"grim trigger": sustainable_discount_factors(rg, (grim_trigger(),) * 2)})
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['grim trigger']
    """
    from ..repeated import DeltaSet

    if not isinstance(delta_sets, Mapping) or not delta_sets:
        raise ParameterError(f"delta_sets: expected a non-empty mapping label -> DeltaSet, got {delta_sets!r}")
    for label, found in delta_sets.items():
        if not isinstance(found, DeltaSet):
            raise ParameterError(f"delta_sets[{label!r}]: expected a DeltaSet of a numeric game, got "
                                 f"{type(found).__name__}")
    ax = new_axes(ax, figsize=(6.5, 0.6 * len(delta_sets) + 2.4))
    color = "tab:blue"
    seen = set()

    def once(kind: str) -> str | None:
        if kind in seen:
            return None
        seen.add(kind)
        return kind

    rows = list(delta_sets.items())
    for y, (label, found) in enumerate(rows):
        for interval in found.intervals:
            lower, upper = _as_float(interval.lower), _as_float(interval.upper)
            if interval.is_degenerate:
                ax.plot([lower], [y], marker="D", ms=8, color="tab:orange", ls="none",
                        label=once("sustainable at a single discount factor"))
                continue
            ax.plot([lower, upper], [y, y], lw=6, color=color, solid_capstyle="butt",
                    label=once("sustainable discount factors"))
            for end, closed in ((lower, interval.lower_closed), (upper, interval.upper_closed)):
                ax.plot([end], [y], marker="o", ms=8, ls="none", mec=color, mew=1.5,
                        mfc=color if closed else "white",
                        label=once("endpoint included" if closed else "endpoint excluded"))
            ax.annotate(_endpoint_text(interval.lower), (lower, y), xytext=(0, 9), textcoords="offset points",
                        ha="center", fontsize="small")
        for point in found.points:
            ax.annotate(_endpoint_text(point), (_as_float(point), y), xytext=(0, 9), textcoords="offset points",
                        ha="center", fontsize="small")
        if found.is_empty:
            ax.text(0.5, y, "no discount factor", ha="center", va="center", fontsize="small", color="0.35")
    ax.set_yticks(range(len(rows)), [label for label, _ in rows])
    ax.set_ylim(len(rows) - 0.3, -0.7)
    ax.set_xlim(0, 1)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("strategy profile")
    ax.grid(axis="x", color="0.9")
    ax.set_title(title or "Discount factors at which each profile is an equilibrium", fontsize="medium")
    if not seen:
        ax.plot([], [], lw=6, color=color, label="sustainable discount factors (none here)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize="small", frameon=False)
    return ax.figure


def _endpoint_text(value: Any) -> str:
    """An endpoint for a label: exact fractions as they are, algebraic numbers by their value."""
    if isinstance(value, sympy.Basic) and not value.is_Rational:
        return f"{_as_float(value):.3f}"
    return show_number(value)


def _as_float(value: Any) -> float:
    """A float of an endpoint (Fraction, float or algebraic sympy number)."""
    if isinstance(value, sympy.Basic):
        return float(value.evalf(20))
    return float(value)
