"""Layout family B (another accounting package's meerjarenplannen, :mod:`pipelines.synth.family_b`) read back exactly.

Twenty reports (seeds 0-19: plans 2020-2025 and 2026-2031, code forms BD01 / BD.01 / BD 1, negatives as
(1.234) and 1.234-, one- and two-line headings) go through intake as text files (``read_document`` +
``extract_document``), five of them also as PDFs rendered in DejaVu Serif on Letter landscape. Every schema
cell (M1, M2, M3, T1, T2) must equal the truth, nothing missing and nothing extra; so must every policy item
(code, level, parent, title, priority, description), every per-AP plan budget, and the identity (the city and
its OCMW with their KBO numbers, report type, plan years).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from pipelines.extract.run import Extraction, extract_document
from pipelines.ingest.intake import IntakeResult, read_document
from pipelines.synth.family_b import amount_b, generate_family_b
from pipelines.synth.generator import SyntheticReport, write_corpus
from pipelines.synth.pdf import SERIF_LETTER_LANDSCAPE, render_text_to_pdf

SEEDS = tuple(range(20))
PDF_SEEDS = (0, 1, 2, 9, 10)  # both plan periods, every code form, both negative notations and year headers
SCHEMAS = {
    "M1": "m1_financieel_doelstellingenplan",
    "M2": "m2_financieel_evenwicht",
    "M3": "m3_kredieten",
    "T1": "t1_functionele_aard",
    "T2": "t2_economische_aard",
}
MAX_BYTES = 1 << 31


@pytest.fixture(scope="module")
def reports() -> dict[int, SyntheticReport]:
    return {seed: generate_family_b(seed) for seed in SEEDS}


def _read(path: Path) -> tuple[IntakeResult, Extraction]:
    doc = read_document(path, max_bytes=MAX_BYTES)
    return doc, extract_document(doc.content_lines(), doc.identity.fiscal_year, doc.identity.report_type)


@pytest.fixture(scope="module")
def as_text(reports, tmp_path_factory) -> dict[int, tuple[IntakeResult, Extraction]]:
    out_dir = tmp_path_factory.mktemp("family_b_text")
    out = {}
    for seed, report in reports.items():
        path = out_dir / f"{report.name}.txt"
        path.write_text(report.text, encoding="utf-8")
        out[seed] = _read(path)
    return out


@pytest.fixture(scope="module")
def as_pdf(reports, tmp_path_factory) -> dict[int, tuple[IntakeResult, Extraction]]:
    out_dir = tmp_path_factory.mktemp("family_b_pdf")
    out = {}
    for seed in PDF_SEEDS:
        report = reports[seed]
        path = render_text_to_pdf(report.text, out_dir / f"{report.name}.pdf", style=SERIF_LETTER_LANDSCAPE)
        out[seed] = _read(path)
    return out


def _parsed_cells(extraction: Extraction, kind: str) -> Counter:
    rows = extraction.tables.get(SCHEMAS[kind], [])
    return Counter(
        (r.line_path, r.year, r.column_role, f"{r.amount:.2f}") + ((r.direction,) if kind == "M3" else ()) for r in rows
    )


def _truth_cells(truth: dict[str, Any], kind: str) -> Counter:
    return Counter(
        (c["line_path"], c["year"], c["column_role"], c["amount"]) + ((c["direction"],) if kind == "M3" else ())
        for c in truth[kind]
    )


def _assert_schemas(report: SyntheticReport, extraction: Extraction) -> None:
    for kind in SCHEMAS:
        got, want = _parsed_cells(extraction, kind), _truth_cells(report.truth, kind)
        assert not want - got, f"{report.name} {kind}: missing {sorted(want - got)[:5]}"
        assert not got - want, f"{report.name} {kind}: extra {sorted(got - want)[:5]}"
        assert sum(got.values()) == len(report.truth[kind])


def _policy_items(extraction: Extraction) -> list[tuple]:
    return sorted(
        (i.level, i.code, i.parent_code, i.title, i.is_priority, i.description)
        for i in extraction.tables.get("policy_items", [])
    )


def _truth_items(truth: dict[str, Any]) -> list[tuple]:
    return sorted(
        (i["level"], i["code"], i["parent_code"], i["title"], i["is_priority"], i["description"])
        for i in truth["policy_items"]
    )


def _budgets(extraction: Extraction) -> Counter:
    return Counter(
        (b.policy_level, b.policy_code, b.budget_kind, b.direction, b.phase, b.year, b.column_role, f"{b.amount:.2f}")
        for b in extraction.tables.get("policy_budgets", [])
    )


def _truth_budgets(truth: dict[str, Any]) -> Counter:
    return Counter(
        (
            b["policy_level"],
            b["policy_code"],
            b["budget_kind"],
            b["direction"],
            b["phase"],
            b["year"],
            b["column_role"],
            b["amount"],
        )
        for b in truth["policy_budgets"]
    )


def _entities(identity: Any) -> list[tuple[int, str, str | None, str | None, str | None]]:
    """(seq, role, name, KBO, type) of every entity the identity records, the main one first."""
    return [(e.seq, e.role, e.entity_name, e.kbo_number, e.entity_type) for e in identity.entities]


# --- the corpus ------------------------------------------------------------------------------------------


def test_corpus_is_varied(reports) -> None:
    layouts = [r.truth["layout"] for r in reports.values()]
    docs = [r.truth["document"] for r in reports.values()]
    assert len(reports) >= 20
    assert {d["plan_first_year"] for d in docs} == {2020, 2026}
    assert {lay["code_form"] for lay in layouts} == {"BD01", "BD.01", "BD 1"}
    assert {lay["negative_notation"] for lay in layouts} == {"(1.234)", "1.234-"}
    assert {lay["two_line_headings"] for lay in layouts} == {True, False}
    assert {"MJP" if lay["year_header"].startswith("MJP") else lay["year_header"][4:] for lay in layouts} == {
        "MJP",
        " (€)",
    }
    assert {lay["aligned_columns"] for lay in layouts} == {True, False}
    assert {lay["m1_headers_in_capitals"] for lay in layouts} == {True, False}
    assert {lay["m1_headers_without_word"] for lay in layouts} == {True, False}
    assert len({d["entity_name"] for d in docs}) == 20
    assert {d["entities"][1]["entity_type"] for d in docs} == {"OCMW"}
    # negative amounts are printed in the report's own notation and never with a leading minus
    for report in reports.values():
        notation = "paren" if report.truth["layout"]["negative_notation"] == "(1.234)" else "trailing"
        negatives = [int(c["amount"][:-3]) for c in report.truth["M1"] if c["amount"].startswith("-")]
        assert negatives and all(amount_b(v, notation) in report.text for v in negatives)
        assert not any(tok.startswith("-") and tok[1:2].isdigit() for tok in report.text.split())


def test_same_seed_same_bytes() -> None:
    a, b = generate_family_b(4), generate_family_b(4)
    assert a.text == b.text and a.truth == b.truth


def test_truth_identities(reports) -> None:
    """The truth holds the plan's identities: BD = sum of its APs, total = BDs + zonder BD, M2/T2/M3/T1 agree."""
    for report in reports.values():
        t = report.truth
        m1 = {(c["line_path"], c["year"]): int(c["amount"][:-3]) for c in t["M1"]}
        t2 = {(c["line_path"], c["year"]): int(c["amount"][:-3]) for c in t["T2"]}
        m2 = {(c["line_path"], c["year"]): int(c["amount"][:-3]) for c in t["M2"]}
        t1 = {(c["line_path"], c["year"]): int(c["amount"][:-3]) for c in t["T1"]}
        bds = [i["code"] for i in t["policy_items"] if i["level"] == "BD"]
        for y in range(t["document"]["plan_first_year"], t["document"]["plan_last_year"] + 1):
            for d in ("uitgaven", "ontvangsten"):
                total = m1[("TOTAAL." + d, y)]
                assert total == sum(m1[(f"{bd}.{d}", y)] for bd in bds) + m1[("ZONDER_BD." + d, y)]
                assert total == sum(t2[(f"{k}.{d}", y)] for k in ("exploitatie", "investeringen", "financiering"))
                assert total == t1[(f"algemeen_totaal.{d}", y)]
                domains = [v for (p, yy), v in t1.items() if yy == y and p.endswith(d) and "totaal" not in p]
                assert total == sum(domains)
            assert m2[("budgettair_resultaat.V", y)] == m1[("TOTAAL.saldo", y)]
            assert (
                m2[("budgettair_resultaat.VII", y)]
                == m2[("budgettair_resultaat.VI", y)] + m2[("budgettair_resultaat.V", y)]
            )


