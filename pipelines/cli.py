"""``bbc``: run the Dagster assets in-process on report files.

    bbc ingest FILE... [--warehouse PATH] [-v]   every given file through intake, extraction, load, dbt
    bbc run [--warehouse PATH] [-v]              the same for what is pending in data/inbox/
    bbc status [--warehouse PATH]                what is loaded, pending, rejected; the last run

The terminal gets one line per document as it finishes (and for a rejected file its name and the
reason in one sentence), one summary line, one invariant line per loaded document and the invariant
summary. Dagster's event log, stack traces and the invariant details go to the run's log file
``<data>/logs/<timestamp>.log`` (and to the Dagster instance: ``make ui``); ``-v`` shows them on the
terminal as well. On a terminal a progress bar (rich) shows elapsed time and the estimate of what
remains, dbt build included. Every run is recorded in ``<data>/logs/runs.jsonl`` for ``bbc status``.

The named files of ``bbc ingest`` are only read, never moved; inbox files (``bbc run``) that are
rejected are moved to ``data/quarantine/``.

Exit codes: 0 when every document was accepted (``status``: nothing needs attention), 1 when any was
rejected or failed (``status``: something needs attention), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.settings import Settings

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
DEFAULT_JOBS = min(2, os.cpu_count() or 1)
# Dagster's whole event log goes to the run's log file (see _captured)
RUN_CONFIG = {"loggers": {"console": {"config": {"log_level": "DEBUG"}}}}
QUIET_RUN_CONFIG = RUN_CONFIG  # the former name
COMPLETENESS_COLUMNS = ("completeness_amount_share", "completeness_policy_share")  # raw.documents, when present


@dataclass
class Outcome:
    path: Path
    document_id: str
    status: str  # loaded | unchanged | rejected | failed
    message: str = ""  # rejected: "<file>: rejected (<reason>): <sentence>"; failed: "<file>: <error>"
    entity: str = ""
    kbo: str = ""
    report_type: str = ""
    year: str = ""
    pages: str = ""
    seconds: float = 0.0
    reason: str = ""  # rejected: the reason code of raw.documents.reason
    detail: str = ""  # rejected: the reason in one sentence
    record: str = ""  # rejected: where the record is ("moved to <quarantined file>" or "record: <reason file>")
    completeness: str = ""  # "amounts 97.1%, policy 100.0%" when the document has completeness figures

    def line(self) -> str:
        """The document's one terminal line."""
        if self.status in ("loaded", "unchanged"):
            ident = f"{self.entity or '-'} ({self.kbo or '-'}) {self.report_type or '-'} {self.year or '-'}"
            extra = f"  completeness {self.completeness}" if self.completeness else ""
            return (
                f"{self.document_id}  {ident}  pages={self.pages}  {self.status}  {self.seconds:.1f}s{extra}"
                f"  {self.path.name}"
            )
        if self.status == "rejected":
            where = f"  ({self.record})" if self.record else ""
            return f"{self.document_id}  REJECTED  {self.path.name}: {self.detail or self.message}{where}"
        return f"{self.document_id}  FAILED  {self.message}  (details in the log file)"


