"""Data quality: the accounting invariants of every document, validated with Great Expectations.

dbt computes one row per identity instance per document (``marts.audit_invariants``, models in
``dbt_project/models/intermediate/invariants``; tolerances in the dbt macro
``invariant_tolerance``). This package reads that table and validates it, one batch per
document, with the suites committed under ``expectations/`` (see :mod:`pipelines.quality.runner`).
"""
