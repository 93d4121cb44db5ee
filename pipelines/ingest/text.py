"""Pre-extracted text reports: UTF-8 with or without BOM, LF or CRLF, optional form feeds.

Page numbers. With form feeds, each form feed starts the next page (1, 2, 3, ...) and line numbers
restart on each page. Without form feeds, the pages are the ones the report prints: every page of a
printed report ends with its page counter, either a page number alone on its line (``12``,
``- 12 -``, ``Pagina 12``) or a counter at the end of a line (``... 12 / 240``, ``Pagina 12 van 240``).
A line then carries the number of the counter that ends its page, and its physical line number in
the file (``line_no`` stays what ``grep -n`` shows). Where a text export lost the counters of some
pages, the run of lines between two printed counters carries the number of the counter that ends it
(the last of those pages); lines after the last counter carry the next page number. A text without
recognisable counters is one page, as before.

Which numbers are counters: the numbers of one kind that increase through the document (the longest
increasing chain), at least :data:`MIN_COUNTERS` of them, a few lines apart; for numbers alone on a
line, at least one of them must follow its predecessor by exactly one (a column of numbers in a table
does not look like that), and for ``n / N`` counters the total ``N`` is the same. When both kinds are
printed (a counter of the report part, ``2 / 155``, beside the page number of the whole volume,
``6``), the kind with more counters wins.

Limitation: counters local to parts of a report that restart (``1 / 16`` ... ``16 / 16``, then
``1 / 4`` ...) and no page number of the whole volume: only the part with the most counters numbers
its pages, the lines of the other parts carry the number next to them. Measured on the real PDFs'
lines joined without form feeds: Limburg (one counter per page) 99.9 % of the lines on their exact
page, Oost-Vlaanderen documentatie 99.6 %, Antwerpen (counters per part) hardly any.
"""

from __future__ import annotations

import re
from bisect import bisect_left
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
    """The printed page number of each line (1 for every line when no counters are recognised)."""
    chain = _counters(texts)
    if not chain:
        return [1] * len(texts)
    positions = [i for i, _ in chain]
    # after the last counter: the next page, unless only blank lines follow it
    tail = chain[-1][1] + any(t.strip() for t in texts[positions[-1] + 1 :])
    return [chain[k][1] if k < len(chain) else tail for k in (bisect_left(positions, i) for i in range(len(texts)))]


def _counters(texts: list[str]) -> list[tuple[int, int]]:
    """(line index, page number) of the page counters, in order; empty when none are recognised."""
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