class Progress:
    """A progress bar on a terminal (rich): documents done, then the dbt build, with the elapsed time
    and an estimate of what remains. Does nothing when stderr is not a terminal."""

    def __init__(self, total: int, *, dbt: bool = True) -> None:
        self.enabled = sys.stderr.isatty() and total > 0
        self._bar = None
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import (
            Progress as RichProgress,
        )

        # the console keeps the real stderr: the run's output is redirected to the log file meanwhile
        console = Console(file=sys.stderr)
        self._bar = RichProgress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("elapsed"),
            TimeElapsedColumn(),
            TextColumn("remaining"),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            redirect_stdout=sys.stdout.isatty(),  # printed lines go above the bar
            redirect_stderr=False,
        )
        self._task = self._bar.add_task("documents", total=total + (1 if dbt else 0))
        self._bar.start()

    def stage(self, description: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=description[:60])

    def advance(self, steps: int = 1) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, steps)

    def print(self, line: str) -> None:
        """A line of output: above the bar when stdout is the terminal too (rich's stdout redirect)."""
        print(line, flush=True)

    def done(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


@contextlib.contextmanager
def _captured(log_path: Path | None, verbose: bool = False) -> Iterator[None]:
    """Everything written to stdout and stderr meanwhile (Dagster's event log, stack traces, library
    warnings) goes to ``log_path``; with ``verbose`` to the terminal's stderr as well."""
    if log_path is None:
        yield
        return
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("a", encoding="utf-8") as log:
        stream = _Tee(log, sys.stderr) if verbose else log
        with contextlib.redirect_stdout(stream), contextlib.redirect_stderr(stream):
            yield


class _Tee:
    def __init__(self, *streams) -> None:
        self.streams = streams

    def write(self, text: str) -> int:
        for s in self.streams:
            s.write(text)
        return len(text)

    def flush(self) -> None:
        for s in self.streams:
            s.flush()

    def isatty(self) -> bool:
        return False


def _instance():
    import dagster as dg

    home = os.environ.get("DAGSTER_HOME")
    if not home:
        return dg.DagsterInstance.ephemeral()
    Path(home).mkdir(parents=True, exist_ok=True)  # runs of the CLI then show in the UI (make ui)
    return dg.DagsterInstance.get()


def process_files(
    paths: list[Path],
    settings: Settings,
    *,
    skip_loaded: bool = False,
    run_dbt: bool = True,
    jobs: int = 1,
    owned: bool | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    log_path: Path | None = None,
    verbose: bool = False,
    progress: Progress | None = None,
) -> list[Outcome]:
    """Take each file through the document assets (one partition each), then run dbt once.

    With ``jobs > 1`` documents go through intake and extraction in that many processes at once;
    their raw loads queue on the warehouse lock (DuckDB has one writer per file). ``owned``: the
    pipeline may move a rejected file to the quarantine (inbox files); ``False`` for files the user
    named, ``None``: owned when the file is in the inbox. ``on_outcome`` is called as each document
    finishes; Dagster's output goes to ``log_path`` (see :func:`_captured`).
    """
    from pipelines.ingest.intake import document_id_for, file_sha256

    loaded_before = _loaded_documents(settings.warehouse)
    progress = progress or Progress(0)
    outcomes: dict[int, Outcome] = {}
    pending: list[tuple[int, Path, str]] = []

    def finished(n: int, outcome: Outcome) -> None:
        outcomes[n] = outcome
        progress.advance()
        if on_outcome:
            on_outcome(outcome)

    for n, path in enumerate(paths):
        progress.stage(f"hashing {path.name}")
        sha = file_sha256(path)
        if skip_loaded and document_id_for(sha) in loaded_before:
            finished(n, _describe(settings.warehouse, path, document_id_for(sha), "unchanged"))
        else:
            pending.append((n, path, sha))
    if jobs > 1 and len(pending) > 1:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        progress.stage(f"{len(pending)} documents, {min(jobs, len(pending))} at a time")
        with ProcessPoolExecutor(max_workers=min(jobs, len(pending))) as pool:
            futures = {
                pool.submit(_process_one, path, sha, settings, None, owned=owned, log_path=log_path, verbose=verbose): n
                for n, path, sha in pending
            }
            for future in as_completed(futures):
                finished(futures[future], future.result())
    else:
        instance = _instance()
        for n, path, sha in pending:
            progress.stage(path.name)
            finished(n, _process_one(path, sha, settings, instance, owned=owned, log_path=log_path, verbose=verbose))
    result = [outcomes[n] for n in range(len(paths))]
    if run_dbt and (any(o.status == "loaded" for o in result) or _marts_stale(settings)):
        progress.stage("dbt build (staging, marts)")
        _run_dbt(settings, _instance(), log_path=log_path, verbose=verbose)
    progress.advance()
    return result


def _process_one(
    path: Path,
    sha: str,
    settings: Settings,
    instance,
    *,
    owned: bool | None = None,
    log_path: Path | None = None,
    verbose: bool = False,
    **_ignored,
) -> Outcome:
    """One document through intake, extraction and raw load (one Dagster run of its partition)."""
    import dagster as dg

    from pipelines.defs.extract import document_tables
    from pipelines.defs.ingest import document_intake
    from pipelines.defs.load import raw_tables
    from pipelines.defs.partitions import documents_partitions
    from pipelines.defs.resources import StagingIOManager, WarehouseResource
    from pipelines.ingest.intake import document_id_for
    from pipelines.ingest.registry import register_source

    t0 = time.perf_counter()
    doc_id = document_id_for(sha)
    with _captured(log_path, verbose):
        instance = instance or _instance()
        register_source(settings, doc_id, path, sha, owned=owned)
        instance.add_dynamic_partitions(documents_partitions.name, [doc_id])
        result = dg.materialize(
            [document_intake, document_tables, raw_tables],
            partition_key=doc_id,
            instance=instance,
            resources={
                "warehouse": WarehouseResource(
                    path=str(settings.warehouse),
                    data_dir=str(settings.data_dir),
                    max_file_bytes=settings.max_file_bytes,
                ),
                "staging_io_manager": StagingIOManager(base_dir=str(settings.staging)),
            },
            raise_on_error=False,
            tags={"source_file": path.name},
            run_config=RUN_CONFIG,
        )
    if result.success:
        outcome = _describe(settings.warehouse, path, doc_id, "loaded")
    else:
        outcome = _failure(settings, path, doc_id, result)
    outcome.seconds = time.perf_counter() - t0
    return outcome


class DbtBuildFailed(RuntimeError):
    """dbt build failed: the marts were left as they were (the build runs on a copy)."""


def _run_dbt(settings: Settings, instance, *, log_path: Path | None = None, verbose: bool = False) -> None:
    """dbt build through the dbt assets; dbt's own log goes to ``<data>/logs/dbt-build.log``, Dagster's
    event log to the run's log file."""
    import dagster as dg

    from pipelines.defs.resources import WarehouseResource
    from pipelines.defs.transform import bbc_dbt_models, dbt_resource

    dbt_log = settings.logs / "dbt-build.log"
    dbt_log.parent.mkdir(parents=True, exist_ok=True)
    with _captured(log_path, verbose), dbt_log.open("w", encoding="utf-8") as log, contextlib.redirect_stdout(log):
        result = dg.materialize(
            [bbc_dbt_models],
            instance=instance,
            resources={
                "dbt": dbt_resource(),
                "warehouse": WarehouseResource(path=str(settings.warehouse), data_dir=str(settings.data_dir)),
            },
            raise_on_error=False,
            run_config=RUN_CONFIG,
        )
    if not result.success:
        raise DbtBuildFailed(f"dbt build failed, the marts were not updated; see {dbt_log}")


def _loaded_documents(warehouse: Path) -> set[str]:
    if not warehouse.exists():
        return set()
    from pipelines.warehouse import connect_read_only

    with connect_read_only(warehouse) as con:
        try:
            return {r[0] for r in con.execute("SELECT document_id FROM raw.documents WHERE status='loaded'").fetchall()}
        except Exception:  # noqa: BLE001 - a fresh warehouse has no raw schema yet
            return set()


def _marts_stale(settings: Settings) -> bool:
    """True when the marts do not reflect the raw documents (never built, or a run was killed
    between the raw load and the dbt build): the next run then rebuilds them."""
    from pipelines.warehouse import connect_read_only

    if not settings.warehouse.exists():
        return True
    with connect_read_only(settings.warehouse) as con:
        try:
            raw = con.execute("SELECT document_id FROM raw.documents WHERE status = 'loaded'").fetchall()
            marts = con.execute("SELECT document_id FROM marts.dim_document").fetchall()
        except duckdb.CatalogException:
            return True
    return set(raw) != set(marts)


def _describe(warehouse: Path, path: Path, doc_id: str, status: str) -> Outcome:
    from pipelines.warehouse import connect_read_only

    with connect_read_only(warehouse) as con:
        cur = con.execute("SELECT * FROM raw.documents WHERE document_id = ?", [doc_id])
        names = [d[0] for d in cur.description]
        found = cur.fetchone()
    row = dict(zip(names, found, strict=True)) if found else {}
    rtype, version, first, last = (
        row.get(k) for k in ("report_type", "plan_version", "plan_first_year", "plan_last_year")
    )
    if version:  # a plan: "meerjarenplan (herziening 8, 2026-2031)", a volume: "(origineel, 2026-2031, documentatie)"
        parts = [version, f"{first}-{last}" if first else None]
        volume = row.get("plan_volume")
        parts.append(volume if volume and volume != "volledig" else None)
        rtype = f"{rtype} ({', '.join(p for p in parts if p)})"
    return Outcome(
        path,
        doc_id,
        status,
        "",
        row.get("entity_name") or "",
        row.get("kbo_number") or "",
        rtype or "",
        str(row.get("fiscal_year") or ""),
        str(row.get("page_count") or ""),
        completeness=_completeness(row),
    )


def _completeness(row: dict) -> str:
    """The document's completeness figures (raw.documents, when the warehouse has them) for its line."""
    parts = []
    for column, word in zip(COMPLETENESS_COLUMNS, ("amounts", "policy"), strict=True):
        value = row.get(column)
        if value is not None:
            parts.append(f"{word} {float(value):.1%}")
    return ", ".join(parts)


def _failure(settings: Settings, path: Path, doc_id: str, result) -> Outcome:
    from pipelines.warehouse import connect_read_only

    record = ""
    message = "processing failed"
    for event in result.all_events:
        if event.is_step_failure:
            data = event.step_failure_data
            if data.user_failure_data is not None:
                meta = {k: getattr(v, "value", v) for k, v in (data.user_failure_data.metadata or {}).items()}
                if meta.get("quarantined_to"):
                    record = f"moved to {_rel(str(meta['quarantined_to']))}, reason beside it"
                elif meta.get("reason_file"):
                    record = f"file left in place; record: {_rel(str(meta['reason_file']))}"
            error = data.error
            message = (error.message or "").strip().splitlines()[0] if error and error.message else message
            break
    if settings.warehouse.exists():
        with connect_read_only(settings.warehouse) as con:
            row = con.execute(
                "SELECT error, reason FROM raw.documents WHERE document_id = ? AND status = 'rejected'", [doc_id]
            ).fetchone()
        if row:
            error, reason = row
            detail = error.split("): ", 1)[1] if "): " in (error or "") else error or ""
            return Outcome(path, doc_id, "rejected", error, reason=reason or "", detail=detail, record=record)
    return Outcome(path, doc_id, "failed", f"{path.name}: {message}")


def _rel(path: str) -> str:
    """A path relative to the working directory when it is below it (shorter terminal lines)."""
    if not path:
        return ""
    with contextlib.suppress(ValueError):
        return str(Path(path).resolve().relative_to(Path.cwd()))
    return path


def _summary(outcomes: list[Outcome], seconds: float, log_path: Path | None) -> str:
    bad = [o for o in outcomes if o.status in ("rejected", "failed")]
    counts = Counter(o.status for o in outcomes)
    parts = ", ".join(f"{counts[s]} {s}" for s in ("loaded", "unchanged", "rejected", "failed") if counts[s])
    log = f"; log: {_rel(str(log_path))}" if log_path else ""
    return (
        f"{len(outcomes)} document(s): {len(outcomes) - len(bad)} accepted, {len(bad)} rejected or failed"
        f" ({parts or 'none'}; {seconds:.1f}s{log})"
    )


def _print_summary(outcomes: list[Outcome], seconds: float = 0.0, log_path: Path | None = None) -> int:
    """The summary line (the per-document lines were printed as each document finished)."""
    print(_summary(outcomes, seconds, log_path), flush=True)
    bad = [o for o in outcomes if o.status in ("rejected", "failed")]
    return EXIT_REJECTED if bad else EXIT_OK


def _report_invariants(
    settings: Settings, outcomes: list[Outcome], *, log_path: Path | None = None, verbose: bool = False
) -> int:
    """The accounting invariant checks (Great Expectations) of the documents loaded by this run: one
    line per document (with its first failed check) and the summary; every failed check and warning
    goes to the log file (and, with ``verbose``, to the terminal). A document with a failed error-level
    check is not published (it stays out of marts.mart_key_figures) and the exit code is 1."""
    loaded = {o.document_id for o in outcomes if o.status == "loaded"}
    if not loaded or not settings.warehouse.exists():
        return EXIT_OK
    from pipelines.defs.quality import run_invariant_checks

    with _captured(log_path, False):
        summary = run_invariant_checks(settings.warehouse, settings.data_dir / "gx_docs")
    documents = [d for d in summary.documents if d.document_id in loaded]
    details: list[str] = []
    for document in documents:
        lines = document.lines()
        details += lines
        line = lines[0]
        first = [f"[{i.group_name}] {i.describe()}" for i in document.errors] + list(document.failed_expectations)
        if first:
            more = f" (+{len(first) - 1} more in the log)" if len(first) > 1 else ""
            line += f"; first error: {first[0]}{more}"
        if document.warnings:
            groups = Counter(w.group_name for w in document.warnings)
            line += "; warnings: " + ", ".join(f"{g} {n}" for g, n in sorted(groups.items()))
        print(line)
    details += [f"ERROR    {failure}" for failure in summary.failed_expectations]
    _log(log_path, details)
    if verbose:
        for line in details:
            print(line, file=sys.stderr)
    if summary.failed_expectations:
        print(f"ERROR    {len(summary.failed_expectations)} check(s) not about one document failed; see the log")
    failed = [d for d in documents if not d.success]
    print(
        f"invariants: {len(documents) - len(failed)} document(s) passed, {len(failed)} failed and not published"
        f" ({summary.seconds:.1f} s; data docs: {summary.docs_index or '-'})",
        flush=True,
    )
    return EXIT_REJECTED if failed or summary.failed_expectations else EXIT_OK


def _log(log_path: Path | None, lines: list[str]) -> None:
    if log_path is None or not lines:
        return
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("a", encoding="utf-8") as log:
        log.write("\n".join(lines) + "\n")


def _guarded(run, *args, **kwargs) -> list[Outcome] | None:
    try:
        return run(*args, **kwargs)
    except DbtBuildFailed as exc:
        print(f"bbc: {exc}", file=sys.stderr)
        return None


# --- runs: recorded for ``bbc status`` -------------------------------------------------------------


def runs_file(settings: Settings) -> Path:
    return settings.logs / "runs.jsonl"


def _record_run(settings: Settings, entry: dict) -> None:
    """Append one record to ``<data>/logs/runs.jsonl`` (a run's start, then its end)."""
    path = runs_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry, default=str) + "\n")


