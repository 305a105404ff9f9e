r"""Classic extensive games: Kuhn's and Leduc poker, Selten's horse.

References
----------
H. W. Kuhn, "A simplified two-person poker", in *Contributions to the Theory of
Games I* (1950), 97–103.
F. Southey et al., "Bayes' bluff: opponent modelling in poker", *UAI* (2005)
(Leduc hold'em).
R. Selten, "Reexamination of the perfectness concept for equilibrium points in
extensive games", *International Journal of Game Theory* 4 (1975) 25–55, Figure 1.
"""

from __future__ import annotations

import itertools
from fractions import Fraction

from .game import ExtensiveGame, chance, decision

__all__ = ["kuhn_poker", "leduc_poker", "selten_horse"]


def kuhn_poker() -> ExtensiveGame:
    r"""Kuhn's (1950) three-card poker, zero-sum, exact.

    Each player antes 1 and is dealt one of the cards J < Q < K (six deals,
    each with probability 1/6). Player 1 checks or bets 1. After a check,
    player 2 checks (showdown for the antes) or bets 1, and player 1 then folds
    or calls. After a bet, player 2 folds or calls. The higher card wins the
    pot at a showdown. Each player's information set is her card and the
    betting so far (12 information sets, 6 per player).

    Examples
    --------
    >>> game = kuhn_poker()
    >>> len(game.nodes), len(game.infosets), game.is_zero_sum
    (55, 12, True)
    """
    cards = ("J", "Q", "K")

    def showdown(c1: str, c2: str, stake: int) -> tuple:
        sign = 1 if cards.index(c1) > cards.index(c2) else -1
        return (sign * stake, -sign * stake)

    def deal(c1: str, c2: str) -> dict:
        p1, p2 = f"1:{c1}", f"2:{c2}"
        return decision("1", {
            "check": decision("2", {
                "check": showdown(c1, c2, 1),
                "bet": decision("1", {"fold": (-1, 1), "call": showdown(c1, c2, 2)}, infoset=f"{p1}:check,bet"),
            }, infoset=f"{p2}:check"),
            "bet": decision("2", {"fold": (1, -1), "call": showdown(c1, c2, 2)}, infoset=f"{p2}:bet"),
        }, infoset=p1)

    deals = list(itertools.permutations(cards, 2))
    return ExtensiveGame(chance({f"{c1}{c2}": (Fraction(1, len(deals)), deal(c1, c2)) for c1, c2 in deals}),
                         ["1", "2"])


def leduc_poker() -> ExtensiveGame:
    r"""Leduc hold'em (Southey et al. 2005), zero-sum, exact.

    A deck of two Jacks, two Queens and two Kings. Each player antes 1 and
    gets a private card; a betting round with bets of 2, a public card, a
    second round with bets of 4. In each round player 1 acts first; a player
    checks or bets when no bet is open, and folds, calls or raises when one is
    (at most two bets per round). At the showdown a private card that pairs
    the public card wins, else the higher card; equal ranks split the pot.
    Suits do not matter, so the deal is drawn by rank with its probability.

    Examples
    --------
    >>> game = leduc_poker()
    >>> len(game.infosets), game.is_zero_sum
    (288, True)
    """
    ranks = ("J", "Q", "K")

    def expand(history: tuple) -> object:
        if not history:
            return chance({a + b: Fraction(4 if a != b else 2, 30) for a in ranks for b in ranks})
        deal, rest = history[0], list(history[1:])
        first = _round(rest)
        state = _betting(first, 2, (1, 1))
        if not isinstance(state, tuple) or first[-1:] == ["fold"]:
            return state if not isinstance(state, list) else _decision(deal, first, "", state)
        if len(rest) == len(first):           # the public card
            left = {r: 2 - deal.count(r) for r in ranks}
            return chance({r: Fraction(n, sum(left.values())) for r, n in left.items() if n})
        public, second = rest[len(first)], rest[len(first) + 1:]
        state = _betting(second, 4, state)
        if isinstance(state, list):
            return _decision(deal, second, f"{'.'.join(first)}|{public}", state)
        if second[-1:] == ["fold"]:
            return state
        s1, s2 = _strength(deal[0], public), _strength(deal[1], public)
        pot = state[0]
        return (0, 0) if s1 == s2 else (pot, -pot) if s1 > s2 else (-pot, pot)

    return ExtensiveGame.from_function(expand, ["1", "2"])


def _round(actions: list) -> list:
    """The actions of the first betting round among ``actions``."""
    for k in range(1, len(actions) + 1):
        if actions[k - 1] in ("fold", "call") or actions[:k] == ["check", "check"]:
            return actions[:k]
    return actions


def _betting(actions: list, size: int, base: tuple) -> object:
    """A betting round from contributions ``base``: the options (a list) if it goes on, the fold
    payoffs if someone folded, else the contributions after it (a tuple of two equal amounts)."""
    put = list(base)
    bets = 0
    for k, action in enumerate(actions):
        mover = k % 2
        if action in ("bet", "raise"):
            put[mover] = put[1 - mover] + size
            bets += 1
        elif action == "call":
            put[mover] = put[1 - mover]
        elif action == "fold":
            lost = put[mover]
            return (-lost, lost) if mover == 0 else (lost, -lost)
    if actions and (actions[-1] == "call" or actions == ["check", "check"]):
        return tuple(put)
    return ["check", "bet"] if bets == 0 else ["fold", "call", "raise"] if bets < 2 else ["fold", "call"]


def _decision(deal: str, actions: list, before: str, options: list) -> dict:
    mover = len(actions) % 2
    seen = f"{before}|{'.'.join(actions)}" if before else ".".join(actions)
    return decision(str(mover + 1), options, infoset=f"{mover + 1}:{deal[mover]}:{seen}")


def _strength(card: str, public: str) -> int:
    return 10 if card == public else ("J", "Q", "K").index(card)


def selten_horse() -> ExtensiveGame:
    r"""Selten's horse (Selten 1975, Figure 1; Gambit's catalogue ``selten1975/fig1``): no proper subgame.

    Player 1 chooses R (to player 2) or L (to player 3). Player 2 chooses R,
    ending the game with (1, 1, 1), or L (to player 3). Player 3 does not know
    whether she is after 1's L or after 2's L, and chooses R or L: after 2's L,
    R gives (4, 4, 0) and L (0, 0, 1); after 1's L, R gives (3, 2, 2) and L (0, 0, 0).

    Examples
    --------
    >>> game = selten_horse()
    >>> game.is_perfect_information, len(game.infosets)
    (False, 3)
    """
    return ExtensiveGame(decision("1", {
        "R": decision("2", {"R": (1, 1, 1),
                            "L": decision("3", {"R": (4, 4, 0), "L": (0, 0, 1)}, infoset="3")}),
        "L": decision("3", {"R": (3, 2, 2), "L": (0, 0, 0)}, infoset="3"),
    }))
