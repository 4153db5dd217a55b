"""The README tells the truth: two quick-start commands, CI runs one, every command documented."""

from __future__ import annotations

import re
from pathlib import Path

import click
from click.testing import CliRunner

from iom.cli import main

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text()


def _quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```bash\n(.*?)```", section, flags=re.S)
    return [line for block in blocks for line in block.strip().splitlines() if line.strip()]


def test_quick_start_has_exactly_two_commands() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2, commands
    assert commands[0].endswith("iom up")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text().strip().splitlines()
    assert ci[-1] == _quick_start_commands()[1]


def _commands(group: click.Group, prefix: str = "iom") -> list[tuple[str, click.Command]]:
    out = []
    for name, command in sorted(group.commands.items()):
        full = f"{prefix} {name}"
        if isinstance(command, click.Group):
            out += _commands(command, full)
        else:
            out.append((full, command))
    return out


def test_every_command_is_in_the_readme_and_has_help() -> None:
    runner = CliRunner()
    for full, command in _commands(main):
        assert f"`{full}" in README, f"{full} is not documented in README.md"
        assert command.help, f"{full} has no help text"
        result = runner.invoke(main, [*full.split()[1:], "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output
