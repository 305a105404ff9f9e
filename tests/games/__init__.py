"""Tests of cybergames.games (a package, so that test module names may repeat across folders)."""
