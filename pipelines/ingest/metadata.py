"""Identify a report from its content: entity, KBO number, entity type, report type, fiscal year, and
for a multi-year plan its version (``origineel``, ``herziening 8``), the years it plans and the volume
of the plan the document is (``volledig``, ``strategische_nota``, ``beleidsverklaring``, ...).

Nothing here knows any particular entity. The entity is read from the strongest evidence printed
(:data:`ENTITY_EVIDENCE`, strongest first):

1. ``identity_block``: the prescribed identity block (``Naam bestuur`` followed by the entity name(s),
   addresses and KBO numbers, up to ``Rapportgegevens``); a gemeente/stad printed with its OCMW gives
   both entities, the gemeente/stad being the main one;
2. ``kbo_line``: a name printed before its company number ("<name> (0123.456.789)" or
   "<name> 0123456789"), the most frequent such pair in the document;
3. ``title_page`` / ``running_header``: a line that is nothing but an entity name ("Stad Voorbeeldstad",
   "PROVINCIE LIMBURG") on the first pages or repeated as page furniture;
4. ``prose``: a name with its entity kind ("de Provincie Oost-Vlaanderen kiest ...") in running text,
   only when nothing above names an entity and one name clearly dominates the text's mentions.

Where none applies the entity stays unknown (``None``), never a guess.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipelines.extract.lines import CLine
from pipelines.ingest.profiles import detect_profile

_ENTITY_KBO = re.compile(r"^(?P<name>[^()]{2,80}?)\s*\(\s*(?P<kbo>[01]\d{3}[.\s]?\d{3}[.\s]?\d{3})\s*\)")
_ENTITY_KBO_BARE = re.compile(r"^(?P<name>[A-Za-zÀ-ÿ][^()\d]{1,80}?)\s+(?P<kbo>[01]\d{9})\b")

# entity type from the entity's name (first match wins) or from typical phrases in the text
_TYPE_BY_NAME = [
    (re.compile(r"^(AGB|Autonoom gemeentebedrijf)\b", re.I), "AGB"),
    (re.compile(r"^(APB|Autonoom provinciebedrijf)\b", re.I), "APB"),
    (re.compile(r"^(OCMW|Openbaar centrum voor maatschappelijk welzijn)\b", re.I), "OCMW"),
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
    r"|Budgettair resultaat|\bBDS?\d{6}\b|\bAC\d{6}\b"
    # the other volumes and producers: documentation lists, policy statements, identity block, code forms
    r"|^Beleidsveld: BV\d{4}\b|^Totaal ?:|werkingssubsidies|investeringssubsidies|Financieel evenwicht"
    r"|^Naam (van het )?bestuur\b|^Rapportgegevens\b|^H\d{1,2}: \S|^(BDS?[. ]?\d{1,6}|AP\.?\d{2,6}|AC\.?\d{2,6})\b"
    r"|^(Strategische nota|Financi[eë]le nota|Beleidsverklaring)\b"
    # a per-item plan budget row: Uitgaven / Ontvangsten / Saldo with one amount per plan year
    r"|^(Uitgaven|Ontvangsten|Saldo)( -?\d{1,3}(\.\d{3})*(,\d\d)?){4,7}$)",
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


# evidence for the entity, strongest first (recorded on the document as ``entity_evidence``)
ENTITY_EVIDENCE = ("identity_block", "kbo_line", "title_page", "running_header", "prose")
# roles of an entity on its document: the report's own entity, the OCMW reported together with its
# gemeente/stad, any further entity the identity block names
ENTITY_ROLES = ("main", "ocmw", "other")
# plan volumes: a whole plan, or one part of it published on its own
PLAN_VOLUMES = (
    "volledig",
    "strategische_nota",
    "financiele_nota",
    "beleidsdoelstellingen",
    "beleidsverklaring",
    "documentatie",
)


@dataclass(frozen=True)
class DocumentEntity:
    """One entity a document reports on, with its role and the line it was read from."""

    seq: int  # 1 = the main entity
    role: str  # main | ocmw | other
    entity_name: str | None
    kbo_number: str | None  # 10 digits
    entity_type: str | None
    page_no: int | None
    line_no: int | None
    evidence: str  # one of ENTITY_EVIDENCE


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
    plan_volume: str | None = None  # plans: one of PLAN_VOLUMES
    entity_evidence: str | None = None  # one of ENTITY_EVIDENCE; None when the entity is not identified
    layout_profile: str | None = None  # the producer's layout family (pipelines.ingest.profiles), or unknown
    entities: tuple[DocumentEntity, ...] = field(default=())  # every entity, the main one first


def identify(lines: Sequence[CLine], *, head: int = 4000) -> ReportIdentity:
    """Read the identity off the first ``head`` content lines (and count BBC markers in all)."""
    first = lines[:head]
    entities, evidence = _entities(first)
    main = entities[0] if entities else None
    volume_kinds = _volume_kinds(first)
    # the identity block's "Rapportgegevens" name the report type, its years and version: they come first
    block = _report_data(first)
    report_type = _report_type(block) or _report_type(first) or ("meerjarenplan" if _plan_volume_title(first) else None)
    if report_type is None and volume_kinds & {"documentatie", "beleidsdoelstellingen"} and _plan_year_header(first):
        report_type = "meerjarenplan"  # a documentation volume printing plan years (MJP2026 ... MJP2031)
    if report_type == "meerjarenplan":
        period = _plan_period(block) or _plan_period(first)
        version = _plan_version(block, period) if _names_version(block) else _plan_version(first, period)
        volume = plan_volume(first)
    else:
        period = version = volume = None
    fiscal_year = _fiscal_year(first)
    if report_type == "meerjarenplan" and period and not _has_year_vote(first):
        fiscal_year = period[0]  # a plan volume naming no credit year: its first plan year
    return ReportIdentity(
        entity_name=main.entity_name if main else None,
        kbo_number=main.kbo_number if main else None,
        entity_type=main.entity_type if main else None,
        report_type=report_type,
        fiscal_year=fiscal_year,
        bbc_markers=sum(1 for cl in lines if _BBC_MARKERS.search(cl.text)),
        plan_version=version,
        plan_first_year=period[0] if period else None,
        plan_last_year=period[1] if period else None,
        plan_volume=volume,
        entity_evidence=evidence,
        layout_profile=detect_profile(lines).name,
        entities=tuple(entities),
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


def _plan_version(lines: Sequence[CLine], period: tuple[int, int] | None = None) -> str | None:
    votes: Counter[str] = Counter()
    for cl in lines:
        if period and _names_other_period(cl.text, period):
            continue  # "de 12e aanpassing van het meerjarenplan 2020 - 2025": another plan
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


def _names_other_period(text: str, period: tuple[int, int]) -> bool:
    spans = [(int(m.group("a")), int(m.group("b"))) for m in _PLAN_PERIOD.finditer(text)]
    return bool(spans) and period not in spans


# a year header row of a plan's columns: "2026 2027 ... 2031", "MJP2026 MJP2027 ...", "B2026 B2027 ..."
_YEAR_CELL = re.compile(r"(?<![\w.,])(?:MJP|B|J)?(?P<y>20\d\d)(?![\w.,])")


def _plan_year_header(lines: Sequence[CLine], votes: Counter[tuple[int, int]] | None = None) -> tuple[int, int] | None:
    """The plan years from the most frequent row of consecutive year column headers (at least 4 years);
    ``votes``, when given, receives the rows' votes."""
    votes = Counter() if votes is None else votes
    for cl in lines:
        years = [int(m.group("y")) for m in _YEAR_CELL.finditer(cl.text)]
        if len(years) >= 4 and all(b == a + 1 for a, b in zip(years, years[1:], strict=False)) and len(years) <= 7:
            votes[(years[0], years[-1])] += 1
    return votes.most_common(1)[0][0] if votes else None


