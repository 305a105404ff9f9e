"""Security economics: optimal security investment, interdependent security, public-good security games.

* :func:`gordon_loeb`: Gordon and Loeb's (2002) optimal investment in
  information security for their two classes of breach-probability function,
  with the 1/e bound.
* :func:`interdependent_security`: Kunreuther and Heal's (2003) two-agent
  investment game with contagion, its equilibria and their closed-form conditions.
* :func:`information_sharing`: security investment and information sharing,
  strategic substitutes (Gordon, Loeb and Lucyshyn 2003) or complements
  (Gal-Or and Ghose 2005), the equilibrium and the joint optimum.
* :func:`reliability_games`: the same three games with heterogeneous values
  and costs in closed form (who free-rides, who provides), certified by
  :func:`security_game`'s enumeration.
* :func:`security_game`: Varian's (2004) n-agent total-effort, weakest-link and
  best-shot games on an effort grid, their pure equilibria and social optimum.

The maths and sources are in ``docs/explanation/security-economics.rst``.
"""

from .interdependent import InterdependentSecurity, interdependent_security
from .investment import SecurityInvestment, gordon_loeb
from .public_good import SecurityGame, security_game
from .reliability import ReliabilityGames, TechnologyAnswer, reliability_games
from .sharing import SharingEquilibrium, information_sharing

__all__ = [
    "gordon_loeb",
    "SecurityInvestment",
    "interdependent_security",
    "InterdependentSecurity",
    "security_game",
    "SecurityGame",
    "reliability_games",
    "ReliabilityGames",
    "TechnologyAnswer",
    "information_sharing",
    "SharingEquilibrium",
]
