"""The README's Quick start stays true: CI runs its test command."""

from __future__ import annotations

import re

from tests.paths import REPO


def quick_start_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```bash\n(.*?)```", section, re.S)]


def test_quick_start_has_exactly_two_commands() -> None:
    commands = quick_start_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    assert commands[0].endswith("clauses run")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_commands()[1] in ci


def python_blocks(section: str) -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    text = readme.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", text, re.S)


def test_library_api_example_runs_on_a_copy_of_the_seeds(tmp_path, monkeypatch, capsys) -> None:
    import shutil

    from tests.paths import RAW_DIR

    shutil.copytree(RAW_DIR, tmp_path / "data" / "raw")
    monkeypatch.chdir(tmp_path)
    (block,) = python_blocks("Library API")
    names: dict = {}
    exec(compile(block, "README.md", "exec"), names)
    printed = capsys.readouterr().out
    assert "en-1" in printed and "th-1" in printed
    assert set(names["nlp"]("We keep server logs for 90 days.")["lang"]) == {"en"}
    assert names["clauses"]["doc_id"].nunique() == len(list(RAW_DIR.glob("*.txt")))
    assert len(names["retention"]) > 0 and all("data_retention" in labels for labels in names["retention"]["labels"])
    assert (tmp_path / "data" / "processed" / "clauses.parquet").is_file()