def _plan_period(lines: Sequence[CLine]) -> tuple[int, int] | None:
    """The plan's first and last year: the most frequent "2026-2031" span (at most seven years) or row of
    year column headers ("2026 2027 ... 2031", "MJP2026 ... MJP2031")."""
    votes: Counter[tuple[int, int]] = Counter()
    _plan_year_header(lines, votes)
    for cl in lines:
        for m in _PLAN_PERIOD.finditer(cl.text):
            a, b = int(m.group("a")), int(m.group("b"))
            if 0 < b - a <= 6:
                votes[(a, b)] += 2  # a printed span outweighs one header row
    return votes.most_common(1)[0][0] if votes else None


def _entities(lines: Sequence[CLine]) -> tuple[list[DocumentEntity], str | None]:
    """The document's entities, the main one first, and the evidence they were read from."""
    block = _identity_block(lines)
    if block:
        return block, "identity_block"
    pairs: Counter[tuple[str, str]] = Counter()
    where: dict[tuple[str, str], CLine] = {}
    for cl in lines:
        m = _ENTITY_KBO.match(cl.text) or _ENTITY_KBO_BARE.match(cl.text)
        if m:
            key = (m.group("name").strip(" :-"), re.sub(r"\D", "", m.group("kbo")))
            pairs[key] += 1
            where.setdefault(key, cl)
    if pairs:
        # prefer the spelling with parentheses ("AGB X (0123.456.789)") as the name: the most common pair
        (name, kbo), _ = pairs.most_common(1)[0]
        out = [_entity_row(1, "main", _display_name(name, lines), kbo, where[(name, kbo)], "kbo_line", lines)]
        if out[0].entity_type == "gemeente":  # a gemeente/stad reporting together with its OCMW prints both
            for (other, other_kbo), n in pairs.most_common():
                if n >= _MIN_SECOND_PAIR and other_kbo != kbo and _entity_type(other, ()) == "OCMW":
                    row = _entity_row(
                        2, "ocmw", _display_name(other, lines), other_kbo, where[(other, other_kbo)], "kbo_line", lines
                    )
                    out.append(row)
                    break
        return out, "kbo_line"
    for evidence, found in (("title_page", _title_page_name(lines)), ("running_header", _header_name(lines))):
        if found:
            name, cl = found
            joint = _JOINT.match(name)
            if joint:  # "Stad en OCMW Voorbeeldstad": the gemeente/stad and its OCMW
                kind, place = joint.group("kind"), joint.group("place")
                main = f"{kind[0].upper()}{kind[1:].lower()} {place}"
                return [
                    _entity_row(1, "main", _display_name(main, lines), None, cl, evidence, lines),
                    _entity_row(2, "ocmw", f"OCMW {place}", None, cl, evidence, lines),
                ], evidence
            kbo = _title_page_kbo(lines)
            return [_entity_row(1, "main", _display_name(name, lines), kbo, cl, evidence, lines)], evidence
    found = _prose_name(lines)
    if found:
        name, cl = found
        return [_entity_row(1, "main", name, None, cl, "prose", lines)], "prose"
    return [], None


