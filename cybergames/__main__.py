"""``python -m cybergames``: the cooperation report."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Print the report and return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    from ._cli import preflight  # --help and option errors without loading the solvers
    from .errors import CybergamesError
    try:
        preflight(argv)
    except CybergamesError as exc:
        print(f"cybergames: error: {exc}", file=sys.stderr)
        return 2
    from .report import run
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
