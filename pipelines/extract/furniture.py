"""Page furniture: the lines a page carries that are not its content.

Running headers and footers (the report and schema title, the entity line repeated on every page),
page counters ("38/153", "27 / 148 1 / 2", "/7"), document-management stamp codes and signature-stamp
sentences. They are kept in ``raw.lines`` with their kind, and parsers never read them as content.

Nothing here knows any report's strings. A line is furniture when

- it is only a page counter (``12``, ``3 / 7``, ``/7``, ``Pagina 3``) at the top or bottom of its page,
  or it ends in "<this page>/<pages in the document>" there (a stamp code "2026_PR_00110 30/153"), or
- its text recurs on at least three pages and nearly always (:data:`EDGE_SHARE`) at the top or bottom
  edge of the page; a line with a page counter in it ("<entity> (0207.725.203) 27 / 148") by its
  *shape* (the text with every digit replaced by ``#``), or
- it sits at the very top (:data:`PREFIX_EDGE_TOP`) or at the bottom edge and its first words (the
  shape's first :data:`PREFIX_WORDS` words) start lines that recur on at least :data:`MIN_PREFIX_PAGES`
  pages, nearly always there: a running footer that names a schema printed on one page only
  ("<REPORT TITLE> : Schema M3 ...") still shares its start with the footers of every other page.

"At the edge" is measured in the reading frame of the line: for a table printed sideways on a
portrait page, the top of the frame is the page's left side; the line must also be among the page's
first :data:`EDGE_RANK_TOP` or last :data:`EDGE_RANK_BOTTOM` lines (a dense page has a long top
quarter). Without geometry (a text export), a line's position is its rank among the page's lines.
The content lines of a table are not furniture even when their shape recurs (``Uitgaven #.###``):
they occur in the middle of pages too, and a line ending in two or more numbers (amounts, column
years) is never taken for furniture.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

EDGE_TOP = 0.25  # share of the page height (reading frame) counted as the top edge
EDGE_BOTTOM = 0.85  # ... and from here to the end as the bottom edge
PREFIX_EDGE_TOP = 0.12  # the prefix rule (a single-page footer) only applies this close to the top
EDGE_LINES = 3  # without geometry: the first / last lines of a page are at its edge
EDGE_RANK_TOP = 8  # with geometry, a line at the top edge is also among the page's first lines ...
EDGE_RANK_BOTTOM = 5  # ... and one at the bottom edge among its last lines (dense pages have long edges)
EDGE_SHARE = 0.9  # a shape is furniture when at least this share of its occurrences are at an edge
MIN_SHAPE_PAGES = 3
MIN_PREFIX_PAGES = 3
PREFIX_WORDS = 3

KINDS = ("page_counter", "running_header", "running_footer", "stamp")

_DIGIT = re.compile(r"\d")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_PAGE_OF_PAGES = re.compile(r"(?<!\d)(\d{1,4}) ?/ ?(\d{1,4})$")
_COUNTER = re.compile(
    r"^(?:(?:pagina|blz\.?|page|p\.)\s*)?(?:\d{1,4}\s*(?:/|van|of)\s*\d{1,4}|/\s*\d{1,4}|\d{1,3}|(?!19|20)\d{4})$", re.I
)  # a bare four-digit number from 1900 on is a year (a column header), not a page number
_TRAILING_COUNTER = re.compile(r"\d{1,4}\s*/\s*\d{1,4}$")
_TRAILING_NUMBERS = re.compile(r"(?:\s-?\d[\d.,]*){2,}$")  # a table row or column header: amounts, years


@dataclass(frozen=True, slots=True)
class Placed:
    """What the classifier needs of a line: where it is and what it says."""

    page_no: int
    line_no: int
    text: str
    position: float  # 0 = top of the page in the line's reading frame, 1 = bottom
    rotated: bool = False  # printed in another direction than the page's dominant one
    rank_top: int = 1  # 1 = the page's first line in reading order
    rank_bottom: int = 1  # 1 = the page's last line


def shape(text: str) -> str:
    """The line with digits masked, dashes unified and whitespace collapsed: equal for every page's copy
    of a footer."""
    return " ".join(_DASHES.sub("-", _DIGIT.sub("#", text)).split())


def reading_position(
    rotation: int, x0: float, top: float, x1: float, bottom: float, width: float, height: float
) -> float:
    """0..1 from the top of the page as read in the line's direction (``rotation`` in degrees)."""
    if not width or not height:
        return 0.5
    if rotation == 90:  # text running up the page: the reader's top is the page's left side
        return x0 / width
    if rotation == 180:
        return 1 - bottom / height
    if rotation == 270:  # text running down: the reader's top is the page's right side
        return 1 - x1 / width
    return top / height


