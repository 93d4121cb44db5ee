"""The printed text of a report with the running artefacts of the sample's text export.

A page break shows up in the text in one of two ways (as in the sample):

* *soft*: nothing but one leading space on the first line of the next page;
* *footer*: ``JAARREKENING ORIGINEEL <year> : <schema> <year>``, a blank line,
  ``<entity> (<kbo dotted>) N / M`` (the schema's own page counter), the bare PDF page number and
  three blank lines.

The ``N / M`` counters are only known once a schema is complete, so footers are placeholders until
:meth:`Doc.text` resolves them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from pipelines.synth.entity import Entity


class Pager:
    """The page count of one printed schema (the M of its "N / M" footers)."""

    def __init__(self) -> None:
        self.pages = 1


@dataclass(frozen=True)
class _PageOf:
    pager: Pager
    page: int


class Doc:
    """The report's lines in print order, with page counters and page-break artefacts."""

    def __init__(self, rng: random.Random, entity: Entity, year: int) -> None:
        self.rng = rng
        self.entity = entity
        self.year = year
        self.pdf_page = rng.randint(3, 9)
        self.on_page = 0  # lines printed on the current page
        self.page_size = rng.randint(55, 80)
        self._out: list[str | _PageOf] = []
        self._mark = False

    # --- plain lines --------------------------------------------------------------------
    def add(self, *lines: str) -> None:
        for line in lines:
            if self._mark and line.strip():
                line = " " + line.lstrip(" ")
                self._mark = False
            self._out.append(line)
            self.on_page += 1

    def blank(self, count: int = 1) -> None:
        self.add(*[""] * count)

    # --- page breaks --------------------------------------------------------------------
    def _next_page(self, pager: Pager | None) -> None:
        self.pdf_page += 1
        self.on_page = 0
        self.page_size = self.rng.randint(55, 80)
        if pager is not None:
            pager.pages += 1

    def soft_break(self, pager: Pager | None) -> None:
        """A page break visible only as one leading space on the next page's first line."""
        self._next_page(pager)
        self._mark = True

    def footer(
        self, title: str, pager: Pager, *, last: bool = False, number: bool = True, mark_next: bool = False
    ) -> None:
        """The running footer of ``pager``'s current page; ``last`` closes the schema."""
        self.add(self.footer_title(title), "")
        self._out.append(_PageOf(pager, pager.pages))
        if number:
            self.add(str(self.pdf_page))
        self.blank(3)
        if last:
            self.pdf_page += 1
            self.on_page = 0
        else:
            self._next_page(pager)
        self._mark = mark_next

    def footer_title(self, title: str) -> str:
        return f"JAARREKENING ORIGINEEL {self.year} : {title} {self.year}"

    def page_full(self) -> bool:
        return self.on_page >= self.page_size

    def maybe_break(self, title: str, pager: Pager, *, footer_chance: float) -> None:
        """Break the page here when it is full: usually soft, sometimes with a footer."""
        if self.page_full():
            if self.rng.random() < footer_chance:
                self.footer(title, pager, mark_next=self.rng.random() < 0.3)
            else:
                self.soft_break(pager)

    def mark_page_start(self) -> None:
        """The next line starts a page (a chapter cover or schema title)."""
        self._next_page(None)
        self._mark = True

    # --- result -------------------------------------------------------------------------
    def text(self) -> str:
        out = [
            f"{self.entity.with_kbo} {item.page} / {item.pager.pages}" if isinstance(item, _PageOf) else item
            for item in self._out
        ]
        return "\n".join(out) + "\n"
