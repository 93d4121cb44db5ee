"""The single Dagster entry point: ``dagster dev -m pipelines.definitions``."""

import dagster as dg

from pipelines.defs.automation import (
    document_job,
    inbox_sensor,
    nightly_schedule,
    transform_after_load,
    transform_job,
)
from pipelines.defs.extract import document_tables
from pipelines.defs.ingest import document_intake
from pipelines.defs.load import raw_tables
from pipelines.defs.quality import invariant_checks
from pipelines.defs.resources import StagingIOManager, WarehouseResource
from pipelines.defs.transform import bbc_dbt_models, dbt_resource

defs = dg.Definitions(
    assets=[document_intake, document_tables, raw_tables, bbc_dbt_models],
    asset_checks=invariant_checks(),
    jobs=[document_job, transform_job],
    sensors=[inbox_sensor, transform_after_load],
    schedules=[nightly_schedule],
    resources={
        "warehouse": WarehouseResource(),
        "staging_io_manager": StagingIOManager(),
        "dbt": dbt_resource(),
    },
)
