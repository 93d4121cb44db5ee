"""The real ``bbc`` command in a subprocess, on one shared warehouse: the user's named files are only read
(every bad kind stays byte-identical in place, its record is a reason file in the quarantine folder); the
terminal gets one line per document, the summary and one invariant line per loaded document, never a
stack trace (those go to the run's log file); the sample's facts carry its printed page numbers; ``bbc
status`` says what is loaded, rejected and waiting, how the last run ended, and exits 1 when something
needs attention."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.ingest.intake import document_id_for, file_sha256
from pipelines.synth.pdf import render_encrypted_pdf, render_scanned_pdf, render_text_to_pdf, truncate_pdf
from tests.conftest import REPO, SAMPLE_PAGE_COUNTERS, SAMPLE_PAGE_FIRST_LINES, SAMPLE_TXT, sample_page

BBC = Path(sys.executable).parent / "bbc"
NOT_BBC_TEXT = (
    "Notulen van de vergadering van de schaakclub\n\nAanwezig: tien leden.\n"
    "De kas bedraagt 1.234,56 euro.\nVolgende vergadering op 12/03/2025.\n"
)
# a BBC follow-up report (opvolgingsrapportering): policy items and key figures, but no report type the
# warehouse reads
FOLLOW_UP_TEXT = "\n".join(
    [
        "Opvolgingsrapportering eerste semester",
        "Gemeente Zonnebeke (0207.451.227)",
        "Beleidsdomein Bestuur",
        "Beleidsveld 0100 Politieke organen",
        *(f"BD00000{n} Beleidsdoelstelling {n}" for n in range(1, 5)),
        *(f"AP00000{n} Actieplan {n}" for n in range(1, 5)),
        "Autofinancieringsmarge 1.234.567",
        "Budgettair resultaat 2.345.678",
    ]
)
# file name -> (reason code, words of its sentence)
EXPECTED = {
    "empty.pdf": ("empty", "the file is empty"),
    "image.bin": ("unsupported_format", "neither a PDF nor"),
    "truncated.pdf": ("corrupt", "damaged or incomplete"),
    "encrypted.pdf": ("encrypted", "protected by a password"),
    "scanned.pdf": ("no_text_layer", "no text layer"),
    "minutes.txt": ("not_bbc", "not a BBC report: it has no schema, policy or identity markers"),
    "minutes.pdf": ("not_bbc", "not a BBC report: it has no schema, policy or identity markers"),
    "huge.txt": ("too_large", "more than the limit"),
    "follow-up.txt": ("unrecognised_kind", "a BBC report of Gemeente Zonnebeke (0207451227) of a kind"),
}


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "BBC_WAREHOUSE")}
    env["BBC_DATA_DIR"] = str(data_dir)
    env["BBC_MAX_FILE_BYTES"] = "2000000"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def bbc(root: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BBC), *args, "--warehouse", str(root / "wh.duckdb")],
        capture_output=True,
        text=True,
        env=_env(root / "data"),
        cwd=root,
        timeout=timeout,
    )


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """One ``bbc ingest`` of the sample and a file of every bad kind, all in the user's own folder."""
    root = tmp_path_factory.mktemp("cli")
    folder = root / "my reports"
    folder.mkdir()
    good = folder / SAMPLE_TXT.name
    shutil.copy(SAMPLE_TXT, good)
    part = "\n".join(SAMPLE_TXT.read_text(encoding="utf-8").splitlines()[8622:9102])
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "image.bin").write_bytes(bytes(range(256)) * 8)
    truncate_pdf(render_text_to_pdf(part, root / "full.pdf"), folder / "truncated.pdf", 0.5)
    render_encrypted_pdf(part, folder / "encrypted.pdf", "secret")
    render_scanned_pdf(folder / "scanned.pdf")
    (folder / "minutes.txt").write_text(NOT_BBC_TEXT, encoding="utf-8")
    render_text_to_pdf(NOT_BBC_TEXT, folder / "minutes.pdf")
    (folder / "huge.txt").write_text("Journaalvolgnummers: JR\n" * 100_000, encoding="utf-8")
    (folder / "follow-up.txt").write_text(FOLLOW_UP_TEXT, encoding="utf-8")
    files = [good, *(folder / name for name in EXPECTED)]
    before = {p.name: (_sha(p), p.stat().st_mtime_ns) for p in files}
    proc = bbc(root, "ingest", "--jobs", "2", *map(str, files))
    return root, files, before, proc


def test_named_files_stay_byte_identical_in_place(run) -> None:
    root, files, before, _ = run
    for path in files:
        assert path.exists(), path
        assert (_sha(path), path.stat().st_mtime_ns) == before[path.name], path
    assert sorted(p.name for p in (root / "my reports").iterdir()) == sorted(p.name for p in files)


