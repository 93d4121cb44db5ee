"""Identify a report from its content: entity, KBO number, entity type, report type, fiscal year, and
for a multi-year plan its version (``origineel``, ``herziening 8``) and the years it plans.

Nothing here knows any particular entity: the entity is the name printed before its company number
("<name> (0872.093.742)" or "<name> 0872093742"), the most frequent such pair in the document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from pipelines.extract.lines import CLine

_ENTITY_KBO = re.compile(r"^(?P<name>[^()]{2,80}?)\s*\(\s*(?P<kbo>[01]\d{3}[.\s]?\d{3}[.\s]?\d{3})\s*\)")
_ENTITY_KBO_BARE = re.compile(r"^(?P<name>[A-Za-zÀ-ÿ][^()\d]{1,80}?)\s+(?P<kbo>[01]\d{9})\b")

# entity type from the entity's name (first match wins) or from typical phrases in the text
_TYPE_BY_NAME = [
    (re.compile(r"^(AGB|Autonoom gemeentebedrijf)\b", re.I), "AGB"),
    (re.compile(r"^(APB|Autonoom provinciebedrijf)\b", re.I), "APB"),
    (re.compile(r"^OCMW\b", re.I), "OCMW"),
    (re.compile(r"^(Gemeente|Stad)\b", re.I), "gemeente"),
    (re.compile(r"^(Politiezone|PZ)\b", re.I), "politiezone"),
    (re.compile(r"^(Hulpverleningszone|HVZ)\b", re.I), "hulpverleningszone"),
    (re.compile(r"^(Provincie|Provinciebestuur)\b", re.I), "provincie"),
    (re.compile(r"^(Welzijnsvereniging|Zorgbedrijf|Zorgvereniging)\b", re.I), "OCMW-vereniging"),
    (
        re.compile(r"^(Projectvereniging|Dienstverlenende vereniging|Opdrachthoudende vereniging)\b", re.I),
        "intergemeentelijk",
    ),
]
_TYPE_BY_TEXT = [
    (re.compile(r"^- ?Autonoom gemeentebedrijf$", re.I), "AGB"),
    (re.compile(r"^- ?Autonoom provinciebedrijf$", re.I), "APB"),
    (re.compile(r"\bprovincieraad\b|\bvan de provincie\b", re.I), "provincie"),
    (re.compile(r"\bgemeenteraad\b", re.I), "gemeente"),
]
_PROVINCE = re.compile(r"\b[Pp]rovincie (?P<name>Antwerpen|Limburg|Oost-Vlaanderen|West-Vlaanderen|Vlaams-Brabant)\b")

_REPORT_TYPES = [
    (
        re.compile(r"\b(aanpassing|herziening) (van het )?meerjarenplan\b|\bAMJP\b|\bherziening \d+\b", re.I),
        "meerjarenplan",
    ),
    (re.compile(r"\bjaarrekening\b|^Journaalvolgnummers: JR\b", re.I), "jaarrekening"),
    (re.compile(r"\bmeerjarenplan\b", re.I), "meerjarenplan"),
]
# plan version, from the running title ("MEERJARENPLAN HERZIENING 8 2026 : ...", "MEERJARENPLAN ORIGINEEL ...")
# or the report's own title ("Aanpassing van het meerjarenplan", "AMJP")
_PLAN_VERSION = [
    (re.compile(r"\bherziening (?P<n>\d{1,2})\b", re.I), "herziening"),
    (re.compile(r"\baanpassing (?:nr\.? ?|nummer )?(?P<n>\d{1,2})\b", re.I), "aanpassing"),
    (re.compile(r"\b(aanpassing|herziening) (van het )?meerjarenplan\b|\bAMJP\b", re.I), "aanpassing"),
    (re.compile(r"^MEERJARENPLAN ORIGINEEL\b|\boorspronkelijk meerjarenplan\b", re.I), "origineel"),
]
_PLAN_PERIOD = re.compile(r"(?<!\d)(?P<a>20\d\d) ?[-–] ?(?P<b>20\d\d)(?!\d)")
_BBC_MARKERS = re.compile(
    r"(Journaalvolgnummers:"
    r"|^[JTM]\d(\(W\))?: "
    r"|Doelstellingenrekening|Staat van het financieel evenwicht|Realisatie van de kredieten"
    r"|Beleidsevaluatie|Beleidsdoelstelling|Prioritaire actie|Autofinancieringsmarge"
    r"|Budgettair resultaat|\bBDS?\d{6}\b|\bAC\d{6}\b)",
    re.I,
)
_YEAR_TITLE = [
    re.compile(r"^JAARREKENING (ORIGINEEL|GEWIJZIGD|[A-Z]+)? ?(?P<y>20\d\d)\b", re.I),
    re.compile(r"^Jaarrekening (?P<y>20\d\d)$", re.I),
    re.compile(r"^Beleidsevaluatie (?P<y>20\d\d)$", re.I),
    re.compile(r"Jaarrekening (?P<y>20\d\d)\s*$", re.I),
    re.compile(r"^(?P<y>20\d\d)$"),
]
_PLAN_YEARS = re.compile(r"meerjarenplan (?P<a>20\d\d) ?[-–] ?(?P<b>20\d\d)", re.I)
_BOEKJAAR = re.compile(r"boekjaar (?P<y>20\d\d)", re.I)


@dataclass(frozen=True)
class ReportIdentity:
    entity_name: str | None
    kbo_number: str | None  # 10 digits
    entity_type: str | None
    report_type: str | None  # jaarrekening | meerjarenplan
    fiscal_year: int | None
    bbc_markers: int  # number of lines that look like BBC report content
    plan_version: str | None = None  # plans: origineel | herziening N | aanpassing N | aanpassing
    plan_first_year: int | None = None  # plans: the years the plan covers
    plan_last_year: int | None = None


def identify(lines: Sequence[CLine], *, head: int = 4000) -> ReportIdentity:
    """Read the identity off the first ``head`` content lines (and count BBC markers in all)."""
    first = lines[:head]
    entity, kbo = _entity(first)
    report_type = _report_type(first)
    version, period = (_plan_version(first), _plan_period(first)) if report_type == "meerjarenplan" else (None, None)
    return ReportIdentity(
        entity_name=_display_name(entity, first),
        kbo_number=kbo,
        entity_type=_entity_type(entity, first),
        report_type=report_type,
        fiscal_year=_fiscal_year(first),
        bbc_markers=sum(1 for cl in lines if _BBC_MARKERS.search(cl.text)),
        plan_version=version,
        plan_first_year=period[0] if period else None,
        plan_last_year=period[1] if period else None,
    )


def _display_name(name: str | None, lines: Sequence[CLine]) -> str | None:
    """The entity name as the document writes it in running text when its header prints it in capitals
    ("PROVINCIE LIMBURG" -> "Provincie Limburg", from "... van de provincie Limburg")."""
    if not name or not name.isupper():
        return name
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", re.I)
    spellings: Counter[str] = Counter()
    for cl in lines:
        for m in pattern.finditer(cl.text):
            if not m.group().isupper():
                spellings[" ".join(m.group().split())] += 1
    if not spellings:
        return name
    spelling = spellings.most_common(1)[0][0]
    return spelling[0].upper() + spelling[1:]


def _plan_version(lines: Sequence[CLine]) -> str | None:
    votes: Counter[str] = Counter()
    for cl in lines:
        for pattern, kind in _PLAN_VERSION:
            m = pattern.search(cl.text)
            if m:
                number = m.groupdict().get("n")
                votes[f"{kind} {int(number)}" if number else kind] += 1
                break
    if not votes:
        return "origineel"  # a plan that names no revision is the original plan
    numbered = [v for v, _ in votes.most_common() if v[-1].isdigit()]
    if numbered:
        return numbered[0]
    return votes.most_common(1)[0][0]


def _plan_period(lines: Sequence[CLine]) -> tuple[int, int] | None:
    """The plan's first and last year: the most frequent "2026-2031" span (at most seven years)."""
    votes: Counter[tuple[int, int]] = Counter()
    for cl in lines:
        for m in _PLAN_PERIOD.finditer(cl.text):
            a, b = int(m.group("a")), int(m.group("b"))
            if 0 < b - a <= 6:
                votes[(a, b)] += 1
    return votes.most_common(1)[0][0] if votes else None