_MIN_SECOND_PAIR = 3  # an OCMW named with its KBO number at least this often reports with its gemeente


def _entity_row(
    seq: int, role: str, name: str, kbo: str | None, cl: CLine | None, evidence: str, lines: Sequence[CLine]
) -> DocumentEntity:
    return DocumentEntity(
        seq=seq,
        role=role,
        entity_name=name,
        kbo_number=kbo,
        entity_type=_entity_type(name, lines if role == "main" else ()),
        page_no=cl.page_no if cl else None,
        line_no=cl.line_no if cl else None,
        evidence=evidence,
    )


# the identity block: "Naam bestuur" (the label alone or with the name after it) up to "Rapportgegevens"
_BLOCK_START = re.compile(r"^Naam (?:van het )?bestuur\b\s*:?\s*(?P<rest>.*)$", re.I)
_BLOCK_END = re.compile(
    r"^(Rapportgegevens|Rapport ?gegevens|Soort rapport|Type rapport|Rapport\b|Inhoud(stafel|sopgave)?\b)", re.I
)
_KBO_LABEL = re.compile(
    r"\b(?:KBO(?:[- ]?(?:nummer|nr\.?))?|Ondernemingsnummer|Ondernemingsnr\.?|Ond\.? ?nr\.?)\s*:?\s*", re.I
)
_KBO_NUMBER = re.compile(r"(?<![\d.])(?:BE ?)?(?P<kbo>[01]?\d{3}[. ]?\d{3}[. ]?\d{3})(?![\d.])")
_ADDRESS = re.compile(
    r"(\b\d{4} [A-ZÀ-Ý][\w'’ -]+$)|^(Adres|Straat|Postcode|Gemeente ?:|NIS|Telefoon|Tel\.|E-?mail|Website|www\.)",
    re.I,
)
# an entity name: it starts with the kind of entity the regulation knows
_ENTITY_PREFIX = (
    r"(?:Gemeente|Stad|OCMW|Openbaar centrum voor maatschappelijk welzijn|AGB|APB|Autonoom gemeentebedrijf"
    r"|Autonoom provinciebedrijf|Provincie|Politiezone|PZ|Hulpverleningszone|HVZ|Welzijnsvereniging|Zorgbedrijf"
    r"|Zorgvereniging|Projectvereniging|Dienstverlenende vereniging|Opdrachthoudende vereniging)"
)
_NAMED = re.compile(rf"^{_ENTITY_PREFIX}\b", re.I)
# "Gemeente en OCMW Voorbeeld" / "Stad en OCMW Voorbeeldstad": two entities of one place
_JOINT = re.compile(r"^(?P<kind>Gemeente|Stad) en OCMW (?P<place>\S.*)$", re.I)
# two names on one line (two columns of the block): "Stad Voorbeeldstad OCMW Voorbeeldstad"
_SECOND_NAME = re.compile(r"\s(?=(?:OCMW|Openbaar centrum voor maatschappelijk welzijn)\b)", re.I)


