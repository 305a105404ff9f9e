"""cybergames: the game theory of international cyber cooperation.

Stage games and their equilibria, repeated games with perfect or noisy public
monitoring and the exact conditions under which cooperation is sustainable,
signalling games, and models of the seven obstacles to cyber cooperation.

Every name of the public API is importable from here:

>>> from cybergames import prisoners_dilemma
>>> prisoners_dilemma(5, 3, 1, 0).payoff(("D", "C"))
(5, 0)
"""

from . import errors
from ._verify import Verification, verify
from .equilibria import *  # noqa: F401,F403
from .equilibria import __all__ as _equilibria_all
from .games import *  # noqa: F401,F403
from .games import __all__ as _games_all
from .repeated import *  # noqa: F401,F403
from .repeated import __all__ as _repeated_all
from .signalling import *  # noqa: F401,F403
from .signalling import __all__ as _signalling_all

__version__ = "0.1.0"

__all__ = ["errors", "verify", "Verification", *_games_all, *_equilibria_all, *_repeated_all, *_signalling_all]

from .extensive import sequence_form_equilibria, subgame_perfect_equilibria  # noqa: E402
__all__ += ["subgame_perfect_equilibria", "sequence_form_equilibria"]
