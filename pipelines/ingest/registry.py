"""Where each document's file is, and what to do with a rejected one.

The sensor and the CLI register a file under its document id before requesting a run, so the
intake asset of a partition knows which file to read. Rejected files are moved to the quarantine
folder with a ``.reason.txt`` beside them.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from pipelines.settings import Settings


def _registry_dir(settings: Settings) -> Path:
    return settings.staging / "sources"


def register_source(settings: Settings, document_id: str, path: Path, sha256: str) -> None:
    folder = _registry_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    entry = {"path": str(Path(path).resolve()), "sha256": sha256, "registered_at": datetime.now(UTC).isoformat()}
    tmp = folder / f".{document_id}.json.tmp"
    tmp.write_text(json.dumps(entry), encoding="utf-8")
    os.replace(tmp, folder / f"{document_id}.json")


def source_path(settings: Settings, document_id: str) -> Path:
    entry = _registry_dir(settings) / f"{document_id}.json"
    if not entry.exists():
        raise FileNotFoundError(f"no file registered for document {document_id} (drop it in {settings.inbox})")
    return Path(json.loads(entry.read_text(encoding="utf-8"))["path"])


def quarantine(settings: Settings, path: Path, reason: str) -> Path | None:
    """Move ``path`` into the quarantine folder with a reason file; returns the new path."""
    settings.quarantine.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        return None
    target = settings.quarantine / path.name
    n = 1
    while target.exists():
        target = settings.quarantine / f"{path.stem}.{n}{path.suffix}"
        n += 1
    shutil.move(str(path), target)
    target.with_name(target.name + ".reason.txt").write_text(reason + "\n", encoding="utf-8")
    return target