def _identity_block(lines: Sequence[CLine]) -> list[DocumentEntity]:
    """The entities of the prescribed identity block: name(s), each followed by its address and KBO number."""
    for i, cl in enumerate(lines[:1500]):
        m = _BLOCK_START.match(cl.text)
        if not m:
            continue
        names: list[tuple[str, CLine]] = []
        kbos: list[str | None] = []
        body = [(m.group("rest"), cl)] if m.group("rest") else []
        body += [(nl.text, nl) for nl in lines[i + 1 : i + 25]]
        for text, src in body:
            if _BLOCK_END.match(text) or (_BLOCK_START.match(text) and src is not cl):
                break
            for text_part in _split_block_line(text):
                kbo_label = _KBO_LABEL.search(text_part)
                numbers = [_kbo10(k.group("kbo")) for k in _KBO_NUMBER.finditer(text_part)]
                before = text_part[: kbo_label.start()] if kbo_label else text_part
                before = _KBO_NUMBER.sub("", before) if numbers and not kbo_label else before
                before = before.strip(" ,;:-–()")
                if before and not _ADDRESS.search(before) and (_NAMED.match(before) or not names):
                    joint = _JOINT.match(before)
                    if joint:
                        kind, place = joint.group("kind"), joint.group("place").strip()
                        names += [(f"{kind[0].upper()}{kind[1:].lower()} {place}", src), (f"OCMW {place}", src)]
                        kbos += [None, None]
                    elif _looks_like_name(before):
                        names.append((before, src))
                        kbos.append(None)
                for number in numbers if (kbo_label or not before or _NAMED.match(before)) else []:
                    pending = next((k for k, v in enumerate(kbos) if v is None), None)
                    if pending is not None:
                        kbos[pending] = number
        if names:
            return _block_entities(names, kbos, lines)
    return []


