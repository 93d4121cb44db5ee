"""Every kind of bad input is rejected with a one-line reason naming the file, recorded as ``rejected``
and leaves nothing else in the warehouse; the other files of the run go through. Inbox files (owned by
the pipeline) are moved to the quarantine with a reason file; the same files named by the user are only
read: they stay byte-identical in place and the quarantine gets a reason file that refers to them (the
``bbc ingest`` side of this is in tests/test_cli.py)."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.cli import process_files
from pipelines.ingest.intake import document_id_for, file_sha256
from pipelines.settings import Settings
from pipelines.synth.pdf import render_encrypted_pdf, render_scanned_pdf, render_text_to_pdf, truncate_pdf

NOT_BBC_TEXT = (
    "Notulen van de vergadering van de schaakclub\n\nAanwezig: tien leden.\n"
    "De kas bedraagt 1.234,56 euro.\nVolgende vergadering op 12/03/2025.\n"
)


@pytest.fixture(scope="module")
def rejection_run(tmp_path_factory, sample_text):
    """One run with a good small report and every kind of bad input."""
    root = tmp_path_factory.mktemp("bad")
    inbox = root / "data" / "inbox"
    inbox.mkdir(parents=True)
    good = inbox / "good.txt"
    # a short but real BBC report: the sample's J-schedules part
    lines = sample_text.splitlines()
    good.write_text("\n".join(lines[8622:9102]), encoding="utf-8")
    files = {
        "empty": inbox / "empty.pdf",
        "unsupported_format": inbox / "image.bin",
        "corrupt": inbox / "truncated.pdf",
        "encrypted": inbox / "encrypted.pdf",
        "no_text_layer": inbox / "scanned.pdf",
        "not_bbc_text": inbox / "minutes.txt",
        "not_bbc_pdf": inbox / "minutes.pdf",
        "too_large": inbox / "huge.txt",
    }
    files["empty"].write_bytes(b"")
    files["unsupported_format"].write_bytes(bytes(range(256)) * 8)
    full = render_text_to_pdf("\n".join(lines[8622:9102]), root / "full.pdf")
    truncate_pdf(full, files["corrupt"], 0.5)
    render_encrypted_pdf("\n".join(lines[8622:9102]), files["encrypted"], "secret")
    render_scanned_pdf(files["no_text_layer"])
    files["not_bbc_text"].write_text(NOT_BBC_TEXT, encoding="utf-8")
    render_text_to_pdf(NOT_BBC_TEXT, files["not_bbc_pdf"])
    files["too_large"].write_text("Journaalvolgnummers: JR\n" * 60_000, encoding="utf-8")
    ids = {name: document_id_for(file_sha256(p)) for name, p in files.items()}
    ids["good"] = document_id_for(file_sha256(good))
    settings = Settings(warehouse=root / "wh.duckdb", data_dir=root / "data", max_file_bytes=1_000_000)
    outcomes = process_files([good, *files.values()], settings, run_dbt=False)
    return settings, files, ids, {o.path.name: o for o in outcomes}


@pytest.fixture(scope="module")
def named_run(tmp_path_factory, rejection_run):
    """The same bad files, copied to a folder of the user's and named: ``owned=False``."""
    _, inbox_files, _, _ = rejection_run
    root = tmp_path_factory.mktemp("named")
    mine = root / "mine"
    mine.mkdir()
    settings = Settings(warehouse=root / "wh.duckdb", data_dir=root / "data", max_file_bytes=1_000_000)
    files = {}
    for name, moved in inbox_files.items():
        source = rejection_run[0].quarantine / moved.name  # the inbox file, now in the quarantine
        files[name] = mine / moved.name
        files[name].write_bytes(source.read_bytes())
    before = {name: p.read_bytes() for name, p in files.items()}
    outcomes = process_files(list(files.values()), settings, run_dbt=False, owned=False)
    return settings, files, before, {o.path.name: o for o in outcomes}


