"""Running page artefacts: the lines a printed page repeats around (and inside) its tables.

A BBC report's text layer carries, in the middle of the line stream, the page's running footer
("JAARREKENING ORIGINEEL 2024 : Balans 2024"), its page counter ("<entity> (0123.456.789) 3 / 3"),
a bare page number, the entity line with its KBO number, header-block lines ("Journaalvolgnummers:
40465 / Ref 30475") and the dossier list ("JR_ORIGINEEL_2023 2023: Budg. 16936 Alg. 23718"). Every
parser must skip them. This module holds the one definition of each such pattern; a parser composes
its own skip pattern from these parts (with :func:`any_of`) and writes any deliberate narrowing or
widening out beside them, so the difference stays visible.

The patterns are regular-expression *sources* (``str``), meant for ``fullmatch`` on a
:class:`~pipelines.extract.lines.CLine` text (whitespace already normalised: no leading, trailing or
doubled spaces). They carry no flags: a parser that compiles them with ``re.I`` makes their letters
case-insensitive. :func:`is_page_artefact` is the ready-made test for the common set; it is also
true for every line the furniture detector flagged (``CLine.furniture``).
"""

from __future__ import annotations

import re

from pipelines.extract.lines import CLine

PAGE_NUMBER = r"\d{1,4}"
"""A bare page number, alone on its line: "12"."""

PAGE_OF = r"\d+ ?/ ?\d+"
"""The "N / M" of a page counter: "3 / 3", "32/153"."""

PAGE_COUNTER = rf".*\S {PAGE_OF}"
"""A line ending in a page counter after some text: "<entity> (0123.456.789) 3 / 3"."""

YEAR_COLON = r"\d{4} : "
"""The year and colon between a running title's report part and its schema: "… 2024 : Balans 2024"."""

YEAR_COLON_LOOSE = r"\d{4} ?: "
""":data:`YEAR_COLON`, also with the colon right after the year as a dossier line prints it ("2023: ")."""

RUNNING_TITLE = rf"[A-Z][A-Z0-9 ]+ {YEAR_COLON_LOOSE}.*"
"""Running title "<REPORT TITLE> <year> : <schema>": "JAARREKENING ORIGINEEL 2024 : Balans 2024",
"MEERJARENPLAN HERZIENING 8 2026 : Schema M2(W): …" (upper-case report title, a revision number in it)."""

RUNNING_HEADER = r".*\b[Jj]aarrekening \d{4}"
"""Running header of a jaarrekening page: "<entity> 0123456789 Jaarrekening 2024"."""

KBO_NUMBER = r"\d{4}\.\d{3}\.\d{3}"
"""An enterprise (KBO) number as printed with dots: "0123.456.789"."""

KBO_DIGITS = r"\d{10}"
"""An enterprise (KBO) number without dots: "0123456789"."""

ENTITY_LINE = rf".*(?:\({KBO_NUMBER}\)|\b(?=[01]){KBO_DIGITS}\b).*"
"""A line carrying the entity's KBO number: "<entity> (0123.456.789) …" or "<entity> 0123456789 …"
(a KBO number starts with 0 or 1)."""

LOOSE_ENTITY_LINE = rf".*(?:{KBO_NUMBER}|\b{KBO_DIGITS}\b).*"
"""Wider than :data:`ENTITY_LINE`: a dotted KBO number with or without its parentheses, or any
ten-digit word. Only for tables that print no such numbers themselves."""

JOURNAALVOLGNUMMERS = r"[Jj]ournaalvolgnummers"
"""The header-block word "Journaalvolgnummers"."""

JOURNAALVOLGNUMMERS_LINE = rf"{JOURNAALVOLGNUMMERS}:.*"
"""Header-block line "Journaalvolgnummers: 40465 / Ref 30475"."""

DOSSIER_LINE = r"[A-Z][A-Z0-9_]* \d{4}: .*"
"""A line of the dossier list: "JR_ORIGINEEL_2023 2023: Budg. 16936 Alg. 23718"."""


def any_of(*patterns: str) -> str:
    """One pattern matching any of ``patterns`` (each kept in its own group)."""
    return "|".join(f"(?:{p})" for p in patterns)


PAGE_ARTEFACT = re.compile(
    any_of(PAGE_NUMBER, PAGE_COUNTER, RUNNING_TITLE, ENTITY_LINE, JOURNAALVOLGNUMMERS_LINE, DOSSIER_LINE)
)
"""The common running page artefacts, for ``fullmatch``."""


def is_page_artefact(cl: CLine, pattern: re.Pattern[str] = PAGE_ARTEFACT) -> bool:
    """True for page furniture (``cl.furniture`` set) and for a line ``pattern`` matches in full.

    ``pattern`` defaults to the common artefacts (:data:`PAGE_ARTEFACT`); a parser passes its own
    composition when it needs a narrower or wider set.
    """
    return cl.furniture is not None or bool(pattern.fullmatch(cl.text))