def _split_block_line(text: str) -> list[str]:
    """A line of the block, cut where a second entity name starts ("Stad X OCMW X")."""
    parts = _SECOND_NAME.split(text)
    if len(parts) > 1 and _NAMED.match(parts[0]) and not _JOINT.match(text):
        return [p.strip() for p in parts if p.strip()]
    return [text]


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 12 and text[0].isalpha() and not text.endswith(".") and sum(c.isdigit() for c in text) < 3


def _kbo10(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return digits.zfill(10)


def _block_entities(
    names: list[tuple[str, CLine]], kbos: list[str | None], lines: Sequence[CLine]
) -> list[DocumentEntity]:
    kinds = [_entity_type(name, ()) for name, _ in names]
    main = next((k for k, kind in enumerate(kinds) if kind == "gemeente"), 0)
    order = [main] + [k for k in range(len(names)) if k != main]
    out: list[DocumentEntity] = []
    for seq, k in enumerate(order, start=1):
        role = "main" if k == main else "ocmw" if kinds[k] == "OCMW" else "other"
        name, cl = names[k]
        out.append(_entity_row(seq, role, _display_name(name, lines), kbos[k], cl, "identity_block", lines))
    return out


# a line that is nothing but an entity name ("Stad Voorbeeldstad", "PROVINCIE LIMBURG", "Gemeente X - OCMW X")
_NAME_LINE = re.compile(rf"^(?P<name>(?i:{_ENTITY_PREFIX}) [A-ZÀ-Ý][\w'’.-]*(?:[ -][\w'’.-]+){{0,5}})$")
_JOINT_LINE = re.compile(r"^(?P<name>(?i:Gemeente|Stad) en OCMW [A-ZÀ-Ý][\w'’.-]*(?:[ -][\w'’.-]+){0,5})$")
_TITLE_PAGES = 2


# a document title after the name on the same line ("AGB X - Meerjarenplan 2020-2025", "Stad X | Jaarrekening 2024"):
# a spaced dash or bar followed by a report word or a year
_TITLE_AFTER_NAME = re.compile(
    r"\s+[-–|]\s+(?=.*(?:\b(?:19|20)\d\d\b|meerjarenplan|jaarrekening|budget|nota\b|beleidsverklaring|documentatie"
    r"|beleidsdoelstellingen|aanpassing|herziening)).*$",
    re.I,
)
# the document's own company number printed alone on its title page ("Ondernemingsnummer 0712.634.155")
_KBO_ALONE = re.compile(rf"^{_KBO_LABEL.pattern}{_KBO_NUMBER.pattern}$", re.I)


def _name_line(text: str) -> str | None:
    text = _TITLE_AFTER_NAME.sub("", text)
    joint = _JOINT_LINE.match(text)
    if joint:
        return joint.group("name")
    m = _NAME_LINE.match(text)
    return m.group("name") if m and _plausible_name(m.group("name")) else None


def _title_page_kbo(lines: Sequence[CLine]) -> str | None:
    """The company number a title page prints under its own label, with no name before it (one number only)."""
    pages = sorted({cl.page_no for cl in lines})[:_TITLE_PAGES]
    numbers = {
        _kbo10(m.group("kbo")) for cl in lines if cl.page_no in pages and (m := _KBO_ALONE.match(cl.text.strip()))
    }
    return numbers.pop() if len(numbers) == 1 else None


def _title_page_name(lines: Sequence[CLine]) -> tuple[str, CLine] | None:
    """An entity name standing alone on a line of the first pages (the title page)."""
    pages = sorted({cl.page_no for cl in lines})[:_TITLE_PAGES]
    for cl in lines:
        if cl.page_no not in pages:
            break
        if cl.furniture in (None, "running_header", "running_footer"):
            name = _name_line(cl.text)
            if name:
                return name, cl
    return None


def _header_name(lines: Sequence[CLine]) -> tuple[str, CLine] | None:
    """An entity name repeated as page furniture (a running header or footer), the most frequent one."""
    votes: Counter[str] = Counter()
    first: dict[str, CLine] = {}
    for cl in lines:
        if cl.furniture in ("running_header", "running_footer"):
            name = _name_line(cl.text)
            if name:
                votes[name] += 1
                first.setdefault(name, cl)
    if not votes:
        return None
    name = votes.most_common(1)[0][0]
    return name, first[name]


# a name with its entity kind in running text; the place name is capitalised ("de Provincie Oost-Vlaanderen")
_PROSE_NAME = re.compile(
    rf"(?<![\w-])(?P<kind>(?i:{_ENTITY_PREFIX})) "
    r"(?P<place>[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-(?:[a-zà-ÿ]{1,4}-)*[A-ZÀ-Ý][a-zà-ÿ'’]+)*)(?![\w-])"
)
_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d{2})?|\d+,\d{2}\b")


