"""Dutch number formats as printed in BBC reports, parsed exactly into ``Decimal``.

Accepted: ``1.234.567``, ``-38.729``, ``1.234,56``, ``0,00``, ``€ 1.234,56``, ``-€ 801.540,67``,
``- € 38.729``, ``€ 0,00``, and the negative notations of other accounting packages: in parentheses
``(1.234)`` / ``(€ 1.234,56)`` and with a trailing minus ``1.234-`` / ``1.234,56-``
(:data:`NEGATIVE_NOTATIONS`, the number-format part of a producer profile). A thousands separator
must group exactly three digits, so dates, journal numbers (``2024036795``) and codes are not
mistaken for amounts by :func:`parse_amount` unless they are plain integers; callers decide where a
plain integer may be an amount.
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
_NUMBER = r"(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d{1,2}))?"
_FULL_RE = re.compile(
    r"^(?:(?P<sign>-)?\s*(?:€\s*)?(?P<sign2>-)?\s*"  # -1.234 / - € 1.234 / € -1.234
    + _NUMBER
    + r"|\(\s*(?:€\s*)?(?P<paren>)"  # (1.234) / (€ 1.234,56)
    + _NUMBER.replace("?P<int>", "?P<int_p>").replace("?P<dec>", "?P<dec_p>")
    + r"\s*\)"
    + r"|(?:€\s*)?"  # 1.234- / € 1.234,56-
    + _NUMBER.replace("?P<int>", "?P<int_t>").replace("?P<dec>", "?P<dec_t>")
    + r"(?P<trailing>-))$"
)
# the negative notations parse_amount reads besides a leading minus (every producer seen so far
# prints one of them; a profile lists the one it uses, see pipelines.extract.specs)
NEGATIVE_NOTATIONS = ("-1.234", "- 1.234", "(1.234)", "1.234-")
CENT = Decimal("0.01")


def parse_amount(token: str) -> Decimal | None:
    """Parse one printed amount; ``None`` when ``token`` is not an amount."""
    t = token.strip().replace("\u00a0", " ")
    m = _FULL_RE.match(t)
    if not m:
        return None
    if m.group("paren") is not None:
        whole, dec = m.group("int_p"), m.group("dec_p")
    elif m.group("trailing"):
        whole, dec = m.group("int_t"), m.group("dec_t")
    else:
        whole, dec = m.group("int"), m.group("dec")
    digits = whole.replace(".", "")
    value = Decimal(f"{digits}.{(dec or '0').ljust(2, '0')}")
    if m.group("sign") or m.group("sign2") or m.group("paren") is not None or m.group("trailing"):
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


_TOKEN_RE = re.compile(r"-\s*€\s*\S+|\(\s*€\s*[^\s)]+\s*\)|€\s*\S+|-\s+(?=\d)\S+|\S+")


def _tokenize(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.replace("\u00a0", " ").strip())


def is_amount_line(text: str) -> bool:
    """True when the whole line is one or more amounts and nothing else."""
    label, amounts = split_trailing_amounts(text)
    return bool(amounts) and not label
