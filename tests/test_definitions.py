"""The Dagster definitions load, with every asset, job, sensor and schedule the README names."""

from __future__ import annotations

import dagster as dg


def test_definitions_load() -> None:
    from pipelines.definitions import defs

    dg.Definitions.validate_loadable(defs)
    repo = defs.get_repository_def()
    keys = {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()}
    assert {"document_intake", "document_tables", "raw/documents", "raw/lines", "raw/j4_balans"} <= keys
    assert {"marts/dim_document", "staging/stg_raw__documents", "reference/beleidsvelden"} <= keys
    assert {j.name for j in repo.get_all_jobs()} >= {"document_job", "transform_job"}
    assert {s.name for s in repo.sensor_defs} == {"inbox_sensor", "transform_after_load"}
    schedule = repo.get_schedule_def("nightly_schedule")
    assert (schedule.cron_schedule, schedule.execution_timezone) == ("0 2 * * *", "Europe/Brussels")


def test_dbt_sources_are_the_raw_assets() -> None:
    from pipelines.definitions import defs

    graph = defs.get_repository_def().asset_graph
    parents = {k.to_user_string() for k in graph.get(dg.AssetKey(["staging", "stg_raw__documents"])).parent_keys}
    assert parents == {"raw/documents"}