def _entity(lines: Sequence[CLine]) -> tuple[str | None, str | None]:
    pairs: Counter[tuple[str, str]] = Counter()
    for cl in lines:
        m = _ENTITY_KBO.match(cl.text) or _ENTITY_KBO_BARE.match(cl.text)
        if m:
            kbo = re.sub(r"\D", "", m.group("kbo"))
            pairs[(m.group("name").strip(" :-"), kbo)] += 1
    if pairs:
        # prefer the spelling with parentheses ("AGB X (0123.456.789)") as the name: the most common pair
        (name, kbo), _ = pairs.most_common(1)[0]
        return name, kbo
    for cl in lines:
        m = _PROVINCE.search(cl.text)
        if m:
            return f"Provincie {m.group('name')}", None
    return None, None


def _entity_type(name: str | None, lines: Sequence[CLine]) -> str | None:
    if name:
        for pattern, kind in _TYPE_BY_NAME:
            if pattern.search(name):
                return kind
    for pattern, kind in _TYPE_BY_TEXT:
        if any(pattern.search(cl.text) for cl in lines):
            return kind
    return None


def _report_type(lines: Sequence[CLine]) -> str | None:
    counts: Counter[str] = Counter()
    for cl in lines[:1500]:
        for pattern, kind in _REPORT_TYPES:
            if pattern.search(cl.text):
                counts[kind] += 1
                break
    if not counts:
        return None
    if counts["jaarrekening"] and any(cl.text.startswith("Journaalvolgnummers: JR") for cl in lines):
        return "jaarrekening"
    return counts.most_common(1)[0][0]


def _fiscal_year(lines: Sequence[CLine]) -> int | None:
    votes: Counter[int] = Counter()
    for cl in lines:
        for pattern in _YEAR_TITLE[:4]:
            m = pattern.search(cl.text)
            if m:
                votes[int(m.group("y"))] += 2
                break
        m = _BOEKJAAR.search(cl.text)
        if m:
            votes[int(m.group("y"))] += 1
    if not votes:
        # "Beleidsevaluatie" / schema title followed by a bare year line
        for prev, cl in zip(lines, lines[1:], strict=False):
            if _YEAR_TITLE[4].match(cl.text) and re.match(r"^(Beleidsevaluatie|[JT]\d: )", prev.text):
                votes[int(cl.text)] += 1
    if not votes:
        for cl in lines:
            m = _PLAN_YEARS.search(cl.text)
            if m:
                votes[int(m.group("a"))] += 1
    return votes.most_common(1)[0][0] if votes else None