def last_run(settings: Settings) -> dict | None:
    """The last run: its start record merged with its end record (``finished_at`` missing when the run
    did not end: still running, or killed)."""
    path = runs_file(settings)
    if not path.exists():
        return None
    runs: dict[str, dict] = {}
    order: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(json.JSONDecodeError):
            entry = json.loads(line)
            run_id = entry.get("run_id", "")
            if run_id not in runs:
                order.append(run_id)
            runs.setdefault(run_id, {}).update(entry)
    return runs[order[-1]] if order else None


def _run(args, settings: Settings, files: list[Path], *, owned: bool, skip_loaded: bool) -> int:
    """One ``ingest`` or ``run``: per-document lines, the summary, the invariants, the run record."""
    started = datetime.now(UTC)
    run_id = started.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
    log_path = settings.logs / f"{run_id}.log"
    _record_run(
        settings,
        {
            "run_id": run_id,
            "command": args.command,
            "files": len(files),
            "started_at": started,
            "pid": os.getpid(),
            "log": str(log_path),
        },
    )
    t0 = time.perf_counter()
    progress = Progress(len(files))
    try:
        outcomes = _guarded(
            process_files,
            files,
            settings,
            skip_loaded=skip_loaded,
            jobs=args.jobs,
            owned=owned,
            on_outcome=lambda o: progress.print(o.line()),
            log_path=log_path,
            verbose=args.verbose,
            progress=progress,
        )
    finally:
        progress.done()
    if outcomes is None:
        code, counts = EXIT_REJECTED, {"dbt": "failed"}
    else:
        code = _print_summary(outcomes, time.perf_counter() - t0, log_path)
        code = max(code, _report_invariants(settings, outcomes, log_path=log_path, verbose=args.verbose))
        counts = dict(Counter(o.status for o in outcomes))
    _record_run(
        settings,
        {
            "run_id": run_id,
            "finished_at": datetime.now(UTC),
            "exit_code": code,
            "outcomes": counts,
            "seconds": round(time.perf_counter() - t0, 1),
        },
    )
    return code


