"""Beleidsevaluatie: the policy hierarchy BD -> AP -> AC with its evaluations and budget tables.

Layout of the section (from the cover "Beleidsevaluatie" to just before J1), as a sequence of
blocks, each opened by a recognisable line:

* plan header ``Prioritaire Inhoudstabel:: <NAME>`` (the name may wrap over several lines), its
  period line and the table of the whole plan (``PolicyBudget.policy_level == 'PLAN'``);
* item header ``<Prioritaire|Niet-prioritaire> <beleidsdoelstelling|actieplan|actie>: <code>``
  (also ``Prioritair actieplan``), then the title (wrapped lines, ended by the period line
  ``Van dd/mm/yyyy tot dd/mm/yyyy``, which may follow without blank line), then optionally
  ``Toelichting evaluatie: <status><sep><text>`` and optionally the item's budget table;
* closing markers ``Geen niet-prioritaire ...`` (stop the running text; kept in metadata);
* ``Andere gebruikte dossiers op dit rapport:`` with ``<label>:`` / ``<dossier>`` lines (metadata).

A budget table is a year line (``2024``), the column header ``Jaarrekening Eindkredieten Initiële
kredieten`` and rows ``Uitgaven|Ontvangsten|Saldo a b c`` under the section labels
``Exploitatie|Investeringen|Financiering``. It belongs to the block it is printed in, i.e. to the
header immediately above it (BD, AP, AC or the plan). All-zero rows are omitted by the report and
stay absent; printed rows (zeros included) are kept; Saldo is read, never recomputed. Identical
tables of an AP and its AC are both kept.

Traps handled:

* page breaks leave running footers ("JAARREKENING ORIGINEEL 2024 : Beleidsevaluatie 2024",
  "<entity> (0123.456.789) 12 / 155"), bare page numbers and repeated titles anywhere, even in the
  middle of a text cut off mid-word: they are dropped by pattern before parsing. A bare number is
  kept only as the year line directly above a table header;
* the hierarchy is positional (codes are not sorted): AC -> last AP, AP -> last BD;
* status separators vary (": ", " : ", "." before the colon, status alone on its line, no text);
  an unknown phrase is kept as ``onbekend`` and reported, never fatal;
* texts are CSV-style quoted: outer quotes that wrap the whole text are removed (an opening quote
  whose text was truncated at a page break too) and doubled quotes are undoubled;
* a table row whose label and amounts were split over two lines is rejoined.
Nothing depends on blank lines or leading spaces.

``PolicyResult.metadata`` keys: ``journaalvolgnummers`` (cover), ``dossier_<label>`` per dossier
label (``MJP initieel krediet:`` -> ``dossier_initieel_krediet``; several dossiers joined by "; ")
and ``niet_prioritaire_markers`` (JSON object: marker line -> count).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from pipelines.extract.artefacts import KBO_DIGITS, KBO_NUMBER, PAGE_NUMBER, YEAR_COLON
from pipelines.extract.lines import CLine
from pipelines.extract.model import PolicyBudget, PolicyItem, PolicyResult, policy_code_key
from pipelines.extract.numbers import split_trailing_amounts
from pipelines.extract.sections import Section

# --- block starters -------------------------------------------------------------------------
_ITEM_HEADER = re.compile(
    r"(?P<np>niet[- ]?)?prioritaire? (?P<level>beleidsdoelstelling|actieplan|actie)\s*:\s*"
    r"(?P<code>(?-i:BDS?|AP|AC) \d{1,3}(?![^\s:])|[^\s\d]*\d[^\s:]*)(?:\s*[:\-\u2013]?\s+(?P<rest>.*))?",
    # a code carries a digit: BD000001, AP000077, BD01, BD.17, and the spaced form BD 1; the title may follow
    # after ":" or "-" ("BD01 - Wonen")
    re.I,
)
_PLAN_HEADER = re.compile(r"(?P<np>niet[- ]?)?prioritaire inhoudstabel\s*:+\s*(?P<name>.*)", re.I)
_MARKER = re.compile(r"geen niet[- ]?prioritaire? .*", re.I)
_DOSSIERS = re.compile(r"andere gebruikte dossiers\b.*", re.I)
_LEVELS = {"beleidsdoelstelling": "BD", "actieplan": "AP", "actie": "AC"}

# --- lines inside a block -------------------------------------------------------------------
_DATE = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
_PERIOD = re.compile(rf"(?:(?P<before>.*\S)\s+)?van {_DATE} tot {_DATE}", re.I)
_TOELICHTING = re.compile(r"toelichting evaluatie\s*:\s*(?P<rest>.*)", re.I)
_DOSSIER_LABEL = re.compile(r"(?P<label>[^\W\d_]+(?: [^\W\d_]+)*)\s*:\s*(?P<value>.*)")  # MJP eindkrediet:
_DOSSIER = re.compile(r"\S.* \d{4}\s*:\s*\S.*")  # MJP_HERZIENING_10_BEGINKREDIET_2025 2024: Alg. 22287
_JOURNAAL = re.compile(r"journaalvolgnummers\s*:\s*(?P<value>.*)", re.I)

# --- tables ---------------------------------------------------------------------------------
_YEAR = re.compile(r"\d{4}")
_COLUMN = re.compile(r"jaarrekening|eindkredieten?|initi[eë]le kredieten?|meerjarenplan", re.I)
_HEADER_LINE = re.compile(rf"(?:(?:{_COLUMN.pattern})\s*){{2,}}", re.I)
_PHASE_BY_WORD = {
    "jaar": "jaarrekening",
    "eind": "eindkrediet",
    "init": "initieel_krediet",
    "meer": "meerjarenplan",
}
_BUDGET_KIND = re.compile(r"(?P<kind>exploitatie|investeringen?|financiering)\s*:?", re.I)
_DIRECTION = re.compile(r"(?P<dir>uitgaven?|ontvangsten?|saldo)\s*:?", re.I)
_KIND_BY_WORD = {"expl": "exploitatie", "inve": "investeringen", "fina": "financiering"}
_DIRECTION_BY_WORD = {"uitg": "uitgaven", "ontv": "ontvangsten", "sald": "saldo"}

# --- running page artefacts -----------------------------------------------------------------
# Narrower than the shared patterns: the policy texts are prose that may print years, colons,
# numbers and "x / y" of their own.
_ARTEFACTS = (
    # RUNNING_TITLE with a title of at least four upper-case characters (accents allowed), "<year> : "
    # spaced as printed and a non-empty schema: "JAARREKENING ORIGINEEL 2024 : Beleidsevaluatie 2024"
    re.compile(rf"[A-ZÀ-Þ][A-ZÀ-Þ ]{{3,}}{YEAR_COLON}.+"),
    # ENTITY_LINE that ends at the KBO number or at a page counter after it: "<entity> (0123.456.789) [N / M]"
    re.compile(rf".*\({KBO_NUMBER}\)(?: {PAGE_NUMBER} / {PAGE_NUMBER})?"),
    # running header "<entity> 0123456789 Jaarrekening 2024" (any report word)
    re.compile(rf".* {KBO_DIGITS} [A-Za-z]+ \d{{4}}"),
    re.compile(r"beleidsevaluatie(?: \d{4})?", re.I),  # repeated title
)
# page counter "N / M" (spaced), alone or after text; an artefact only when N <= M (see _is_artefact)
_PAGE_OF = re.compile(rf"(?:.*\s)?(?P<n>{PAGE_NUMBER}) / (?P<m>{PAGE_NUMBER})")
_BARE_NUMBER = re.compile(PAGE_NUMBER)

_STATUSES = (
    (re.compile(r"voortgang loopt niet zoals gepland", re.I), "achter_schema"),
    (re.compile(r"voortgang loopt zoals gepland", re.I), "op_schema"),
    (re.compile(r"resultaat is behaald", re.I), "behaald"),
    (re.compile(r"niet opgestart", re.I), "niet_opgestart"),
)
_AFTER_PHRASE = re.compile(r"\.?\s*(?::(?=\s|$))?\s*")
_UNKNOWN_SEPARATOR = re.compile(r"\s*:(?:\s|$)")
_ODD_QUOTES_AT_START = re.compile(r'"(?:"")*(?!")')
_ODD_QUOTES_AT_END = re.compile(r'(?<!")"(?:"")*$')
_SUSPENDED_COMPOUND = re.compile(r"(?:en|of)\b", re.I)  # "info-" / "en vormingsavonden"


@dataclass(frozen=True, slots=True)
class _Evaluation:
    status: str
    phrase: str | None
    text: str | None


@dataclass(slots=True)
class _Context:
    """Running state over the blocks: the last BD/AP (parents) and the collected result."""

    fiscal_year: int
    result: PolicyResult
    last_bd: str | None = None
    last_ap: str | None = None


def parse_policy(sections: Sequence[Section], fiscal_year: int) -> PolicyResult:
    """Parse every 'policy' section (in order) into items, budget rows and metadata.

    ``fiscal_year`` is the table year when a table prints no year line above its header.
    """
    lines = _drop_artefacts([cl for s in sections if s.kind == "policy" for cl in s.lines])
    ctx = _Context(fiscal_year, PolicyResult())
    markers: Counter[str] = Counter()
    for block in _blocks(lines):
        first = block[0].text
        if _MARKER.fullmatch(first):
            markers[first] += 1
        elif _DOSSIERS.fullmatch(first):
            ctx.result.metadata.update(_dossiers(block[1:]))
        elif m := _ITEM_HEADER.fullmatch(first):
            _item_block(block, m, ctx)
        elif m := _PLAN_HEADER.fullmatch(first):
            _plan_block(block, m, ctx)
        else:
            _cover(block, ctx.result.metadata)
    if markers:
        ctx.result.metadata["niet_prioritaire_markers"] = json.dumps(dict(markers), ensure_ascii=False)
    return ctx.result


# --- lines and blocks -----------------------------------------------------------------------
def _is_artefact(text: str) -> bool:
    if any(p.fullmatch(text) for p in _ARTEFACTS):
        return True
    m = _PAGE_OF.fullmatch(text)
    return bool(m) and 0 < int(m["n"]) <= int(m["m"])


def _drop_artefacts(lines: Sequence[CLine]) -> list[CLine]:
    """Drop running footers/titles; keep a bare number only as the year line above a table header."""
    kept = [cl for cl in lines if not _is_artefact(cl.text)]
    out: list[CLine] = []
    for i, cl in enumerate(kept):
        if _BARE_NUMBER.fullmatch(cl.text):
            is_year = _YEAR.fullmatch(cl.text) and i + 1 < len(kept) and _is_table_header(kept[i + 1].text)
            if not is_year:
                continue
        out.append(cl)
    return out


def _starts_block(text: str) -> bool:
    return any(p.fullmatch(text) for p in (_MARKER, _DOSSIERS, _ITEM_HEADER, _PLAN_HEADER))


def _blocks(lines: Sequence[CLine]) -> list[list[CLine]]:
    """Cut the lines at every block starter; lines before the first starter form the cover block."""
    blocks: list[list[CLine]] = []
    for cl in lines:
        if not blocks or _starts_block(cl.text):
            blocks.append([cl])
        else:
            blocks[-1].append(cl)
    return blocks


def _cover(block: Sequence[CLine], metadata: dict[str, str]) -> None:
    for cl in block:
        if m := _JOURNAAL.fullmatch(cl.text):
            metadata["journaalvolgnummers"] = m["value"]


# --- items ----------------------------------------------------------------------------------
def _item_block(block: list[CLine], head: re.Match[str], ctx: _Context) -> None:
    level = _LEVELS[head["level"].lower()]
    code = head["code"]
    parent = _parent(level, code, ctx)
    table_at = _table_start(block)
    title, period, toelichting, description = _split_title(block[1:table_at], head["rest"])
    evaluation = _evaluation(toelichting)
    if evaluation.status == "onbekend" and evaluation.phrase is not None:
        ctx.result.unknown_status_phrases.append(evaluation.phrase)
    start, end = period if period else (None, None)
    ctx.result.items.append(
        PolicyItem(
            level=level,
            code=code,
            title=title,
            is_priority=not head["np"],
            parent_code=parent,
            period_start=start,
            period_end=end,
            evaluation_status=evaluation.status,
            status_phrase=evaluation.phrase,
            evaluation_text=evaluation.text,
            page_start=block[0].page_no,
            line_start=block[0].line_no,
            page_end=block[-1].page_no,
            line_end=block[-1].line_no,
            description=description,
            code_key=policy_code_key(code),
        )
    )
    _add_table(block[table_at:], level, code, ctx)


def _parent(level: str, code: str, ctx: _Context) -> str | None:
    """Positional hierarchy: an AP belongs to the last BD, an AC to the last AP (of that BD)."""
    if level == "BD":
        ctx.last_bd, ctx.last_ap = code, None
        return None
    if level == "AP":
        ctx.last_ap = code
        return ctx.last_bd
    return ctx.last_ap


def _split_title(
    lines: Sequence[CLine], first: str | None
) -> tuple[str, tuple[date, date] | None, list[str], str | None]:
    """Title (up to the period line or the toelichting), period, the toelichting's lines, and the
    description: text printed between the period and the toelichting (usually none)."""
    title = [first] if first else []
    period: tuple[date, date] | None = None
    seen_period = False
    description: list[str] = []
    for i, cl in enumerate(lines):
        if m := _TOELICHTING.fullmatch(cl.text):
            return _join(title), period, [m["rest"], *(c.text for c in lines[i + 1 :])], _join(description) or None
        if seen_period:
            description.append(cl.text)
        elif m := _PERIOD.fullmatch(cl.text):
            seen_period, period = True, _period(m)
            title.extend([m["before"]] if m["before"] else [])
        else:
            title.append(cl.text)
    return _join(title), period, [], _join(description) or None


def _period(m: re.Match[str]) -> tuple[date, date] | None:
    d1, m1, y1, d2, m2, y2 = (int(g) for g in m.groups()[1:])
    try:
        return date(y1, m1, d1), date(y2, m2, d2)
    except ValueError:  # an impossible printed date: no period rather than a failure
        return None


def _evaluation(parts: list[str]) -> _Evaluation:
    """Status and text of ``Toelichting evaluatie: <status><sep><text>`` (``parts`` = its lines)."""
    parts = [p for p in parts if p]
    if not parts:
        return _Evaluation("geen", None, None)
    joined = _join(parts)
    for pattern, status in _STATUSES:
        if (m := pattern.match(joined)) and (end := _phrase_end(joined, m.end())) is not None:
            return _Evaluation(status, joined[:end].rstrip(": "), _clean_text(joined[end:]))
    sep = _UNKNOWN_SEPARATOR.search(parts[0])
    phrase, end = (parts[0][: sep.start()], sep.end()) if sep else (parts[0], len(parts[0]))
    return _Evaluation("onbekend", phrase, _clean_text(joined[end:]))


def _phrase_end(joined: str, pos: int) -> int | None:
    """End of a known phrase plus its separator, or None when the phrase runs on into a word."""
    if pos < len(joined) and joined[pos].isalnum():
        return None
    separator = _AFTER_PHRASE.match(joined, pos)
    return separator.end() if separator else pos


def _join(parts: Sequence[str]) -> str:
    """Join wrapped lines with one space; a word wrapped at its hyphen is rejoined without space."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out and _wrapped_at_hyphen(out, part):
            out += part
        else:
            out = f"{out} {part}" if out else part
    return out


