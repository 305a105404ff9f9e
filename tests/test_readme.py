"""The README's set-up commands are the ones CI runs, and its example runs."""

import doctest
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def _shell_blocks(text):
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S)]


def test_readme_opens_with_the_two_setup_commands():
    blocks = _shell_blocks(README)
    assert blocks[0] == "python -m pip install . && python -m cybergames"
    assert blocks[1].startswith("python -m pip install -e \".[test]\" && python -m pytest")


def test_ci_runs_the_readme_test_command():
    test_command = _shell_blocks(README)[1]
    ci_lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert test_command in ci_lines


def test_readme_examples_run():
    examples = "\n".join(re.findall(r"```python\n(.*?)```", README, flags=re.S))
    parser = doctest.DocTestParser()
    test = parser.get_doctest(examples, {}, "README.md", str(ROOT / "README.md"), 0)
    assert test.examples, "the README should show a runnable example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0