# --- bbc status -----------------------------------------------------------------------------------


def status(settings: Settings) -> int:
    """What is loaded, what waits in the inbox, what was rejected, the last run, whether the marts lag
    behind the raw layer. Exit 1 when something needs attention."""
    from pipelines.ingest.intake import document_id_for, file_sha256

    attention: list[str] = []
    print(f"warehouse: {_rel(str(settings.warehouse))}")
    known: dict[str, str] = {}
    if not settings.warehouse.exists():
        print("loaded: nothing yet (bbc ingest FILE..., or drop files in the inbox and bbc run)")
        attention.append("nothing is loaded")
    else:
        from pipelines.warehouse import connect_read_only

        with connect_read_only(settings.warehouse) as con:
            try:
                docs = con.execute(
                    "SELECT document_id, status, coalesce(entity_name, '?'), coalesce(kbo_number, '-'),"
                    " coalesce(report_type, '?'), fiscal_year, source_file, reason, error, ingested_at"
                    " FROM raw.documents ORDER BY ingested_at"
                ).fetchall()
            except duckdb.CatalogException:
                docs = []
        known = {d[0]: d[1] for d in docs}
        loaded = Counter((d[2], d[3], d[4], d[5]) for d in docs if d[1] == "loaded")
        print(f"loaded: {sum(loaded.values())} document(s)")
        for (entity, kbo, rtype, year), n in sorted(loaded.items(), key=lambda kv: tuple(map(str, kv[0]))):
            print(f"  {entity} ({kbo})  {rtype} {year or '-'}: {n}")
        rejected = [d for d in docs if d[1] == "rejected"]
        print(f"rejected: {len(rejected)} file(s)")
        for d in rejected:
            detail = d[8].split("): ", 1)[1] if d[8] and "): " in d[8] else d[8] or ""
            print(f"  {d[6]}  [{d[7]}] {detail}")
        if docs and _marts_stale(settings):
            print("marts: behind the raw layer (a run stopped before dbt finished; bbc run rebuilds them)")
            attention.append("the marts lag behind the raw layer")
        elif docs:
            print("marts: up to date with the raw layer")
    inbox = settings.inbox
    pending = []
    if inbox.is_dir():
        for p in sorted(q for q in inbox.iterdir() if q.is_file() and not q.name.startswith(".")):
            if known.get(document_id_for(file_sha256(p))) != "loaded":
                pending.append(p)
    print(f"inbox: {len(pending)} file(s) waiting in {_rel(str(inbox))}")
    for p in pending:
        print(f"  {p.name}")
    if pending:
        attention.append(f"{len(pending)} file(s) wait in the inbox")
    run = last_run(settings)
    if run is None:
        print("last run: none recorded")
    elif "finished_at" not in run:
        alive = _alive(run.get("pid"))
        state = "still running" if alive else "did not finish (killed or crashed)"
        print(f"last run: bbc {run.get('command')} started {run.get('started_at')}, {state}; log: {run.get('log')}")
        if not alive:
            attention.append("the last run did not finish")
    else:
        outcomes = ", ".join(f"{n} {s}" for s, n in sorted((run.get("outcomes") or {}).items()))
        ok = run.get("exit_code") == 0
        ended = "ok" if ok else f"exit code {run.get('exit_code')}"
        print(
            f"last run: bbc {run.get('command')} {run.get('started_at')}, {run.get('seconds')}s,"
            f" {ended} ({outcomes or 'nothing'}); log: {run.get('log')}"
        )
        if not ok:
            attention.append("the last run ended with rejections or errors")
    if attention:
        print("needs attention: " + "; ".join(attention))
        return EXIT_REJECTED
    print("all well")
    return EXIT_OK


