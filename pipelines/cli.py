"""``bbc``: run the Dagster assets in-process on report files.

    bbc ingest FILE... [--warehouse PATH]   every given file through intake, extraction, load, dbt
    bbc run [--warehouse PATH]              the same for what is pending in data/inbox/

One summary line per document; exit 0 when all were accepted, 1 when any was rejected or failed,
2 on usage errors.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.settings import Settings

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
DEFAULT_JOBS = min(2, os.cpu_count() or 1)
QUIET_RUN_CONFIG = {"loggers": {"console": {"config": {"log_level": "ERROR"}}}}


@dataclass
class Outcome:
    path: Path
    document_id: str
    status: str  # loaded | unchanged | rejected | failed
    message: str = ""
    entity: str = ""
    kbo: str = ""
    report_type: str = ""
    year: str = ""
    pages: str = ""
    seconds: float = 0.0

    def line(self) -> str:
        ident = f"{self.entity or '-'} ({self.kbo or '-'}) {self.report_type or '-'} {self.year or '-'}"
        if self.status in ("loaded", "unchanged"):
            return f"{self.document_id}  {ident}  pages={self.pages}  {self.status}  {self.path.name}"
        return f"{self.document_id}  {self.status.upper()}  {self.message}"


class Progress:
    """Stage-by-stage progress on a terminal; silent when stderr is not a TTY."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.enabled = sys.stderr.isatty()

    def stage(self, n: int, name: str, stage: str) -> None:
        if self.enabled:
            sys.stderr.write(f"\r\033[K[{n}/{self.total}] {name}: {stage}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _instance():
    import dagster as dg

    home = os.environ.get("DAGSTER_HOME")
    if not home:
        return dg.DagsterInstance.ephemeral()
    Path(home).mkdir(parents=True, exist_ok=True)  # runs of the CLI then show in the UI (make ui)
    return dg.DagsterInstance.get()


def process_files(
    paths: list[Path], settings: Settings, *, skip_loaded: bool = False, run_dbt: bool = True, jobs: int = 1
) -> list[Outcome]:
    """Take each file through the document assets (one partition each), then run dbt once.

    With ``jobs > 1`` documents go through intake and extraction in that many processes at once;
    their raw loads queue on the warehouse lock (DuckDB has one writer per file).
    """
    from pipelines.ingest.intake import document_id_for, file_sha256

    loaded_before = _loaded_documents(settings.warehouse)
    progress = Progress(len(paths))
    outcomes: dict[int, Outcome] = {}
    pending: list[tuple[int, Path, str]] = []
    for n, path in enumerate(paths):
        progress.stage(n + 1, path.name, "hashing")
        sha = file_sha256(path)
        if skip_loaded and document_id_for(sha) in loaded_before:
            outcomes[n] = _describe(settings.warehouse, path, document_id_for(sha), "unchanged")
        else:
            pending.append((n, path, sha))
    if jobs > 1 and len(pending) > 1:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(max_workers=min(jobs, len(pending))) as pool:
            futures = {pool.submit(_process_one, path, sha, settings, None): n for n, path, sha in pending}
            for done, future in enumerate(as_completed(futures), start=1):
                outcomes[futures[future]] = future.result()
                progress.stage(done, f"{done} of {len(pending)} documents", "loaded")
    else:
        instance = _instance()
        for n, path, sha in pending:
            outcomes[n] = _process_one(path, sha, settings, instance, progress=progress, position=n + 1)
    result = [outcomes[n] for n in range(len(paths))]
    if run_dbt and (any(o.status == "loaded" for o in result) or _marts_stale(settings)):
        progress.stage(len(paths), "warehouse", "dbt build")
        _run_dbt(settings, _instance())
    progress.done()
    return result


def _process_one(
    path: Path, sha: str, settings: Settings, instance, *, progress: Progress | None = None, position: int = 0
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
    instance = instance or _instance()
    doc_id = document_id_for(sha)
    register_source(settings, doc_id, path, sha)
    instance.add_dynamic_partitions(documents_partitions.name, [doc_id])
    if progress:
        progress.stage(position, path.name, "intake, extraction, load")
    result = dg.materialize(
        [document_intake, document_tables, raw_tables],
        partition_key=doc_id,
        instance=instance,
        resources={
            "warehouse": WarehouseResource(
                path=str(settings.warehouse), data_dir=str(settings.data_dir), max_file_bytes=settings.max_file_bytes
            ),
            "staging_io_manager": StagingIOManager(base_dir=str(settings.staging)),
        },
        raise_on_error=False,
        tags={"source_file": path.name},
        run_config=QUIET_RUN_CONFIG,
    )
    if result.success:
        outcome = _describe(settings.warehouse, path, doc_id, "loaded")
    else:
        outcome = _failure(settings.warehouse, path, doc_id, result)
    outcome.seconds = time.perf_counter() - t0
    return outcome


class DbtBuildFailed(RuntimeError):
    """dbt build failed: the marts were left as they were (the build runs on a copy)."""


def _run_dbt(settings: Settings, instance) -> None:
    """dbt build through the dbt assets; dbt's own log goes to ``<data>/logs/dbt-build.log``."""
    import contextlib

    import dagster as dg

    from pipelines.defs.resources import WarehouseResource
    from pipelines.defs.transform import bbc_dbt_models, dbt_resource

    log_path = settings.data_dir / "logs" / "dbt-build.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("w", encoding="utf-8") as log, contextlib.redirect_stdout(log):
        result = dg.materialize(
            [bbc_dbt_models],
            instance=instance,
            resources={
                "dbt": dbt_resource(),
                "warehouse": WarehouseResource(path=str(settings.warehouse), data_dir=str(settings.data_dir)),
            },
            raise_on_error=False,
            run_config=QUIET_RUN_CONFIG,
        )
    if not result.success:
        raise DbtBuildFailed(f"dbt build failed, the marts were not updated; see {log_path}")


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
        row = con.execute(
            "SELECT entity_name, kbo_number, report_type, fiscal_year, page_count, plan_version, plan_first_year,"
            " plan_last_year FROM raw.documents WHERE document_id = ?",
            [doc_id],
        ).fetchone()
    entity, kbo, rtype, year, pages, version, first, last = row or ("", "", "", "", "", None, None, None)
    if version:  # a plan: "meerjarenplan (herziening 8, 2026-2031)"
        rtype = f"{rtype} ({version}, {first}-{last})" if first else f"{rtype} ({version})"
    return Outcome(path, doc_id, status, "", entity or "", kbo or "", rtype or "", str(year or ""), str(pages or ""))


def _failure(warehouse: Path, path: Path, doc_id: str, result) -> Outcome:
    from pipelines.warehouse import connect_read_only

    if warehouse.exists():
        with connect_read_only(warehouse) as con:
            row = con.execute(
                "SELECT error FROM raw.documents WHERE document_id = ? AND status = 'rejected'", [doc_id]
            ).fetchone()
        if row:
            return Outcome(path, doc_id, "rejected", row[0])
    message = "processing failed"
    for event in result.all_events:
        if event.is_step_failure:
            error = event.step_failure_data.error
            message = (error.message or "").strip().splitlines()[0] if error else message
            break
    return Outcome(path, doc_id, "failed", f"{path.name}: {message}")


def _print_summary(outcomes: list[Outcome]) -> int:
    for o in outcomes:
        print(o.line())
    bad = [o for o in outcomes if o.status in ("rejected", "failed")]
    print(f"{len(outcomes)} document(s): {len(outcomes) - len(bad)} accepted, {len(bad)} rejected or failed")
    return EXIT_REJECTED if bad else EXIT_OK


def _report_invariants(settings: Settings, outcomes: list[Outcome]) -> int:
    """The accounting invariant checks (Great Expectations) of the documents loaded by this run:
    per document its failed checks and warnings. A document with a failed error-level check is not
    published (it stays out of marts.mart_key_figures) and the exit code is 1."""
    loaded = {o.document_id for o in outcomes if o.status == "loaded"}
    if not loaded or not settings.warehouse.exists():
        return EXIT_OK
    from pipelines.defs.quality import run_invariant_checks

    summary = run_invariant_checks(settings.warehouse, settings.data_dir / "gx_docs")
    documents = [d for d in summary.documents if d.document_id in loaded]
    for document in documents:
        print(document.lines()[0])
        for issue in document.errors:
            print(f"  ERROR    [{issue.group_name}] {issue.describe()}")
        for failure in document.failed_expectations:
            print(f"  ERROR    {failure}")
        if document.warnings:
            groups = Counter(w.group_name for w in document.warnings)
            listed = ", ".join(f"{g} {n}" for g, n in sorted(groups.items()))
            print(f"  warnings (explained by the document; see marts.audit_invariants): {listed}")
    for failure in summary.failed_expectations:
        print(f"ERROR    {failure}")
    failed = [d for d in documents if not d.success]
    print(
        f"invariants: {len(documents) - len(failed)} document(s) passed, {len(failed)} failed and not published"
        f" ({summary.seconds:.1f} s; data docs: {summary.docs_index or '-'})"
    )
    return EXIT_REJECTED if failed or summary.failed_expectations else EXIT_OK


def _guarded(run, *args, **kwargs) -> list[Outcome] | None:
    try:
        return run(*args, **kwargs)
    except DbtBuildFailed as exc:
        print(f"bbc: {exc}", file=sys.stderr)
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bbc", description="BBC reports into the DuckDB warehouse.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_ingest = sub.add_parser("ingest", help="ingest the given files")
    p_ingest.add_argument("files", nargs="+", type=Path)
    p_ingest.add_argument("--warehouse", type=Path, default=None)
    p_ingest.add_argument("--jobs", type=int, default=DEFAULT_JOBS, help="documents processed at once")
    p_run = sub.add_parser("run", help="ingest what is pending in the inbox (data/inbox/)")
    p_run.add_argument("--warehouse", type=Path, default=None)
    p_run.add_argument("--jobs", type=int, default=DEFAULT_JOBS, help="documents processed at once")
    args = parser.parse_args(argv)

    import warnings

    warnings.filterwarnings("ignore")  # Dagster's beta/preview notices are not for the CLI user
    settings = Settings.from_env(args.warehouse)
    if args.command == "ingest":
        missing = [f for f in args.files if not f.is_file()]
        if missing:
            for f in missing:
                print(f"bbc: {f}: no such file", file=sys.stderr)
            return EXIT_USAGE
        outcomes = _guarded(process_files, [f.resolve() for f in args.files], settings, jobs=args.jobs)
    else:
        inbox = settings.inbox
        files = (
            sorted(p for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".")) if inbox.is_dir() else []
        )
        if not files:
            print(f"nothing pending in {inbox}")
            return EXIT_OK
        outcomes = _guarded(process_files, files, settings, skip_loaded=True, jobs=args.jobs)
    if outcomes is None:
        return EXIT_REJECTED
    status = _print_summary(outcomes)
    return max(status, _report_invariants(settings, outcomes))


if __name__ == "__main__":
    sys.exit(main())
