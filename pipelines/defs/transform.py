"""dbt: staging views over ``raw`` and the marts, as Dagster assets downstream of the raw tables."""

import os
import shutil
import sysconfig
from collections.abc import Mapping
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, DbtProject, dbt_assets

from pipelines.defs.resources import WarehouseResource
from pipelines.faults import hold_point
from pipelines.settings import DBT_PROJECT_DIR
from pipelines.warehouse import retire_superseded, warehouse_lock

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()


def dbt_resource() -> DbtCliResource:
    """The dbt CLI of this environment (the venv's ``dbt`` script, else the one on PATH)."""
    beside = os.path.join(sysconfig.get_path("scripts"), "dbt")
    return DbtCliResource(
        project_dir=dbt_project, dbt_executable=beside if os.path.exists(beside) else (shutil.which("dbt") or "dbt")
    )


class BbcDbtTranslator(DagsterDbtTranslator):
    """dbt sources map to the raw asset keys (``raw/<table>``); models are grouped by layer."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "raw"
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else "dbt"


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=BbcDbtTranslator())
def bbc_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """Seeds, staging views and marts built with ``dbt build``.

    dbt builds into a copy of the warehouse that replaces the original only when the build
    succeeded: a run killed or failed during dbt leaves the previous marts whole, never half of them.
    Before the swap, older versions of a file whose newest version is published are retired.
    """
    path = warehouse.warehouse
    building = path.with_name(path.name + ".building")
    with warehouse_lock(path):  # DuckDB has one writer per file: queue behind document loads
        if path.exists():
            shutil.copyfile(path, building)
        os.environ["BBC_WAREHOUSE"] = str(building)  # read by dbt_project/profiles.yml in the dbt subprocess
        try:
            yield from dbt.cli(["build"], context=context).stream()
            hold_point("dbt")
            con = duckdb.connect(str(building))
            try:
                con.execute("BEGIN TRANSACTION")
                retired = retire_superseded(con)
                con.execute("COMMIT")
            finally:
                con.close()
            if retired:
                context.log.info(f"retired superseded versions: {', '.join(retired)}")
            os.replace(building, path)
        finally:
            os.environ["BBC_WAREHOUSE"] = str(path)
            building.unlink(missing_ok=True)
