"""The pipeline's settings, read when a run starts (never at import time).

One setting names the warehouse for Dagster and dbt alike: ``BBC_WAREHOUSE`` (default
``data/warehouse.duckdb``). Folders default to ``data/`` beside the repo and can be moved with
``BBC_DATA_DIR``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"
DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    warehouse: Path
    data_dir: Path
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    @property
    def inbox(self) -> Path:
        return self.data_dir / "inbox"

    @property
    def quarantine(self) -> Path:
        return self.data_dir / "quarantine"

    @property
    def staging(self) -> Path:
        return self.data_dir / "staging"

    @property
    def logs(self) -> Path:
        """The run log files of ``bbc``, ``dbt-build.log`` and ``runs.jsonl`` (the run records)."""
        return self.data_dir / "logs"

    @classmethod
    def from_env(
        cls, warehouse: str | os.PathLike[str] | None = None, data_dir: str | os.PathLike[str] | None = None
    ) -> Settings:
        """Explicit arguments win over the environment, which wins over the defaults under ``data/``."""
        data_dir = Path(data_dir or os.environ.get("BBC_DATA_DIR", REPO_ROOT / "data"))
        wh = Path(warehouse or os.environ.get("BBC_WAREHOUSE", data_dir / "warehouse.duckdb"))
        max_bytes = int(os.environ.get("BBC_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES))
        return cls(warehouse=wh.resolve(), data_dir=data_dir.resolve(), max_file_bytes=max_bytes)
