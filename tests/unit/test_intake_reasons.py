"""The rejection decision of intake: BBC evidence in three kinds (schema, policy, identity), one reason code
each with a plain sentence; a document with many BBC markers is never called "not a BBC report"."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.ingest.intake import REASONS, RejectedDocument, bbc_evidence, judge, read_document
from pipelines.ingest.metadata import identify
from tests.conftest import SAMPLE_TXT, lines_from_text


def _judge(text: str):
    lines = lines_from_text(text)
    ident = identify(lines)
    return judge(ident, bbc_evidence(lines, ident))


def test_the_sample_is_accepted(sample_lines) -> None:
    ident = identify(sample_lines)
    evidence = bbc_evidence(sample_lines, ident)
    assert judge(ident, evidence) is None
    assert (evidence.schema, evidence.policy, evidence.identity) == (65, 789, 23)


def test_no_bbc_content_is_not_a_bbc_report() -> None:
    assert _judge("Notulen van de schaakclub\nDe kas bedraagt 1.234,56 euro.\n") == (
        "not_bbc",
        "not a BBC report: it has no schema, policy or identity markers",
    )


def test_many_markers_without_a_report_type_is_an_unrecognised_kind() -> None:
    policy_list = "\n".join(
        ["Opvolgingsrapportering", *(f"BD00000{n}: Beleidsdoelstelling {n} *" for n in range(1, 10))]
    )
    code, sentence = _judge(policy_list)
    assert code == "unrecognised_kind"
    assert sentence.startswith("a BBC report of a kind that is not recognised: it has 9 policy lines")
    assert "'BD000001: Beleidsdoelstelling 1 *'" in sentence and "not a BBC report" not in sentence


def test_a_few_markers_with_the_entity_and_its_kbo_number_are_enough() -> None:
    """A plan volume with one list (a documentation volume) prints little BBC vocabulary, but its entity
    with its KBO number and the report type."""
    volume = "\n".join(
        [
            "Meerjarenplan 2026-2031: documentatie",
            "Gemeente Zonnebeke (0207.451.227)",
            "Toegestane werkings- en investeringssubsidies",
            "Beleidsveld 0100 Politieke organen",
            "Totaal : 1.234,00",
        ]
    )
    assert _judge(volume) is None
    # the same without the KBO number: a mention of a plan and one BBC word is not a BBC report
    code, sentence = _judge(volume.replace(" (0207.451.227)", ""))
    assert code == "not_bbc"
    assert sentence.startswith("not a BBC report: it mentions a meerjarenplan but it has only 1 policy lines")


@pytest.mark.parametrize(
    ("content", "reason", "detail"),
    [
        (b"", "empty", "the file is empty (0 bytes)"),
        (bytes(range(256)) * 4, "unsupported_format", "the file is neither a PDF nor a UTF-8 text file"),
        (b"\n  \n\t\n", "no_text", "the file contains no text, only blank lines"),
    ],
)
def test_reason_codes_and_sentences(tmp_path: Path, content: bytes, reason: str, detail: str) -> None:
    path = tmp_path / "file.x"
    path.write_bytes(content)
    with pytest.raises(RejectedDocument) as info:
        read_document(path, max_bytes=10_000)
    assert (info.value.reason, info.value.detail) == (reason, detail)
    assert str(info.value) == f"file.x: rejected ({reason}): {detail}"
    assert reason in REASONS


def test_too_large(tmp_path: Path) -> None:
    with pytest.raises(RejectedDocument) as info:
        read_document(SAMPLE_TXT, max_bytes=1000)
    assert info.value.reason == "too_large"
    assert info.value.detail == "the file is 512,475 bytes, more than the limit of 1,000 bytes (BBC_MAX_FILE_BYTES)"
