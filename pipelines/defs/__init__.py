"""Dagster definitions, one module per concept; assembled in :mod:`pipelines.definitions`."""