def rank_positions(line_counts: dict[int, int], page_no: int, line_no: int) -> float:
    """Position of a line from its rank on the page (text exports have no geometry)."""
    n = line_counts.get(page_no, 1)
    if line_no <= EDGE_LINES:
        return 0.0
    if line_no > n - EDGE_LINES:
        return 1.0
    return 0.5


def _edge(line: Placed) -> str | None:
    # a line printed across the page's direction (a stamp along the margin) stands outside the reading
    # order: its geometric position alone counts
    if line.position <= EDGE_TOP and (line.rank_top <= EDGE_RANK_TOP or line.rotated):
        return "top"
    if line.position >= EDGE_BOTTOM and (line.rank_bottom <= EDGE_RANK_BOTTOM or line.rotated):
        return "bottom"
    return None


def _prefix_edge(line: Placed) -> bool:
    """Where the prefix rule applies: the very top of the page, or its bottom edge."""
    return (line.position <= PREFIX_EDGE_TOP and line.rank_top <= EDGE_RANK_TOP) or _edge(line) == "bottom"


def classify(lines: Sequence[Placed]) -> dict[tuple[int, int], str]:
    """(page_no, line_no) -> furniture kind for every furniture line; content lines are absent."""
    # occurrences of each exact text, of each shape and of each shape's first words: pages, count, at an edge
    exact = _Tally()
    shapes = _Tally()
    prefixes = _Tally()
    keys: list[tuple[str, str, str]] = []
    for line in lines:
        text = " ".join(line.text.split())
        s = shape(text)
        p = _prefix(s)
        at_edge = _edge(line) is not None
        keys.append((text, s, p))
        exact.add(text, line.page_no, at_edge)
        shapes.add(s, line.page_no, at_edge)
        if p:
            prefixes.add(p, line.page_no, _prefix_edge(line))

    page_count = max((line.page_no for line in lines), default=0)
    found: dict[tuple[int, int], tuple[str, str]] = {}  # (page, line) -> (shape, kind on this page)
    for line, (text, s, p) in zip(lines, keys, strict=True):
        edge = _edge(line)
        if edge is None or not text:
            continue
        if _COUNTER.match(text) or _counts_this_page(text, line.page_no, page_count):
            found[(line.page_no, line.line_no)] = (s, "page_counter")
            continue
        if _TRAILING_NUMBERS.search(text):
            continue  # a row of a table (amounts) or its column header (years) is content wherever it is
        # the same text on every page; or, with a page counter in it, the same shape
        repeated = exact.repeats(text, MIN_SHAPE_PAGES) or (
            bool(_TRAILING_COUNTER.search(text)) and shapes.repeats(s, MIN_SHAPE_PAGES)
        )
        if not repeated and p and _prefix_edge(line):
            repeated = prefixes.repeats(p, MIN_PREFIX_PAGES)
        if not repeated:
            continue
        if _TRAILING_COUNTER.search(text):
            kind = "page_counter"
        elif line.rotated:
            kind = "stamp"  # printed across the page's text direction, like a signature stamp
        else:
            kind = "running_header" if edge == "top" else "running_footer"
        found[(line.page_no, line.line_no)] = (s, kind)
    # one kind per shape, the one most of its lines have (a stamp along the margin of a page whose table is
    # printed sideways runs in that page's own direction, but it is the stamp of every other page)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for s, kind in found.values():
        votes[s][kind] += 1
    return {key: votes[s].most_common(1)[0][0] for key, (s, _) in found.items()}


class _Tally:
    """Occurrences of a key: the pages it is on, how often, how often at an edge."""

    def __init__(self) -> None:
        self.pages: dict[str, set[int]] = defaultdict(set)
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, key: str, page_no: int, at_edge: bool) -> None:
        self.pages[key].add(page_no)
        self.counts[key][0] += 1
        self.counts[key][1] += at_edge

    def repeats(self, key: str, min_pages: int) -> bool:
        """On ``min_pages`` pages or more, and nearly always (:data:`EDGE_SHARE`) at an edge."""
        total, at_edge = self.counts[key]
        return len(self.pages[key]) >= min_pages and at_edge >= EDGE_SHARE * total


def _counts_this_page(text: str, page_no: int, page_count: int) -> bool:
    """A line ending in "<this page> / <pages in the document>" ("2026_PR_00110 30/153")."""
    m = _PAGE_OF_PAGES.search(text)
    return bool(m) and int(m.group(1)) == page_no and int(m.group(2)) == page_count > 1


def _prefix(shape_text: str) -> str:
    """The first words of a shape, when there are more words after them (else no prefix rule)."""
    words = shape_text.split(" ")
    if len(words) <= PREFIX_WORDS:
        return ""
    head = " ".join(words[:PREFIX_WORDS])
    # a prefix made only of masked numbers says nothing about the line ("#.### #.### #.###")
    return head if re.search(r"[A-Za-zÀ-ÿ]{3}", head) else ""
