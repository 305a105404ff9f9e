"""Run every script in ``examples/`` and store its output and figure for the docs gallery.

``python docs/make_gallery.py`` (from anywhere) runs each example in a fresh
process with ``--output docs/_static/gallery``, writes what it printed to
``docs/_static/gallery/<example>.txt`` beside its PNG, and stops at the first
example that fails. The PNGs are reduced to 64 colours to keep the repository
small. ``docs/explanation/gallery.rst`` includes these files;
``tests/test_examples.py`` checks that they are current. Pass example names
(``python docs/make_gallery.py beer_quiche``) to refresh only those.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GALLERY = Path("docs") / "_static" / "gallery"      # relative to ROOT, as the examples print it
DPI = 90


def examples() -> list[Path]:
    """The example scripts, in name order."""
    return sorted(p for p in EXAMPLES.glob("*.py") if not p.name.startswith("_"))


def run(script: Path, output: Path | str = GALLERY, dpi: int = DPI) -> str:
    """Run one example from the repository root; return what it printed (raise if it failed)."""
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, str(script.relative_to(ROOT)), "--output", str(output), "--dpi", str(dpi)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"{script.name} failed:\n{done.stderr}")
    return done.stdout


def compress(png: Path) -> None:
    """Rewrite a figure with a 64-colour palette (a third of the size; plots have few colours)."""
    from PIL import Image      # installed with matplotlib

    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    small.save(png, optimize=True)


def main(names: list[str]) -> int:
    scripts = examples()
    chosen = [s for s in scripts if not names or s.stem in names]
    unknown = sorted(set(names) - {s.stem for s in scripts})
    if unknown:
        print(f"make_gallery: no example named {unknown}; expected some of {[s.stem for s in scripts]}",
              file=sys.stderr)
        return 2
    (ROOT / GALLERY).mkdir(parents=True, exist_ok=True)
    for script in chosen:
        text = run(script)
        (ROOT / GALLERY / f"{script.stem}.txt").write_text(text)
        compress(ROOT / GALLERY / f"{script.stem}.png")
        print(f"{script.stem}: {len(text.splitlines())} lines of output, figure "
              f"{(ROOT / GALLERY / (script.stem + '.png')).stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
