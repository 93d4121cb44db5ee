"""Resources: the warehouse location and the per-document staging store between assets."""

import dataclasses
import os
import pickle
from pathlib import Path

import dagster as dg

from pipelines.settings import Settings


class WarehouseResource(dg.ConfigurableResource):
    """The DuckDB warehouse and the data folders. Empty means: ``BBC_WAREHOUSE`` /
    ``BBC_DATA_DIR`` from the environment at run time, else ``data/warehouse.duckdb`` / ``data/``."""

    path: str = ""
    data_dir: str = ""
    max_file_bytes: int = 0  # 0: BBC_MAX_FILE_BYTES or the default

    def settings(self) -> Settings:
        settings = Settings.from_env(self.path or None, self.data_dir or None)
        if self.max_file_bytes:
            settings = dataclasses.replace(settings, max_file_bytes=self.max_file_bytes)
        return settings

    @property
    def warehouse(self) -> Path:
        return self.settings().warehouse


class StagingIOManager(dg.ConfigurableIOManager):
    """Pickles each asset partition's output under ``data/staging/<asset>/<partition>.pkl``.

    Files are written atomically (temporary file + rename), so a killed run never leaves a
    half-written object for the next step.
    """

    base_dir: str = ""

    def _path(self, context: dg.OutputContext | dg.InputContext) -> Path:
        base = Path(self.base_dir) if self.base_dir else Settings.from_env().staging
        key = "__".join(context.asset_key.path)
        part = context.asset_partition_key if context.has_asset_partitions else "all"
        return base / key / f"{part}.pkl"

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        if obj is None:
            return
        path = self._path(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def load_input(self, context: dg.InputContext) -> object:
        with self._path(context).open("rb") as fh:
            return pickle.load(fh)
