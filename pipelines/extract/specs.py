"""Layout knowledge as data: the schemas' prescribed titles and column words, and how producers print them.

The BBC regulation fixes the *content* of a report (schema names, row labels, policy levels); each accounting
package chooses its *layout* (column words, year headers, negative notation, page furniture, code forms). The
schema parsers (:mod:`sections`, :mod:`schedules_j`, :mod:`schedules_m`, :mod:`schedules_t`) read this module
instead of inline patterns, so a new layout family needs an entry here (a spelling, a column word, a
:mod:`pipelines.ingest.profiles` entry), not new parser code.

* :data:`SECTION_TITLES` - per table kind the pattern of its printed title (full match of a normalised line).
  The schema code may be followed by ``:`` or by a dash (``M1: Financieel …``, ``Schema M1 - Financieel …``).
* Column vocabularies: :data:`DIRECTION_WORDS` (``Uitgave``/``Uitgaven``, ``Ontvangst``/``Ontvangsten``,
  ``Saldo``), :data:`BUDGET_KIND_WORDS`, :data:`ROLE_WORDS` (``Referentie``/``Vorig krediet``, ``Wijziging``,
  ``Nieuw``/``Nieuw krediet``), year headers :data:`YEAR_TOKEN` (``2026``, ``MJP2026``, ``2026 (€)``).
* :data:`BD_HEADERS` - the forms of a beleidsdoelstelling's header in M1/J1 (``Beleidsdoelstelling:
  BD000001:<title>``, ``Beleidsdoelstelling BD01 - <title>``, ``BELEIDSDOELSTELLING BD.17 …``) with the
  policy-code forms of :data:`BD_CODE`.

The producer profiles (one per layout family: evidence, number format, negative notation, code forms, page
furniture), chosen at intake and recorded on the document, are :mod:`pipelines.ingest.profiles`.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# section titles (the regulation's schema names)

_SEP = r"(?:: ?| ?[-–] )"  # "M1: Financieel …", "M1 - Financieel …", "Schema M1 – Financieel …"

SECTION_TITLES: dict[str, re.Pattern[str]] = {
    "policy": re.compile(r"Beleidsevaluatie( \d{4})?", re.I),
    "J1": re.compile(r"J1: ?Doelstellingenrekening.*", re.I),
    "J2": re.compile(r"J2: ?Staat van het financieel evenwicht.*", re.I),
    "J3": re.compile(r"J3: ?Realisatie van de kredieten.*", re.I),
    "J4": re.compile(r"J4: ?Balans.*", re.I),
    "J5": re.compile(r"J5: ?Staat van (de )?opbrengsten en kosten.*", re.I),
    "M1": re.compile(rf"(Schema )?M1(\(W\))?{_SEP}(Aangepast )?financieel doelstellingenplan.*", re.I),
    "M2": re.compile(rf"(Schema )?M2(\(W\))?{_SEP}(Aangepaste )?staat van het financieel evenwicht.*", re.I),
    "M3": re.compile(rf"(Schema )?M3(\(W\))?{_SEP}(Aangepast )?overzicht van de kredieten.*", re.I),
    "plan_policy": re.compile(r"(ODAA: )?Overzicht doelstellingen, actieplannen en acties", re.I),
    "plan_strategic_note": re.compile(r"SNW?: ?Strategische nota(: ?wijzigingsvariant)?", re.I),
    "T1": re.compile(rf"(Schema )?T1(\(W\)|W)?{_SEP}Ontvangsten en uitgaven naar functionele aard.*", re.I),
    "T2": re.compile(
        r"(Schema )?T2(\(W\)|W)?(: ?(Ontvangsten en uitgaven naar economische aard.*)?"
        r"| ?[-–] Ontvangsten en uitgaven naar economische aard.*)",
        re.I,
    ),
    "T3": re.compile(rf"(Schema )?T3(\(W\)|W)?{_SEP}.*", re.I),
    "T4": re.compile(r"T4: ?Evolutie van de financi[eë]le schulden.*", re.I),
    "T5": re.compile(rf"(Schema )?T5(\(W\)|W)?{_SEP}.*", re.I),
    "off_balance": re.compile(r"Niet in de balans opgenomen rechten en verplichtingen", re.I),
    "participations": re.compile(r"Overzicht (van de )?participaties\b.*", re.I),
    "credit_transfers_investments": re.compile(r"Overdracht investeringskredieten \d{4} naar \d{4}", re.I),
    "credit_transfers_financing": re.compile(r"Overdracht financieringskredieten \d{4} naar \d{4}", re.I),
}

# ---------------------------------------------------------------------------------------------
# column vocabularies

DIRECTION_WORDS = {
    "uitgave": "uitgaven",
    "uitgaven": "uitgaven",
    "ontvangst": "ontvangsten",
    "ontvangsten": "ontvangsten",
    "saldo": "saldo",
}
BUDGET_KIND_WORDS = {
    "exploitatie": "exploitatie",
    "investering": "investeringen",
    "investeringen": "investeringen",
    "financiering": "financiering",
    "financieringen": "financiering",
}
# column-role words of a plan revision -> role (Vorig krediet = referentie, Nieuw krediet = nieuw)
ROLE_WORDS = {
    "vorig krediet": "referentie",
    "nieuw krediet": "nieuw",
    "referentie": "referentie",
    "wijziging": "wijziging",
    "nieuw": "nieuw",
}
# stems naming a budget kind or a direction inside a label ("I. Exploitatie-uitgaven", "Investeringsontvangsten")
BUDGET_KIND_STEMS = (("exploitatie", "exploitatie"), ("investering", "investeringen"), ("financiering", "financiering"))
DIRECTION_STEMS = (("uitgave", "uitgaven"), ("ontvangst", "ontvangsten"), ("saldo", "saldo"))
# a year in a column header: "2026", "MJP2026" (meerjarenplan year), "2026 (€)" (the unit after the year)
YEAR_TOKEN = re.compile(r"(?:MJP ?)?(?P<year>(?:19|20)\d{2})", re.I)
UNIT_TOKENS = frozenset({"(€)", "€", "(eur)", "eur", "(euro)"})


def trailing_year_tokens(text: str) -> tuple[str, list[int]]:
    """Split ``"Budgettair resultaat MJP2026 MJP2027"`` / ``"2026 (€) 2027 (€)"`` into the label and the
    years of the column header at its end (the years in printed order, not checked)."""
    tokens = text.split()
    years: list[int] = []
    while tokens:
        token = tokens[-1]
        if token.lower() in UNIT_TOKENS and len(tokens) > 1 and YEAR_TOKEN.fullmatch(tokens[-2]):
            tokens.pop()
            continue
        m = YEAR_TOKEN.fullmatch(token)
        if not m:
            break
        years.insert(0, int(m["year"]))
        tokens.pop()
    return " ".join(tokens), years


# ---------------------------------------------------------------------------------------------
# beleidsdoelstelling headers in M1 / J1

# code forms of a beleidsdoelstelling: BD000001, BDS000001, BD01, BD.17, BD 1
BD_CODE = r"BDS?(?:\d{1,6}|\.\d{1,3}| \d{1,3})"
BD_HEADERS = (
    # "Beleidsdoelstelling: BD000001:<title>", "Prioritaire beleidsdoelstelling: BDS000005"
    re.compile(r"(?:(?:niet[- ])?prioritaire )?beleidsdoelstelling: ?(?P<code>[^\s:]+).*", re.I),
    # "Beleidsdoelstelling BD01 - <title>", "BELEIDSDOELSTELLING BD.17 <title>", "Beleidsdoelstelling BD 1"
    re.compile(rf"(?:(?:niet[- ])?prioritaire )?beleidsdoelstelling (?P<code>{BD_CODE})(?:(?: ?[-–:] ?| ).*)?", re.I),
    # the code alone before the title: "BD01 - Een veilige stad", "BD.17: …", "BD 1 - …" (not "BDS De provincie …")
    re.compile(r"(?P<code>BDS?(?:\d{1,6}|\.\d{1,3})|BD \d{1,3}(?= [-–:]))(?: ?[-–:] ?| )(?=[^\W\d]).*"),
)


# blocks of J1 / M1 without a BD code: prescribed labels -> block code
J1_BLOCKS = (
    (re.compile(r"niet[- ]prioritaire beleidsdoelstellingen:?", re.I), "NIET_PRIORITAIR"),
    (re.compile(r"verrichtingen zonder beleidsdoelstelling(?:en)?:?", re.I), "ZONDER_BD"),
    (re.compile(r"totaal:?", re.I), "TOTAAL"),
)
M1_BLOCKS = (
    (re.compile(r"verrichtingen zonder beleidsdoelstelling(?:en)?(?: \(totaal\))?:?", re.I), "ZONDER_BD"),
    (re.compile(r"algemeen totaal:?", re.I), "TOTAAL"),
)


def bd_header_code(text: str) -> str | None:
    """The policy code of a beleidsdoelstelling header line, as printed; ``None`` for any other line."""
    for pattern in BD_HEADERS:
        m = pattern.fullmatch(text)
        if m:
            return m["code"]
    return None
