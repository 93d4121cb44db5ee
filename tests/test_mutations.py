"""Single-number corruptions of the sample: the invariant that covers the number fails.

Each corruption changes one printed amount on one line of the sample text. Every corrupted copy
is a separate document (its own entity name, KBO number and file name), and all of them plus an
uncorrupted control copy (as text, and rendered as a PDF) and a synthetic report of another entity
and year go through intake, extraction and raw load in one ``process_files`` call,
then through one dbt build of the staging views and the invariants (``marts.audit_invariants``
and what it needs, materialized by the Dagster dbt asset). Per document the test asserts that the
identity covering the number is an ``error`` with the difference the corruption implies, that
every other error involves the corrupted line (or is one of the sample's known warnings whose
explanation the corruption broke), and that the Great Expectations validation fails that document
and no other.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests.conftest import sample_page

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "jaarrekening-2024-agb-genk.txt"
ENTITY, KBO_DOTTED, KBO = "AGB Genk", "0872.093.742", "0872093742"


@dataclass(frozen=True)
class Corruption:
    key: str
    line_no: int  # physical line of the sample (page 1: the text has no form feeds)
    old: str
    new: str
    identity: str  # the invariant that covers the number
    difference: str  # expected - printed after the corruption


CORRUPTIONS = [
    Corruption("j4_line", 9043, "209.259", "210.259",  # A. Liquide middelen 2024
               "J4 ACTIVA.I = sum of children [2024]", "1000.00"),
    Corruption("j4_total", 9072, "85.525.426", "85.526.426",  # PASSIVA 2023
               "J4 ACTIVA = PASSIVA [2023]", "-1000.00"),
    Corruption("j5_line", 9120, "4.908.791", "4.909.791",  # 1. Goederen en diensten 2023
               "J5 I.A = sum of children [2023]", "1000.00"),
    Corruption("j2_saldo", 8909, "-38.729", "-39.729",  # I. Exploitatiesaldo, jaarrekening
               "J2 budgettair_resultaat.I = a - b [2024]", "1000.00"),
    Corruption("j2_afm", 8947, "143.065", "144.065",  # III. Autofinancieringsmarge, meerjarenplan
               "J2 autofinancieringsmarge.III = I - II [2024 MJP]", "-1000.00"),
    Corruption("j1_bd_cell", 8747, "366.245", "367.245",  # BD000009 exploitatie Ontvangst, jaarrekening
               "J1 BD000009 exploitatie saldo = ontvangsten - uitgaven [2024]", "1000.00"),
    Corruption("policy_ac_cell", 927, "279.048", "280.048",  # AC000474 exploitatie Uitgaven, jaarrekening
               "Policy AC000474 exploitatie saldo = ontvangsten - uitgaven [2024]", "-1000.00"),
    Corruption("j3_cell", 9008, "1.111.247", "1.112.247",  # Investeringen uitgaven, jaarrekening
               "J3 investeringen uitgaven = J2 budgettair_resultaat.II.b [2024]", "1000.00"),
    Corruption("t1_saldo", 9339, "-952.348", "-953.348",  # Beleid en organisatie investeringen saldo 2021
               "T1 beleid_en_organisatie.investeringen saldo = ontvangsten - uitgaven [2021]", "1000.00"),
    Corruption("t2_line", 9382, "212.178", "213.178",  # 5. Andere operationele uitgaven 2021
               "T2 exploitatie.uitgaven.A = sum of children [2021]", "1000.00"),
    Corruption("t4_repayment", 9682, "-124.648", "-125.648",  # B.2 Aflossingen 2022
               "T4 B = sum of children [2022]", "-1000.00"),
    Corruption("off_balance_saldo", 10183, "-€ 801.540,67", "-€ 801.640,67",  # account 092 saldo
               "OffBalance 092 debet - credit = saldo", "100.00"),
    Corruption("credit_transfer", 10732, "20.000,00", "20.100,00",  # first investment transfer (uitgave)
               "Overdracht investeringen uitgaven total #1 (MJP 2025-2025) = sum of transfers", "100.00"),
    Corruption("participation", 9285, "13.954.814", "13.955.814",  # Thor Park NV
               "Participaties totaal = sum of participations [2024]", "1000.00"),
]


def corrupted_text(text: str, number: int, corruption: Corruption | None) -> str:
    """The sample as another entity (name, KBO), with at most one amount changed."""
    lines = text.splitlines(keepends=True)
    if corruption is not None:
        line = lines[corruption.line_no - 1]
        assert line.count(corruption.old) == 1, (corruption.key, line)
        lines[corruption.line_no - 1] = line.replace(corruption.old, corruption.new)
    suffix = f"{800 + number:03d}"
    return (
        "".join(lines)
        .replace(ENTITY, f"AGB Mutatie {number:02d}")
        .replace(KBO_DOTTED, KBO_DOTTED[:-3] + suffix)
        .replace(KBO, KBO[:-3] + suffix)
    )


@pytest.fixture(scope="module")
def mutated_warehouse(tmp_path_factory, dbt_manifest):
    """The control copies, a synthetic report and every corrupted copy, through the pipeline in one run."""
    from pipelines.cli import process_files
    from pipelines.settings import Settings
    from pipelines.synth import generate_report
    from pipelines.synth.pdf import render_text_to_pdf

    root = tmp_path_factory.mktemp("mutations")
    inbox = root / "data" / "inbox"
    inbox.mkdir(parents=True)
    text = SAMPLE.read_text(encoding="utf-8")
    paths = []
    for number, corruption in enumerate([None, *CORRUPTIONS]):
        name = corruption.key if corruption else "control"
        path = inbox / f"jaarrekening-2024-mutatie-{number:02d}-{name}.txt"
        path.write_text(corrupted_text(text, number, corruption), encoding="utf-8")
        paths.append(path)
    paths.append(render_text_to_pdf(corrupted_text(text, 99, None), inbox / "jaarrekening-2024-mutatie-99.pdf"))
    synthetic = generate_report(3)
    paths.append(inbox / f"{synthetic.name}.txt")
    paths[-1].write_text(synthetic.text, encoding="utf-8")
    settings = Settings(warehouse=root / "warehouse.duckdb", data_dir=root / "data")
    outcomes = process_files(paths, settings, run_dbt=False)
    assert [o.status for o in outcomes] == ["loaded"] * len(paths), [o.line() for o in outcomes]
    build_invariants(settings)
    keys = ["control", *(c.key for c in CORRUPTIONS), "control_pdf", "synthetic"]
    return settings, {key: o.document_id for key, o in zip(keys, outcomes, strict=True)}


def build_invariants(settings) -> None:
    """dbt build of the staging views, the invariant models and marts.audit_invariants only (with
    their own tests: cautious indirect selection leaves out tests that also need other marts)."""
    import os

    import dagster as dg

    from pipelines.defs.quality import AUDIT_INVARIANTS
    from pipelines.defs.resources import WarehouseResource
    from pipelines.defs.transform import bbc_dbt_models, dbt_resource

    keys = [
        key for key in bbc_dbt_models.keys
        if key.path[0] == "staging" or key.path[-1].startswith("int_invariants__") or key == AUDIT_INVARIANTS
    ]
    os.environ["DBT_INDIRECT_SELECTION"] = "cautious"
    try:
        result = dg.materialize(
            [bbc_dbt_models],
            selection=dg.AssetSelection.assets(*keys),
            resources={
                "dbt": dbt_resource(),
                "warehouse": WarehouseResource(path=str(settings.warehouse), data_dir=str(settings.data_dir)),
            },
        )
    finally:
        del os.environ["DBT_INDIRECT_SELECTION"]
    assert result.success


@pytest.fixture(scope="module")
def audit(mutated_warehouse) -> dict[str, dict[str, tuple]]:
    """document key -> identity -> (status, difference, source_lines)."""
    settings, documents = mutated_warehouse
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        rows = con.execute(
            "SELECT document_id, identity, status, difference, source_lines FROM marts.audit_invariants"
        ).fetchall()
    finally:
        con.close()
    keys = {doc_id: key for key, doc_id in documents.items()}
    out: dict[str, dict[str, tuple]] = {key: {} for key in documents}
    for doc_id, identity, status, difference, lines in rows:
        out[keys[doc_id]][identity] = (status, difference, lines)
    return out


def test_corrupted_copies_differ_from_the_sample_in_one_amount_only() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    for number, corruption in enumerate(CORRUPTIONS, start=1):
        original, corrupted = text.splitlines(), corrupted_text(text, number, corruption).splitlines()
        changed = [
            (a, b) for a, b in zip(original, corrupted, strict=True)
            if a != b and ENTITY not in a and KBO not in a and KBO_DOTTED not in a
        ]
        line = original[corruption.line_no - 1]
        assert changed == [(line, line.replace(corruption.old, corruption.new))]


def test_control_copy_has_no_error(audit) -> None:
    control = audit["control"]
    assert len(control) == 1562
    assert [i for i, (status, _, _) in control.items() if status == "error"] == []


def test_rendered_pdf_gives_the_same_invariants(audit) -> None:
    """Only the source lines differ (the PDF has 255 pages); the dossier lines explaining T1 vs T2
    are found in the PDF's lines too."""
    pdf = {identity: (status, difference) for identity, (status, difference, _) in audit["control_pdf"].items()}
    assert pdf == {identity: (status, difference) for identity, (status, difference, _) in audit["control"].items()}
    assert audit["control_pdf"]["J4 ACTIVA = PASSIVA [2024]"][2] == "p178 l9, p179 l2"