def test_each_rejection_is_recorded_with_its_reason(run) -> None:
    root, files, _, proc = run
    quarantine = root / "data" / "quarantine"
    con = duckdb.connect(str(root / "wh.duckdb"), read_only=True)
    try:
        rows = {
            r[0]: r[1:]
            for r in con.execute("SELECT source_file, status, reason, error, source_path FROM raw.documents").fetchall()
        }
    finally:
        con.close()
    for path in files[1:]:
        reason, words = EXPECTED[path.name]
        status, code, error, source = rows[path.name]
        assert (status, code, source) == ("rejected", reason, str(path))
        assert error.startswith(f"{path.name}: rejected ({reason}): ") and words in error, error
        doc_id = document_id_for(file_sha256(path))
        record = quarantine / f"{path.name}.{doc_id}.reason.txt"
        text = record.read_text(encoding="utf-8")
        assert text.startswith(error) and f"file: {path} (left in place, not copied)" in text
        # the terminal line: document id, file name, the sentence, where the record is
        line = next(ln for ln in proc.stdout.splitlines() if ln.startswith(doc_id))
        assert line.startswith(f"{doc_id}  REJECTED  {path.name}: ")
        assert words in line and line.endswith(f"(file left in place; record: data/quarantine/{record.name})")
    # no copy of a user's file in the quarantine folder: only the reason files
    assert all(p.name.endswith(".reason.txt") for p in quarantine.iterdir())
    assert "not a BBC report" not in rows["follow-up.txt"][2]
    assert "4 policy lines" not in rows["follow-up.txt"][2] and "10 policy lines" in rows["follow-up.txt"][2]


def test_terminal_speaks_one_line_per_document(run) -> None:
    root, files, _, proc = run
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout.splitlines()
    doc_ids = {document_id_for(file_sha256(p)) for p in files}
    per_document = [ln for ln in out if ln[:16] in doc_ids and "invariants" not in ln]
    assert len(per_document) == len(files) == 10
    assert len({ln[:16] for ln in per_document}) == 10
    good = document_id_for(file_sha256(files[0]))
    assert re.fullmatch(
        # the completeness figures appear where raw.documents has them (completeness_amount_share, ...)
        rf"{good}  AGB Genk \(0872093742\) jaarrekening 2024  pages=264  loaded  \d+\.\ds"
        rf"(  completeness amounts \d+\.\d%(, policy \d+\.\d%)?)?  {SAMPLE_TXT.name}",
        per_document[[ln[:16] for ln in per_document].index(good)],
    )
    summary = [ln for ln in out if ln.startswith("10 document(s): 1 accepted, 9 rejected or failed")]
    assert len(summary) == 1 and "(1 loaded, 9 rejected; " in summary[0] and "log: data/logs/" in summary[0]
    invariants = [ln for ln in out if "invariants" in ln]
    assert len(invariants) == 2 and invariants[0].startswith(f"{good}  AGB Genk jaarrekening 2024  invariants ok")
    assert invariants[1].startswith("invariants: 1 document(s) passed, 0 failed and not published")
    # nothing else: 10 document lines, the summary, one invariant line per loaded document and its summary
    assert len(out) == 10 + 1 + 2
    everything = proc.stdout + proc.stderr
    assert "Traceback" not in everything and "Stack Trace" not in everything and " - dagster - " not in everything
    assert proc.stderr == ""


def test_dagster_log_and_stack_traces_go_to_the_log_file(run) -> None:
    root, _, _, proc = run
    name = re.search(r"log: data/logs/(\S+\.log)\)", proc.stdout).group(1)
    log = (root / "data" / "logs" / name).read_text(encoding="utf-8")
    assert "STEP_FAILURE" in log and "Stack Trace" in log and "dagster._core.definitions.events.Failure" in log
    assert "STEP_SUCCESS" in log and "rejected (unrecognised_kind)" in log
    # the invariant details (the warnings of the sample) are in the log, not on the terminal
    assert "warning  [T1xT2]" in log and "warning  [T1xT2]" not in proc.stdout


