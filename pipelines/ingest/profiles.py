"""Producer profiles: the layout family of a report, chosen at intake by evidence in the document.

The regulation fixes what a report prints; each accounting package or publishing tool chooses how. A
profile is data, not code: the line patterns that betray the family (each with a weight and a cap on
how many matching lines count), how it prints numbers (decimal comma or whole euros, the negative
notation), the forms of its policy codes and hints about its page furniture. :func:`detect_profile`
scores every profile on a document's lines and keeps the best one, or ``unknown`` when none reaches
its minimum score or two tie. A new layout family needs a new entry in :data:`PROFILES`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipelines.extract.lines import CLine


@dataclass(frozen=True)
class Evidence:
    pattern: str  # a regular expression searched in each content line
    weight: float  # points per matching line
    cap: int = 5  # at most this many matching lines count


@dataclass(frozen=True)
class LayoutProfile:
    name: str
    description: str
    evidence: tuple[Evidence, ...]
    number_format: str  # whole_euros (1.234.567) | decimal_comma (1.234.567,89)
    negative_notation: tuple[str, ...]  # how a negative amount is printed: "-1.234", "(1.234)", "1.234-"
    code_forms: tuple[str, ...]  # policy codes as printed
    furniture_hints: tuple[str, ...]  # what the page furniture looks like
    min_score: float = 6.0


PROFILES: tuple[LayoutProfile, ...] = (
    LayoutProfile(
        name="journaalvolgnummers",
        description="accounting package printing a 'Journaalvolgnummers:' header on its schema pages",
        evidence=(
            Evidence(r"^Journaalvolgnummers:", 4.0, 3),
            Evidence(r"^(MEERJARENPLAN|JAARREKENING) [A-Z0-9 ]+ : ", 2.0, 3),
            Evidence(r"\([01]\d{3}\.\d{3}\.\d{3}\)", 1.0, 3),
            Evidence(r"\b(BDS?|AP|AC)\d{6}\b", 0.5, 4),
        ),
        number_format="whole_euros",
        negative_notation=("-1.234",),
        code_forms=("BD000001", "BDS000001", "AP000001", "AC000001"),
        furniture_hints=(
            "running header: entity name (KBO number), address, financieel beheerder / griffier",
            "running footer: '<REPORT> <VERSION> <YEAR> : <schema title>'",
            "page counter '<n>/<pages>' or a dossier stamp code",
        ),
    ),
    LayoutProfile(
        name="word_export",
        description="policy portal exporting the volumes as Word documents (Aspose.Words)",
        evidence=(
            Evidence(r"^Beleidsveld: BV\d{4}: ", 1.0, 3),
            Evidence(r"^BDS?\d{6}: .+", 1.0, 3),
            Evidence(r"^H\d{1,2}: \S", 2.0, 3),
            Evidence(r"^Totaal ?: ", 2.0, 3),
            # table rows of amounts with decimal commas (three or more on a line)
            Evidence(r"(?:(?<![\d.,])-?\d{1,3}(?:\.\d{3})*,\d{2}\s+){2,}-?\d{1,3}(?:\.\d{3})*,\d{2}(?![\d,])", 1.0, 6),
            Evidence(r"\bMJP20\d\d\b", 1.0, 2),
            Evidence(r"\(beleidsdoelstelling \d{1,3}\)", 1.0, 3),
        ),
        number_format="decimal_comma",
        negative_notation=("-1.234,56",),
        code_forms=("BD000001: title *", "BV0030"),
        furniture_hints=("volume title alone on the first page", "page number alone at the foot of the page"),
    ),
    LayoutProfile(
        name="package_b",
        description="accounting package printing the identity block 'Naam bestuur' and short codes BD01 / AP0101",
        evidence=(
            Evidence(r"^Naam (van het )?bestuur\b", 4.0, 1),
            Evidence(r"^Rapportgegevens\b", 3.0, 1),
            Evidence(r"^(KBO(-nummer)?|Ondernemingsnummer)\b", 1.0, 2),
            Evidence(r"^BD[. ]?\d{1,2}\b(?!\d)", 1.0, 4),
            Evidence(r"^AP[. ]?\d{3,4}\b(?!\d)", 1.0, 4),
            Evidence(r"^(Uitgaven|Ontvangsten)( \S+){4,7}$", 0.5, 4),
        ),
        number_format="whole_euros",
        negative_notation=("-1.234", "(1.234)"),
        code_forms=("BD01", "BD.17", "BD 1", "AP0101"),
        furniture_hints=("the page number alone on its own line",),
    ),
)

UNKNOWN = LayoutProfile(
    name="unknown",
    description="no profile's evidence won",
    evidence=(),
    number_format="whole_euros",
    negative_notation=("-1.234",),
    code_forms=(),
    furniture_hints=(),
)

_COMPILED = {p.name: [(re.compile(e.pattern), e) for e in p.evidence] for p in PROFILES}


def profile_scores(lines: Sequence[CLine]) -> dict[str, float]:
    """The score of every profile on ``lines`` (furniture lines count too: they are layout evidence)."""
    scores: dict[str, float] = {}
    for profile in PROFILES:
        total = 0.0
        for pattern, ev in _COMPILED[profile.name]:
            hits = 0
            for cl in lines:
                if pattern.search(cl.text):
                    hits += 1
                    if hits >= ev.cap:
                        break
            total += hits * ev.weight
        scores[profile.name] = round(total, 2)
    return scores


def detect_profile(lines: Sequence[CLine]) -> LayoutProfile:
    """The profile with the highest score at or above its minimum, or :data:`UNKNOWN` (none, or a tie)."""
    scores = profile_scores(lines)
    ranked = sorted(PROFILES, key=lambda p: scores[p.name], reverse=True)
    best = ranked[0]
    if scores[best.name] < best.min_score:
        return UNKNOWN
    if len(ranked) > 1 and scores[ranked[1].name] == scores[best.name]:
        return UNKNOWN
    return best


def profile_by_name(name: str) -> LayoutProfile:
    return next((p for p in PROFILES if p.name == name), UNKNOWN)
