"""Report how many SIGKILLs the project survived in this run (not under xdist)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.durability.harness import KILLS, SEED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if KILLS:
        by_operation = ", ".join(f"{op} {n}" for op, n in sorted(Counter(KILLS).items()))
        terminalreporter.write_line(
            f"durability: {len(KILLS)} SIGKILLs survived (seed {SEED}): {by_operation}"
        )
