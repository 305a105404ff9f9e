"""Sphinx configuration for the cybergames documentation."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

project = "cybergames"
author = "The cybergames developers"
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "cybergames_docs",
]
napoleon_numpy_docstring = True
napoleon_google_docstring = False
autodoc_member_order = "bysource"
autodoc_typehints = "none"  # the numpy-style docstrings state the types
exclude_patterns = ["_build"]
html_theme = "alabaster"
nitpicky = True
# The numpy-style "Parameters" types are descriptions, not references ("int, optional",
# "mapping name -> number"); references into libraries without an inventory here are left out too.
nitpick_ignore_regex = [
    ("py:class", r"[a-z][a-z0-9 ,>:*\-'()\[\]]*"),
    ("py:class", r"(sympy|numpy|np|matplotlib|nashpy|pygambit|quantecon|concurrent|fractions|os|pathlib|dask|"
                 r"pandas|hypothesis|argparse|collections|typing|json)(\..*)?"),
    ("py:(class|exc|func|meth|data|obj)", r"(sympy|numpy|matplotlib|nashpy|pygambit|quantecon|dask|pandas|"
                                         r"hypothesis|json|itertools|concurrent|math)\..*"),
    ("py:class", r"(Fraction|Fractions|ndarray|Path|Executor|Figure|Axes|Expr|Basic|Symbol|Rational|Poly|Game|"
                 r"decimal\.Decimal)"),
    ("py:class", r".* .*|.*[\"{}].*|[0-9./]+"),     # prose, literal choices ({"a", "b"}) and numbers in types
    ("py:class", r"array_like"),                    # numpydoc's word for "anything numpy.asarray takes"
]
# "exact" and a few other attribute names recur on several result classes.
suppress_warnings = ["ref.python"]