def test_synthetic_report_of_another_entity_and_year_holds(audit) -> None:
    synthetic = audit["synthetic"]
    assert len(synthetic) > 1000
    assert {status for status, _, _ in synthetic.values()} == {"ok"}


@pytest.mark.parametrize("corruption", CORRUPTIONS, ids=[c.key for c in CORRUPTIONS])
def test_the_covering_identity_fails_with_the_difference(audit, corruption: Corruption) -> None:
    rows = audit[corruption.key]
    status, difference, lines = rows[corruption.identity]
    assert (status, difference) == ("error", Decimal(corruption.difference))
    located = f"p{sample_page(corruption.line_no)} l{corruption.line_no}"  # the printed page
    assert located in lines.split(", ")
    known_warnings = {i for i, (s, _, _) in audit["control"].items() if s == "warning"}
    unexplained = [
        identity for identity, (s, _, src) in rows.items()
        if s == "error" and located not in src.split(", ") and identity not in known_warnings
    ]
    assert unexplained == []


def test_validation_fails_exactly_the_corrupted_documents(mutated_warehouse, tmp_path) -> None:
    from pipelines.defs.quality import run_invariant_checks

    settings, documents = mutated_warehouse
    summary = run_invariant_checks(settings.warehouse, tmp_path / "gx_docs")
    by_id = {d.document_id: d for d in summary.documents}
    assert summary.has_errors
    assert all(by_id[documents[key]].success for key in ("control", "control_pdf", "synthetic"))
    assert {d.document_id for d in summary.failed_documents} == {documents[c.key] for c in CORRUPTIONS}
    for corruption in CORRUPTIONS:
        result = by_id[documents[corruption.key]]
        [issue] = [e for e in result.errors if e.identity == corruption.identity]
        assert issue.difference == float(corruption.difference)
        assert f"p{sample_page(corruption.line_no)} l{corruption.line_no}" in issue.describe()
        assert result.label == f"AGB Mutatie {CORRUPTIONS.index(corruption) + 1:02d} jaarrekening 2024"
    text = "\n".join(summary.lines())
    assert "ERROR    [J4] J4 ACTIVA = PASSIVA [2023]: printed 85,526,426.00, computed 85,525,426.00" in text
