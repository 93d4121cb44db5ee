"""Layout family B: multi-year plans printed by another accounting package, with their ground truth.

A city (or municipality) makes its meerjarenplan together with its OCMW. The regulation fixes the content
(identity data, the policy hierarchy, the schemas M1, M2, M3, T1, T2 with their prescribed row labels); this
family prints it in its own layout, unlike the "Journaalvolgnummers" family of :mod:`pipelines.synth.render`:

* page 1: the report's cover (``MEERJARENPLAN 2026-2031``, the city); page 2: the identity block
  ``Naam bestuur`` followed by the city and the OCMW, each with its address and ``KBO-nummer 0207.xxx.xxx``,
  then ``Rapportgegevens`` (report type, plan period, date of the council decision);
* no running header or footer: the page number alone on its own line at the foot of every page (the text
  export separates pages with a form feed after it);
* the strategic note: headings in capitals with the codes of this package (``BD01`` / ``BD.01`` / ``BD 1`` per
  report, actieplannen ``AP0101`` = BD 01, AP 01), the code and title on one line
  (``BELEIDSDOELSTELLING BD01 - EEN VEILIGE STAD``) or on two (code line, title line) per report, a
  description paragraph under every heading, a marker line ``Prioritaire beleidsdoelstelling`` /
  ``Prioritair actieplan`` under the heading of a priority item, and under every priority actieplan its budget
  table: a year header row ``2026 2027 … 2031`` then ``Uitgaven`` / ``Ontvangsten`` (and ``Saldo`` in some
  reports) rows;
* the schemas titled ``Schema M1 - Financieel doelstellingenplan`` … with year headers ``MJP2026 … MJP2031``,
  rows ``Uitgaven`` / ``Ontvangsten`` / ``Saldo`` in M1, ``Beleidsdoelstelling BD01 - <title>`` block headers,
  negative amounts as ``(1.234)`` or ``1.234-`` (per report), and the prescribed row labels of M2, M3, T1, T2.

Every identity holds exactly: a BD's M1 amounts are the sums of its actieplannen (priority or not; only
priority ones print a table), the plan total is the BDs plus the operations without a BD, T2's and M2's totals
are the plan totals per budget kind, M3 is the first plan year, T1 splits the plan totals over beleidsdomeinen.

The truth (``truth`` of :class:`~pipelines.synth.generator.SyntheticReport`): ``document`` (main entity, KBO,
type, report type, plan years, ``entities`` with both entities and their role), ``policy_items`` {level,
code, parent_code, title, is_priority, description}, ``policy_budgets`` {policy_level, policy_code,
budget_kind, direction, phase, year, column_role, amount} and per schema ``M1``, ``M2``, ``M3``, ``T1``,
``T2`` the printed cells {line_path, year, column_role, amount} (M3 also direction). Amounts are strings with
two decimals.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass, field
from typing import Any

from pipelines.synth import vocab
from pipelines.synth.entity import kbo_number, town_name
from pipelines.synth.fmt import dec
from pipelines.synth.generator import SyntheticReport

FAMILY = "package_b"
PLAN_FIRST_YEARS = (2020, 2026)
LINES_PER_PAGE = 46
CODE_FORMS = ("BD{n:02d}", "BD.{n:02d}", "BD {n}")
YEAR_HEADERS = ("MJP{y}", "{y} (€)")  # a plan year heading a schema column
LABEL_WIDTH, AMOUNT_WIDTH = 58, 15
NEGATIVE_NOTATIONS = ("paren", "trailing")
DESCRIPTION_WIDTH = 110

T1_DOMAINS = ("Algemene financiering", "Zich ontplooien", "Leven en wonen", "Zorg en welzijn", "Bestuur en organisatie")


def amount_b(euros: int, notation: str) -> str:
    """Whole euros with thousand dots; a negative amount as ``(1.234)`` or ``1.234-``."""
    text = f"{abs(euros):,}".replace(",", ".")
    if euros >= 0:
        return text
    return f"({text})" if notation == "paren" else f"{text}-"


@dataclass
class Item:
    level: str  # BD | AP
    code: str
    title: str
    description: str
    parent_code: str | None = None
    is_priority: bool = False
    uitgaven: list[int] = field(default_factory=list)
    ontvangsten: list[int] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)


@dataclass
class _Entity:
    name: str
    kbo: str
    entity_type: str
    address: str

    @property
    def kbo_dotted(self) -> str:
        return f"{self.kbo[:4]}.{self.kbo[4:7]}.{self.kbo[7:]}"


class _Pages:
    """Pages of lines, each closed by its page number alone on a line and a form feed."""

    def __init__(self) -> None:
        self.pages: list[list[str]] = []
        self.current: list[str] = []

    def new_page(self) -> None:
        if self.current:
            self.pages.append(self.current)
        self.current = []

    def block(self, lines: list[str]) -> None:
        """Lines kept together on one page (a table, a heading with its first lines)."""
        if len(self.current) + len(lines) > LINES_PER_PAGE:
            self.new_page()
        self.current.extend(lines)

    def text(self) -> str:
        self.new_page()
        out = []
        for n, page in enumerate(self.pages, start=1):
            out.append("\n".join([*page, "", str(n)]) + "\n")
        return "\f".join(out)


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(vocab.BD_SUBJECTS)} {rng.choice(vocab.BD_PREDICATES)}"


def _title_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _series(rng: random.Random, n: int, low: int, high: int) -> list[int]:
    base = rng.randint(low, high)
    return [max(0, int(base * rng.uniform(0.85, 1.2))) for _ in range(n)]


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` non-negative whole amounts that add up exactly."""
    if parts == 1:
        return [total]
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    bounds = [0, *cuts, total]
    return [b - a for a, b in zip(bounds, bounds[1:], strict=False)]