def _wrapped_at_hyphen(before: str, after: str) -> bool:
    return (
        len(before) > 1
        and before.endswith("-")
        and before[-2].isalnum()
        and after[0].isalnum()
        and not _SUSPENDED_COMPOUND.match(after)
    )


def _clean_text(text: str) -> str | None:
    text = _unquote(text.strip())
    return text or None


def _unquote(text: str) -> str:
    """Undo CSV-style quoting: drop quotes that only wrap the text, undouble inner quotes.

    The closing quote may be missing (text cut off at a page break) and inner quotes are not always
    doubled, so the text is unwrapped when it opens with a quote and either ends with a closing
    quote or has no other single quote at all.
    """
    if _ODD_QUOTES_AT_START.match(text):
        body = text[1:]
        if _ODD_QUOTES_AT_END.search(body):
            text = body[:-1]
        elif '"' not in body.replace('""', ""):
            text = body
    return text.replace('""', '"').strip()


# --- plan and tables ------------------------------------------------------------------------
def _plan_block(block: list[CLine], head: re.Match[str], ctx: _Context) -> None:
    table_at = _table_start(block)
    name = _split_title(block[1:table_at], head["name"])[0]
    code = f"NIET_PRIORITAIR {name}".strip() if head["np"] else name or "PLAN"
    _add_table(block[table_at:], "PLAN", code, ctx)


