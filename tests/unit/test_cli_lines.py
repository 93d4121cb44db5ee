"""The terminal lines of ``bbc``: one per document, the summary, the completeness figures when present."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pipelines.cli import Outcome, _completeness, _summary


def test_loaded_line_with_and_without_completeness() -> None:
    o = Outcome(
        Path("/x/r.pdf"), "0123456789abcdef", "loaded", "", "Stad Genk", "0207...", "jaarrekening", "2024", "12"
    )
    o.seconds = 3.14
    assert o.line() == "0123456789abcdef  Stad Genk (0207...) jaarrekening 2024  pages=12  loaded  3.1s  r.pdf"
    o.completeness = _completeness({"completeness_amount_share": Decimal("0.9712"), "completeness_policy_share": 1})
    assert o.completeness == "amounts 97.1%, policy 100.0%"
    assert o.line().endswith("loaded  3.1s  completeness amounts 97.1%, policy 100.0%  r.pdf")
    assert _completeness({"entity_name": "x"}) == ""  # a warehouse without the columns


def test_rejected_and_failed_lines() -> None:
    rejected = Outcome(
        Path("/home/u/notes.txt"),
        "fedcba9876543210",
        "rejected",
        "notes.txt: rejected (not_bbc): not a BBC report: it has no schema, policy or identity markers",
        reason="not_bbc",
        detail="not a BBC report: it has no schema, policy or identity markers",
        record="file left in place; record: data/quarantine/notes.txt.fedcba9876543210.reason.txt",
    )
    assert rejected.line() == (
        "fedcba9876543210  REJECTED  notes.txt: not a BBC report: it has no schema, policy or identity markers"
        "  (file left in place; record: data/quarantine/notes.txt.fedcba9876543210.reason.txt)"
    )
    failed = Outcome(Path("/x/r.pdf"), "0123456789abcdef", "failed", "r.pdf: processing failed")
    assert failed.line() == "0123456789abcdef  FAILED  r.pdf: processing failed  (details in the log file)"
    summary = _summary([rejected, failed], 12.345, None)
    assert summary == "2 document(s): 0 accepted, 2 rejected or failed (1 rejected, 1 failed; 12.3s)"
