"""Sphinx configuration for the cybergames documentation."""

project = "cybergames"
author = "The cybergames developers"
extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.mathjax",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]
napoleon_numpy_docstring = True
napoleon_google_docstring = False
autodoc_member_order = "bysource"
autodoc_typehints = "none"  # the numpy-style docstrings state the types
exclude_patterns = ["_build"]
html_theme = "alabaster"
nitpicky = False
