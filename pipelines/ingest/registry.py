"""Where each document's file is, and what to do with a rejected one.

The sensor and the CLI register a file under its document id before requesting a run, so the
intake asset of a partition knows which file to read, and whether the pipeline owns it.

Only files the pipeline owns (those in the inbox, picked up by ``bbc run``, the sensor or the
schedule) are ever moved: a rejected inbox file goes to the quarantine folder with a
``.reason.txt`` beside it. A file the user named (``bbc ingest FILE``) is only read: when it is
rejected, the quarantine folder gets a reason file that refers to it where it is
(``<name>.<document id>.reason.txt``, with its path and SHA-256), never a copy and never the file.
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


def register_source(
    settings: Settings, document_id: str, path: Path, sha256: str, *, owned: bool | None = None
) -> None:
    """Record which file a partition reads. ``owned``: the pipeline may move the file (an inbox file);
    ``None`` means: owned when the file is in the inbox."""
    folder = _registry_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    path = Path(path).resolve()
    if owned is None:
        owned = path.parent == settings.inbox.resolve()
    entry = {
        "path": str(path),
        "sha256": sha256,
        "owned": owned,
        "registered_at": datetime.now(UTC).isoformat(),
    }
    tmp = folder / f".{document_id}.json.tmp"
    tmp.write_text(json.dumps(entry), encoding="utf-8")
    os.replace(tmp, folder / f"{document_id}.json")


def source_path(settings: Settings, document_id: str) -> Path:
    return Path(_entry(settings, document_id)["path"])


def source_owned(settings: Settings, document_id: str) -> bool:
    """True when the pipeline owns the partition's file (an inbox file) and may move it."""
    entry = _entry(settings, document_id)
    owned = entry.get("owned")
    if owned is None:  # registered before ownership was recorded: owned when it is in the inbox
        return Path(entry["path"]).parent == settings.inbox.resolve()
    return bool(owned)


def _entry(settings: Settings, document_id: str) -> dict:
    entry = _registry_dir(settings) / f"{document_id}.json"
    if not entry.exists():
        raise FileNotFoundError(f"no file registered for document {document_id} (drop it in {settings.inbox})")
    return json.loads(entry.read_text(encoding="utf-8"))


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


def record_reference(settings: Settings, path: Path, document_id: str, sha256: str, reason: str) -> Path:
    """A rejected file the user named stays where it is: write ``<name>.<document id>.reason.txt`` in the
    quarantine folder with the reason, the file's path and its SHA-256; returns the reason file."""
    settings.quarantine.mkdir(parents=True, exist_ok=True)
    target = settings.quarantine / f"{path.name}.{document_id}.reason.txt"
    body = f"{reason}\nfile: {Path(path).resolve()} (left in place, not copied)\nsha256: {sha256 or '-'}\n"
    tmp = target.with_name("." + target.name + ".tmp")
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, target)
    return target