def _is_table_header(text: str) -> bool:
    return bool(_HEADER_LINE.fullmatch(text))


def _table_start(block: Sequence[CLine]) -> int:
    """Index of the table's year line (or header line) within ``block``; ``len(block)`` if none."""
    for i, cl in enumerate(block):
        if _is_table_header(cl.text):
            return i - 1 if i > 1 and _YEAR.fullmatch(block[i - 1].text) else i
    return len(block)


def _add_table(lines: Sequence[CLine], level: str, code: str, ctx: _Context) -> None:
    """Parse table rows until the first line that is no part of a table (year/header may repeat)."""
    year, phases, kind = ctx.fiscal_year, [], None
    pending: str | None = None  # a row label whose amounts are on the next line
    for cl in lines:
        text = cl.text
        if _YEAR.fullmatch(text):
            year = int(text)
        elif _is_table_header(text):
            phases = [_PHASE_BY_WORD[w.lower()[:4]] for w in _COLUMN.findall(text)]
        elif m := _BUDGET_KIND.fullmatch(text):
            kind = _KIND_BY_WORD[m["kind"].lower()[:4]]
        elif (m := _DIRECTION.fullmatch(text)) and kind:
            pending = m["dir"]
        else:
            label, amounts = split_trailing_amounts(text)
            label, pending = label or pending or "", None
            direction = _DIRECTION.fullmatch(label)
            if not (direction and kind and amounts and len(amounts) == len(phases)):
                return
            for phase, amount in zip(phases, amounts, strict=True):
                ctx.result.budgets.append(
                    PolicyBudget(
                        policy_level=level,
                        policy_code=code,
                        budget_kind=kind,
                        direction=_DIRECTION_BY_WORD[direction["dir"].lower()[:4]],
                        phase=phase,
                        year=year,
                        amount=amount,
                        page_no=cl.page_no,
                        line_no=cl.line_no,
                    )
                )


# --- dossiers -------------------------------------------------------------------------------
def _dossiers(lines: Sequence[CLine]) -> dict[str, str]:
    """``MJP initieel krediet:`` / ``<dossier>`` pairs -> ``{'dossier_initieel_krediet': '<dossier>'}``.

    Only dossier-shaped lines are values (trailing prose or links are not); several dossiers under
    one label are joined with "; ".
    """
    values: dict[str, list[str]] = {}
    key = "dossier"
    for cl in lines:
        if _DOSSIER.fullmatch(cl.text):
            values.setdefault(key, []).append(cl.text)
        elif m := _DOSSIER_LABEL.fullmatch(cl.text):
            key = _dossier_key(m["label"])
            if _DOSSIER.fullmatch(m["value"]):
                values.setdefault(key, []).append(m["value"])
    return {k: "; ".join(v) for k, v in values.items()}


def _dossier_key(label: str) -> str:
    words = label.lower().split()
    if words and words[0] == "mjp":
        words = words[1:]
    return "_".join(["dossier", *words])