def test_text_facts_carry_the_printed_page_numbers(run) -> None:
    root, files, _, _ = run
    doc_id = document_id_for(file_sha256(files[0]))
    con = duckdb.connect(str(root / "wh.duckdb"), read_only=True)
    try:
        counters = con.execute(
            "SELECT line_no, page_no, trim(text) FROM raw.lines WHERE document_id = ? AND furniture = 'page_counter'"
            " AND regexp_matches(trim(text), '^[0-9]+$') ORDER BY line_no",
            [doc_id],
        ).fetchall()
        facts = con.execute(
            "SELECT line_no, page_no FROM raw.j4_balans WHERE document_id = ? UNION ALL"
            " SELECT line_no, page_no FROM raw.j2_financieel_evenwicht WHERE document_id = ? UNION ALL"
            " SELECT line_no, page_no FROM raw.t4_financiele_schulden WHERE document_id = ?",
            [doc_id, doc_id, doc_id],
        ).fetchall()
        pages = con.execute("SELECT page_no FROM raw.pages WHERE document_id = ? ORDER BY 1", [doc_id]).fetchall()
        activa = con.execute(
            "SELECT DISTINCT b.page_no, b.line_no FROM raw.j4_balans b JOIN raw.lines l"
            " USING (document_id, page_no, line_no) WHERE document_id = ? AND l.text LIKE 'ACTIVA %'",
            [doc_id],
        ).fetchall()
    finally:
        con.close()
    # the page numbers printed alone on their line are page counters, each on its own page
    assert counters == [(line, page, str(page)) for line, page in SAMPLE_PAGE_COUNTERS]
    assert [p for (p,) in pages] == [page for page, _ in SAMPLE_PAGE_FIRST_LINES]
    assert facts and all(page == sample_page(line) for line, page in facts)
    # J4's ACTIVA row stands on the run of lines that the counter "227" (line 9644) ends
    assert len(activa) == 1 and activa[0][0] == 227 and 8891 < activa[0][1] < 9644


def test_status_reports_and_asks_for_attention(run) -> None:
    root, files, _, _ = run
    proc = bbc(root, "status", timeout=120)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    assert "loaded: 1 document(s)\n  AGB Genk (0872093742)  jaarrekening 2024: 1\n" in out
    assert "rejected: 9 file(s)\n" in out
    assert "  follow-up.txt  [unrecognised_kind] a BBC report of Gemeente Zonnebeke (0207451227)" in out
    assert "  empty.pdf  [empty] the file is empty (0 bytes)\n" in out
    assert "marts: up to date with the raw layer\n" in out
    assert "inbox: 0 file(s) waiting" in out
    assert re.search(r"last run: bbc ingest .*, exit code 1 \(1 loaded, 9 rejected\); log: ", out)
    assert out.rstrip().endswith("needs attention: the last run ended with rejections or errors")

    # a file dropped in the inbox waits; a run skips the content already loaded and ends well
    inbox = root / "data" / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    shutil.copy(files[0], inbox / "again.txt")
    waiting = bbc(root, "status", timeout=120)
    assert "inbox: 0 file(s) waiting" in waiting.stdout  # same bytes as a loaded document: nothing to do
    (inbox / "new.txt").write_text(NOT_BBC_TEXT + "x\n", encoding="utf-8")
    waiting = bbc(root, "status", timeout=120)
    assert waiting.returncode == 1 and "inbox: 1 file(s) waiting in data/inbox\n  new.txt\n" in waiting.stdout
    (inbox / "new.txt").unlink()
    again = bbc(root, "run", "--jobs", "1", timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert re.search(
        r"  unchanged  \d+\.\ds  (completeness [^ ]+ [^ ]+ policy [^ ]+  )?again\.txt$", again.stdout.splitlines()[0]
    )
    ok = bbc(root, "status", timeout=120)
    assert ok.returncode == 0, ok.stdout
    assert re.search(r"last run: bbc run .*, ok \(1 unchanged\)", ok.stdout)
    assert ok.stdout.rstrip().endswith("all well")


def test_status_of_a_fresh_data_folder(tmp_path) -> None:
    proc = bbc(tmp_path, "status", timeout=120)
    assert proc.returncode == 1
    assert "loaded: nothing yet" in proc.stdout and "last run: none recorded" in proc.stdout
    assert proc.stdout.rstrip().endswith("needs attention: nothing is loaded")


def test_progress_bar_on_a_terminal(run) -> None:
    """On a terminal (a pseudo-terminal here) rich draws the progress bar with the elapsed time and the
    estimate of what remains; the document lines are printed above it and the bar is gone at the end."""
    import pty
    import select

    root, _, _, _ = run
    bad = root / "my reports" / "notes.txt"
    bad.write_text("Boodschappenlijst\nbrood\nmelk\n", encoding="utf-8")
    leader, follower = pty.openpty()
    env = _env(root / "data")
    env.update({"TERM": "xterm", "COLUMNS": "200"})
    proc = subprocess.Popen(
        [str(BBC), "ingest", str(bad), "--warehouse", str(root / "wh.duckdb")],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        cwd=root,
        close_fds=True,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(leader, 4096)
        except OSError:  # the terminal closed: the command ended
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert proc.wait(timeout=120) == 1
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "elapsed" in screen and "remaining" in screen and "0/2" in screen  # 1 document + the dbt step
    assert "REJECTED  notes.txt: not a BBC report" in screen
    assert "1 document(s): 0 accepted, 1 rejected or failed" in screen
    assert "Traceback" not in screen and "Stack Trace" not in screen
    assert bad.read_text(encoding="utf-8") == "Boodschappenlijst\nbrood\nmelk\n"