def _alive(pid) -> bool:
    if not pid or pid == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except (OSError, ValueError):
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--warehouse", type=Path, default=None)
    common.add_argument("-v", "--verbose", action="store_true", help="also show Dagster's log on the terminal")
    parser = argparse.ArgumentParser(prog="bbc", description="BBC reports into the DuckDB warehouse.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_ingest = sub.add_parser("ingest", parents=[common], help="ingest the given files (they are never moved)")
    p_ingest.add_argument("files", nargs="+", type=Path)
    p_ingest.add_argument("--jobs", type=int, default=DEFAULT_JOBS, help="documents processed at once")
    p_run = sub.add_parser("run", parents=[common], help="ingest what is pending in the inbox (data/inbox/)")
    p_run.add_argument("--jobs", type=int, default=DEFAULT_JOBS, help="documents processed at once")
    sub.add_parser("status", parents=[common], help="what is loaded, pending, rejected; the last run")
    args = parser.parse_args(argv)

    import warnings

    warnings.filterwarnings("ignore")  # Dagster's beta/preview notices are not for the CLI user
    settings = Settings.from_env(args.warehouse)
    if args.command == "status":
        return status(settings)
    if args.command == "ingest":
        missing = [f for f in args.files if not f.is_file()]
        if missing:
            for f in missing:
                print(f"bbc: {f}: no such file", file=sys.stderr)
            return EXIT_USAGE
        return _run(args, settings, [f.resolve() for f in args.files], owned=False, skip_loaded=False)
    inbox = settings.inbox
    files = sorted(p for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".")) if inbox.is_dir() else []
    if not files:
        print(f"nothing pending in {inbox}")
        return EXIT_OK
    return _run(args, settings, files, owned=True, skip_loaded=True)


if __name__ == "__main__":
    sys.exit(main())
