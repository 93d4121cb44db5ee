"""Printing helpers: Dutch amounts as the reports print them, truth strings, word wrapping.

Whole-euro amounts are ``int`` euros, cents amounts are ``int`` cents; the truth holds both as
decimal strings with two decimals ("-38729.00", "801540.67"), the way the parsers' ``Decimal``
values print.
"""

from __future__ import annotations

import re
import unicodedata


def amount(euros: int) -> str:
    """``1.234.567`` / ``-38.729`` / ``0``."""
    text = f"{abs(euros):,}".replace(",", ".")
    return f"-{text}" if euros < 0 else text


def cents(value: int) -> str:
    """``1.234,56`` / ``-248.230,33`` / ``0,00``."""
    whole, rest = divmod(abs(value), 100)
    text = f"{whole:,}".replace(",", ".") + f",{rest:02d}"
    return f"-{text}" if value < 0 else text


def euro_cents(value: int) -> str:
    """``€ 1,00`` / ``-€ 801.540,67`` (off-balance style)."""
    return f"-€ {cents(-value)}" if value < 0 else f"€ {cents(value)}"


def euro(euros: int) -> str:
    """``€ 13.954.814`` / ``- € 38.729`` (prose and participations style)."""
    return f"- € {amount(-euros)}" if euros < 0 else f"€ {amount(euros)}"


def dec(euros: int) -> str:
    """Truth string of a whole-euro amount: ``-38729.00``."""
    return f"{euros}.00"


def dec_cents(value: int) -> str:
    """Truth string of a cents amount: ``-801540.67``."""
    sign = "-" if value < 0 else ""
    whole, rest = divmod(abs(value), 100)
    return f"{sign}{whole}.{rest:02d}"


def slug(text: str) -> str:
    """The parsers' slug: ASCII, lower case, runs of other characters as one underscore."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap at spaces; a line never ends with a token that carries a digit.

    Keeping digits off line ends means no printed prose line can look like a row with trailing
    amounts or like a bare page number.
    """
    words = text.split()
    lines: list[list[str]] = []
    line: list[str] = []
    for word in words:
        if line and len(" ".join([*line, word])) > width:
            lines.append(line)
            line = []
        line.append(word)
    if line:
        lines.append(line)
    return _digits_off_line_ends(lines)


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _digits_off_line_ends(lines: list[list[str]]) -> list[str]:
    out: list[list[str]] = []
    carry: list[str] = []
    for n, line in enumerate(lines):
        line = carry + line
        carry = []
        if n < len(lines) - 1:
            while len(line) > 1 and _has_digit(line[-1]):
                carry.insert(0, line.pop())
            if all(_has_digit(w) for w in line):  # never a line of numbers only
                carry = line + carry
                continue
        out.append(line)
    if len(out) > 1 and all(_has_digit(w) for w in out[-1]):
        out[-2].extend(out.pop())
    return [" ".join(line) for line in out]


_AFTER_HYPHEN = re.compile(r"(?<=-)(?=\w)")


def hard_wrap(text: str, width: int) -> list[str]:
    """Wrap the way the export's narrow table cells do: at spaces and after hyphens ("C-" + "mine",
    "en -" + "schenkingen"), and inside a word only when a piece alone is wider than the cell
    ("Aanschaffingswaarde/Bele" + "id")."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        for n, piece in enumerate(_AFTER_HYPHEN.split(word) if word else []):
            joiner = " " if n == 0 and line else ""
            if len(line + joiner + piece) <= width:
                line += joiner + piece
                continue
            if line:
                lines.append(line)
            while len(piece) > width:
                lines.append(piece[:width])
                piece = piece[width:]
            line = piece
    if line:
        lines.append(line)
    return lines
