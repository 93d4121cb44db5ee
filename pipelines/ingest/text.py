"""Pre-extracted text reports: UTF-8 with or without BOM, LF or CRLF, optional form feeds.

Page numbers. With form feeds, each form feed starts the next page (1, 2, 3, ...) and line numbers
restart on each page. Without form feeds, the pages are the ones the report prints, and every line
keeps its physical line number in the file (``line_no`` stays what ``grep -n`` shows):

1. Page breaks, from every evidence the text shows. A page ends with its page counter: a page number
   alone on its line (``12``, ``- 12 -``, ``Pagina 12``) or a footer ending in a counter
   (``... 12 / 240``, ``Pagina 12 van 240``); a footer and the page number right after it (only
   blank lines between: ``<entity> (0123.456.789) 2 / 155`` then ``6``) end one page, two page
   numbers never do. A page also begins at a line that starts with exactly one space right after a
   non-blank line: that is how a PDF text export marks a page's first line (it puts no blank line
   between pages; a line with one leading space after a blank line is an indented paragraph).
2. Numbers, from the printed page numbers (the counters, below). Between two printed numbers ``a`` and
   ``b`` the text shows ``k`` page breaks: when ``k`` is exactly ``b - a - 1`` the pages in between
   are numbered ``a + 1`` ... ``b - 1``; when it is not (the export lost page marks, or pages, or a
   mark is not one), which page is which is not certain and the lines between carry ``b``, the number
   printed at the end of their run (they are on that page or on one before it). Pages before the
   first printed number count back from it (when that stays at 1 or more, else they carry its
   number); pages after the last printed number count on (lines after it that are all blank stay on
   its page). A text without recognisable counters is one page.

:func:`page_numbering` also tells which lines' numbers are certain (a printed counter, or a page of a
run that agrees). Measured on the sample (13,076 lines, 12 printed page numbers, 205 marked page
starts): all six runs of the policy part agree (1 mark before 6, then 37, 5, 75, 12 and 16: pages 5
to 156 each numbered, 8,463 lines certain); the six lines with one leading space after a blank line
are an indented paragraph and schema cover subtitles (" SCHEMA J2" stands inside the one page 169).
The schedules' two runs disagree (5 marks for 10 pages, 19 marks and a footer for 56): their lines
carry 167 and 227. 35 pages follow 228 (the last is 264).

Which numbers are counters: the numbers of one kind that increase through the document (the longest
increasing chain), at least :data:`MIN_COUNTERS` of them, a few lines apart; for numbers alone on a
line, at least one of them must follow its predecessor by exactly one (a column of numbers in a table
does not look like that), and for ``n / N`` counters the total ``N`` is the same. When both kinds are
printed (a counter of the report part, ``2 / 155``, beside the page number of the whole volume,
``6``), the kind with more counters wins.

Limitation: counters local to parts of a report that restart (``1 / 16`` ... ``16 / 16``, then
``1 / 4`` ...) and no page number of the whole volume: only the part with the most counters numbers
its pages, the lines of the other parts carry the number next to them. Measured on the real PDFs'
lines joined without form feeds: Limburg (one counter per page) 99.96 % of the lines on their exact
page, Oost-Vlaanderen documentatie 99.6 %, Antwerpen (counters per part) hardly any.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from pipelines.extract.lines import Line

MIN_COUNTERS = 2
MIN_PAGE_LINES = 3  # two counters of a chain stand at least this many lines apart

_PREFIX = r"(?:(?:pagina|blz\.?|page|p\.)\s*)"
_ALONE = re.compile(rf"^\s*{_PREFIX}?[-\u2013]?\s*(\d{{1,4}})\s*[-\u2013]?\s*$", re.I)
_OF = re.compile(
    rf"(?:^|\s){_PREFIX}?(\d{{1,4}})\s*/\s*(\d{{1,4}})\s*$|{_PREFIX}(\d{{1,4}})\s+(?:van|of)\s+(\d{{1,4}})\s*$", re.I
)
_YEAR = re.compile(r"^(19|20)\d\d$")
_PAGE_START = re.compile(r"^ \S")  # exactly one leading space: a text export marks a page's first line so


def decode_text(data: bytes) -> str:
    """Decode UTF-8 (BOM optional); raises ``UnicodeDecodeError`` for other encodings."""
    return data.decode("utf-8-sig")


def text_to_lines(text: str) -> list[Line]:
    """Split into pages on form feeds when present; otherwise pages from the printed page counters
    (see the module docstring), with physical line numbers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:
        lines: list[Line] = []
        for page_no, page in enumerate(text.split("\f"), start=1):
            physical = page.split("\n")
            if physical and physical[-1] == "":
                physical.pop()
            for line_no, raw in enumerate(physical, start=1):
                lines.append(Line(page_no, line_no, raw))
        return lines
    physical = text.split("\n")
    if physical and physical[-1] == "":
        physical.pop()
    pages = printed_pages(physical)
    return [Line(page, n, raw) for n, (page, raw) in enumerate(zip(pages, physical, strict=True), start=1)]