def _prose_name(lines: Sequence[CLine]) -> tuple[str, CLine] | None:
    """The entity the running text speaks of, when one name clearly dominates (at least twice as many
    mentions as any other, table rows with amounts not counted). The weakest evidence."""
    votes: Counter[str] = Counter()
    first: dict[str, CLine] = {}
    for cl in lines:
        if cl.furniture or _AMOUNT.search(cl.text):
            continue
        for m in _PROSE_NAME.finditer(cl.text):
            kind = m.group("kind")
            name = f"{kind[0].upper()}{kind[1:]} {m.group('place')}" if not kind.isupper() else m.group(0)
            votes[name] += 1
            first.setdefault(name, cl)
    if not votes:
        return None
    ranked = votes.most_common(2)
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    return ranked[0][0], first[ranked[0][0]]


def _plausible_name(name: str) -> bool:
    """Not a heading that merely starts with an entity word ("Gemeente en OCMW" is, "Stad en land" is not)."""
    place = name.split(" ", 1)[1] if " " in name else ""
    return bool(place) and place.split()[0].lower() not in {"en", "van", "de", "het", "als", "voor", "met"}


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


_REPORT_DATA = re.compile(r"^Rapport ?gegevens\b\s*:?\s*(?P<rest>.*)$", re.I)
_REPORT_DATA_LINES = 8


def _report_data(lines: Sequence[CLine]) -> list[CLine]:
    """The lines of the identity block's ``Rapportgegevens`` (report type, year, plan period, version)."""
    for i, cl in enumerate(lines[:1500]):
        m = _REPORT_DATA.match(cl.text)
        if m:
            head = [dataclasses.replace(cl, text=m.group("rest"))] if m.group("rest") else []
            block = head + list(lines[i + 1 : i + 1 + _REPORT_DATA_LINES])
            # the block is a few short fields: it ends at the first sentence
            end = next((k for k, b in enumerate(block) if b.text.endswith(".") or len(b.text) > 80), len(block))
            return block[:end]
    return []


def _names_version(lines: Sequence[CLine]) -> bool:
    return any(p.search(cl.text) for cl in lines for p, _ in _PLAN_VERSION) or any(
        re.match(r"^(Origineel|Initieel)\b", cl.text, re.I) for cl in lines
    )


def _has_year_vote(lines: Sequence[CLine]) -> bool:
    return any(p.search(cl.text) for cl in lines for p in (*_YEAR_TITLE[:4], _BOEKJAAR))


