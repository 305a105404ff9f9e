"""The documentation builds without a warning (its `>>>` examples run as doctests elsewhere)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_sphinx_builds_the_docs_without_warnings(tmp_path):
    pytest.importorskip("sphinx")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-W", "--keep-going", "-b", "html",
         str(ROOT / "docs"), str(tmp_path / "html")],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    assert (tmp_path / "html" / "index.html").exists()


def test_every_docs_page_is_reachable_from_the_index():
    index = (ROOT / "docs" / "index.rst").read_text()
    for section in ("tutorial", "how-to", "explanation", "reference"):
        assert f"{section}/*" in index, f"the index should glob docs/{section}/"
        assert list((ROOT / "docs" / section).glob("*.rst")), f"docs/{section}/ should have pages"
