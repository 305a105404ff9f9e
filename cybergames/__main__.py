"""``python -m cybergames``: the cooperation report."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Print the report and return the exit status."""
    from .report import run
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