# --- plan volumes ---------------------------------------------------------------------------------------
# the title of a volume published on its own, on the first lines of its first page
_VOLUME_TITLES = [
    (re.compile(r"^(de )?strategische nota\b", re.I), "strategische_nota"),
    (re.compile(r"^(de )?financi[eë]le nota\b", re.I), "financiele_nota"),
    (re.compile(r"^overzicht van (alle )?(de )?beleidsdoelstellingen\b", re.I), "beleidsdoelstellingen"),
    (re.compile(r"^(de )?beleidsverklaring\b", re.I), "beleidsverklaring"),
    (re.compile(r"^(de )?documentatie\b", re.I), "documentatie"),
]
# what a volume prints (content markers per part of a plan)
_VOLUME_CONTENT = [
    (re.compile(r"^(Schema )?M[123](\(W\))?: |^MEERJARENPLAN .* : (Schema )?M[123]\b", re.I), "financiele_nota"),
    (
        re.compile(
            r"^(De )?strategische nota\b|: Strategische Nota\b|^(Prioritaire )?beleidsdoelstelling:? BDS?\d", re.I
        ),
        "strategische_nota",
    ),
    (re.compile(r"^Beleidsveld: BV\d{4}\b|toegestane werkings- en investeringssubsidies", re.I), "documentatie"),
    (re.compile(r"^BDS?\d{6}: .*|^overzicht van (alle )?(de )?beleidsdoelstellingen\b", re.I), "beleidsdoelstellingen"),
    (re.compile(r"^(de )?beleidsverklaring\b", re.I), "beleidsverklaring"),
]
_TITLE_LINES = 12


def _plan_volume_title(lines: Sequence[CLine]) -> str | None:
    """The volume named by the title of the document's first page ("BELEIDSVERKLARING", "Documentatie")."""
    if not lines:
        return None
    first_page = lines[0].page_no
    for cl in lines[:_TITLE_LINES]:
        if cl.page_no != first_page:
            break
        for pattern, volume in _VOLUME_TITLES:
            if pattern.match(cl.text) and len(cl.text) <= 100:
                return volume
    return None


def _volume_kinds(lines: Sequence[CLine]) -> set[str]:
    return {volume for cl in lines for pattern, volume in _VOLUME_CONTENT if pattern.search(cl.text)}


def plan_volume(lines: Sequence[CLine]) -> str:
    """Which part of a meerjarenplan the document is: ``volledig`` when it prints both the strategic note
    and the financial note (the schemas M1-M3), else the volume its title page names, else what it prints."""
    kinds = _volume_kinds(lines)
    if {"financiele_nota", "strategische_nota"} <= kinds:
        return "volledig"
    titled = _plan_volume_title(lines)
    if titled:
        return titled
    by_content = ("financiele_nota", "strategische_nota", "documentatie", "beleidsdoelstellingen", "beleidsverklaring")
    return next((volume for volume in by_content if volume in kinds), "volledig")


# the table kinds (coverage ``table_kind``) a report prints, per report type and plan volume: a kind not
# listed here is "not in this volume" rather than "present but not parsed"
_EXPECTED_JAARREKENING = ("policy", "J1", "J2", "J3", "J4", "J5", "T1", "T2", "T4")
_EXPECTED_PLAN: dict[str, tuple[str, ...]] = {
    "volledig": ("policy", "M1", "M2", "M3", "T1", "T2"),
    "strategische_nota": ("policy",),
    "financiele_nota": ("M1", "M2", "M3", "T1", "T2"),
    "beleidsdoelstellingen": ("policy",),
    "beleidsverklaring": ("key_figures",),
    "documentatie": ("subsidies", "beleidsveld_overview"),
}


def expected_table_kinds(report_type: str | None, plan_volume: str | None) -> tuple[str, ...]:
    """The table kinds a document of ``report_type`` (and, for a plan, ``plan_volume``) must print."""
    if report_type == "jaarrekening":
        return _EXPECTED_JAARREKENING
    if report_type == "meerjarenplan":
        return _EXPECTED_PLAN.get(plan_volume or "volledig", _EXPECTED_PLAN["volledig"])
    return ()


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
