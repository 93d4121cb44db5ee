"""Layout family C (a policy portal's Word-exported plan volumes): generated, rendered, read back exactly.

24 volumes (seeds 0-23: eight lists of all beleidsdoelstellingen, eight documentation volumes, eight
policy statements; provinces, cities, gemeenten, AGBs and APBs; plans 2020-2025 and 2026-2031) are
read as text through the project's readers, six of them also as PDFs (DejaVu Serif, the
documentation volume on A4 landscape pages), and every printed item and amount must come back as
the truth says:

* intake: each volume accepted as a meerjarenplan of its entity and years, with its plan volume;
* the list of all BDs: every BD/AP with code, title, priority, parent and domain heading;
* the documentation volume: every subsidy (kind, beleidsdomein, beleidsveld, beneficiary,
  description, year, amount, nominatief flag), every printed total, every cell of the
  ``Beleidsveld: BV....`` blocks;
* the policy statement: the key figures per plan year;
* the completeness figure: every printed table amount and policy code read (1.0000).

The raw table names of the readers written in other branches (engineer 4: subsidies, subsidy
totals, beleidsveld overview, key figures; engineer 3: the BD list; engineer 2: the volume
identity) are looked up by the names their briefs give; a missing reader fails with the tables
that were found.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pipelines.extract.lines import normalize
from pipelines.extract.run import Extraction, extract_document
from pipelines.ingest.intake import _content_lines, _read_pdf, _read_text, flag_furniture, read_document
from pipelines.synth import family_c
from pipelines.synth.pdf import as_drawn

SEEDS = tuple(range(24))
PDF_SEEDS = (0, 1, 2, 4, 9, 17)  # two volumes of each kind
MAX_BYTES = 1 << 30


# --- fixtures ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[family_c.SyntheticReport, Path]]:
    out = tmp_path_factory.mktemp("family_c")
    reports = {}
    for seed in SEEDS:
        report = family_c.generate_report(seed)
        path = out / f"{report.name}.txt"
        path.write_text(report.text, encoding="utf-8")
        reports[seed] = (report, path)
    return reports


@pytest.fixture(scope="module")
def pdfs(corpus) -> dict[int, Path]:
    return {seed: family_c.render_pdf(corpus[seed][0], corpus[seed][1].with_suffix(".pdf")) for seed in PDF_SEEDS}


def _extract(path: Path, truth: dict[str, Any]) -> Extraction:
    """The document's lines as read_document reads them (furniture flagged), extracted as a plan of the
    truth's years, independent of intake's acceptance (tested on its own below)."""
    lines, pages = _read_pdf(path, 1) if path.suffix == ".pdf" else _read_text(path)
    content = _content_lines(flag_furniture(lines, pages))
    return extract_document(content, truth["document"]["fiscal_year"], "meerjarenplan")


@pytest.fixture(scope="module")
def extracted(corpus) -> dict[int, Extraction]:
    return {seed: _extract(path, report.truth) for seed, (report, path) in corpus.items()}


def _seeds(volume: str) -> list[int]:
    return [s for s in SEEDS if family_c.VOLUMES[s % 3] == volume]


def _table(ex: Extraction, *names: str) -> list:
    for name in names:
        if name in ex.tables:
            return ex.tables[name]
    found = sorted(name for name, rows in ex.tables.items() if rows)
    raise AssertionError(f"no raw table {' / '.join(names)}; tables with rows: {found}")


def _field(row: object, *names: str) -> Any:
    for name in names:
        if hasattr(row, name):
            return getattr(row, name)
    fields = [f.name for f in dataclasses.fields(row)] if dataclasses.is_dataclass(row) else dir(row)
    raise AssertionError(f"{type(row).__name__} has none of {names}; fields: {fields}")


def _amount(value: str) -> Decimal:
    return Decimal(value)


def _code4(value: str | None) -> str | None:
    """'0150' from '0150', '0150 - Internationale relaties', 'BV0150'."""
    m = re.search(r"\d{4}", value or "")
    return m.group() if m else None


def _words(text: str | None) -> str:
    """A domain name compared without case, its "BELEIDSDOMEIN" word or its heading code ("H1: ")."""
    return re.sub(r"^(BELEIDSDOMEIN |H\d+: ?)", "", normalize(text or "").upper()).strip()


# --- the corpus itself ------------------------------------------------------------------------
def test_same_seed_gives_the_same_bytes() -> None:
    assert family_c.generate_report(7).text == family_c.generate_report(7).text
    assert family_c.generate_report(7).truth == family_c.generate_report(7).truth


def test_the_corpus_varies_volumes_entities_and_periods(corpus) -> None:
    docs = [report.truth["document"] for report, _ in corpus.values()]
    assert Counter(d["plan_volume"] for d in docs) == {v: 8 for v in family_c.VOLUMES}
    assert {d["entity_type"] for d in docs} == {"provincie", "gemeente", "AGB", "APB"}
    assert {(d["plan_first_year"], d["plan_last_year"]) for d in docs} == {(2020, 2025), (2026, 2031)}
    assert len({d["entity_name"] for d in docs}) == len(docs)
    assert 0 < sum(d["kbo_number"] is not None for d in docs) < len(docs)  # a KBO line for some only


def test_the_text_has_the_portal_shapes(corpus) -> None:
    text = corpus[1][0].text.replace("\f", "\n")  # a documentation volume, page breaks as line ends
    assert "Journaalvolgnummers" not in text
    for shape in (
        r"^A\. Werkingssubsidies$",
        r"^Begunstigde Omschrijving MJP2020 MJP2021 MJP2022 MJP2023 MJP2024 MJP2025 Nominatief$",
        r"^BELEIDSDOMEIN [A-Z ,]+",
        r"^\d{4} - \S",
        r"^ +Totaal : (\d{1,3}(\.\d{3})*,\d\d ){5}\d{1,3}(\.\d{3})*,\d\d$",
        r"^TOTAAL WERKINGSSUBSIDIES ",
        r"^TOTAAL INVESTERINGSSUBSIDIES ",
        r"^Beleidsveld: BV\d{4}: \S",
        r"^(Uitgave|Ontvangst|Saldo)( -?\d{1,3}(\.\d{3})*){6}$",
        r"^ +\d{1,3}$",  # the page number alone on its line
    ):
        assert re.search(shape, text, re.M), shape
    bd_list = corpus[0][0].text.replace("\f", "\n")
    assert re.search(r"^H1: \S", bd_list, re.M)
    assert re.search(r"^BD000001: .+", bd_list, re.M)
    assert re.search(r"^BD\d{6}: .+ \*$", bd_list, re.M)  # a priority item


def test_truth_totals_are_the_sums_of_their_rows(corpus) -> None:
    for seed in _seeds("documentatie"):
        truth = corpus[seed][0].truth
        sums: Counter = Counter()
        for s in truth["subsidies"]:
            amount = _amount(s["amount"])
            sums[(s["kind"], "beleidsveld", s["beleidsveld_code"], s["year"])] += amount
            sums[(s["kind"], "beleidsdomein", s["beleidsdomein"], s["year"])] += amount
            sums[(s["kind"], "kind", None, s["year"])] += amount
        for t in truth["subsidy_totals"]:
            key = t["beleidsveld_code"] if t["level"] == "beleidsveld" else t["beleidsdomein"]
            assert sums[(t["kind"], t["level"], key, t["year"])] == _amount(t["amount"]), t
        cells = {
            (c["beleidsveld_code"], c["budget_kind"], c["direction"], c["year"]): _amount(c["amount"])
            for c in truth["beleidsveld_overview"]
        }
        for (veld, kind, direction, year), value in cells.items():
            if direction == "saldo":
                receipts = cells.get((veld, kind, "ontvangsten", year), Decimal(0))
                assert value == receipts - cells.get((veld, kind, "uitgaven", year), Decimal(0))


# --- PDF rendering ----------------------------------------------------------------------------
@pytest.mark.parametrize("seed", PDF_SEEDS)
def test_the_pdf_reads_back_to_the_same_lines_and_pages(seed: int, corpus, pdfs) -> None:
    report, txt = corpus[seed]
    pdf_lines, pdf_pages = _read_pdf(pdfs[seed], 1)
    text_lines, text_pages = _read_text(txt)
    assert len(pdf_pages) == len(text_pages)
    as_pdf = [(ln.page_no, normalize(ln.text)) for ln in pdf_lines if normalize(ln.text)]
    as_text = [(ln.page_no, normalize(as_drawn(ln.text))) for ln in text_lines if normalize(ln.text)]
    assert as_pdf == as_text
    width, height = pdf_pages[-1].width, pdf_pages[-1].height
    if report.volume == "documentatie":
        assert (round(width), round(height)) == (842, 595)  # A4 landscape
    else:
        assert (round(width), round(height)) == (595, 842)


def test_the_pdf_font_is_another_than_the_sample_renderers(pdfs) -> None:
    import pdfplumber

    with pdfplumber.open(pdfs[1]) as pdf:
        fonts = {c["fontname"].split("+")[-1] for c in pdf.pages[3].chars}
    assert fonts == {"DejaVuSerif"}


# --- intake: identity of each volume ----------------------------------------------------------
@pytest.mark.parametrize("seed", SEEDS)
def test_every_volume_is_accepted_and_identified(seed: int, corpus) -> None:
    report, path = corpus[seed]
    truth = report.truth["document"]
    ident = read_document(path, max_bytes=MAX_BYTES).identity
    got = {
        "entity_name": ident.entity_name,
        "kbo_number": ident.kbo_number,
        "entity_type": ident.entity_type,
        "report_type": ident.report_type,
        "plan_first_year": ident.plan_first_year,
        "plan_last_year": ident.plan_last_year,
        "plan_volume": getattr(ident, "plan_volume", "<no plan_volume field>"),
    }
    assert got == {k: truth[k] for k in got}


@pytest.mark.parametrize("seed", PDF_SEEDS)
def test_every_pdf_volume_is_accepted_and_identified(seed: int, corpus, pdfs) -> None:
    truth = corpus[seed][0].truth["document"]
    ident = read_document(pdfs[seed], max_bytes=MAX_BYTES).identity
    assert (ident.entity_name, ident.report_type, ident.plan_first_year, ident.plan_last_year) == (
        truth["entity_name"],
        "meerjarenplan",
        truth["plan_first_year"],
        truth["plan_last_year"],
    )
    assert getattr(ident, "plan_volume", None) == truth["plan_volume"]


# --- the list of all beleidsdoelstellingen ----------------------------------------------------
def _policy_items(ex: Extraction) -> set[tuple]:
    return {(i.level, i.code, i.title, i.is_priority, i.parent_code) for i in ex.tables.get("policy_items", [])}


def _truth_items(truth: dict[str, Any]) -> set[tuple]:
    return {(i["level"], i["code"], i["title"], i["is_priority"], i["parent_code"]) for i in truth["policy_items"]}


@pytest.mark.parametrize("seed", _seeds("beleidsdoelstellingen"))
def test_every_policy_item_is_read(seed: int, corpus, extracted) -> None:
    assert _policy_items(extracted[seed]) == _truth_items(corpus[seed][0].truth)


@pytest.mark.parametrize("seed", _seeds("beleidsdoelstellingen"))
def test_every_policy_item_has_its_domain_heading(seed: int, corpus, extracted) -> None:
    items = extracted[seed].tables.get("policy_items", [])
    assert items, "no policy items read"
    got = {i.code: _words(_field(i, "beleidsdomein", "domain")) for i in items}
    assert got == {i["code"]: _words(i["beleidsdomein"]) for i in corpus[seed][0].truth["policy_items"]}


@pytest.mark.parametrize("seed", [s for s in PDF_SEEDS if family_c.VOLUMES[s % 3] == "beleidsdoelstellingen"])
def test_every_policy_item_is_read_from_the_pdf(seed: int, corpus, pdfs) -> None:
    truth = corpus[seed][0].truth
    assert _policy_items(_extract(pdfs[seed], truth)) == _truth_items(truth)


# --- the documentation volume -----------------------------------------------------------------
SUBSIDY_TABLES = ("subsidies", "granted_subsidies", "documentation_subsidies", "subsidy_rows")
TOTAL_TABLES = ("subsidy_totals", "documentation_subsidy_totals")
OVERVIEW_TABLES = ("beleidsveld_overview", "beleidsveld_budgets", "documentation_beleidsveld_overview")


def _kind(value: str | None) -> str:
    return "investering" if "invest" in (value or "").lower() else "werking"


def _flag(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "J" if value else "N"
    return str(value).upper()[:1]


def _subsidies(ex: Extraction) -> Counter:
    rows = _table(ex, *SUBSIDY_TABLES)
    return Counter(
        (
            _kind(_field(r, "kind", "subsidy_kind")),
            _code4(_field(r, "beleidsveld_code", "beleidsveld")),
            _words(_field(r, "beleidsdomein")),
            normalize(_field(r, "beneficiary", "begunstigde") or ""),
            normalize(_field(r, "description", "omschrijving") or ""),
            _field(r, "year"),
            _field(r, "amount"),
            _flag(_field(r, "nominatief", "is_nominatief", "nominative", "is_nominative", "flag")),
        )
        for r in rows
    )


def _truth_subsidies(truth: dict[str, Any]) -> Counter:
    return Counter(
        (
            s["kind"],
            s["beleidsveld_code"],
            _words(s["beleidsdomein"]),
            s["beneficiary"],
            s["description"],
            s["year"],
            _amount(s["amount"]),
            s["nominatief"],
        )
        for s in truth["subsidies"]
    )


@pytest.mark.parametrize("seed", _seeds("documentatie"))
def test_every_subsidy_is_read(seed: int, corpus, extracted) -> None:
    assert _subsidies(extracted[seed]) == _truth_subsidies(corpus[seed][0].truth)


@pytest.mark.parametrize("seed", _seeds("documentatie"))
def test_every_printed_subsidy_total_is_read(seed: int, corpus, extracted) -> None:
    rows = _table(extracted[seed], *TOTAL_TABLES)
    got = Counter((_kind(_field(r, "kind", "subsidy_kind")), _field(r, "year"), _field(r, "amount")) for r in rows)
    truth = corpus[seed][0].truth["subsidy_totals"]
    assert got == Counter((t["kind"], t["year"], _amount(t["amount"])) for t in truth)


@pytest.mark.parametrize("seed", _seeds("documentatie"))
def test_every_beleidsveld_block_cell_is_read(seed: int, corpus, extracted) -> None:
    rows = _table(extracted[seed], *OVERVIEW_TABLES)
    got = Counter(
        (
            _code4(_field(r, "beleidsveld_code", "beleidsveld_code_printed", "beleidsveld")),
            _field(r, "budget_kind"),
            _field(r, "direction"),
            _field(r, "year"),
            _field(r, "amount"),
        )
        for r in rows
    )
    truth = corpus[seed][0].truth["beleidsveld_overview"]
    assert got == Counter(
        (c["beleidsveld_code"], c["budget_kind"], c["direction"], c["year"], _amount(c["amount"])) for c in truth
    )


COMPOSITION_TABLES = ("policy_structure", "beleidsveld_composition")


@pytest.mark.parametrize("seed", _seeds("documentatie"))
def test_the_composition_of_domains_and_beleidsvelden_is_read(seed: int, corpus, extracted) -> None:
    rows = _table(extracted[seed], *COMPOSITION_TABLES)
    got = {
        (
            _code4(_field(r, "beleidsveld_code")),
            normalize(_field(r, "beleidsveld")),
            _field(r, "beleidsitem_code", "item_code"),
            normalize(_field(r, "beleidsitem", "item")) if _field(r, "beleidsitem_code", "item_code") != "00" else None,
        )
        for r in rows
    }
    truth = corpus[seed][0].truth["beleidsveld_composition"]
    expected = {(c["beleidsveld_code"], c["beleidsveld"], "00", None) for c in truth}
    expected |= {(c["beleidsveld_code"], c["beleidsveld"], code, title) for c in truth for code, title in c["items"]}
    assert got == expected


@pytest.mark.parametrize("seed", [s for s in PDF_SEEDS if family_c.VOLUMES[s % 3] == "documentatie"])
def test_every_subsidy_is_read_from_the_pdf(seed: int, corpus, pdfs) -> None:
    truth = corpus[seed][0].truth
    assert _subsidies(_extract(pdfs[seed], truth)) == _truth_subsidies(truth)


# --- the policy statement ---------------------------------------------------------------------
KEY_FIGURE_TABLES = ("plan_key_figures", "key_figures", "policy_statement_key_figures")


def _figure_name(value: str) -> str:
    text = (value or "").lower()
    return "autofinancieringsmarge" if "autofinanciering" in text else "beschikbaar_budgettair_resultaat"


@pytest.mark.parametrize("seed", _seeds("beleidsverklaring"))
def test_the_key_figures_are_read(seed: int, corpus, extracted) -> None:
    rows = _table(extracted[seed], *KEY_FIGURE_TABLES)
    got = {
        (_figure_name(_field(r, "figure", "name", "key", "label")), _field(r, "year"), _field(r, "amount"))
        for r in rows
    }
    truth = corpus[seed][0].truth["key_figures"]
    assert {(k["name"], k["year"], _amount(k["amount"])) for k in truth} <= got


@pytest.mark.parametrize("seed", _seeds("beleidsverklaring"))
def test_the_budget_per_priority_policy_is_read(seed: int, corpus, extracted) -> None:
    rows = _table(extracted[seed], *KEY_FIGURE_TABLES)
    got = {(normalize(_field(r, "label")), _field(r, "amount")) for r in rows if _field(r, "year") is None}
    truth = corpus[seed][0].truth["priority_budgets"]
    assert got == {(b["title"], _amount(b["amount"])) for b in truth}


# --- the completeness figure ------------------------------------------------------------------
@pytest.mark.parametrize("seed", SEEDS)
def test_the_completeness_figure_is_full(seed: int, extracted) -> None:
    figure = extracted[seed].completeness
    assert figure is not None
    assert figure.amount_tokens or figure.policy_codes
    full = tuple(Decimal(1) if share is None else share for share in (figure.amount_share, figure.policy_share))
    assert full == (Decimal(1), Decimal(1)), (
        f"{figure.amounts_attributed}/{figure.amount_tokens} amounts, "
        f"{figure.policy_codes_read}/{figure.policy_codes} codes read"
    )


def test_the_completeness_figure_counts_every_printed_amount_and_code(corpus, extracted) -> None:
    """The figure's denominators are exactly what the generator printed (so a full score means everything)."""
    for seed, (report, _) in corpus.items():
        figure = extracted[seed].completeness
        truth = report.truth
        expected_amounts = (
            len(truth.get("subsidies", []))
            + len(truth.get("subsidy_totals", []))
            + len(truth.get("beleidsveld_overview", []))
            + len(truth.get("key_figures", []))
            + len(truth.get("priority_budgets", []))
        )
        assert figure.amount_tokens == expected_amounts, seed
        assert figure.policy_codes == len(truth.get("policy_items", [])), seed


def test_write_corpus_and_cli(tmp_path: Path) -> None:
    from pipelines.synth.__main__ import main as synth_main

    written = family_c.write_corpus(tmp_path / "api", 3, seed=5, pdf=True)
    assert [p.suffix for p in written] == [".txt", ".pdf"] * 3
    assert synth_main([str(tmp_path / "cli"), "--count", "3", "--seed", "5", "--family", "c"]) == 0
    names = sorted(p.name for p in (tmp_path / "cli").iterdir())
    assert len(names) == 6 and all(n.endswith((".txt", ".truth.json")) for n in names)
    for txt in written[::2]:
        assert (tmp_path / "cli" / txt.name).read_bytes() == txt.read_bytes()