class FamilyBPlan:
    """One report of family B, drawn from ``seed``."""

    def __init__(self, seed: int, *, plan_first_year: int | None = None, n_bd: int | None = None) -> None:
        self.seed = seed
        rng = random.Random(f"bbc-synth-b/{seed}")
        self.rng = rng
        self.first = plan_first_year if plan_first_year is not None else rng.choice(PLAN_FIRST_YEARS)
        self.years = list(range(self.first, self.first + 6))
        self.town = town_name(rng)
        street = rng.choice(vocab.STREETS)
        postcode = rng.randrange(1000, 9999)
        kind = rng.choice(("Stad", "Gemeente"))
        self.main = _Entity(
            f"{kind} {self.town}", kbo_number(rng), "gemeente", f"{street} {rng.randint(1, 40)}, {postcode} {self.town}"
        )
        ocmw_street = rng.choice(vocab.STREETS)
        self.ocmw = _Entity(
            f"OCMW {self.town}", kbo_number(rng), "OCMW", f"{ocmw_street} {rng.randint(1, 60)}, {postcode} {self.town}"
        )
        self.code_form = rng.choice(CODE_FORMS)
        self.notation = rng.choice(NEGATIVE_NOTATIONS)
        self.two_line_headings = rng.random() < 0.4
        self.print_saldo = rng.random() < 0.5
        self.decision_date = f"{rng.randint(10, 28)}/12/{self.first - 1}"
        self.items = self._policy(rng, n_bd if n_bd is not None else rng.randint(3, 16))
        self._finances(rng)
        # layout choices drawn last, so that they never change the numbers of a seed
        self.year_header = rng.choice(YEAR_HEADERS)
        self.aligned = rng.random() < 0.5  # schema rows in fixed-width columns (runs of spaces) or single spaces
        self.m1_caps = rng.random() < 0.5  # M1 block headers in capitals
        self.m1_code_only = rng.random() < 0.35  # M1 block headers "BD01 - <title>" without the word

    # --- model -----------------------------------------------------------------------------------------
    def _policy(self, rng: random.Random, n_bd: int) -> list[Item]:
        bds: list[Item] = []
        used_titles: set[str] = set()
        for b in range(1, n_bd + 1):
            title = _sentence(rng)
            while title in used_titles:
                title = _sentence(rng)
            used_titles.add(title)
            bd = Item("BD", self.code_form.format(n=b), _title_case(title), self._description(rng))
            for a in range(1, rng.randint(1, 8) + 1):
                ap_title = f"{rng.choice(vocab.AC_VERBS)} {rng.choice(vocab.OBJECTS)}"
                ap = Item(
                    "AP",
                    f"AP{b:02d}{a:02d}",
                    ap_title,
                    self._description(rng),
                    parent_code=bd.code,
                    is_priority=rng.random() < 0.6,
                )
                ap.uitgaven = _series(rng, 6, 15_000, 2_400_000)
                ap.ontvangsten = _series(rng, 6, 1_000, 600_000) if rng.random() < 0.5 else [0] * 6
                bd.children.append(ap)
            bd.is_priority = any(ap.is_priority for ap in bd.children)
            bd.uitgaven = [sum(ap.uitgaven[k] for ap in bd.children) for k in range(6)]
            bd.ontvangsten = [sum(ap.ontvangsten[k] for ap in bd.children) for k in range(6)]
            bds.append(bd)
        return bds

    def _description(self, rng: random.Random) -> str:
        parts = [rng.choice(vocab.QUALIFIERS).capitalize() + "."]
        parts += rng.sample(vocab.TEXT_SENTENCES, rng.randint(1, 2))
        return " ".join(parts)

    def _finances(self, rng: random.Random) -> None:
        n = 6
        bd_u = [sum(bd.uitgaven[k] for bd in self.items) for k in range(n)]
        bd_o = [sum(bd.ontvangsten[k] for bd in self.items) for k in range(n)]
        self.zonder_u = [rng.randint(8_000_000, 60_000_000) for _ in range(n)]
        self.total_u = [bd_u[k] + self.zonder_u[k] for k in range(n)]
        self.total_o = [int(self.total_u[k] * rng.uniform(0.93, 1.07)) for k in range(n)]
        self.zonder_o = [self.total_o[k] - bd_o[k] for k in range(n)]
        if any(z < 0 for z in self.zonder_o):  # receipts of the BDs exceed the plan: raise the plan
            extra = [max(0, -z) + 1_000_000 for z in self.zonder_o]
            self.total_o = [self.total_o[k] + extra[k] for k in range(n)]
            self.zonder_o = [self.total_o[k] - bd_o[k] for k in range(n)]
        t2: dict[str, list[int]] = {}
        for k in range(n):
            tu, to = self.total_u[k], self.total_o[k]
            fin_u = int(tu * rng.uniform(0.03, 0.08))
            inv_u = int(tu * rng.uniform(0.10, 0.30))
            expl_u = tu - fin_u - inv_u
            fin_o = rng.choice((0, int(to * rng.uniform(0.02, 0.10))))
            inv_o = int(to * rng.uniform(0.01, 0.08))
            expl_o = to - fin_o - inv_o
            rente = int(expl_u * rng.uniform(0.005, 0.03))
            a1, a2, a4, a5 = _split(rng, expl_u - rente, 4)
            fin_ontv = rng.randint(0, 200_000)
            o1, o2, o3, o5 = _split(rng, expl_o - fin_ontv, 4)
            inv_sub = int(inv_u * rng.uniform(0, 0.15))
            b1a, b1b, b1c = _split(rng, inv_u - inv_sub, 3)
            verkoop = int(inv_o * rng.uniform(0.1, 0.6))
            cells = {
                "exploitatie.uitgaven": expl_u,
                "exploitatie.uitgaven.A": expl_u - rente,
                "exploitatie.uitgaven.A.1": a1,
                "exploitatie.uitgaven.A.2": a2,
                "exploitatie.uitgaven.A.4": a4,
                "exploitatie.uitgaven.A.5": a5,
                "exploitatie.uitgaven.B": rente,
                "exploitatie.uitgaven.B.1": rente,
                "exploitatie.ontvangsten": expl_o,
                "exploitatie.ontvangsten.A": expl_o - fin_ontv,
                "exploitatie.ontvangsten.A.1": o1,
                "exploitatie.ontvangsten.A.2": o2,
                "exploitatie.ontvangsten.A.3": o3,
                "exploitatie.ontvangsten.A.5": o5,
                "exploitatie.ontvangsten.B": fin_ontv,
                "investeringen.uitgaven": inv_u,
                "investeringen.uitgaven.B": inv_u - inv_sub,
                "investeringen.uitgaven.B.1": inv_u - inv_sub,
                "investeringen.uitgaven.B.1.a": b1a,
                "investeringen.uitgaven.B.1.b": b1b,
                "investeringen.uitgaven.B.1.c": b1c,
                "investeringen.uitgaven.D": inv_sub,
                "investeringen.ontvangsten": inv_o,
                "investeringen.ontvangsten.B": verkoop,
                "investeringen.ontvangsten.D": inv_o - verkoop,
                "financiering.uitgaven": fin_u,
                "financiering.uitgaven.A": fin_u,
                "financiering.uitgaven.A.1": fin_u,
                "financiering.ontvangsten": fin_o,
                "financiering.ontvangsten.A": fin_o,
                "financiering.ontvangsten.A.1": fin_o,
                "exploitatie.saldo": expl_o - expl_u,
                "investeringen.saldo": inv_o - inv_u,
                "totaal.saldo_exploitatie_en_investeringen": expl_o - expl_u + inv_o - inv_u,
                "financiering.saldo": fin_o - fin_u,
                "totaal.budgettair_resultaat": to - tu,
            }
            for key, value in cells.items():
                t2.setdefault(key, []).append(value)
        self.t2 = t2
        previous = rng.randint(2_000_000, 40_000_000)
        m2: dict[str, list[int]] = {}
        correction = random.Random(f"bbc-synth-b/{self.seed}/correction")  # own stream: the other draws stay put
        for k in range(n):
            v = t2["totaal.budgettair_resultaat"][k]
            cells = {
                "budgettair_resultaat.I": t2["exploitatie.saldo"][k],
                "budgettair_resultaat.I.a": t2["exploitatie.ontvangsten"][k],
                "budgettair_resultaat.I.b": t2["exploitatie.uitgaven"][k],
                "budgettair_resultaat.II": t2["investeringen.saldo"][k],
                "budgettair_resultaat.II.a": t2["investeringen.ontvangsten"][k],
                "budgettair_resultaat.II.b": t2["investeringen.uitgaven"][k],
                "budgettair_resultaat.III": t2["totaal.saldo_exploitatie_en_investeringen"][k],
                "budgettair_resultaat.IV": t2["financiering.saldo"][k],
                "budgettair_resultaat.IV.a": t2["financiering.ontvangsten"][k],
                "budgettair_resultaat.IV.b": t2["financiering.uitgaven"][k],
                "budgettair_resultaat.V": v,
                "budgettair_resultaat.VI": previous,
                "budgettair_resultaat.VII": previous + v,
                "budgettair_resultaat.IX": previous + v,
                "autofinancieringsmarge.I": t2["exploitatie.saldo"][k],
                "autofinancieringsmarge.II": t2["financiering.uitgaven"][k],
                "autofinancieringsmarge.II.a": t2["financiering.uitgaven"][k],
                "autofinancieringsmarge.II.b": 0,
                "autofinancieringsmarge.III": t2["exploitatie.saldo"][k] - t2["financiering.uitgaven"][k],
            }
            # the corrected margin: repayments as in the loan contracts replaced by the ones derived from the debt
            aflossingen = t2["financiering.uitgaven"][k]
            corrected = int(aflossingen * correction.uniform(0.2, 1.3))
            cells |= {
                "gecorrigeerde_autofinancieringsmarge.I": cells["autofinancieringsmarge.III"],
                "gecorrigeerde_autofinancieringsmarge.II": aflossingen - corrected,
                "gecorrigeerde_autofinancieringsmarge.II.a": aflossingen,
                "gecorrigeerde_autofinancieringsmarge.II.b": corrected,
                "gecorrigeerde_autofinancieringsmarge.III": cells["autofinancieringsmarge.III"]
                + aflossingen
                - corrected,
            }
            previous += v
            for key, value in cells.items():
                m2.setdefault(key, []).append(value)
        self.m2 = m2
        domains = [T1_DOMAINS[0], *rng.sample(T1_DOMAINS[1:], rng.randint(1, len(T1_DOMAINS) - 1))]
        self.t1: dict[str, tuple[list[int], list[int]]] = {}
        shares_u = [_split(rng, self.total_u[k], len(domains)) for k in range(n)]
        shares_o = [_split(rng, self.total_o[k], len(domains)) for k in range(n)]
        for d, name in enumerate(domains):
            self.t1[name] = ([shares_u[k][d] for k in range(n)], [shares_o[k][d] for k in range(n)])
        self.t1["Algemeen totaal"] = (self.total_u, self.total_o)

    # --- printing ---------------------------------------------------------------------------------------
    def amt(self, euros: int) -> str:
        return amount_b(euros, self.notation)

    def row(self, label: str, values: list[int], *, aligned: bool | None = None) -> str:
        if self.aligned if aligned is None else aligned:
            return label.ljust(LABEL_WIDTH) + "".join(self.amt(v).rjust(AMOUNT_WIDTH) for v in values)
        return " ".join([label, *(self.amt(v) for v in values)])

    def mjp_header(self, label: str = "") -> str:
        years = [self.year_header.format(y=y) for y in self.years]
        if self.aligned:
            return (label.ljust(LABEL_WIDTH) + "".join(y.rjust(AMOUNT_WIDTH) for y in years)).rstrip()
        return " ".join([label, *years]).strip()

    def render(self) -> SyntheticReport:
        p = _Pages()
        period = f"{self.years[0]}-{self.years[-1]}"
        p.block(
            [
                f"MEERJARENPLAN {period}",
                "",
                self.main.name,
                f"samen met {self.ocmw.name}",
                "",
                f"Vastgesteld op {self.decision_date}",
            ]
        )
        p.new_page()
        p.block(
            [
                "Naam bestuur",
                self.main.name,
                self.main.address,
                f"KBO-nummer {self.main.kbo_dotted}",
                "",
                self.ocmw.name,
                self.ocmw.address,
                f"KBO-nummer {self.ocmw.kbo_dotted}",
                "",
                "Rapportgegevens",
                "Rapport: Meerjarenplan",
                f"Planperiode: {period}",
                f"Datum vaststelling: {self.decision_date}",
            ]
        )
        p.new_page()
        p.block(["Strategische nota", ""])
        for bd in self.items:
            p.block([*self.heading("BELEIDSDOELSTELLING", bd), *self.paragraph(bd.description), ""])
            for ap in bd.children:
                lines = [*self.heading("ACTIEPLAN", ap), *self.paragraph(ap.description)]
                if ap.is_priority:
                    lines += [
                        " ".join(str(y) for y in self.years),
                        self.row("Uitgaven", ap.uitgaven, aligned=False),
                        self.row("Ontvangsten", ap.ontvangsten, aligned=False),
                    ]
                    if self.print_saldo:
                        saldo = [o - u for u, o in zip(ap.uitgaven, ap.ontvangsten, strict=True)]
                        lines.append(self.row("Saldo", saldo, aligned=False))
                p.block([*lines, ""])
        self.render_m1(p, period)
        self.render_m2(p, period)
        self.render_m3(p)
        self.render_t1(p, period)
        self.render_t2(p, period)
        return SyntheticReport(self.name, p.text(), self.truth())

    def heading(self, word: str, item: Item) -> list[str]:
        title = item.title.upper()
        lines = [f"{word} {item.code}", title] if self.two_line_headings else [f"{word} {item.code} - {title}"]
        if item.is_priority:
            lines.append("Prioritaire beleidsdoelstelling" if item.level == "BD" else "Prioritair actieplan")
        return lines

    @staticmethod
    def paragraph(text: str) -> list[str]:
        return textwrap.wrap(text, DESCRIPTION_WIDTH)

    def render_m1(self, p: _Pages, period: str) -> None:
        p.new_page()
        p.block(["Schema M1 - Financieel doelstellingenplan", period, ""])
        word = "" if self.m1_code_only else "BELEIDSDOELSTELLING " if self.m1_caps else "Beleidsdoelstelling "
        blocks = [
            (f"{word}{bd.code} - {bd.title.upper() if self.m1_caps else bd.title}", bd.uitgaven, bd.ontvangsten)
            for bd in self.items
        ]
        blocks.append(("Verrichtingen zonder beleidsdoelstelling", self.zonder_u, self.zonder_o))
        blocks.append(("Algemeen totaal", self.total_u, self.total_o))
        for title, u, o in blocks:
            lines = [title, self.mjp_header(), self.row("Uitgaven", u), self.row("Ontvangsten", o)]
            lines.append(self.row("Saldo", [b - a for a, b in zip(u, o, strict=True)]))
            p.block([*lines, ""])

    def render_m2(self, p: _Pages, period: str) -> None:
        p.new_page()
        p.block(["Schema M2 - Staat van het financieel evenwicht", period, ""])
        labels = {
            "budgettair_resultaat.I": "I. Exploitatiesaldo",
            "budgettair_resultaat.I.a": "a. Ontvangsten",
            "budgettair_resultaat.I.b": "b. Uitgaven",
            "budgettair_resultaat.II": "II. Investeringssaldo",
            "budgettair_resultaat.II.a": "a. Ontvangsten",
            "budgettair_resultaat.II.b": "b. Uitgaven",
            "budgettair_resultaat.III": "III. Saldo exploitatie en investeringen",
            "budgettair_resultaat.IV": "IV. Financieringssaldo",
            "budgettair_resultaat.IV.a": "a. Ontvangsten",
            "budgettair_resultaat.IV.b": "b. Uitgaven",
            "budgettair_resultaat.V": "V. Budgettair resultaat van het boekjaar",
            "budgettair_resultaat.VI": "VI. Gecumuleerd budgettair resultaat vorig boekjaar",
            "budgettair_resultaat.VII": "VII. Gecumuleerd budgettair resultaat",
            "budgettair_resultaat.IX": "IX. Beschikbaar budgettair resultaat",
            "autofinancieringsmarge.I": "I. Exploitatiesaldo",
            "autofinancieringsmarge.II": "II. Netto periodieke aflossingen",
            "autofinancieringsmarge.II.a": "a. Periodieke aflossingen conform de verbintenissen",
            "autofinancieringsmarge.II.b": "b. Periodieke terugvordering leningen",
            "autofinancieringsmarge.III": "III. Autofinancieringsmarge",
            "gecorrigeerde_autofinancieringsmarge.I": "I. Autofinancieringsmarge",
            "gecorrigeerde_autofinancieringsmarge.II": "II. Correctie op de periodieke aflossingen",
            "gecorrigeerde_autofinancieringsmarge.II.a": "a. Periodieke aflossingen conform de verbintenissen",
            "gecorrigeerde_autofinancieringsmarge.II.b": "b. Gecorrigeerde aflossingen o.b.v. de financiële schulden",
            "gecorrigeerde_autofinancieringsmarge.III": "III. Gecorrigeerde autofinancieringsmarge",
        }
        for block, title in (
            ("budgettair_resultaat", "Budgettair resultaat"),
            ("autofinancieringsmarge", "Autofinancieringsmarge"),
            ("gecorrigeerde_autofinancieringsmarge", "Gecorrigeerde autofinancieringsmarge"),
        ):
            lines = [title, self.mjp_header()]
            lines += [self.row(labels[key], values) for key, values in self.m2.items() if key.startswith(block + ".")]
            p.block([*lines, ""])

    def render_m3(self, p: _Pages) -> None:
        p.new_page()
        k = 0
        y = self.years[k]
        t2 = self.t2
        rows = [
            ("Exploitatie", t2["exploitatie.uitgaven"][k], t2["exploitatie.ontvangsten"][k]),
            ("Investeringen", t2["investeringen.uitgaven"][k], t2["investeringen.ontvangsten"][k]),
            ("Financiering", t2["financiering.uitgaven"][k], t2["financiering.ontvangsten"][k]),
        ]
        header = self.year_header.format(y=y)
        lines = ["Schema M3 - Overzicht van de kredieten", str(y), "", header, "Uitgaven Ontvangsten"]
        lines += [f"{label} {self.amt(u)} {self.amt(o)}" for label, u, o in rows]
        p.block(lines)

    def render_t1(self, p: _Pages, period: str) -> None:
        p.new_page()
        p.block(
            ["Schema T1 - Ontvangsten en uitgaven naar functionele aard", period, "", self.mjp_header("Beleidsdomein")]
        )
        for domain, (u, o) in self.t1.items():
            p.block([domain, self.row("Uitgaven", u), self.row("Ontvangsten", o)])

    T2_LABELS = {
        "exploitatie.uitgaven": "I. Totaal exploitatie-uitgaven",
        "exploitatie.uitgaven.A": "A. Operationele uitgaven",
        "exploitatie.uitgaven.A.1": "1. Goederen en diensten",
        "exploitatie.uitgaven.A.2": "2. Bezoldigingen",
        "exploitatie.uitgaven.A.4": "4. Toegestane werkingssubsidies",
        "exploitatie.uitgaven.A.5": "5. Andere operationele uitgaven",
        "exploitatie.uitgaven.B": "B. Financiële uitgaven",
        "exploitatie.uitgaven.B.1": "1. Rente",
        "exploitatie.ontvangsten": "II. Totaal exploitatieontvangsten",
        "exploitatie.ontvangsten.A": "A. Operationele ontvangsten",
        "exploitatie.ontvangsten.A.1": "1. Ontvangsten uit de werking",
        "exploitatie.ontvangsten.A.2": "2. Fiscale ontvangsten en boetes",
        "exploitatie.ontvangsten.A.3": "3. Werkingssubsidies",
        "exploitatie.ontvangsten.A.5": "5. Andere operationele ontvangsten",
        "exploitatie.ontvangsten.B": "B. Financiële ontvangsten",
        "investeringen.uitgaven": "I. Totaal investeringsuitgaven",
        "investeringen.uitgaven.B": "B. Investeringen in materiële vaste activa",
        "investeringen.uitgaven.B.1": "1. Gemeenschapsgoederen en bedrijfsmatige materiële vaste activa",
        "investeringen.uitgaven.B.1.a": "a. Terreinen en gebouwen",
        "investeringen.uitgaven.B.1.b": "b. Wegen en andere infrastructuur",
        "investeringen.uitgaven.B.1.c": "c. Roerende goederen",
        "investeringen.uitgaven.D": "D. Toegestane investeringssubsidies",
        "investeringen.ontvangsten": "II. Totaal investeringsontvangsten",
        "investeringen.ontvangsten.B": "B. Verkoop van materiële vaste activa",
        "investeringen.ontvangsten.D": "D. Investeringssubsidies en -schenkingen",
        "financiering.uitgaven": "I. Totaal financieringsuitgaven",
        "financiering.uitgaven.A": "A. Vereffening van financiële schulden",
        "financiering.uitgaven.A.1": "1. Periodieke aflossingen van opgenomen leningen en leasings",
        "financiering.ontvangsten": "II. Totaal financieringsontvangsten",
        "financiering.ontvangsten.A": "A. Aangaan van financiële schulden",
        "financiering.ontvangsten.A.1": "1. Opname van leningen en leasings bij financiële instellingen",
        "exploitatie.saldo": "I. Exploitatiesaldo",
        "investeringen.saldo": "II. Investeringssaldo",
        "totaal.saldo_exploitatie_en_investeringen": "III. Saldo van exploitatie en investeringen",
        "financiering.saldo": "IV. Financieringssaldo",
        "totaal.budgettair_resultaat": "V. Budgettair resultaat van het boekjaar",
    }

    def render_t2(self, p: _Pages, period: str) -> None:
        p.new_page()
        p.block(["Schema T2 - Ontvangsten en uitgaven naar economische aard", period, ""])
        parts = (
            ("EXPLOITATIE", "exploitatie.uitgaven"),
            ("EXPLOITATIE", "exploitatie.ontvangsten"),
            ("INVESTERINGEN", "investeringen.uitgaven"),
            ("INVESTERINGEN", "investeringen.ontvangsten"),
            ("FINANCIERING", "financiering.uitgaven"),
            ("FINANCIERING", "financiering.ontvangsten"),
        )
        for header, prefix in parts:
            keys = [k for k in self.T2_LABELS if k == prefix or k.startswith(prefix + ".")]
            p.block([self.mjp_header(header), *(self.row(self.T2_LABELS[k], self.t2[k]) for k in keys)])
        saldo_keys = [k for k in self.T2_LABELS if k.endswith("saldo") or k.startswith("totaal.")]
        p.block(
            [
                self.mjp_header("BUDGETTAIR RESULTAAT VAN HET BOEKJAAR"),
                *(self.row(self.T2_LABELS[k], self.t2[k]) for k in saldo_keys),
            ]
        )

    # --- truth ------------------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        words = self.main.name.lower().split()
        return "-".join(["mjp", f"{self.years[0]}-{self.years[-1]}", *words, "familyb", f"s{self.seed}"])

    def _cells(self, path: str, values: list[int], **extra: Any) -> list[dict[str, Any]]:
        return [
            {"line_path": path, "year": y, "column_role": "plan", "amount": dec(v), **extra}
            for y, v in zip(self.years, values, strict=True)
        ]

    def truth(self) -> dict[str, Any]:
        items, budgets = [], []
        for bd in self.items:
            for item in (bd, *bd.children):
                items.append(
                    {
                        "level": item.level,
                        "code": item.code,
                        "parent_code": item.parent_code,
                        "title": item.title.upper(),
                        "is_priority": item.is_priority,
                        "description": item.description,
                    }
                )
                if item.level == "AP" and item.is_priority:
                    directions = [("uitgaven", item.uitgaven), ("ontvangsten", item.ontvangsten)]
                    if self.print_saldo:
                        directions.append(
                            ("saldo", [o - u for u, o in zip(item.uitgaven, item.ontvangsten, strict=True)])
                        )
                    for direction, values in directions:
                        for y, v in zip(self.years, values, strict=True):
                            budgets.append(
                                {
                                    "policy_level": "AP",
                                    "policy_code": item.code,
                                    "budget_kind": "totaal",
                                    "direction": direction,
                                    "phase": "meerjarenplan",
                                    "year": y,
                                    "column_role": "plan",
                                    "amount": dec(v),
                                }
                            )
        m1: list[dict[str, Any]] = []
        blocks = [(bd.code, bd.uitgaven, bd.ontvangsten) for bd in self.items]
        blocks += [("ZONDER_BD", self.zonder_u, self.zonder_o), ("TOTAAL", self.total_u, self.total_o)]
        for code, u, o in blocks:
            m1 += self._cells(f"{code}.uitgaven", u)
            m1 += self._cells(f"{code}.ontvangsten", o)
            m1 += self._cells(f"{code}.saldo", [b - a for a, b in zip(u, o, strict=True)])
        m2 = [c for key, values in self.m2.items() for c in self._cells(key, values)]
        y = self.years[0]
        m3 = [
            {
                "line_path": kind,
                "direction": direction,
                "year": y,
                "column_role": "plan",
                "amount": dec(self.t2[f"{kind}.{direction}"][0]),
            }
            for kind in ("exploitatie", "investeringen", "financiering")
            for direction in ("uitgaven", "ontvangsten")
        ]
        t1 = []
        for domain, (u, o) in self.t1.items():
            slug = "_".join(domain.lower().split())
            t1 += self._cells(f"{slug}.uitgaven", u) + self._cells(f"{slug}.ontvangsten", o)
        t2 = [c for key, values in self.t2.items() for c in self._cells(key, values)]
        entities = [
            {"role": role, "name": e.name, "kbo_number": e.kbo, "entity_type": e.entity_type, "address": e.address}
            for role, e in (("main", self.main), ("ocmw", self.ocmw))
        ]
        return {
            "family": FAMILY,
            "seed": self.seed,
            "document": {
                "entity_name": self.main.name,
                "kbo_number": self.main.kbo,
                "entity_type": self.main.entity_type,
                "report_type": "meerjarenplan",
                "plan_version": "origineel",
                "fiscal_year": self.years[0],
                "plan_first_year": self.years[0],
                "plan_last_year": self.years[-1],
                "entities": entities,
            },
            "layout": {
                "code_form": self.code_form.replace("{n:02d}", "01").replace("{n}", "1"),
                "negative_notation": "(1.234)" if self.notation == "paren" else "1.234-",
                "two_line_headings": self.two_line_headings,
                "ap_saldo_rows": self.print_saldo,
                "year_header": self.year_header.format(y=self.years[0]),
                "aligned_columns": self.aligned,
                "m1_headers_in_capitals": self.m1_caps,
                "m1_headers_without_word": self.m1_code_only,
            },
            "policy_items": items,
            "policy_budgets": budgets,
            "M1": m1,
            "M2": m2,
            "M3": m3,
            "T1": t1,
            "T2": t2,
        }


def generate_family_b(seed: int, *, plan_first_year: int | None = None, n_bd: int | None = None) -> SyntheticReport:
    """One family-B meerjarenplan drawn from ``seed`` (plan period starting 2020 or 2026 unless given)."""
    return FamilyBPlan(seed, plan_first_year=plan_first_year, n_bd=n_bd).render()
