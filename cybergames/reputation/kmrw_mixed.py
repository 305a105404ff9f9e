r"""Sequential equilibria of the KMRW prisoner's dilemma at every prior, with mixing below :math:`\mu^*`.

**Game and notation** as in :mod:`cybergames.reputation.kmrw` (Gibbons's
normalisation: mutual cooperation 1, mutual defection 0, temptation
:math:`a > 1`, sucker's payoff :math:`b < 0`; ROW is a tit-for-tat type with
prior :math:`\mu`, otherwise rational; COL is rational; payoffs are summed
over :math:`N` periods). A state is :math:`(k, p, x)`: :math:`k` periods
left, COL's belief :math:`p` that ROW is the tit-for-tat type, and
:math:`x`, tit for tat's move (COL's previous move; :math:`C` first).

**Facts used by the construction** (each re-checked by the verifier, not assumed by it).

* At :math:`p = 0` the continuation is the finitely repeated prisoner's
  dilemma with complete information: both defect to the end, value 0.
* At :math:`x = D` the rational ROW defects: defecting pays more today and
  keeps the reputation, cooperating reveals it (value 0 afterwards), and
  every continuation value of the rational ROW is at least 0 (it can defect
  forever). So :math:`p' = p`, and COL repairs (cooperates) iff
  :math:`b + V^C_{k-1}(p, C) \ge V^C_{k-1}(p, D)`.
* At :math:`x = C` the rational ROW cooperates (mimics) with probability
  :math:`r`; after cooperation Bayes' rule gives :math:`p' = p/(p + (1-p)r)`,
  after defection :math:`p' = 0`. Its gain from mimicking when COL
  cooperates with probability :math:`q` is

  .. math:: H(q, p') = q\,(1 + V^R_{k-1}(p', C) - a) + (1 - q)\,(b + V^R_{k-1}(p', D)),

  and COL's gain from cooperating, when ROW cooperates with probability
  :math:`\pi = p/p'`, is

  .. math:: G(\pi, p') = \pi\,\big(1 + V^C_{k-1}(p', C) - a - V^C_{k-1}(p', D)\big) + (1 - \pi)\, b.

  A local equilibrium is :math:`(r, q)` with :math:`r > 0 \Rightarrow H \ge 0`,
  :math:`r < 1 \Rightarrow H \le 0`, :math:`q > 0 \Rightarrow G \ge 0`,
  :math:`q < 1 \Rightarrow G \le 0`. As in the chain store, when mimicking
  for sure does not pay the rational ROW mixes so that the posterior
  :math:`p'` lands exactly where it is indifferent — where COL, in the next
  period, is itself indifferent and mixes so that
  :math:`V^R_{k-1}(p', C) = a - 1` (after COL cooperated) or
  :math:`V^R_{k-1}(p', D) = -b` (after COL defected). The mixing probability
  is :math:`r = p(1 - p')/((1 - p)p')`.

**Algorithm** (exact piecewise backward induction). For each :math:`k` the
values are stored as functions of :math:`p` on a finite partition of
:math:`[0, 1]`: on each open cell the rational ROW's value is constant and
COL's value is linear in :math:`p` (COL's payoff is an expectation over
ROW's types; the mixing targets are fixed points of the previous period). The
partition of period :math:`k` refines that of :math:`k - 1` by the roots of
COL's gain functions, which are linear on each cell. Every cell is checked
to be linear at a third point; a cell that is not is marked uncovered,
never interpolated. Local equilibria are chosen in the order: mimic
for sure; mix with COL cooperating; mix with COL defecting; reveal at once;
both mix. Ties of COL go to cooperation, except at the reputations where
COL's mixing is what makes the previous period's rational ROW indifferent.
Breakpoints at which neither value changes are dropped again.

*Spans.* The equilibrium values at a state form a set, not a point. Where
COL is indifferent its value is the same for every mixing :math:`q`, while
the rational ROW's value moves with :math:`q`; and where a successor's value
of the rational ROW can move with COL's value fixed, so can this state's.
At every breakpoint the value functions record this *span*
:math:`[\underline v, \overline v]` of the rational ROW's values with COL's
value unchanged (an interval: the choices that keep the rational ROW's
incentive form a connected set). A mixing target :math:`p'` qualifies when
the needed value (:math:`a - 1` or :math:`-b`) lies in its span, not only
when the recorded value equals it. (Without spans whole intervals of
reputations had no local equilibrium: the rational ROW's value jumped over
:math:`a - 1` at a breakpoint.)

**Solving one game.** One game with prior :math:`\mu` reaches the
reputations 0 and :math:`p \ge \mu` only (the belief never falls after tit
for tat's move), and the local equilibrium at :math:`p` reads the previous
period's values at :math:`p' \ge p` only, so the value functions of one game
are built on :math:`[\mu, 1]` (shared by every horizon of that prior); the
breakpoints that, for some payoffs, multiply geometrically near 0 are never
built. The states reachable from the start are then solved top down
(``cybergames.reputation._kmrw_search``), with backtracking: each state's
candidates are the shared play where it is a local equilibrium with the
play already fixed; the shared play with each value it assumes inside a
successor's span *realised* (COL's mixing fixed there, or the successors'
values moved in turn, down the periods); and a search over the posteriors
the rational ROW can mix to with the successors' play that gives it the
value its indifference needs. That profile depends on :math:`(k, p, x)`
only.

*History-dependent play.* Two histories may reach the same state and need
different values of the rational ROW there (one predecessor's indifference
needs :math:`-b` at :math:`(k - 1, p', D)`, another's needs another value at
the same state); no profile of that class serves both. Where the first
search stops, a second one (``cybergames.reputation._kmrw_nodes``; for horizons up to 300) solves
*nodes* :math:`(k, p, x, w)`: a state together with the value :math:`w` its
predecessor asks of it. Each node has its own play and its own successors,
so histories that reach one state may play differently (the result's
``markov`` is then false, and each recorded state carries its node id and
the links to its four successors). The incentives at a node depend on its
successors' values only, so nodes are solved once each, depth first, with
no backtracking across branches. The assembled profile is re-checked
(Bayes' rule, the successors' states and every one-shot deviation at every
node) before it is returned.

*Sets of equilibrium values.* Both searches read one value per state (and
a span at breakpoints) and try posteriors among breakpoints and roots. A
game may need a value that no such play gives, at a posterior strictly
inside a cell (at :math:`a = 6/5, b = -1, \mu = 4/25, N = 5` both players
mix in the first two periods, to the posteriors 104/499 and 104/209). Where
both stop, a third construction
(``cybergames.reputation._kmrw_sets``) keeps every play of a family per
period: *pieces*, each a set of reputations (an open interval or a point),
an interval of the rational ROW's values, a line of COL's values and a
recipe (the local play and the successor pieces), built by backward
induction from the previous period's pieces, with each posterior the
rational ROW mixes to a point piece, the middle of an interval piece, or the
root of COL's indifference (which moves with :math:`p`); where that set
closes no game, a second one adds the degenerate case in which COL is
indifferent at one reputation for a whole interval of posteriors (its value
there ranging with the posterior; the period before asks it for the value
its own indifference needs) and drops every piece whose claim another piece
of its period implies (they grow more slowly: 512 pieces instead of 910 at
nine periods for :math:`a = 7/5, b = -11/5, \mu = 2/25`; the bound is then
``LEAN_MAX_PIECES``). A piece claims
that at each of its reputations every value in its interval is the rational
ROW's value in an equilibrium of the subgame with that COL value; one game
is then realised top down, each node asking its successor pieces for the
values its indifference needs, with no search. The number of pieces grows
with the number of periods (two to three times more each period for some
payoffs); past ``MAX_PIECES`` in one period they are built no further, and
the search on nodes solves the periods above those they hold, asking the
pieces (every piece at the posterior whose interval holds the asked value)
for its successors' values.

**Coverage (what is and is not established).** The construction closes —
finds a local equilibrium at every node that the game reaches — for every
prior and horizon tested when :math:`a + b = 1` (then the two indifference
requirements :math:`a - 1` and :math:`-b` coincide), and for most other
payoffs (measured on a fixed random sample below :math:`\mu^*` by
``tests/benchmarks/reputation/kmrw_coverage.py``; the numbers are in
:doc:`/explanation/reputation`). Elsewhere it may end without a profile:
the searches' class — mixing targets among the previous period's
breakpoints and the roots of COL's indifference inside its cells, the
successors' values inside or near the spans the value functions record —
holds no equilibrium they reach within their budgets, and the value sets
grew past their bound or hold no piece at the prior (their families fix
the posterior of a mixing interval piece at its middle, and give COL one
value per piece); :func:`kmrw_equilibrium` then raises ``ParameterError``
saying where they stopped. A refusal is *not* a claim that no sequential
equilibrium exists (one exists for every input: the game is finite) nor
that none of the class exists (the constructions are bounded); the
function never returns a profile that is not an equilibrium.

**Certificate.** The result records the behaviour at every node reachable
from the start under any moves of either player, with the links between
them, and :func:`cybergames.verify` recomputes from those alone — Bayes'
rule and the state of every successor, both players' values by backward
induction, and every one-shot deviation at every node (a sequential
equilibrium in a finite game iff no one-shot deviation gains). The tests
check the same profile a second way, by brute force over every history of
the game tree for small :math:`N`.

**KMRW's bound.** Kreps, Milgrom, Roberts & Wilson (1982) prove, for their
first model (a tit-for-tat type of ROW with probability :math:`\mu`), that
in *every* sequential equilibrium the number of rounds in which a player
does not cooperate is bounded by a constant that depends on :math:`\mu`
(and the payoffs) but not on :math:`N`. The library states no closed form
of that constant, and none was checked against the paper (only a summary of
it was available). What is computed is different and smaller in scope:
:attr:`MixedReputation.defection_periods` counts, on the path of the one
equilibrium computed here, the periods from the first one without sure
mutual cooperation to the end; :func:`noncooperation_bound` computes it for
growing horizons and returns the value at which it settles. That is a
count for one equilibrium, checked to stop growing on the horizons tried,
not derived, and not KMRW's constant (which bounds every equilibrium, and
counts the rounds with noncooperation, not every period after the first).

References
----------
Kreps, Milgrom, Roberts & Wilson (1982), "Rational cooperation in the
finitely repeated prisoners' dilemma", *JET* 27, 245–252. Kreps & Wilson
(1982), *JET* 27, 253–279 (the chain-store construction). Gibbons (1992),
ch. 4.3.C. Fudenberg & Tirole (1991), *Game Theory*, ch. 9.2.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from .. import _numbers, limits
from .._verify import Verification, verify
from ..errors import ParameterError
from . import _checks, _kmrw_nodes, _kmrw_search, _kmrw_sets
from ._kmrw_values import _Solver, _Uncovered
from .kmrw import _payoffs

__all__ = ["ReputationState", "MixedReputation", "kmrw_equilibrium", "noncooperation_bound"]

C, D = "C", "D"
ZERO, ONE = Fraction(0), Fraction(1)


@dataclass(frozen=True)
class ReputationState:
    r"""Play at one state of the KMRW game.

    Attributes
    ----------
    period, remaining : int
        :math:`t` and the periods left including it, :math:`k = N - t + 1` (``period`` is 0 off the reported path).
    reputation : number
        COL's belief :math:`p` that ROW is the tit-for-tat type.
    tit_for_tat_move : str
        :math:`x`, tit for tat's move (COL's previous move).
    rational_mimics : number
        The probability :math:`r` that the rational ROW makes tit for tat's move.
    column_cooperates : number
        The probability :math:`q` that COL cooperates.
    after_mimic : number
        COL's belief after ROW makes tit for tat's move (Bayes' rule).
    node : int
        The node of the profile this play belongs to (its index in :attr:`MixedReputation.states`).
        Histories that reach the same node play alike.
    successors : tuple of int
        The nodes reached after (ROW makes tit for tat's move, COL cooperates), (tit for tat's move,
        COL defects), (the other move, COL cooperates), (the other move, COL defects); empty in the
        last period. When several nodes share a state (``markov`` false in the result), these links,
        not the state, say which play follows a history.
    """

    period: int
    remaining: int
    reputation: Any
    tit_for_tat_move: str
    rational_mimics: Any
    column_cooperates: Any
    after_mimic: Any
    node: int = 0
    successors: tuple = ()

    @property
    def sure_cooperation(self) -> bool:
        """Whether both cooperate for sure: tit for tat cooperates, the rational ROW mimics and COL cooperates."""
        return self.tit_for_tat_move == C and self.rational_mimics == 1 and self.column_cooperates == 1


@dataclass(frozen=True)
class MixedReputation:
    r"""A sequential equilibrium of the KMRW prisoner's dilemma and its reputation path.

    Attributes
    ----------
    prior, periods, a, b : number, int, number, number
        The inputs.
    path : tuple of ReputationState
        The path on which ROW makes tit for tat's move and COL cooperates
        whenever it does so with positive probability; one row per period.
    states : tuple of ReputationState
        The behaviour at every node reachable from the start under any moves,
        the first node first (the certificate that ``verify`` re-checks).
    mutual_cooperation : int
        The number of initial periods with sure mutual cooperation on the path.
    column_value, rational_value : number
        COL's and the rational ROW's equilibrium payoffs (sums over the periods).
    exact : bool
    markov : bool
        Whether the play depends on the state :math:`(k, p, x)` only (one node per
        state); false when histories that reach one state play differently.
    """

    prior: Any
    periods: int
    a: Any
    b: Any
    path: tuple = field(repr=False)
    states: tuple = field(repr=False)
    mutual_cooperation: int
    column_value: Any
    rational_value: Any
    exact: bool
    markov: bool = True

    @property
    def defection_periods(self) -> int:
        """The number of final periods without sure mutual cooperation (``periods - mutual_cooperation``)."""
        return self.periods - self.mutual_cooperation

    @property
    def reputations(self) -> tuple:
        """The reputation at the start of every period on the path."""
        return tuple(row.reputation for row in self.path)



# ---------------------------------------------------------------- public solver
def kmrw_equilibrium(prior: Any, periods: int, a: Any = 2, b: Any = -1) -> MixedReputation:
    r"""A sequential equilibrium of the KMRW prisoner's dilemma for any prior, with its reputation path.

    Above :math:`\mu^*` (:func:`cooperation_prior_threshold`) the rational ROW
    mimics tit for tat and both cooperate until near the end; below it the
    rational ROW mixes in the final periods so that COL's posterior climbs to
    the reputations at which COL, in turn, is indifferent (the chain-store
    construction of Kreps & Wilson). See the module docstring for the maths.

    Parameters
    ----------
    prior : int, Fraction or float
        The probability :math:`\mu \in (0, 1)` that ROW is the tit-for-tat type.
    periods : int
        The horizon :math:`1 \le N \le` ``cybergames.limits.MAX_REPUTATION_PERIODS``.
    a, b : int, Fraction or float, optional
        Temptation :math:`a > 1` and sucker's payoff :math:`b < 0` (defaults 2, -1).

    Returns
    -------
    MixedReputation
        Exact for exact input (floats are converted exactly to fractions and
        the answer converted back to floats). ``verify(result)`` re-checks
        Bayes' rule and every one-shot deviation at every reachable state.

    Raises
    ------
    ProbabilityError
        If ``prior`` is not strictly between 0 and 1.
    ParameterError
        If ``periods`` is not a whole number in range, ``a <= 1``, ``b >= 0``,
        or the construction finds no local equilibrium of its form (the
        message says where; no profile is returned then).

    References
    ----------
    Kreps, Milgrom, Roberts & Wilson (1982), *JET* 27, 245–252; Kreps & Wilson (1982), *JET* 27, 253–279.

    Examples
    --------
    >>> from fractions import Fraction
    >>> eq = kmrw_equilibrium(Fraction(1, 10), periods=12, a=2, b=-1)   # far below mu* = 1/2
    >>> eq.mutual_cooperation, eq.defection_periods
    (4, 8)
    >>> [str(row.reputation) for row in eq.path]
    ['1/10', '1/10', '1/10', '1/10', '1/10', '1/8', '1/8', '1/4', '1/4', '1/2', '1/2', '1']
    >>> [str(row.rational_mimics) for row in eq.path]     # 7/9: the posterior after cooperation is 1/8
    ['1', '1', '1', '1', '7/9', '1', '3/7', '1', '1/3', '1', '0', '0']
    >>> [str(row.column_cooperates) for row in eq.path]
    ['1', '1', '1', '1', '1', '1/3', '1', '1/3', '1', '1/2', '1/2', '0']
    >>> from cybergames import verify
    >>> verify(eq).ok
    True
    """
    mu = _checks.prior(prior)
    N = _checks.horizon(periods)
    limits.check("periods", N, "MAX_REPUTATION_PERIODS")
    a = _checks.number(a, "a")
    b = _checks.number(b, "b")
    exact = all(_numbers.is_exact(v) for v in (mu, a, b))
    a, b = _payoffs(a, b, True) if exact else tuple(Fraction(v) for v in _payoffs(a, b, False))
    mu = Fraction(mu)
    try:
        return _equilibrium(mu, N, a, b, exact)
    except _Uncovered as exc:
        raise ParameterError(f"a={a}, b={b}: the construction finds no local equilibrium of its form at a state "
                             f"this game reaches ({exc}); a sequential equilibrium exists, but the bounded search "
                             f"of its class found none (it closes for a + b = 1 at every prior and horizon tested; "
                             f"see the module docstring)") from None


_SOLVERS: dict = {}


def _solver(a: Fraction, b: Fraction, periods: int, floor: Fraction = ZERO) -> _Solver:
    """The value functions of periods 0..periods-1 for (a, b) on the reputations 0 and [floor, 1].

    Shared by every horizon of one prior (``floor``, the prior, is part of the key: the answer for one
    input never depends on what was solved before it).
    """
    solver = _SOLVERS.get((a, b, floor))
    if solver is None:
        if len(_SOLVERS) >= 16:
            _SOLVERS.clear()
        solver = _SOLVERS[(a, b, floor)] = _Solver(a, b, floor)
    for k in range(len(solver.levels), periods):
        solver.build(k)
    return solver


def _equilibrium(mu: Fraction, N: int, a: Fraction, b: Fraction, exact: bool) -> MixedReputation:
    solver = _solver(a, b, N, mu)
    run = _kmrw_search.Run(solver, _Uncovered)
    try:
        run.solve_all(N, mu, _kmrw_search.FIRST_BUDGET)
    except _Uncovered as exc:
        try:
            return _history_dependent(mu, N, a, b, exact, solver, str(exc))
        except _Uncovered as second:
            try:                                                # the Markov search again, with its full budget
                run.solve_all(N, mu)
            except _Uncovered:
                try:
                    return _by_value_sets(mu, N, a, b, exact)
                except _Uncovered as third:
                    try:        # with the degenerate both-mix families, without the pieces that others imply
                        return _by_value_sets(mu, N, a, b, exact, True, True)
                    except _Uncovered as fourth:
                        raise _Uncovered(f"{second}; {third}; with the degenerate both-mix families and without "
                                         f"the implied pieces: {fourth}") from None

    def play_of(node):
        return run.fixed[node]

    def children_of(node):
        k, p, x = node
        after = run.fixed[node][2]
        return (k - 1, after, C), (k - 1, after, D), (k - 1, ZERO, C), (k - 1, ZERO, D)
    return _assemble(mu, N, a, b, exact, (N, mu, C), play_of, children_of)


def _history_dependent(mu: Fraction, N: int, a: Fraction, b: Fraction, exact: bool, solver: _Solver,
                       before: str = "") -> MixedReputation:
    """The search on nodes (state, value asked of it): play may depend on the history, not the state only."""
    search = _kmrw_nodes.NodeSearch(solver, _Uncovered)
    root, why = None, f"not tried beyond {_kmrw_nodes.MAX_DEPTH} periods"
    if N <= _kmrw_nodes.MAX_DEPTH:
        try:
            root = search.solve(N, mu, C)
            why = "every candidate tried"
        except _kmrw_nodes._OutOfBudget:
            why = f"budget of {_kmrw_nodes.BUDGET} local games spent"
    if root is None:
        raise _Uncovered(f"{before + '; ' if before else ''}with history-dependent play: none found "
                         f"({why})")

    def play_of(node):
        return search.plays[node][:5]

    def children_of(node):
        k, p = node[:2]
        zero = [search.solve(k - 1, ZERO, y) for y in (C, D)]
        if p == 0:
            return (*zero, *zero)
        return (search.plays[node][5], search.plays[node][6], *zero)
    return _assemble(mu, N, a, b, exact, root, play_of, children_of)


_PIECES: dict = {}


def _by_value_sets(mu: Fraction, N: int, a: Fraction, b: Fraction, exact: bool,
                   degenerate: bool = False, lean: bool = False) -> MixedReputation:
    """The construction from the sets of equilibrium values (``cybergames.reputation._kmrw_sets``)."""
    pieces = _PIECES.get((a, b, mu, degenerate, lean))
    if pieces is None:
        if len(_PIECES) >= 16:
            _PIECES.clear()
        pieces = _PIECES[(a, b, mu, degenerate, lean)] = _kmrw_sets.Pieces(a, b, mu, degenerate, lean)
    try:
        pieces.build(N - 1)
        root = pieces.realise(N, mu)
    except _kmrw_sets._TooMany as exc:
        return _nodes_over_value_sets(mu, N, a, b, exact, pieces, f"more than {pieces.bound} pieces "
                                      f"in period k={exc}")
    except _kmrw_sets._Broken as exc:
        raise _Uncovered(f"with sets of equilibrium values: {exc}") from None
    if root is None:
        raise _Uncovered("with sets of equilibrium values: no piece holds the prior")

    def play_of(node):
        return pieces.plays[node][:5]

    def children_of(node):
        k, p = node[:2]
        zero = [pieces.node(k - 1, ZERO, y, None, ZERO) for y in (C, D)]
        if p == 0:
            return (*zero, *zero)
        return (pieces.plays[node][5], pieces.plays[node][6], *zero)
    return _assemble(mu, N, a, b, exact, root, play_of, children_of)


def _nodes_over_value_sets(mu: Fraction, N: int, a: Fraction, b: Fraction, exact: bool, pieces: Any,
                           why: str) -> MixedReputation:
    """The search on nodes for the periods the value sets do not hold, with the value sets below them."""
    held = len(pieces.levels) - 1
    if N > _kmrw_nodes.MAX_DEPTH:
        raise _Uncovered(f"with sets of equilibrium values: {why}; the search on nodes above period k={held} "
                         f"not tried beyond {_kmrw_nodes.MAX_DEPTH} periods")
    search = _kmrw_nodes.NodeSearch(_solver(a, b, N, mu), _Uncovered, pieces=pieces)
    try:
        root = search.solve(N, mu, C)
    except _kmrw_nodes._OutOfBudget:
        raise _Uncovered(f"with sets of equilibrium values: {why}; with them below the search on nodes above "
                         f"period k={held}: budget of {_kmrw_nodes.BUDGET} local games spent") from None
    except _kmrw_sets._Broken as exc:
        raise _Uncovered(f"with sets of equilibrium values: {exc}") from None
    if root is None:
        raise _Uncovered(f"with sets of equilibrium values: {why}; with them below the search on nodes above "
                         f"period k={held}: none found")

    def children_of(node):
        k, p = node[:2]
        zero = [search.solve(k - 1, ZERO, y) for y in (C, D)]
        if p == 0:
            return (*zero, *zero)
        play = search.play(node)
        return (play[5], play[6], *zero)
    return _assemble(mu, N, a, b, exact, root, lambda node: search.play(node)[:5], children_of)


def _assemble(mu: Fraction, N: int, a: Fraction, b: Fraction, exact: bool, root: Any, play_of: Any,
              children_of: Any) -> MixedReputation:
    """The result from the plays at the nodes reachable from ``root`` (breadth first), re-checked."""
    out = (lambda v: _numbers.simplify_exact(v)) if exact else float
    order, ids, frontier = [], {root: 0}, [root]
    while frontier:
        nxt = []
        for node in frontier:
            order.append(node)
            if node[0] > 1:
                for child in children_of(node):
                    if child not in ids:
                        ids[child] = len(ids)
                        nxt.append(child)
        frontier = nxt
    states, keys = [], set()
    for node in order:
        k, p, x = node[:3]
        r, q, after = play_of(node)[:3]
        links = tuple(ids[child] for child in children_of(node)) if k > 1 else ()
        states.append(ReputationState(0, k, out(p), x, out(r), out(q), out(after), ids[node], links))
        keys.add((k, p, x))
    path, node = [], root
    for t in range(1, N + 1):
        k = N - t + 1
        p, x = node[1], node[2]
        r, q, after = play_of(node)[:3]
        path.append(ReputationState(t, k, out(p), x, out(r), out(q), out(after), ids[node],
                                    states[ids[node]].successors))
        if k > 1:
            node = children_of(node)[0 if q > 0 else 1]
    mutual = 0
    for row in path:
        if not row.sure_cooperation:
            break
        mutual += 1
    vr, vc = play_of(root)[3:5]
    result = MixedReputation(out(mu), N, out(a), out(b), tuple(path), tuple(states), mutual, out(vc), out(vr),
                             exact, len(keys) == len(states))
    failures, _ = _state_deviations(result)
    if failures:
        raise _Uncovered(f"the assembled profile fails its check ({failures[0]})")
    return result


def noncooperation_bound(prior: Any, a: Any = 2, b: Any = -1, *, horizons: int = 40) -> int:
    r"""The number of final periods without sure cooperation, once it no longer grows with the horizon.

    KMRW (1982) prove that it is bounded independently of :math:`N`. This
    function computes :func:`kmrw_equilibrium` for the last half of the horizons
    :math:`N \le` ``horizons``, from the longest down, and returns the count at the
    longest after checking that it is the same for all of them (else a
    ``ParameterError`` asks for more horizons).

    Raises
    ------
    ProbabilityError, ParameterError
        As :func:`kmrw_equilibrium`; also if ``horizons`` is not a whole number from 2 to
        ``cybergames.limits.MAX_REPUTATION_PERIODS``, or the count has not settled.

    Examples
    --------
    >>> from fractions import Fraction
    >>> noncooperation_bound(Fraction(1, 10)), noncooperation_bound(Fraction(1, 100))
    (8, 14)
    """
    horizons = _checks.horizon(horizons, "horizons")
    if horizons < 2:
        raise ParameterError(f"horizons: expected at least 2 horizons to compare, got {horizons!r}")
    limits.check("horizons", horizons, "MAX_REPUTATION_PERIODS")
    # Only the last half of the horizons is compared: computed from the longest down, stopping at the first
    # change (a tiny prior, whose count grows with every horizon, is refused after two solves, not forty).
    counts = []
    for n in range(horizons, horizons // 2, -1):
        counts.append(kmrw_equilibrium(prior, n, a, b).defection_periods)
        if counts[-1] != counts[0]:
            raise ParameterError(f"horizons: the count has not settled by N = {horizons} (N = {horizons}: "
                                 f"{counts[0]}, N = {n}: {counts[-1]}); give more horizons")
    return counts[0]


# ---------------------------------------------------------------- verification
def _state_deviations(result: MixedReputation) -> tuple:
    """Bayes' rule, the successors' states and every one-shot deviation at every recorded node.

    Computed from the behaviour, the links and the payoffs alone. A result whose states carry no links
    (one play per state) is read with the successors looked up by state.
    """
    a, b = Fraction(result.a), Fraction(result.b)
    failures = []
    tol = 0 if result.exact else 1e-9
    states = result.states
    nodes = {}
    linked = any(s.successors for s in states)
    for i, s in enumerate(states):
        node = s.node if linked else i
        if node in nodes:
            failures.append(f"node {node} is recorded twice")
        nodes[node] = s
    by_state = {}
    for node, s in nodes.items():
        by_state.setdefault((s.remaining, Fraction(s.reputation), s.tit_for_tat_move), []).append(node)
    u = {(C, C): (1, 1), (C, D): (b, a), (D, C): (a, b), (D, D): (0, 0)}
    other = {C: D, D: C}
    vr, vc = {}, {}
    for node in sorted(nodes, key=lambda n: nodes[n].remaining):
        s = nodes[node]
        k, p, x = s.remaining, Fraction(s.reputation), s.tit_for_tat_move
        r, q, after = Fraction(s.rational_mimics), Fraction(s.column_cooperates), Fraction(s.after_mimic)
        where = f"node {node} (k={k}, p={p}, x={x})"
        mimic_prob = p + (1 - p) * r
        expected = p / mimic_prob if mimic_prob else ONE
        if p and after != expected and abs(after - expected) > tol:
            failures.append(f"{where}: posterior {after} breaks Bayes' rule ({expected})")
        post_mimic = after if p else ZERO
        links = {}
        if k > 1:
            wanted = ((x, C, post_mimic), (x, D, post_mimic), (other[x], C, ZERO), (other[x], D, ZERO))
            for j, (move, y, post) in enumerate(wanted):
                if s.successors:
                    child = s.successors[j] if len(s.successors) == 4 else None
                else:
                    found = by_state.get((k - 1, post, y), [])
                    child = found[0] if len(found) == 1 else None
                if child not in nodes:
                    failures.append(f"{where}: no single successor recorded after ({move}, {y})")
                    continue
                c = nodes[child]
                if (c.remaining, c.tit_for_tat_move) != (k - 1, y) or \
                        (Fraction(c.reputation) != post and abs(Fraction(c.reputation) - post) > tol):
                    failures.append(f"{where}: the successor after ({move}, {y}) is at "
                                    f"k={c.remaining}, p={c.reputation}, x={c.tit_for_tat_move}, "
                                    f"not k={k - 1}, p={post}, x={y}")
                    continue
                links[(move, y)] = child

        def cont(values, move, y):
            if k == 1 or (move, y) not in links:
                return ZERO
            return values[links[(move, y)]]
        # rational ROW: mimic (move x) or the other move
        row_q = {}
        for move in (x, other[x]):
            row_q[move] = sum((w * (u[(move, y)][0] + cont(vr, move, y)) for y, w in ((C, q), (D, 1 - q)) if w),
                              ZERO)
        # COL: against tit for tat (prob p, move x) and the rational type (prob 1 - p)
        col_q = {}
        for y in (C, D):
            total = ZERO
            for prob, move in ((p, x), ((1 - p) * r, x), ((1 - p) * (1 - r), other[x])):
                if prob:
                    total += prob * (u[(move, y)][1] + cont(vc, move, y))
            col_q[y] = total
        for who, qv, prob_first, first in (("rational ROW", row_q, r, x), ("COL", col_q, q, C)):
            second = other[first]
            if prob_first > 0 and qv[second] - qv[first] > tol:
                failures.append(f"{where}: {who} gains {qv[second] - qv[first]} by {second} not {first}")
            if prob_first < 1 and qv[first] - qv[second] > tol:
                failures.append(f"{where}: {who} gains {qv[first] - qv[second]} by {first} not {second}")
        vr[node] = r * row_q[x] + (1 - r) * row_q[other[x]]
        vc[node] = q * col_q[C] + (1 - q) * col_q[D]
    # the first node is the start; the path follows the links
    if not states:
        return ("no states recorded",), 0
    first = next(iter(nodes))
    s0 = nodes[first]
    if (s0.remaining, Fraction(s0.reputation), s0.tit_for_tat_move) != (result.periods, Fraction(result.prior), C):
        failures.append(f"the first node is not the start (k={result.periods}, p={result.prior}, x=C)")
    for name, values, recorded in (("COL", vc, result.column_value), ("rational ROW", vr, result.rational_value)):
        if abs(values[first] - Fraction(recorded)) > tol:
            failures.append(f"{name}'s value {recorded} differs from the recomputed {values[first]}")
    node = first
    for t, row in enumerate(result.path, 1):
        s = nodes.get(node)
        if s is None or (row.remaining, row.reputation, row.tit_for_tat_move, row.rational_mimics,
                         row.column_cooperates, row.after_mimic) != \
                (s.remaining, s.reputation, s.tit_for_tat_move, s.rational_mimics, s.column_cooperates,
                 s.after_mimic):
            failures.append(f"period {t} of the path does not follow the recorded play")
            break
        if s.remaining > 1:
            successor = s.successors[0 if s.column_cooperates > 0 else 1] if s.successors else None
            if successor is None:
                found = by_state.get((s.remaining - 1, Fraction(s.after_mimic),
                                      C if s.column_cooperates > 0 else D), [])
                successor = found[0] if len(found) == 1 else None
            node = successor
    return tuple(failures), 6 * len(nodes)


@verify.register(MixedReputation)
def _verify_mixed(result: MixedReputation, *, tol: float | None = None) -> Verification:
    """Recompute Bayes' rule, both players' values and every one-shot deviation at every recorded state."""
    failures, checked = _state_deviations(result)
    return Verification(not failures, checked, failures)
