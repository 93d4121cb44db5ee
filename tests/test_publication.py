"""A report that fails an error-level invariant is reported by ``bbc ingest`` (exit 1) and is not
published in mart_key_figures; a correct report of the same run is."""

from __future__ import annotations

import duckdb

from pipelines.cli import main
from tests.conftest import SAMPLE_TXT


def test_wrong_report_is_reported_and_not_published(tmp_path, capsys, monkeypatch) -> None:
    inbox = tmp_path / "data" / "inbox"
    inbox.mkdir(parents=True)
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    good = inbox / "good.txt"
    good.write_text(text, encoding="utf-8")
    wrong = inbox / "wrong.txt"
    # another entity whose J4 activa total is misprinted by 1.000 EUR
    wrong.write_text(
        text.replace("AGB Genk (0872.093.742)", "AGB Fout (0212.345.678)")
        .replace("AGB Genk 0872093742", "AGB Fout 0212345678")
        .replace("ACTIVA 84.378.157 85.525.426", "ACTIVA 84.379.157 85.525.426", 1),
        encoding="utf-8",
    )
    monkeypatch.setenv("BBC_DATA_DIR", str(tmp_path / "data"))
    warehouse = tmp_path / "wh.duckdb"

    code = main(["ingest", str(good), str(wrong), "--warehouse", str(warehouse), "--jobs", "1"])

    out = capsys.readouterr().out
    assert code == 1
    assert "invariants: 1 document(s) passed, 1 failed and not published" in out
    # the document's one invariant line names its first failed check (every check is in the run's log file)
    assert "first error: [J4] J4 ACTIVA = PASSIVA [2024]: printed 84,378,157.00, computed 84,379,157.00" in out
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        published = con.execute(
            "SELECT d.entity_id, d.is_published, k.balance_total FROM marts.dim_document d"
            " LEFT JOIN marts.mart_key_figures k USING (document_id) ORDER BY 1"
        ).fetchall()
    finally:
        con.close()
    assert [(e, p, None if b is None else int(b)) for e, p, b in published] == [
        ("0212345678", False, None),
        ("0872093742", True, 84378157),
    ]


def test_previous_good_version_stays_published_until_a_good_version_replaces_it(tmp_path) -> None:
    from pipelines.cli import process_files
    from pipelines.ingest.intake import document_id_for, file_sha256
    from pipelines.settings import Settings

    settings = Settings(warehouse=tmp_path / "wh.duckdb", data_dir=tmp_path / "data")
    report = tmp_path / "data" / "inbox" / "report.txt"
    report.parent.mkdir(parents=True)
    text = SAMPLE_TXT.read_text(encoding="utf-8")

    def load(content: str) -> str:
        report.write_text(content, encoding="utf-8")
        assert [o.status for o in process_files([report], settings)] == ["loaded"]
        return document_id_for(file_sha256(report))

    def state() -> tuple[list, list, set]:
        con = duckdb.connect(str(settings.warehouse), read_only=True)
        try:
            docs = con.execute(
                "SELECT document_id, is_published, is_current FROM marts.dim_document ORDER BY is_current"
            ).fetchall()
            figures = con.execute("SELECT document_id, balance_total FROM marts.mart_key_figures").fetchall()
            raw = {r[0] for r in con.execute("SELECT DISTINCT document_id FROM raw.lines").fetchall()}
            return docs, figures, raw
        finally:
            con.close()

    good = load(text)
    bad = load(text.replace("ACTIVA 84.378.157 85.525.426", "ACTIVA 84.379.157 85.525.426", 1))
    docs, figures, raw = state()
    assert docs == [(good, True, False), (bad, False, True)]
    assert [(d, int(b)) for d, b in figures] == [(good, 84378157)]  # the previous good version stays
    assert raw == {good, bad}

    fixed = load(text.replace("Algemeen directeur: Hilde De Wilde", "Algemeen directeur: Jan Janssens"))
    docs, figures, raw = state()
    assert docs == [(fixed, True, True)]
    assert [(d, int(b)) for d, b in figures] == [(fixed, 84378157)]
    assert raw == {fixed}
