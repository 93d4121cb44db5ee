"""Fault injection for the crash tests: hold a run at a named point so a test can kill it there.

Set ``BBC_HOLD_AT=<point>`` (``extract``, ``load``, ``dbt``) and ``BBC_HOLD_MARKER=<file>``: when
the run reaches that point it creates the marker file and waits until it is killed. Without the
variables this is a no-op.
"""

from __future__ import annotations

import os
import time
from pathlib import Path


def hold_point(name: str) -> None:
    if os.environ.get("BBC_HOLD_AT") != name:
        return
    marker = os.environ.get("BBC_HOLD_MARKER")
    if marker:
        Path(marker).write_text(f"{os.getpid()}\n", encoding="utf-8")
    while True:  # pragma: no cover - ended by the test's SIGKILL
        time.sleep(1)
