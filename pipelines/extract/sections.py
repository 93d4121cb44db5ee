"""Locate the sections (schemas, tables, policy evaluation) of a BBC report.

A section starts at its printed title line and ends where the next recognised title starts. Title
patterns are the regulation's own schema names, so they hold for every entity and year. A section
kind may occur in several spans (the off-balance list repeats its title on each page); the spans
are returned in document order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipelines.extract.lines import CLine
from pipelines.extract.specs import SECTION_TITLES

# kind -> title pattern (matched against the normalised line, full match): see pipelines.extract.specs

# The prescribed lists of a plan's documentation volume and the key figures of its policy statement. Title
# spellings differ per producer (a Word export's heading, its table caption, a package's chapter title):
# one tuple of patterns per table kind, matched against the whole line; add a producer's spelling here.
VOLUME_TITLES: dict[str, tuple[str, ...]] = {
    "subsidies": (
        r"(?:Overzicht van de )?toegestane werkings- en investeringssubsidies",
        r"Lijst (?:van de )?toegestane werkings- en investeringssubsidies",
        # one list per kind; never the bare words, a T2 / J-schema row label ("Toegestane werkingssubsidies")
        r"(?:Overzicht|Lijst) van de toegestane (?:werkings|investerings)subsidies",
    ),
    "policy_structure": (
        r"(?:Overzicht van de )?(?:samenstelling van de )?beleidsdomeinen,? beleidsvelden(?: en -?(?:beleids)?items)?",
    ),
    "beleidsveld_overview": (
        r"(?:Overzicht )?(?:van de )?jaarlijkse uitgaven en ontvangsten voor exploitatie, investeringen en"
        r"(?: financiering per beleidsveld)?",
    ),
    "beleidsitem_budget": (r"(?:Samenvatting|Overzicht) (?:van het )?budget \d{4} per beleidsitem",),
    "key_figures": (
        r"(?:Uitgelicht: ?)?(?:de )?financi[eë]le kerncijfers",
        r"Kerncijfers(?: van het meerjarenplan)?",
    ),
}
# Lists a documentation volume may print that no parser reads yet: reported in the coverage as "present but
# not parsed" (kind -> title pattern, full match).
UNREAD_LISTS: dict[str, re.Pattern[str]] = {
    "tax_revenue": re.compile(r"Overzicht van de jaarlijkse opbrengst per soort van belasting", re.I),
}
SECTION_TITLES.update(
    {kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.I) for kind, patterns in VOLUME_TITLES.items()}
)

# Headings that end the preceding section without starting a table of ours (chapter titles,
# schema cover pages, prose chapters).
_BOUNDARIES = re.compile(
    r"(\d+\.\d+\. (?=[^a-z]*[A-Z])[^a-z]+"  # chapter headings in capitals: "2.4. DE BALANS", "3.6. FINANCIËLE RISICO'S"
    r"|SCHEMA [JTM]\d.*"  # schema cover pages
    r"|([Dd]e )?[Ww]aarderingsregels.*"
    r"|Afschrijvingstermijnen:?"
    # further lists of a documentation volume (not read, see UNREAD_LISTS): they end the list before them
    r"|Overzicht van de jaarlijkse opbrengst per soort van belasting"
    r")"
)

ALL_KINDS = tuple(SECTION_TITLES)


@dataclass(frozen=True, slots=True)
class Section:
    kind: str
    lines: tuple[CLine, ...]  # from the title line (inclusive) to the next boundary (exclusive)

    @property
    def title(self) -> CLine:
        return self.lines[0]


# a table-of-contents entry: the title, a dot leader and its page ("M1 - Financieel ... ........ 3")
_TOC_ENTRY = re.compile(r".*(?:\.{4,}|…{2,}) ?\d{1,4}")
# prose naming a schema ("... tot uiting in\nschema M2 - Staat van het financieel evenwicht. Het ..."): a heading
# starts with a capital or a digit and holds no sentence end followed by the next sentence
_PROSE = re.compile(r"[a-zà-ÿ]|.*[a-zà-ÿ]{2}\. [A-Z][a-zà-ÿ]")


def classify_title(text: str) -> str | None:
    if _TOC_ENTRY.fullmatch(text) or _PROSE.match(text):
        return None
    for kind, pattern in SECTION_TITLES.items():
        if pattern.fullmatch(text):
            return kind
    return None


def find_sections(lines: Sequence[CLine]) -> list[Section]:
    """Split the document into sections in document order.

    A repeated title of the same kind right after its own section (the next page of the same
    table) continues that section's span as a new :class:`Section` of the same kind.
    """
    starts: list[tuple[int, str | None]] = []
    for i, cl in enumerate(lines):
        kind = classify_title(cl.text)
        if kind is not None:
            if kind == "policy" and any(k == "policy" for _, k in starts):
                continue  # "Beleidsevaluatie" recurs in running footers
            starts.append((i, kind))
        elif _BOUNDARIES.fullmatch(cl.text):
            starts.append((i, None))
    sections: list[Section] = []
    for n, (start, kind) in enumerate(starts):
        if kind is None:
            continue
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        sections.append(Section(kind, tuple(lines[start:end])))
    return sections


def sections_of(lines: Sequence[CLine], kind: str) -> list[Section]:
    return [s for s in find_sections(lines) if s.kind == kind]
