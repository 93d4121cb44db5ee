"""Jobs, the inbox sensor, the nightly schedule, and the dbt run after each document load."""

import json
from pathlib import Path

import dagster as dg

from pipelines.defs.partitions import documents_partitions
from pipelines.ingest.intake import document_id_for, file_sha256
from pipelines.ingest.registry import register_source
from pipelines.settings import Settings

document_job = dg.define_asset_job(
    name="document_job",
    selection=dg.AssetSelection.groups("ingest", "extract", "raw"),
    description="Intake, extraction and raw load of one document (one partition).",
)

transform_job = dg.define_asset_job(
    name="transform_job",
    selection=dg.AssetSelection.groups("staging", "intermediate", "marts", "reference"),
    description="dbt build: staging views, marts, tests.",
)


def pending_files(settings: Settings, seen: dict[str, str]) -> list[tuple[Path, str]]:
    """Files in the inbox that are new or whose content changed since ``seen`` (path -> sha256)."""
    if not settings.inbox.is_dir():
        return []
    out: list[tuple[Path, str]] = []
    for path in sorted(p for p in settings.inbox.iterdir() if p.is_file() and not p.name.startswith(".")):
        sha = file_sha256(path)
        if seen.get(str(path)) != sha:
            out.append((path, sha))
    return out


def _requests(settings: Settings, files: list[tuple[Path, str]]) -> tuple[list[dg.RunRequest], list[str]]:
    runs, keys = [], []
    for path, sha in files:
        doc_id = document_id_for(sha)
        register_source(settings, doc_id, path, sha)
        keys.append(doc_id)
        runs.append(dg.RunRequest(run_key=f"{doc_id}", partition_key=doc_id, tags={"source_file": path.name}))
    return runs, keys


@dg.sensor(job=document_job, minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.STOPPED)
def inbox_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    """Adds a partition and requests a run for each new or changed file in ``data/inbox/``
    (cursor: path -> content hash)."""
    settings = Settings.from_env()
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    files = pending_files(settings, seen)
    if not files:
        return dg.SkipReason(f"nothing new in {settings.inbox}")
    runs, keys = _requests(settings, files)
    seen.update({str(p): sha for p, sha in files})
    return dg.SensorResult(
        run_requests=runs,
        dynamic_partitions_requests=[documents_partitions.build_add_request(sorted(set(keys)))],
        cursor=json.dumps(seen),
    )


@dg.schedule(
    job=document_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/Brussels",
    default_status=dg.DefaultScheduleStatus.STOPPED,
)
def nightly_schedule(context: dg.ScheduleEvaluationContext):
    """Every night at 02:00 (Brussels): a run for every inbox file not yet loaded."""
    settings = Settings.from_env()
    files = pending_files(settings, {})
    loaded = set(context.instance.get_dynamic_partitions(documents_partitions.name))
    fresh = [(p, sha) for p, sha in files if document_id_for(sha) not in loaded]
    if not fresh:
        return dg.SkipReason("no pending documents")
    runs, keys = _requests(settings, fresh)
    context.instance.add_dynamic_partitions(documents_partitions.name, sorted(set(keys)))
    return runs


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS,
    monitored_jobs=[document_job],
    request_job=transform_job,
    default_status=dg.DefaultSensorStatus.STOPPED,
)
def transform_after_load(context: dg.RunStatusSensorContext):
    """After a document is loaded, rebuild the dbt models (one run per loaded document)."""
    return dg.RunRequest(run_key=context.dagster_run.run_id)