def test_write_corpus_family_b(tmp_path: Path) -> None:
    written = write_corpus(tmp_path, 1, seed=3, pdf=True, family="b")
    assert [p.suffix for p in written] == [".txt", ".pdf"]
    assert (tmp_path / f"{written[0].stem}.truth.json").is_file()
    with pdfplumber.open(written[1]) as pdf:
        page = pdf.pages[0]
        assert (page.width, page.height) == (792, 612)  # Letter landscape, not the A4 portrait of family A
        assert {c["fontname"].split("+")[-1] for c in page.chars} == {"DejaVuSerif"}
    with pytest.raises(ValueError, match="unknown layout family"):
        write_corpus(tmp_path, 1, family="z")


def test_a_report_printed_figures() -> None:
    """Seed 0 as printed (read off its text): BD 1 in M1, the plan total, a negative saldo, M3's first year."""
    report = generate_family_b(0)
    text = report.text
    assert "BELEIDSDOELSTELLING BD 1 - ONDERNEMERS VINDEN EEN GEPAST ANTWOORD" in text
    assert "Uitgaven 8.022.073 8.872.447 8.153.196 8.203.238 7.510.207 8.130.196" in text
    assert "Saldo 7.151.280- 7.970.753- 7.437.153- 7.403.049- 6.637.445- 7.360.949-" in text
    cells = {(c["line_path"], c["year"]): c["amount"] for c in report.truth["M1"]}
    assert cells[("BD 1.uitgaven", 2026)] == "8022073.00"
    assert cells[("BD 1.saldo", 2031)] == "-7360949.00"
    assert report.truth["document"]["entity_name"] == "Gemeente Rijkhout"
    assert report.truth["document"]["entities"][1]["name"] == "OCMW Rijkhout"


