"""Automata shared by the repeated-game tests."""

from cybergames.repeated import Automaton


def grim_with_a_clock(period):
    """Grim trigger that also counts rounds modulo ``period``: more states, the same behaviour."""
    states = [(mode, k) for mode in ("cooperate", "punish") for k in range(period)]
    output = {(mode, k): "C" if mode == "cooperate" else "D" for mode, k in states}

    def transition(state, signal):
        mode, k = state
        mode = "cooperate" if mode == "cooperate" and signal == ("C", "C") else "punish"
        return (mode, (k + 1) % period)

    return Automaton(states, ("cooperate", 0), output, transition)
