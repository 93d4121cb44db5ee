"""``make bench``: speed and memory figures of the pipeline (a script that prints, not a test).

Scenarios, each in its own process so that its peak memory is its own:
- the sample as text and as PDF: the stages (intake, extraction, raw load, dbt, invariant checks)
  timed one by one, and the end-to-end run through the Dagster assets (``bbc ingest``);
- 20 generated reports (``pipelines.synth``), end to end in one run, then a no-op rerun;
- references on the same PDF: pdfplumber's own ``extract_text()`` over all pages in one process,
  and ``pdftotext -layout`` (Debian poppler-utils) when installed;
- the real published PDFs bundled as test data (tests/data/real: rotated landscape tables, /Rotate
  pages, stamps): pages per second of our reader and of the whole intake (furniture, identity) and
  extraction, against pdfplumber's plain ``extract_text()`` and its rotated-text options.

    python -m pipelines.bench [--reports 20] [--only real]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipelines.settings import DBT_PROJECT_DIR, REPO_ROOT, Settings

SAMPLE = sorted((REPO_ROOT / "data" / "samples").glob("*.txt"))[0]  # the bundled sample report
REAL_PDFS = sorted((REPO_ROOT / "tests" / "data" / "real").glob("*.pdf"))


def _peak_mib() -> float:
    self_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(self_kib, child_kib) / 1024


def _dbt_build(warehouse: Path) -> None:
    dbt = Path(sys.executable).with_name("dbt")
    env = {**os.environ, "BBC_WAREHOUSE": str(warehouse)}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [str(dbt), "build", "--quiet", "--profiles-dir", ".", "--target-path", f"{tmp}/target", "--log-path", tmp],
            cwd=DBT_PROJECT_DIR,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def scenario_stages(path: Path, work: Path) -> dict:
    """Each stage of one document on its own, without Dagster."""
    from pipelines.extract.run import extract_document
    from pipelines.ingest.intake import read_document
    from pipelines.load import load_document

    out: dict = {}
    t0 = time.perf_counter()
    intake = read_document(path, max_bytes=1 << 31)
    out["intake"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    ident = intake.identity
    extraction = extract_document(intake.content_lines(), ident.fiscal_year, ident.report_type)
    out["extraction"] = time.perf_counter() - t0
    warehouse = work / "stages.duckdb"
    t0 = time.perf_counter()
    load_document(warehouse, intake, extraction)
    out["load"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    _dbt_build(warehouse)
    out["dbt"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    out["checks"] = _checks(warehouse)
    out["checks_total"] = time.perf_counter() - t0
    out["per_kind"] = extraction.seconds
    out["pages"] = intake.page_count
    out["lines"] = len(intake.lines)
    out["rows"] = sum(extraction.row_counts().values())
    return out


def _checks(warehouse: Path) -> float | None:
    try:
        from pipelines.quality.runner import validate_warehouse
    except ImportError:  # pragma: no cover - before the quality package existed
        return None
    summary = validate_warehouse(warehouse)
    return summary.seconds


def scenario_end_to_end(paths: list[Path], work: Path, *, rerun: bool) -> dict:
    """``bbc ingest`` of ``paths`` (Dagster assets in-process, then one dbt build), then optionally a no-op rerun."""
    from pipelines.cli import process_files

    settings = Settings(warehouse=work / "e2e.duckdb", data_dir=work / "data")
    t0 = time.perf_counter()
    outcomes = process_files(paths, settings)
    out: dict = {"wall": time.perf_counter() - t0, "loaded": sum(o.status == "loaded" for o in outcomes)}
    checks = _checks(settings.warehouse)
    if checks is not None:
        out["checks_per_document"] = checks / max(1, len(paths))
    if rerun:
        t0 = time.perf_counter()
        again = process_files(paths, settings, skip_loaded=True)
        out["noop_wall"] = time.perf_counter() - t0
        out["noop_unchanged"] = sum(o.status == "unchanged" for o in again)
    return out


def scenario_noop_cli(work: Path) -> dict:
    """A whole ``bbc run`` process on an inbox where nothing is new (includes interpreter start-up)."""
    env = {**os.environ, "BBC_DATA_DIR": str(work / "data"), "BBC_WAREHOUSE": str(work / "e2e.duckdb")}
    env.pop("DAGSTER_HOME", None)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipelines.cli", "run"], env=env, check=True, stdout=subprocess.DEVNULL)
    return {"wall": time.perf_counter() - t0}


def scenario_references(pdf: Path) -> dict:
    import pdfplumber

    from pipelines.ingest.pdf import read_pdf

    out: dict = {}
    t0 = time.perf_counter()
    with pdfplumber.open(pdf) as doc:
        pages = len(doc.pages)
        for page in doc.pages:
            page.extract_text()
    out["pdfplumber_extract_text"] = time.perf_counter() - t0
    out["pages"] = pages
    if shutil.which("pdftotext"):
        t0 = time.perf_counter()
        subprocess.run(["pdftotext", "-layout", str(pdf), "/dev/null"], check=True)
        out["pdftotext_layout"] = time.perf_counter() - t0
    for workers in (1, 2):
        t0 = time.perf_counter()
        read_pdf(pdf, workers=workers)
        out[f"ours_{workers}_workers"] = time.perf_counter() - t0
    return out


def scenario_scaling(paths: list[Path], pdf: Path, pdf_double: Path) -> dict:
    """Cost per line of intake + extraction over reports of different sizes, and PDF reading of a
    document and of the same document twice as long."""
    from pipelines.extract.run import extract_document
    from pipelines.ingest.intake import read_document
    from pipelines.ingest.pdf import read_pdf

    per_report = []
    for path in paths:
        t0 = time.perf_counter()
        intake = read_document(path, max_bytes=1 << 31)
        extract_document(intake.content_lines(), intake.identity.fiscal_year, intake.identity.report_type)
        per_report.append((len(intake.lines), time.perf_counter() - t0))
    pdf_times = {}
    for label, source in (("single", pdf), ("double", pdf_double)):
        t0 = time.perf_counter()
        doc = read_pdf(source)
        pdf_times[label] = (len(doc.pages), time.perf_counter() - t0)
    return {"per_report": per_report, "pdf": pdf_times}


def scenario_real(pdf: Path) -> dict:
    """A real PDF: our reader, the whole intake + extraction, and pdfplumber on the same pages."""
    import pdfplumber

    from pipelines.extract.run import extract_document
    from pipelines.ingest.intake import read_document
    from pipelines.ingest.pdf import read_pdf

    out: dict = {}
    for workers in (1, 2):
        t0 = time.perf_counter()
        read_pdf(pdf, workers=workers)
        out[f"read_{workers}"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    intake = read_document(pdf, max_bytes=1 << 31)
    out["intake"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    extraction = extract_document(intake.content_lines(), intake.identity.fiscal_year, intake.identity.report_type)
    out["extraction"] = time.perf_counter() - t0
    out["rows"] = sum(extraction.row_counts().values())
    out["pages"] = intake.page_count
    out["quality"] = intake.text_quality()
    for label, options in (("plain", {}), ("rotated", {"line_dir_rotated": "ltr", "char_dir_rotated": "btt"})):
        t0 = time.perf_counter()
        with pdfplumber.open(pdf) as doc:
            for page in doc.pages:
                page.extract_text(**options)
        out[f"pdfplumber_{label}"] = time.perf_counter() - t0
    return out


SCENARIOS = {"stages", "end_to_end", "noop_cli", "references", "scaling", "real"}


def _run_child(name: str, args: dict) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines.bench", "--scenario", name, "--args", json.dumps(args)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"scenario {name} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _child(name: str, args: dict) -> None:
    import warnings

    warnings.filterwarnings("ignore")
    work = Path(args["work"])
    if name == "stages":
        result = scenario_stages(Path(args["path"]), work)
    elif name == "end_to_end":
        result = scenario_end_to_end([Path(p) for p in args["paths"]], work, rerun=args.get("rerun", False))
    elif name == "noop_cli":
        result = scenario_noop_cli(work)
    elif name == "scaling":
        result = scenario_scaling([Path(p) for p in args["paths"]], Path(args["pdf"]), Path(args["pdf_double"]))
    elif name == "real":
        result = scenario_real(Path(args["path"]))
    else:
        result = scenario_references(Path(args["path"]))
    result["peak_mib"] = _peak_mib()
    print(json.dumps(result))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--args", default="{}")
    parser.add_argument("--only", choices=["real"], help="run one section only")
    args = parser.parse_args(argv)
    if args.scenario:
        _child(args.scenario, json.loads(args.args))
        return 0
    if args.only == "real":
        print(f"bbc-warehouse benchmark ({os.cpu_count()} cores)\n")
        _print_real()
        return 0

    from pipelines.synth.generator import write_corpus
    from pipelines.synth.pdf import render_text_to_pdf

    root = Path(tempfile.mkdtemp(prefix="bbc-bench-"))
    print(f"bbc-warehouse benchmark ({os.cpu_count()} cores); work dir {root}\n")
    pdf = render_text_to_pdf(SAMPLE.read_text(encoding="utf-8"), root / "sample.pdf")

    print("1. The sample, stage by stage (seconds)")
    print(
        f"   {'input':<6} {'pages':>5} {'intake':>8} {'extract':>8} {'load':>8} {'dbt':>8} {'checks':>8}"
        f" {'pages/s':>9} {'peak MiB':>9}"
    )
    kinds: list[tuple[str, dict]] = []
    for label, path in (("text", SAMPLE), ("pdf", pdf)):
        work = root / f"stages-{label}"
        work.mkdir()
        r = _run_child("stages", {"path": str(path), "work": str(work)})
        pages_per_s = r["pages"] / (r["intake"] + r["extraction"])
        checks = f"{r['checks']:8.2f}" if r.get("checks") is not None else f"{'-':>8}"
        print(
            f"   {label:<6} {r['pages']:>5} {r['intake']:8.2f} {r['extraction']:8.2f} {r['load']:8.2f}"
            f" {r['dbt']:8.2f} {checks} {pages_per_s:9.1f} {r['peak_mib']:9.0f}"
        )
        kinds.append((label, r["per_kind"]))
    print("   extraction per table kind (ms): ")
    for label, per_kind in kinds:
        print(f"     {label:<5}" + "  ".join(f"{k} {v * 1000:.0f}" for k, v in per_kind.items()))

    print("\n2. End to end through the Dagster assets (bbc ingest: intake, extraction, load, dbt)")
    for label, path in (("text", SAMPLE), ("pdf", pdf)):
        work = root / f"e2e-{label}"
        work.mkdir()
        r = _run_child("end_to_end", {"paths": [str(path)], "work": str(work)})
        print(f"   sample {label:<4}: {r['wall']:6.1f} s wall, peak {r['peak_mib']:.0f} MiB")

    corpus = root / "corpus"
    reports = [p for p in write_corpus(corpus, args.reports, seed=1000) if p.suffix == ".txt"]
    work = root / "e2e-corpus"
    work.mkdir()
    r = _run_child("end_to_end", {"paths": [str(p) for p in reports], "work": str(work), "rerun": True})
    lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in reports)
    print(
        f"   {len(reports)} generated reports ({lines} lines): {r['wall']:6.1f} s wall ({r['loaded']} loaded),"
        f" {r['wall'] / len(reports):.2f} s per report, peak {r['peak_mib']:.0f} MiB"
    )
    print(f"   no-op rerun in the same process: {r['noop_wall']:.2f} s ({r['noop_unchanged']} unchanged)")
    if "checks_per_document" in r:
        print(f"   invariant checks (Great Expectations): {r['checks_per_document']:.2f} s per document")
    inbox = work / "data" / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    for p in reports:
        shutil.copy(p, inbox / p.name)
    _run_child("end_to_end", {"paths": [str(inbox / p.name) for p in reports], "work": str(work)})
    r = _run_child("noop_cli", {"work": str(work)})
    print(f"   no-op `bbc run` (a new process, nothing new in the inbox): {r['wall']:.2f} s")

    print("\n3. PDF text extraction of the sample PDF against the references")
    r = _run_child("references", {"path": str(pdf), "work": str(root)})
    ours = r["ours_2_workers"]
    print(f"   pages: {r['pages']}")
    print(f"   ours, 1 worker:  {r['ours_1_workers']:6.2f} s ({r['pages'] / r['ours_1_workers']:7.1f} pages/s)")
    print(f"   ours, 2 workers: {ours:6.2f} s ({r['pages'] / ours:7.1f} pages/s)")
    ref = r["pdfplumber_extract_text"]
    print(
        f"   pdfplumber extract_text(), 1 process: {ref:6.2f} s ({r['pages'] / ref:7.1f} pages/s)"
        f"  -> ours is {ref / ours:.1f}x faster"
    )
    if "pdftotext_layout" in r:
        ptt = r["pdftotext_layout"]
        ratio = ours / ptt
        print(
            f"   pdftotext -layout: {ptt:6.2f} s ({r['pages'] / ptt:7.1f} pages/s)  -> ours takes {ratio:.1f}x its time"
        )
    else:
        print("   pdftotext -layout: not installed (apt-get install poppler-utils)")

    print("\n4. Scaling: intake + extraction cost per 1,000 lines over reports of different sizes")
    text = SAMPLE.read_text(encoding="utf-8")
    double = render_text_to_pdf(text + "\n" + text, root / "sample-double.pdf")
    r = _run_child(
        "scaling",
        {"paths": [str(p) for p in [SAMPLE, *reports]], "pdf": str(pdf), "pdf_double": str(double), "work": ""},
    )
    for n_lines, seconds in sorted(r["per_report"])[:: max(1, len(r["per_report"]) // 6)]:
        print(f"   {n_lines:6d} lines: {seconds:5.2f} s = {1000 * seconds / n_lines * 1000:6.1f} ms per 1,000 lines")
    (p1, t1), (p2, t2) = r["pdf"]["single"], r["pdf"]["double"]
    print(
        f"   PDF reading: {p1} pages {t1:.2f} s, {p2} pages {t2:.2f} s (ratio {t2 / t1:.2f} for {p2 / p1:.2f}x pages)"
    )
    print()
    _print_real()
    shutil.rmtree(root, ignore_errors=True)
    return 0


def _print_real() -> None:
    print("5. Real published PDFs (tests/data/real): seconds and pages per second")
    for pdf in REAL_PDFS:
        r = _run_child("real", {"path": str(pdf), "work": ""})
        n = r["pages"]
        q = r["quality"]
        print(f"   {pdf.name}: {n} pages, {r['rows']} rows extracted, peak {r['peak_mib']:.0f} MiB")
        for label, key in (
            ("our reader, 1 worker", "read_1"),
            ("our reader, 2 workers", "read_2"),
            ("intake (read, furniture, identity)", "intake"),
        ):
            print(f"     {label:<40} {r[key]:6.2f} s {n / r[key]:8.1f} pages/s")
        total = r["intake"] + r["extraction"]
        print(f"     {'intake + extraction':<40} {total:6.2f} s {n / total:8.1f} pages/s")
        for label, key in (
            ("pdfplumber extract_text()", "pdfplumber_plain"),
            ("pdfplumber extract_text(rotated options)", "pdfplumber_rotated"),
        ):
            print(
                f"     {label:<40} {r[key]:6.2f} s {n / r[key]:8.1f} pages/s  -> our reader (2 workers) is"
                f" {r[key] / r['read_2']:.1f}x faster"
            )
        print(
            f"     readable pages {q['readable_page_share']:.1%}, amounts on a labelled line"
            f" {q['labelled_amount_share']:.1%} of {q['amount_tokens']}, furniture lines {q['furniture_lines']}"
        )


if __name__ == "__main__":
    sys.exit(main())