# --- schemas: exact, text and PDF ------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
def test_schemas_exact_from_text(reports, as_text, seed: int) -> None:
    _assert_schemas(reports[seed], as_text[seed][1])


@pytest.mark.parametrize("seed", PDF_SEEDS)
def test_schemas_exact_from_pdf(reports, as_pdf, seed: int) -> None:
    _assert_schemas(reports[seed], as_pdf[seed][1])


def test_schema_coverage_complete(as_text) -> None:
    """Every amount line of the five schemas is attributed to a row (no unattributed lines)."""
    for _doc, extraction in as_text.values():
        cov = {c.table_kind: c for c in extraction.coverage}
        for kind in SCHEMAS:
            assert cov[kind].found and cov[kind].row_count > 0 and cov[kind].unattributed_lines == 0, cov[kind]


# --- policy items, per-AP budgets (plan_policy), identity (ingest.metadata), completeness figures ---------


@pytest.mark.parametrize("seed", SEEDS)
def test_policy_items_exact(reports, as_text, seed: int) -> None:
    assert _policy_items(as_text[seed][1]) == _truth_items(reports[seed].truth)


@pytest.mark.parametrize("seed", SEEDS)
def test_per_ap_budgets_exact(reports, as_text, seed: int) -> None:
    assert _budgets(as_text[seed][1]) == _truth_budgets(reports[seed].truth)


@pytest.mark.parametrize("seed", PDF_SEEDS)
def test_policy_from_pdf(reports, as_pdf, seed: int) -> None:
    assert _policy_items(as_pdf[seed][1]) == _truth_items(reports[seed].truth)
    assert _budgets(as_pdf[seed][1]) == _truth_budgets(reports[seed].truth)


@pytest.mark.parametrize("seed", SEEDS)
def test_report_kind_and_years(reports, as_text, seed: int) -> None:
    identity, doc = as_text[seed][0].identity, reports[seed].truth["document"]
    assert identity.report_type == "meerjarenplan"
    assert identity.plan_version == "origineel"
    assert (identity.plan_first_year, identity.plan_last_year) == (doc["plan_first_year"], doc["plan_last_year"])


@pytest.mark.parametrize("seed", SEEDS)
def test_identity_city_and_ocmw(reports, as_text, seed: int) -> None:
    identity, doc = as_text[seed][0].identity, reports[seed].truth["document"]
    assert (identity.entity_name, identity.kbo_number, identity.entity_type) == (
        doc["entity_name"],
        doc["kbo_number"],
        doc["entity_type"],
    )
    assert _entities(identity) == [
        (seq, e["role"], e["name"], e["kbo_number"], e["entity_type"]) for seq, e in enumerate(doc["entities"], 1)
    ]
    assert {e.evidence for e in identity.entities} == {"identity_block"}


@pytest.mark.parametrize("seed", PDF_SEEDS)
def test_identity_and_completeness_from_pdf(reports, as_pdf, seed: int) -> None:
    """The PDF (serif, Letter landscape) gives the same identity and completeness figures as the text."""
    doc, extraction = as_pdf[seed]
    truth = reports[seed].truth["document"]
    assert (doc.identity.report_type, doc.identity.plan_first_year, doc.identity.plan_last_year) == (
        "meerjarenplan",
        truth["plan_first_year"],
        truth["plan_last_year"],
    )
    assert _entities(doc.identity) == [
        (seq, e["role"], e["name"], e["kbo_number"], e["entity_type"]) for seq, e in enumerate(truth["entities"], 1)
    ]
    metadata = extraction.metadata
    assert (metadata["completeness_amount_share"], metadata["completeness_policy_share"]) == ("1.0000", "1.0000")


@pytest.mark.parametrize("seed", SEEDS)
def test_completeness_figures(reports, as_text, seed: int) -> None:
    """Every printed amount and every printed policy code of a family-B plan is read (the issue's target).

    The printed amounts are exactly the truth's cells (schemas and per-AP tables, zeros included), the printed
    codes exactly its policy items.
    """
    truth, metadata = reports[seed].truth, as_text[seed][1].metadata
    assert (metadata["completeness_amount_share"], metadata["completeness_policy_share"]) == ("1.0000", "1.0000")
    cells = sum(len(truth[kind]) for kind in SCHEMAS) + len(truth["policy_budgets"])
    assert int(metadata["completeness_amount_tokens"]) == int(metadata["completeness_amounts_attributed"]) == cells
    assert int(metadata["completeness_policy_codes"]) == int(metadata["completeness_policy_codes_read"])
    assert int(metadata["completeness_policy_codes"]) == len(truth["policy_items"])