# reason code -> words of its plain sentence
SENTENCES = {
    "empty": "the file is empty (0 bytes)",
    "unsupported_format": "the file is neither a PDF nor a UTF-8 text file",
    "corrupt": "the PDF is damaged or incomplete: ",
    "encrypted": "the PDF is protected by a password: ",
    "no_text_layer": "the PDF has no text layer (a scan without text recognition)",
    "not_bbc": "not a BBC report: it has no schema, policy or identity markers",
    "too_large": "more than the limit of 1,000,000 bytes (BBC_MAX_FILE_BYTES)",
}

EXPECTED_REASONS = {
    "empty": "empty",
    "unsupported_format": "unsupported_format",
    "corrupt": "corrupt",
    "encrypted": "encrypted",
    "no_text_layer": "no_text_layer",
    "not_bbc_text": "not_bbc",
    "not_bbc_pdf": "not_bbc",
    "too_large": "too_large",
}


def test_good_file_of_the_same_run_is_loaded(rejection_run) -> None:
    settings, _, ids, outcomes = rejection_run
    assert outcomes["good.txt"].status == "loaded"
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        assert con.execute(
            "SELECT status, entity_name, fiscal_year FROM raw.documents WHERE document_id = ?", [ids["good"]]
        ).fetchone() == ("loaded", "AGB Genk", 2024)
        assert con.execute("SELECT count(*) FROM raw.j4_balans WHERE document_id = ?", [ids["good"]]).fetchone()[0] > 0
    finally:
        con.close()


@pytest.mark.parametrize("name", sorted(EXPECTED_REASONS))
def test_bad_input_is_rejected_quarantined_and_leaves_nothing(rejection_run, name: str) -> None:
    settings, files, ids, outcomes = rejection_run
    path = files[name]
    outcome = outcomes[path.name]
    reason = EXPECTED_REASONS[name]
    assert outcome.status == "rejected"
    assert outcome.message.startswith(f"{path.name}: rejected ({reason}): ")
    assert SENTENCES[reason] in outcome.detail and outcome.reason == reason
    assert "\n" not in outcome.message and "Traceback" not in outcome.message
    # an inbox file is the pipeline's: it is moved to the quarantine, the reason beside it
    assert not path.exists()
    quarantined = settings.quarantine / path.name
    assert quarantined.exists()
    assert reason in (settings.quarantine / f"{path.name}.reason.txt").read_text(encoding="utf-8")
    assert outcome.record == f"moved to {quarantined}, reason beside it"
    assert outcome.line() == f"{ids[name]}  REJECTED  {path.name}: {outcome.detail}  ({outcome.record})"
    con = duckdb.connect(str(settings.warehouse), read_only=True)
    try:
        doc_id = ids[name]
        assert con.execute("SELECT status, reason FROM raw.documents WHERE document_id = ?", [doc_id]).fetchall() == [
            ("rejected", reason)
        ]
        leftovers = {
            t: con.execute(f"SELECT count(*) FROM raw.{t} WHERE document_id = ?", [doc_id]).fetchone()[0]
            for (t,) in con.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'raw' AND table_name <> 'documents'"
            ).fetchall()
        }
        assert leftovers and not any(leftovers.values()), leftovers
    finally:
        con.close()


@pytest.mark.parametrize("name", sorted(EXPECTED_REASONS))
def test_named_bad_input_stays_in_place_with_a_reason_file(named_run, name: str) -> None:
    settings, files, before, outcomes = named_run
    path = files[name]
    outcome = outcomes[path.name]
    reason = EXPECTED_REASONS[name]
    assert (outcome.status, outcome.reason) == ("rejected", reason)
    assert path.exists() and path.read_bytes() == before[name]
    doc_id = document_id_for(file_sha256(path))
    record = settings.quarantine / f"{path.name}.{doc_id}.reason.txt"
    assert record.read_text(encoding="utf-8").startswith(outcome.message + "\n")
    assert f"file: {path} (left in place, not copied)" in record.read_text(encoding="utf-8")
    assert not (settings.quarantine / path.name).exists()
    assert outcome.record.startswith("file left in place; record: ") and outcome.record.endswith(record.name)