def printed_pages(texts: list[str]) -> list[int]:
    """The printed page number of each line (1 for every line when no counters are recognised); see the
    module docstring for the rules."""
    return page_numbering(texts)[0]


def page_numbering(texts: list[str]) -> tuple[list[int], list[bool]]:
    """The page number of each line, and whether it is certain: on a page numbered one by one between two
    printed numbers that agree with the page breaks shown (or a printed page counter itself). Lines
    before the first and after the last printed number are counted, not certain; the lines of a run
    that disagrees carry the number that ends it, not certain either."""
    alone, footers = _numbers(texts)
    chain = _chain(alone, footers)
    if not chain:
        return [1] * len(texts), [False] * len(texts)
    counters = {i for i, _ in chain}
    ends = counters | {i for i, _, _ in footers}
    starts = _page_starts(texts, ends, counters)
    pages = [0] * len(texts)
    certain = [False] * len(texts)
    for i, page in chain:
        pages[i], certain[i] = page, True
    for (ia, a), (ib, b) in zip(chain, chain[1:], strict=False):
        agree = _page_of(starts, ib) - _page_of(starts, ia) == b - a
        for i in range(ia + 1, ib):
            if agree:
                pages[i], certain[i] = a + _page_of(starts, i) - _page_of(starts, ia), True
            else:
                pages[i] = b
    (first, number), (last, final) = chain[0], chain[-1]
    back = number - _page_of(starts, first) >= 1
    for i in range(first):
        pages[i] = number - (_page_of(starts, first) - _page_of(starts, i)) if back else number
    for i in range(last + 1, len(texts)):
        pages[i] = final + _page_of(starts, i) - _page_of(starts, last)
    return pages, certain


def _page_of(starts: list[int], i: int) -> int:
    """The index of the text's page that holds line ``i`` (0 for the first page)."""
    return bisect_right(starts, i)


def _page_starts(texts: list[str], ends: set[int], counters: set[int]) -> list[int]:
    """Indexes of the lines that begin a page (the first page excluded), from every page break the text
    shows: after a page-end line (``ends``: a printed counter or a footer with a counter; a footer and the
    page number right after it, blank lines between, end one page, two printed counters never do), and at
    a line that starts with exactly one space right after a non-blank line."""
    starts: list[int] = []
    last_end: int | None = None  # the current page's last page-end line, while only blank lines follow it
    for i, text in enumerate(texts):
        blank = not text.strip()
        if last_end is not None:
            if blank:
                continue
            if i in ends and not (i in counters and last_end in counters):
                last_end = i
                continue
            starts.append(last_end + 1)
            last_end = None
        elif i and _PAGE_START.match(text) and texts[i - 1].strip():
            starts.append(i)
        if i in ends:
            last_end = i
    return starts


def _numbers(texts: list[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int, int]]]:
    """Numbers alone on their line (index, number) and page counters ``n / N`` at the end of a line
    (index, n, N)."""
    alone: list[tuple[int, int]] = []
    of: list[tuple[int, int, int]] = []
    for i, text in enumerate(texts):
        m = _ALONE.match(text)
        if m:
            if not _YEAR.match(m.group(1)) and int(m.group(1)) > 0:
                alone.append((i, int(m.group(1))))
            continue
        m = _OF.search(text)
        if m:
            n, total = (int(g) for g in (m.group(1, 2) if m.group(1) else m.group(3, 4)))
            if 0 < n <= total and not _YEAR.match(str(total)):
                of.append((i, n, total))
    return alone, of


def _chain(alone: list[tuple[int, int]], of: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """(line index, page number) of the page counters, in order; empty when none are recognised."""
    candidates = []
    chain = _increasing(alone)
    if len(chain) >= MIN_COUNTERS and any(b[1] == a[1] + 1 for a, b in zip(chain, chain[1:], strict=False)):
        candidates.append(chain)
    if of:
        total = max(Counter(t for _, _, t in of).most_common(), key=lambda kv: (kv[1], kv[0]))[0]
        chain = _increasing([(i, n) for i, n, t in of if t == total])
        if len(chain) >= MIN_COUNTERS:
            candidates.append(chain)
    return max(candidates, key=len) if candidates else []


def _increasing(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of (index, number) with numbers strictly increasing and the indexes at least
    :data:`MIN_PAGE_LINES` apart (earliest chain on ties)."""
    if not found:
        return []
    best = [1] * len(found)
    back = [-1] * len(found)
    for j, (ij, nj) in enumerate(found):
        for i in range(j):
            ii, ni = found[i]
            if ni < nj and ii + MIN_PAGE_LINES <= ij and best[i] + 1 > best[j]:
                best[j], back[j] = best[i] + 1, i
    j = max(range(len(found)), key=lambda k: (best[k], -k))
    chain = []
    while j >= 0:
        chain.append(found[j])
        j = back[j]
    return chain[::-1]
