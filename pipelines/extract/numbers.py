"""Dutch number formats as printed in BBC reports, parsed exactly into ``Decimal``.

Accepted: ``1.234.567``, ``-38.729``, ``1.234,56``, ``0,00``, ``€ 1.234,56``, ``-€ 801.540,67``,
``- € 38.729``, ``€ 0,00``. A thousands separator must group exactly three digits, so dates,
journal numbers (``2024036795``) and codes are not mistaken for amounts by :func:`parse_amount`
unless they are plain integers; callers decide where a plain integer may be an amount.
"""

from __future__ import annotations

import re
from decimal import Decimal

# one amount token: optional sign, optional euro sign, digits with '.' thousands, optional ',dd'
AMOUNT_RE = re.compile(
    r"(?<![\w.,/])"
    r"(?P<sign>-\s*)?(?:€\s*)?"
    r"(?P<int>\d{1,3}(?:\.\d{3})+|\d+)"
    r"(?:,(?P<dec>\d{1,2}))?"
    r"(?![\w.,/%])"
)
_FULL_RE = re.compile(
    r"^(?P<sign>-)?\s*(?:€\s*)?(?P<sign2>-)?\s*(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d{1,2}))?$"
)
CENT = Decimal("0.01")


def parse_amount(token: str) -> Decimal | None:
    """Parse one printed amount; ``None`` when ``token`` is not an amount."""
    t = token.strip().replace("\u00a0", " ")
    m = _FULL_RE.match(t)
    if not m:
        return None
    digits = m.group("int").replace(".", "")
    dec = m.group("dec") or "0"
    value = Decimal(f"{digits}.{dec.ljust(2, '0')}")
    if m.group("sign") or m.group("sign2"):
        value = -value
    return value.quantize(CENT)


def split_trailing_amounts(text: str, *, max_count: int | None = None) -> tuple[str, list[Decimal]]:
    """Split ``"Uitgaven 5.655.960 -38.729 0"`` into ``("Uitgaven", [5655960, -38729, 0])``.

    Amount tokens are taken from the right end of the line while they parse; the rest is the
    label. Tokens glued to a euro sign (``€ 12``, ``-€ 1,00``, ``- € 38.729``) are handled.
    """
    tokens = _tokenize(text)
    amounts: list[Decimal] = []
    while tokens and (max_count is None or len(amounts) < max_count):
        value = parse_amount(tokens[-1])
        if value is None:
            break
        amounts.append(value)
        tokens.pop()
    amounts.reverse()
    return " ".join(tokens).strip(), amounts


_TOKEN_RE = re.compile(r"-\s*€\s*\S+|€\s*\S+|-\s+(?=\d)\S+|\S+")


def _tokenize(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.replace("\u00a0", " ").strip())


def is_amount_line(text: str) -> bool:
    """True when the whole line is one or more amounts and nothing else."""
    label, amounts = split_trailing_amounts(text)
    return bool(amounts) and not label
