"""Print a :class:`~pipelines.synth.model.ReportModel` in the sample's layout and record the truth.

Every printing decision (which rows are printed, how labels wrap, where pages break) is taken here
once, and the truth rows are appended at the moment a value is printed, so text and truth cannot
drift apart. Truth rows use the parsers' vocabularies and path schemes (see the docstrings of
``pipelines.extract.schedules_j``, ``schedules_t``, ``policy``, ``offbalance`` and ``transfers``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from pipelines.synth import vocab
from pipelines.synth.entity import Entity
from pipelines.synth.fmt import amount, cents, dec, dec_cents, euro, euro_cents, hard_wrap, slug, wrap
from pipelines.synth.layout import Doc, Pager
from pipelines.synth.model import (
    DIRS,
    KINDS,
    PHASES3,
    Budget,
    Col,
    Item,
    Node,
    ReportModel,
    T2Part,
    Transfer,
    t2_total,
)

Truth = dict[str, Any]

_HEADS = {"BD": "Prioritaire beleidsdoelstelling", "AP": "Prioritair actieplan", "AC": "Prioritaire actie"}
_POLICY_KINDS = {
    "exploitatie": "Exploitatie",
    "investeringen": "Investeringen",
    "financiering": "Financiering",
}
_POLICY_DIRS = {"uitgaven": "Uitgaven", "ontvangsten": "Ontvangsten", "saldo": "Saldo"}
_J1_KINDS = {"exploitatie": "Exploitatie", "investeringen": "Investering", "financiering": "Financiering"}
_J1_DIRS = {"uitgaven": "Uitgave", "ontvangsten": "Ontvangst", "saldo": "Saldo"}
_T2_SALDO = {
    "exploitatie": "III. Exploitatiesaldo",
    "investeringen": "III. Investeringssaldo",
    "financiering": "III. Financieringssaldo",
}
# mart_key_figures' figures: (table, line_path) of the printed amount
_KEY_FIGURES = {
    "exploitatiesaldo": ("J2", "budgettair_resultaat.I"),
    "investeringssaldo": ("J2", "budgettair_resultaat.II"),
    "saldo_exploitatie_en_investeringen": ("J2", "budgettair_resultaat.III"),
    "financieringssaldo": ("J2", "budgettair_resultaat.IV"),
    "budgettair_resultaat": ("J2", "budgettair_resultaat.V"),
    "gecumuleerd_budgettair_resultaat_vorig_boekjaar": ("J2", "budgettair_resultaat.VI"),
    "gecumuleerd_budgettair_resultaat": ("J2", "budgettair_resultaat.VII"),
    "onbeschikbare_gelden": ("J2", "budgettair_resultaat.VIII"),  # never printed, as in the sample
    "beschikbaar_budgettair_resultaat": ("J2", "budgettair_resultaat.IX"),
    "autofinancieringsmarge": ("J2", "autofinancieringsmarge.III"),
    "gecorrigeerde_autofinancieringsmarge": ("J2", "gecorrigeerde_autofinancieringsmarge.III"),
    "balance_total": ("J4", "ACTIVA"),
    "nettoactief": ("J4", "PASSIVA.II"),
    "debts_total": ("J4", "PASSIVA.I"),
    "financial_debt_total": ("T4", "TOTAAL"),
    "result_of_year": ("J5", "III"),
}
_GLUE = "\x00"  # a space that word wrapping must not break at
_TITLE_WIDTH = 115
_TEXT_WIDTH = 105


@dataclass(frozen=True)
class Journals:
    """Journal and dossier numbers printed in the headers and dossier lists."""

    year: int
    budg: dict[int, int]  # jaarrekening journal "Budg." per year
    alg: dict[int, int]  # jaarrekening journal "Alg." per year
    ek: int
    ik: int
    mjp: int  # the plan revision used by T1/T2/T4
    revisions: tuple[int, int, int]

    @classmethod
    def draw(cls, rng: random.Random, year: int, start: int) -> Journals:
        years = range(start - 1, year + 1)
        budg = {y: rng.randrange(3_000, 40_000) for y in years}
        alg = {y: y * 1_000_000 + rng.randrange(10_000, 300_000) for y in years}
        first = rng.randint(1, 9)
        return cls(
            year,
            budg,
            alg,
            rng.randrange(10_000, 40_000),
            rng.randrange(5_000, 20_000),
            rng.randrange(10_000, 40_000),
            (first, first + rng.randint(1, 3), first + rng.randint(4, 6)),
        )

    def jr(self) -> str:
        return f"JR Budg. {self.budg[self.year]} Alg. {self.alg[self.year]}"

    def jr_dossier(self, y: int) -> str:
        return f"JR_ORIGINEEL_{y} {y}: Budg. {self.budg[y]} Alg. {self.alg[y]}"

    def ik_dossier(self) -> str:
        return f"MJP_HERZIENING_{self.revisions[0]}_BEGINKREDIET_{self.year} {self.year - 1}: Alg. {self.ik}"

    def ek_dossier(self) -> str:
        return f"MJP_HERZIENING_{self.revisions[1]}_BEGINKREDIET_{self.year + 1} {self.year}: Alg. {self.ek}"

    def mjp_dossier(self) -> str:
        return f"MJP_HERZIENING_{self.revisions[2]}_{self.year + 1} {self.year + 1}: Alg. {self.mjp}"


class Printer:
    """Prints the parts of one report into a :class:`Doc` and collects the truth."""

    def __init__(self, rng: random.Random, model: ReportModel, entity: Entity) -> None:
        self.rng = rng
        self.m = model
        self.e = entity
        self.y = model.year
        self.doc = Doc(rng, entity, model.year)
        self.j = Journals.draw(rng, model.year, model.start)
        self.truth: Truth = {
            key: []
            for key in (
                "policy_items",
                "policy_budgets",
                "J1",
                "J2",
                "J3",
                "J4",
                "J5",
                "T1",
                "T2",
                "T4",
                "participations",
                "off_balance",
                "off_balance_labels",
                "credit_transfers",
                "credit_transfer_totals",
            )
        }

    # --- shared blocks ------------------------------------------------------------------
    def header(self, title: str, journal: str, *, combined: bool) -> None:
        """Schema title, year, journal numbers, entity, address and officials."""
        doc, e = self.doc, self.e
        doc.mark_page_start()
        doc.add(title)
        if combined:
            doc.add(str(self.y))
            doc.blank()
            doc.add(f"Journaalvolgnummers: {journal}")
            doc.blank()
            doc.add(f"{e.with_kbo} Algemeen directeur: {e.general_director}")
            doc.blank()
            doc.add(f"{e.address} Financieel directeur: {e.financial_director}")
        else:
            doc.blank()
            doc.add(str(self.y), f"Journaalvolgnummers: {journal}")
            doc.blank()
            for line in (
                e.with_kbo,
                e.address,
                f"Algemeen directeur: {e.general_director}",
                f"Financieel directeur: {e.financial_director}",
            ):
                doc.add(line)
                doc.blank()
        doc.blank()

    def dossiers(self, groups: list[tuple[str, list[str]]], *, leading: bool = False) -> None:
        doc = self.doc
        if leading:
            doc.soft_break(None)
        doc.add("Andere gebruikte dossiers op dit rapport:")
        for label, values in groups:
            doc.add(label)
            doc.blank()
            doc.add(*values)
        doc.blank()

    def plan_dossiers(self, label: str = "MJP:") -> list[tuple[str, list[str]]]:
        years = [self.j.jr_dossier(y) for y in range(self.m.start, self.y + 1)]
        return [
            (label, [self.j.mjp_dossier()]),
            ("Meerjarenplan:", [self.j.mjp_dossier()]),
            ("Jaarrekeningen:", years),
        ]

    def filler(self, *chapter: str, schema: str | None = None) -> None:
        """Cover pages between schemas: running header, chapter title, schema cover, page numbers."""
        doc, e = self.doc, self.e
        doc.add(f"{e.name} {e.kbo}    Jaarrekening {self.y} ", " ", str(doc.pdf_page))
        doc.blank(3)
        doc.pdf_page += 1
        doc.mark_page_start()
        doc.add(*(f"{line} " for line in chapter))
        doc.blank()
        if schema:
            doc.add(
                f" SCHEMA {schema} ", " ", " ", f"{e.name} {e.kbo} ", f"{e.address} ", " ", str(doc.pdf_page)
            )
            doc.blank(3)
            doc.pdf_page += 1

    def prose(self, sentences: list[str], *, width: int = _TEXT_WIDTH) -> None:
        """Running text (trailing space as exported); "- € 38.729" never breaks across lines."""
        text = " ".join(sentences).replace("- € ", f"-{_GLUE}€{_GLUE}").replace("€ ", f"€{_GLUE}")
        for line in wrap(text, width):
            self.doc.add(f"{line.replace(_GLUE, ' ')} ")

    # --- policy evaluation --------------------------------------------------------------
    def policy(self) -> None:
        doc, e, m = self.doc, self.e, self.m
        pager = Pager()
        doc.mark_page_start()
        doc.add("Beleidsevaluatie")
        doc.blank()
        doc.add(str(self.y), f"Journaalvolgnummers: {self.j.jr()} / EK {self.j.ek} IK {self.j.ik}")
        doc.blank()
        for line in (
            e.with_kbo,
            e.address,
            f"Algemeen directeur: {e.general_director}",
            f"Financieel directeur: {e.financial_director}",
        ):
            doc.add(line)
            doc.blank()
        doc.add(f"Prioritaire Inhoudstabel:: {e.plan_name}", "MEERJARENPLAN")
        doc.blank()
        doc.add(f"Van 01/01/{m.start} tot 31/12/{m.end}")
        doc.blank()
        self.policy_table(m.plan, "PLAN", f"{e.plan_name} MEERJARENPLAN")
        doc.footer("Beleidsevaluatie", pager)  # an early footer: the report's year is printed in it
        for bd in m.bds:
            self.policy_item(bd, pager)
            for ap in bd.children:
                self.policy_item(ap, pager)
                for ac in ap.children:
                    self.policy_item(ac, pager)
                doc.add("Geen niet-prioritaire acties")
            doc.add("Geen niet-prioritaire actieplannen")
        doc.add("Geen niet-prioritaire beleidsdoelstellingen")
        doc.blank()
        doc.add("Niet-prioritaire Inhoudstabel:", "Geen niet-prioritaire Inhoudstabel:")
        doc.soft_break(pager)
        doc.add("Overzicht Doelstellingen, Actieplannen en Acties is te vinden op:", e.website)
        doc.blank()
        self.dossiers(
            [("MJP initieel krediet:", [self.j.ik_dossier()]), ("MJP eindkrediet:", [self.j.ek_dossier()])]
        )

    def policy_item(self, item: Item, pager: Pager) -> None:
        doc, rng = self.doc, self.rng
        doc.maybe_break("Beleidsevaluatie", pager, footer_chance=0.15)
        doc.add(f"{_HEADS[item.level]}: {item.code}", *wrap(item.title, _TITLE_WIDTH))
        if rng.random() < 0.85:
            doc.blank()
        doc.add(f"Van {item.start:%d/%m/%Y} tot {item.end:%d/%m/%Y}")
        doc.blank()
        phrase, status = vocab.STATUSES[item.status] if item.status else (None, "geen")
        if phrase is not None:
            for line in self.toelichting(phrase, item.text):
                doc.add(line)
                if line:
                    doc.maybe_break("Beleidsevaluatie", pager, footer_chance=0.1)
            doc.blank()
        self.truth["policy_items"].append(
            {
                "level": item.level,
                "code": item.code,
                "parent_code": item.parent,
                "title": item.title,
                "is_priority": True,
                "period_start": item.start.isoformat(),
                "period_end": item.end.isoformat(),
                "evaluation_status": status,
                "status_phrase": phrase,
                "evaluation_text": item.text if phrase is not None else None,
            }
        )
        if not item.budget.is_zero():
            self.policy_table(item.budget, item.level, item.code)

    def toelichting(self, phrase: str, text: str | None) -> list[str]:
        """ "Toelichting evaluatie: <status><sep><text>" in the separator styles of the sample."""
        rng = self.rng
        head = "Toelichting evaluatie: " + phrase
        if text is None:
            return [head]
        sep = " : " if phrase.endswith(".") or phrase == "Niet opgestart" else ": "
        printed = '"' + text.replace('"', '""') + '"' if '"' in text or rng.random() < 0.4 else text
        sentences = printed.split(". ")
        cut = sorted(rng.sample(range(1, len(sentences)), k=min(len(sentences) - 1, rng.randint(0, 2))))
        paragraphs = [
            ". ".join(sentences[a:b]) + ("." if b < len(sentences) else "")
            for a, b in zip([0, *cut], [*cut, len(sentences)], strict=True)
        ]
        lines: list[str] = []
        if rng.random() < 0.1:  # the status alone on its line, the text below
            lines.append(head + sep.rstrip())
            first = paragraphs[0]
        else:
            first = head + sep + paragraphs[0]
        for n, paragraph in enumerate([first, *paragraphs[1:]]):
            if n:
                lines.append("")
            lines.extend(wrap(paragraph, _TEXT_WIDTH))
        return lines

    def policy_table(self, budget: Budget, level: str, code: str) -> None:
        doc = self.doc
        doc.add(str(self.y))
        doc.blank()
        doc.add("Jaarrekening Eindkredieten Initiële kredieten")
        for kind in KINDS:
            doc.add(_POLICY_KINDS[kind])
            if kind == "exploitatie":
                doc.blank()
            for direction in (*DIRS, "saldo"):
                values = [budget.get(kind, direction, phase) for phase in PHASES3]
                if not any(values):
                    continue
                doc.add(f"{_POLICY_DIRS[direction]} {' '.join(amount(v) for v in values)}")
                doc.blank()
                for phase, value in zip(PHASES3, values, strict=True):
                    self.truth["policy_budgets"].append(
                        {
                            "policy_level": level,
                            "policy_code": code,
                            "budget_kind": kind,
                            "direction": direction,
                            "phase": phase,
                            "year": self.y,
                            "amount": dec(value),
                        }
                    )
        doc.blank()

    # --- J1 -----------------------------------------------------------------------------
    def j1(self) -> None:
        doc, m = self.doc, self.m
        pager = Pager()
        self.header("J1: Doelstellingenrekening", f"{self.j.jr()} / EK {self.j.ek}", combined=False)
        for bd in m.bds:
            doc.maybe_break("Doelstellingenrekening", pager, footer_chance=0.3)
            doc.add(f"Prioritaire beleidsdoelstelling: {bd.code}", *wrap(bd.title, 120))
            doc.blank()
            self.j1_table(bd.budget, bd.code)
        doc.add(
            "Niet prioritaire beleidsdoelstellingen", "Verrichtingen zonder beleidsdoelstelling", "Totaal"
        )
        doc.blank()
        self.j1_table(m.plan, "TOTAAL")
        self.dossiers([("MJP:", [self.j.ek_dossier()])])
        doc.footer("Doelstellingenrekening", pager, last=True)

    def j1_table(self, budget: Budget, code: str) -> None:
        rows: list[tuple[str, str, list[int]]] = []
        for kind in KINDS:
            for direction in (*DIRS, "saldo"):
                values = [budget.get(kind, direction, p) for p in ("jaarrekening", "eindkrediet")]
                if any(values):
                    rows.append((kind, direction, values))
        if not rows:
            return
        doc = self.doc
        doc.add("Jaarrekening Meerjarenplan")
        for kind in KINDS:
            doc.add(_J1_KINDS[kind])
            for row_kind, direction, values in rows:
                if row_kind != kind:
                    continue
                doc.add(f"{_J1_DIRS[direction]} {amount(values[0])} {amount(values[1])}")
                doc.blank()
                for phase, value in zip(("jaarrekening", "meerjarenplan"), values, strict=True):
                    self.truth["J1"].append(
                        {
                            "policy_code": code,
                            "budget_kind": kind,
                            "direction": direction,
                            "phase": phase,
                            "year": self.y,
                            "line_path": f"{code}.{kind}.{direction}",
                            "amount": dec(value),
                        }
                    )
        doc.blank()

    # --- J2 -----------------------------------------------------------------------------
    def j2(self) -> None:
        doc, m, e = self.doc, self.m, self.e
        self.filler("2.2. DE STAAT VAN HET", "FINANCIEEL EVENWICHT", schema="J2")
        self.header(
            "J2: Staat van het financieel evenwicht", f"{self.j.jr()} / EK {self.j.ek}", combined=False
        )
        p = m.plan

        def pair(kind: str, direction: str) -> tuple[int, int]:
            return p.get(kind, direction, "jaarrekening"), p.get(kind, direction, "eindkrediet")

        def diff(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
            return a[0] - b[0], a[1] - b[1]

        def add(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
            return a[0] + b[0], a[1] + b[1]

        expl, inv, fin = (diff(pair(k, "ontvangsten"), pair(k, "uitgaven")) for k in KINDS)
        three = add(expl, inv)
        five = add(three, fin)
        prev = (m.prev_result, m.prev_result)
        seven = add(five, prev)
        repay = pair("financiering", "uitgaven")
        net_repay = diff(repay, m.loan_recoveries)
        afm = diff(expl, net_repay)
        corrected = (m.corrected_repayments, m.corrected_repayments)
        correction = diff(repay, corrected)
        gafm = add(afm, correction)
        blocks: list[tuple[str, list[tuple[str, str, tuple[int, int] | None]]]] = [
            (
                "Budgettair resultaat",
                [
                    ("I. Exploitatiesaldo", "I", expl),
                    ("a. Ontvangsten", "I.a", pair("exploitatie", "ontvangsten")),
                    ("b. Uitgaven", "I.b", pair("exploitatie", "uitgaven")),
                    ("II. Investeringssaldo", "II", inv),
                    ("a. Ontvangsten", "II.a", pair("investeringen", "ontvangsten")),
                    ("b. Uitgaven", "II.b", pair("investeringen", "uitgaven")),
                    ("III. Saldo exploitatie en investeringen", "III", three),
                    ("IV. Financieringssaldo", "IV", fin),
                    ("a. Ontvangsten", "IV.a", pair("financiering", "ontvangsten")),
                    ("b. Uitgaven", "IV.b", repay),
                    ("V. Budgettair resultaat van het boekjaar", "V", five),
                    ("VI. Gecumuleerd budgettair resultaat vorig boekjaar", "VI", prev),
                    ("VII. Gecumuleerd budgettair resultaat", "VII", seven),
                    ("IX. Beschikbaar budgettair resultaat", "IX", seven),
                ],
            ),
            (
                "Autofinancieringsmarge",
                [
                    ("I. Exploitatiesaldo", "I", expl),
                    ("II. Netto periodieke aflossingen", "II", net_repay),
                    ("a. Periodieke aflossingen conform de verbintenissen", "II.a", repay),
                    ("b. Periodieke terugvordering leningen", "II.b", m.loan_recoveries),
                    ("III. Autofinancieringsmarge", "III", afm),
                ],
            ),
            (
                "Gecorrigeerde Autofinancieringsmarge",
                [
                    ("I. Autofinancieringsmarge", "I", afm),
                    ("II. Correctie op de periodieke aflossingen", "II", correction),
                    ("a. Periodieke aflossingen conform de verbintenissen", "II.a", repay),
                    ("b. Gecorrigeerde aflossingen o.b.v. de financiële schulden", "II.b", corrected),
                    ("III. Gecorrigeerde autofinancieringsmarge", "III", gafm),
                ],
            ),
            (
                "Geconsolideerd financieel evenwicht",
                [
                    ("I. Beschikbaar budgettair resultaat", "I", None),
                    (f"- {e.consolidated_word}", f"I.{slug(e.consolidated_word)}", seven),
                    ("Totaal beschikbaar budgettair resultaat", "I.totaal", seven),
                    ("II. Autofinancieringsmarge", "II", None),
                    (f"- {e.consolidated_word}", f"II.{slug(e.consolidated_word)}", afm),
                    ("Totale Autofinancieringsmarge", "II.totaal", afm),
                    ("III. Gecorrigeerde autofinancieringsmarge", "III", None),
                    (f"- {e.consolidated_word}", f"III.{slug(e.consolidated_word)}", gafm),
                    ("Totale gecorrigeerde autofinancieringsmarge", "III.totaal", gafm),
                ],
            ),
        ]
        for title, rows in blocks:
            doc.add(f"{title} Jaarrekening Meerjarenplan")
            for label, key, values in rows:
                if values is None:
                    doc.add(label)
                    doc.blank()
                    continue
                doc.add(f"{label} {amount(values[0])} {amount(values[1])}")
                doc.blank()
                for phase, value in zip(("jaarrekening", "meerjarenplan"), values, strict=True):
                    self.truth["J2"].append(
                        {
                            "line_path": f"{slug(title)}.{key}",
                            "label": label,
                            "phase": phase,
                            "year": self.y,
                            "amount": dec(value),
                        }
                    )
        doc.add(doc.footer_title("Staat van het financieel evenwicht"))
        self.dossiers(
            [
                ("Voorgaande JR dossiers:", [self.j.jr_dossier(self.y - 1)]),
                ("MJP:", [self.j.ek_dossier()]),
                ("MJP dossiers van andere entiteiten:", ["/"]),
                ("Dossiers van andere entiteiten:", ["/"]),
            ],
            leading=True,
        )

    # --- J3 -----------------------------------------------------------------------------
    def j3(self) -> None:
        doc, p = self.doc, self.m.plan
        self.header(
            "J3: Realisatie van de kredieten", f"{self.j.jr()} / EK {self.j.ek} IK {self.j.ik}", combined=True
        )
        doc.add("Jaarrekening Eindkredieten Initiële kredieten")
        doc.blank()
        doc.add(
            "Uitgaven Ontvangsten Uitgaven Ontvangsten Uitgaven Ontvangsten", f"- {self.e.consolidated_word}"
        )
        doc.blank()
        rows = [
            ("Exploitatie", "exploitatie", "exploitatie"),
            ("Investeringen", "investeringen", "investeringen"),
            ("Financiering", "financiering", "financiering"),
            ("Leningen en leasings", "financiering", "financiering.leningen_en_leasings"),
        ]
        for label, kind, path in rows:
            cells = [(phase, d, p.get(kind, d, phase)) for phase in PHASES3 for d in DIRS]
            doc.add(f"{label} {' '.join(amount(v) for _, _, v in cells)}")
            doc.blank()
            for phase, direction, value in cells:
                self.truth["J3"].append(
                    {
                        "line_path": path,
                        "budget_kind": kind,
                        "direction": direction,
                        "phase": phase,
                        "year": self.y,
                        "amount": dec(value),
                    }
                )
        self.dossiers(
            [("MJP initieel krediet:", [self.j.ik_dossier()]), ("MJP eindkrediet:", [self.j.ek_dossier()])]
        )
        doc.add(doc.footer_title("Realisatie van de kredieten"))

    # --- J4 and J5 ----------------------------------------------------------------------
    def outline_rows(self, node: Node, path: str, cols: list[Col]) -> list[tuple[str, str, Node]]:
        """(printed line, path, node) for ``node``'s printed descendants in document order."""
        out: list[tuple[str, str, Node]] = []
        for child in node.children:
            if not child.printed():
                continue
            child_path = f"{path}.{child.key}" if path else child.key
            out.append(
                (f"{child.label} {' '.join(amount(child.values[c]) for c in cols)}", child_path, child)
            )
            out.extend(self.outline_rows(child, child_path, cols))
        return out

    def record(self, table: str, path: str, node: Node, cols: list[Col]) -> None:
        for year, phase in cols:
            self.truth[table].append(
                {
                    "line_path": path,
                    "label": node.label,
                    "year": year,
                    "phase": phase,
                    "amount": dec(node.values[(year, phase)]),
                }
            )

    def j4(self) -> None:
        doc, rng = self.doc, self.rng
        cols = [(self.y, "jaarrekening"), (self.y - 1, "jaarrekening")]
        pager = Pager()
        doc.mark_page_start()
        doc.add("2.4. DE BALANS ")
        doc.blank()
        doc.mark_page_start()
        doc.add("SCHEMA J4")
        self.header(
            "J4: Balans",
            f"{self.j.jr()} / JR-1 Budg. {self.j.budg[self.y - 1]} Alg. {self.j.alg[self.y - 1]}",
            combined=False,
        )
        years = f"{self.y} {self.y - 1}"
        doc.add(years)
        lines: list[tuple[str, str, Node]] = []
        for root in self.m.j4:
            lines.append((f"{root.label} {' '.join(amount(root.values[c]) for c in cols)}", root.label, root))
            lines.extend(self.outline_rows(root, root.label, cols))
        passiva = next(n for n, (_, path, _) in enumerate(lines) if path == "PASSIVA")
        brk = passiva if rng.random() < 0.5 else rng.randrange(1, len(lines))
        for n, (line, path, node) in enumerate(lines):
            if n == brk:
                if rng.random() < 0.5:
                    doc.footer("Balans", pager, mark_next=True)
                else:
                    doc.add(doc.footer_title("Balans"))
                    doc.soft_break(pager)
                doc.add(years)
            doc.add(line)
            if rng.random() < 0.3:
                doc.blank()
            self.record("J4", path, node, cols)
        doc.blank()
        self.dossiers([("JR dossier, voorgaand jaar:", [self.j.jr_dossier(self.y - 1)])])
        doc.footer("Balans", pager, last=True, number=False)

    def j5(self) -> None:
        doc = self.doc
        cols = [(self.y, "jaarrekening"), (self.y - 1, "jaarrekening")]
        self.header(
            "J5: Staat van opbrengsten en kosten",
            f"{self.j.jr()} / JR-1 Budg. {self.j.budg[self.y - 1]} Alg. {self.j.alg[self.y - 1]}",
            combined=False,
        )
        doc.add(f"{self.y} {self.y - 1}")
        root = Node("", "", self.m.j5)
        for line, path, node in self.outline_rows(root, "", cols):
            doc.add(line)
            if self.rng.random() < 0.3:
                doc.blank()
            self.record("J5", path, node, cols)
        doc.blank()
        self.dossiers([("JR dossier, voorgaand jaar:", [self.j.jr_dossier(self.y - 1)])])
        doc.add(doc.footer_title("Staat van opbrengsten en kosten"))

    # --- analysis text and participations -----------------------------------------------
    def analysis(self) -> None:
        doc, rng, m, e = self.doc, self.rng, self.m, self.e
        plan = m.plan
        doc.mark_page_start()
        doc.add(f"{e.name} jaarrekening {self.y} : analyse en toelichting ")
        doc.add(f"I.Analyse exploitatierekening {self.y - 1}-{self.y} ")
        doc.blank()
        realised = {d: plan.get("exploitatie", d, "jaarrekening") for d in (*DIRS, "saldo")}
        self.prose(
            [
                f"Het saldo van de exploitatierekening {self.y} bedraagt {euro(realised['saldo'])}.",
                f"De exploitatie-uitgaven bedragen {euro(realised['uitgaven'])} en de",
                f"exploitatie-ontvangsten {euro(realised['ontvangsten'])}.",
                f"Belangrijke mutaties betreffen {rng.choice(vocab.ANALYSIS_TOPICS)} en "
                f"{rng.choice(vocab.ANALYSIS_TOPICS)}.",
            ]
        )
        doc.blank()
        doc.add(f"\uf0b7 stijgende kostensoorten {self.y} t.o.v. {self.y - 1} :  ")
        doc.add(f"o + {euro(rng.randrange(5_000, 200_000))} voor {rng.choice(vocab.ANALYSIS_TOPICS)}; ")
        doc.blank()
        current = (self.y, "jaarrekening")
        activa = m.j4[0]
        fixed = next(c for c in activa.children if c.key == "II")
        financial = next(c for c in fixed.children if c.key == "B")
        self.prose(
            [
                f"De balans sluit met een algemeen totaal van {euro(activa.values[current])} en",
                "vormt de resultante van de beginbalans en alle verwerkte transacties van het boekjaar.",
                f"De waarde van de aandelen bedraagt {euro(financial.values[current])}.",
            ]
        )
        doc.mark_page_start()
        doc.add("Overzicht participaties Waardering op ", f"31.12.{self.y} ")
        doc.blank()
        total = 0
        for company, value in m.participations:
            doc.add(f"{company} {euro(value)} ", "  ")
            total += value
            self.truth["participations"].append(
                {
                    "company": company,
                    "amount": dec(value),
                    "is_total": False,
                    "valuation_date": f"{self.y}-12-31",
                }
            )
        doc.add(f"Totaal boekhoudkundige waarde {euro(total)} ")
        self.truth["participations"].append(
            {
                "company": "Totaal boekhoudkundige waarde",
                "amount": dec(total),
                "is_total": True,
                "valuation_date": f"{self.y}-12-31",
            }
        )
        doc.blank()
        doc.add("         ")
        doc.blank()
        self.prose(
            [
                "De passiefzijde van de balans is voor een groot deel gefinancierd met schulden op lange",
                "termijn, wat op een solide financiële structuur wijst.",
            ]
        )

    # --- T1 ------------------------------------------------------------------------------
    def phase_line(self, cols: list[Col]) -> str:
        return " ".join("Jaarrekening" if phase == "jaarrekening" else "Meerjarenplan" for _, phase in cols)

    def year_list(self, cols: list[Col]) -> str:
        return " ".join(str(y) for y in dict.fromkeys(y for y, _ in cols))

    def t1(self) -> None:
        doc, m = self.doc, self.m
        cols = m.t1_cols
        self.header(
            "T1: Ontvangsten en uitgaven naar functionele aard",
            f"{self.j.jr()} / EK {self.j.mjp}",
            combined=True,
        )
        doc.add(self.year_list(cols))
        doc.blank()
        doc.add(self.phase_line(cols))
        for domain in m.t1:
            kinds = [
                (kind, [d for d in (*DIRS, "saldo") if any(domain.values[(kind, d)][c] for c in cols)])
                for kind in KINDS
            ]
            kinds = [(kind, dirs) for kind, dirs in kinds if dirs]
            if not kinds:
                continue
            doc.add(domain.name)
            doc.blank()
            for kind, dirs in kinds:
                doc.add(_POLICY_KINDS[kind])
                for direction in dirs:
                    values = [domain.values[(kind, direction)][c] for c in cols]
                    doc.add(f"{_POLICY_DIRS[direction]} {' '.join(amount(v) for v in values)}")
                    doc.blank()
                    for (year, phase), value in zip(cols, values, strict=True):
                        self.truth["T1"].append(
                            {
                                "line_path": f"{slug(domain.name)}.{kind}.{direction}",
                                "beleidsdomein": domain.name,
                                "budget_kind": kind,
                                "direction": direction,
                                "year": year,
                                "phase": phase,
                                "amount": dec(value),
                            }
                        )
        self.dossiers(self.plan_dossiers())
        doc.add(doc.footer_title("Ontvangsten en uitgaven naar functionele aard"))

    # --- T2 ------------------------------------------------------------------------------
    def t2(self) -> None:
        doc, m = self.doc, self.m
        pager = Pager()
        doc.mark_page_start()
        doc.add("3.3. OVERZICHT ", "ONTVANGSTEN EN UITGAVEN ", "NAAR ECONOMISCHE AARD ")
        doc.blank()
        doc.mark_page_start()
        doc.add("SCHEMA T2 ")
        self.header(
            "T2: Ontvangsten en uitgaven naar economische aard",
            f"{self.j.jr()} / EK {self.j.mjp}",
            combined=True,
        )
        blocks = [cols for cols in m.t2_cols if cols]
        for section in KINDS:
            for part in (p for p in m.t2 if p.section == section):
                for cols in blocks:
                    self.t2_block(part, cols, pager)
            self.t2_saldo(_T2_SALDO[section], f"{section}.saldo", section, blocks)
            if section == "investeringen":
                self.t2_saldo(
                    "Saldo exploitatie en investeringen",
                    "totaal.saldo_exploitatie_en_investeringen",
                    "expl+inv",
                    blocks,
                )
        self.t2_saldo("Budgettair resultaat van het boekjaar", "totaal.budgettair_resultaat", "all", blocks)
        self.dossiers(self.plan_dossiers())

    def t2_block(self, part: T2Part, cols: list[Col], pager: Pager) -> None:
        doc, rng = self.doc, self.rng
        header = [f"{part.header} {self.year_list(cols)}", self.phase_line(cols)]
        doc.add(*header)
        rows = self.outline_rows(part.root, f"{part.section}.{part.part}", cols)
        brk = rng.randrange(1, len(rows)) if len(rows) > 3 and rng.random() < 0.3 else None
        for n, (line, path, node) in enumerate(rows):
            if n == brk:
                if rng.random() < 0.3:
                    doc.footer("Ontvangsten en uitgaven naar economische aard", pager, mark_next=True)
                else:
                    doc.soft_break(pager)
                doc.add(*header)
            doc.add(line)
            self.record("T2", path, node, cols)

    def t2_saldo(self, label: str, path: str, which: str, blocks: list[list[Col]]) -> None:
        parts = self.m.t2

        def value(col: Col) -> int:
            def saldo(section: str) -> int:
                return t2_total(parts, section, "ontvangsten", col) - t2_total(
                    parts, section, "uitgaven", col
                )

            if which == "expl+inv":
                return saldo("exploitatie") + saldo("investeringen")
            if which == "all":
                return sum(saldo(s) for s in KINDS)
            return saldo(which)

        for cols in blocks:
            values = [value(c) for c in cols]
            self.doc.add(f"{label} {' '.join(amount(v) for v in values)}")
            for (year, phase), v in zip(cols, values, strict=True):
                self.truth["T2"].append(
                    {"line_path": path, "label": label, "year": year, "phase": phase, "amount": dec(v)}
                )

    # --- T3 cover and T4 -----------------------------------------------------------------
    def t3_t4(self) -> None:
        doc, m, rng = self.doc, self.m, self.rng
        doc.mark_page_start()
        doc.add("3.4. OVERZICHT ", "INVESTERINGSPROJECTEN  ")
        doc.mark_page_start()
        doc.add("SCHEMA T3 ")
        self.filler("3.5. EVOLUTIE VAN DE", "FINANCIËLE SCHULDEN", schema="T4")
        self.header("T4: Evolutie van de financiële schulden", self.j.jr(), combined=True)
        years = list(range(m.start, m.end + 1))
        blocks = [years[:6], years[6:]]
        cols_of = {y: (y, "jaarrekening" if y <= self.y else "meerjarenplan") for y in years}
        d = m.debt
        rows: list[tuple[list[str], str, dict[int, int]]] = [
            (["A. Financiële schulden op lange termijn"], "A", {y: d[y].a_close for y in years}),
            (["1. Financiële schulden op 1 januari"], "A.1", {y: d[y].a_open for y in years}),
            (["2. Nieuwe leningen"], "A.2", {y: d[y].new for y in years}),
            (["4. Overboekingen"], "A.4", {y: d[y].a_transfer for y in years}),
            (
                ["B. Financiële schulden op lange termijn die", "binnen het jaar vervallen"],
                "B",
                {y: d[y].b_close for y in years},
            ),
            (["1. Financiële schulden op 1 januari"], "B.1", {y: d[y].b_open for y in years}),
            (["2. Aflossingen"], "B.2", {y: d[y].repay for y in years}),
            (["3. Overboekingen"], "B.3", {y: d[y].b_transfer for y in years}),
            (["C. Financiële schulden op  korte termijn"], "C", {y: d[y].short for y in years}),
            (["Totaal financiële schulden"], "TOTAAL", {y: d[y].total for y in years}),
        ]
        printed = [row for row in rows if any(row[2].values())]
        for block in blocks:
            doc.add(f"Financiële schulden op 31 december {' '.join(str(y) for y in block)}")
            for label_lines, path, values in printed:
                numbers = " ".join(amount(values[y]) for y in block)
                if len(label_lines) > 1:
                    doc.add(*label_lines, numbers)
                else:
                    doc.add(f"{label_lines[0]} {numbers}")
                if rng.random() < 0.2:
                    doc.blank()
                label = " ".join(" ".join(label_lines).split())
                for y in block:
                    year, phase = cols_of[y]
                    self.truth["T4"].append(
                        {
                            "line_path": path,
                            "label": label,
                            "year": year,
                            "phase": phase,
                            "amount": dec(values[y]),
                        }
                    )
        doc.soft_break(None)
        groups = self.plan_dossiers()[1:]
        self.dossiers(groups)

    # --- risks, off-balance, valuation rules ---------------------------------------------
    def off_balance(self) -> None:
        doc, rng, m = self.doc, self.rng, self.m
        doc.mark_page_start()
        doc.add("3.6. FINANCIËLE RISICO’S ")
        self.prose(
            [
                "Het bestuur volgt de financiële risico’s nauwgezet op.",
                "De belangrijkste risico’s betreffen de evolutie van de rente, de",
                "personeelskosten en de afhankelijkheid van subsidies van de hogere overheid.",
            ]
        )
        doc.blank()
        rows = m.off_balance
        groups: list[list[int]] = []  # indices of account rows with their journal rows, per page
        for n, row in enumerate(rows):
            if row.row_type == "journal" or (groups and row.row_type == "total"):
                groups[-1].append(n)
            else:
                groups.append([n])
        cuts = sorted(rng.sample(range(5, len(groups) - 3), k=2))
        pages = [groups[: cuts[0]], groups[cuts[0] : cuts[1]], groups[cuts[1] :]]
        for page in pages:
            doc.mark_page_start()
            doc.add("Niet in de balans opgenomen rechten en verplichtingen", "DEBET CREDIT SALDO")
            doc.blank()
            labels: list[str] = []
            for group in page:
                for n in group:
                    row = rows[n]
                    head = {
                        "account": row.code,
                        "journal": f"{row.journal_no} {row.chart_label}",
                        "total": "TOTAAL",
                    }[row.row_type]
                    doc.add(
                        f"{head} {euro_cents(row.debit)} {euro_cents(row.credit)} {euro_cents(row.saldo)}"
                    )
                    doc.blank()
                    if row.row_type == "account":
                        labels.append(row.chart_label)
                    self.truth["off_balance"].append(
                        {
                            "row_type": row.row_type,
                            "account_code": row.code,
                            "parent_code": row.parent,
                            "journal_no": row.journal_no,
                            "chart_label": row.chart_label if row.row_type == "account" else None,
                            "debit": dec_cents(row.debit),
                            "credit": dec_cents(row.credit),
                            "saldo": dec_cents(row.saldo),
                        }
                    )
            rng.shuffle(labels)
            self.truth["off_balance_labels"].extend(labels)
            for line in self.label_lines(labels):
                doc.add(line)
                doc.blank()
        doc.mark_page_start()
        doc.add("De waarderingsregels ")
        self.prose(
            [
                "De materiële vaste activa worden gewaardeerd tegen aanschaffingswaarde.",
                "Activa met een aanschaffingswaarde van minder dan duizend euro worden niet",
                "geïnventariseerd en rechtstreeks in de kosten genomen.",
            ]
        )
        doc.blank()

    def label_lines(self, labels: list[str]) -> list[str]:
        """The page's label list: long labels wrap before a lower-case word, two labels may be glued."""
        rng = self.rng
        out: list[str] = []
        glue_next = False
        for label in labels:
            lines = [label]
            words = label.split(" ")
            breaks = [i for i in range(6, len(words)) if words[i][:1].islower()]
            if len(label) > 90 and breaks:
                i = rng.choice(breaks)
                lines = [" ".join(words[:i]) + " ", " ".join(words[i:])]
            if glue_next and out and out[-1][-1:].islower():
                out[-1] = out[-1] + lines[0]
                out.extend(lines[1:])
            else:
                out.extend(lines)
            glue_next = rng.random() < 0.05 and lines[-1][-1:].islower() and len(lines) > 1
        return out

    # --- credit transfers ----------------------------------------------------------------
    def transfers(self) -> None:
        doc, e = self.doc, self.e
        nxt = self.y + 1
        for budget_type, title, kind_word in (
            ("I", "investeringskredieten", "Investering"),
            ("F", "financieringskredieten", "Financiering"),
        ):
            rows = [t for t in self.m.transfers if t.budget_type == budget_type]
            doc.mark_page_start()
            doc.add(f"{e.name} ({e.address.replace(' ', '  ', 1)})")
            doc.blank()
            doc.add(f"Overdracht {title} {self.y} naar {nxt}")
            doc.blank()
            self.transfer_header(full=True)
            for n, row in enumerate(rows):
                if n and self.rng.random() < 0.3:
                    self.transfer_page_break()
                self.transfer_row(row)
            totals = {d: sum(r.amount for r in rows if r.direction == d) for d in ("U", "O")}
            totals["R"] = totals["O"] - totals["U"]
            doc.mark_page_start()
            doc.add("ENTITEIT TYPE BUDGET SOORT", "BUDGET")
            doc.blank()
            doc.add(f"{nxt} TOTAAL")
            doc.mark_page_start()
            doc.add(f"MJP {nxt}-{nxt}")
            doc.blank()
            doc.add(e.name)
            doc.blank()
            doc.add(kind_word)
            doc.blank()
            doc.add("Uitgave")
            doc.blank()
            doc.add("Ontvangst")
            doc.blank()
            columns = (f"MJP {nxt}-{nxt}", "TOTAAL")
            self.transfer_totals(budget_type, columns, ("U", "O"), totals)
            doc.add("TOTAAL Uitgave")
            doc.blank()
            doc.add("Ontvangst")
            doc.blank()
            doc.add("Resultaat")
            doc.blank()
            self.transfer_totals(budget_type, columns, ("U", "O", "R"), totals)

    def transfer_totals(
        self, budget_type: str, columns: tuple[str, str], directions: tuple[str, ...], totals: dict[str, int]
    ) -> None:
        for column in columns:
            for direction in directions:
                self.doc.add(cents(totals[direction]))
                self.doc.blank()
                self.truth["credit_transfer_totals"].append(
                    {
                        "budget_type": budget_type,
                        "direction": direction,
                        "column_label": column,
                        "amount": dec_cents(totals[direction]),
                    }
                )

    def transfer_header(self, *, full: bool) -> None:
        doc = self.doc
        doc.add("Entiteit Type", "budget")
        doc.blank()
        doc.add("Soort", "budget")
        doc.blank()
        doc.add("Beleidsdoestelling Actieplan Actie Raming Budgetcode Toelichting wijziging Jaar Transactie")
        if full:
            doc.add("krediet")
            doc.blank()
            doc.add("Bedrag wijziging")
        doc.blank()

    def transfer_page_break(self) -> None:
        """Headers repeat inconsistently: in full, partly, only "Bedrag wijziging", or not at all."""
        doc = self.doc
        style = self.rng.choice(("full", "partial", "amount", "none"))
        doc.soft_break(None)
        if style == "full":
            self.transfer_header(full=True)
        elif style == "partial":
            doc.add("budget")
            doc.blank()
            doc.add("Soort", "budget")
            doc.blank()
            doc.add(
                "Beleidsdoestelling Actieplan Actie Raming Budgetcode Toelichting wijziging Jaar Transactie"
            )
        elif style == "amount":
            doc.add("Bedrag wijziging")
            doc.blank()

    def transfer_row(self, t: Transfer) -> None:
        doc, rng = self.doc, self.rng
        width = rng.randint(22, 26)
        cells = [hard_wrap(f"{item.code} - {item.title}", width) for item in (t.bd, t.ap, t.ac)]
        cells.append(hard_wrap(f"{t.raming_code} - {t.raming_text}", width))
        segments = t.description.split("/")[:-1]
        if rng.random() < 0.2:  # NBSP padding before a segment's slash, as the export prints it
            segments[-1] += "\u00a0\u00a0 "
        cells.append([t.budget_code, *hard_wrap("/".join(segments) + "/", width)])
        cells.append([f"{t.change_code} -", f"Overdracht naar {self.y + 1}"])
        first, *rest = cells[0]
        doc.add(f"{self.e.name} {t.budget_type} {t.direction} {first}", *rest)
        for cell in cells[1:]:
            doc.blank()
            doc.add(*cell)
        doc.blank()
        doc.add(f"{self.y + 1} {cents(t.transaction_credit)} {cents(t.amount)}")
        doc.blank()
        self.truth["credit_transfers"].append(
            {
                "entity_name": self.e.name,
                "budget_type": t.budget_type,
                "direction": t.direction,
                "bd_code": t.bd.code,
                "bd_title": t.bd.title,
                "ap_code": t.ap.code,
                "ap_title": t.ap.title,
                "ac_code": t.ac.code,
                "ac_title": t.ac.title,
                "raming_code": t.raming_code,
                "raming_text": t.raming_text,
                "budget_code": t.budget_code,
                "account_code": t.account[0],
                "beleidsdomein_code": t.domain[0],
                "beleidsveld_code": t.veld[0],
                "budget_code_description": t.description,
                "change_code": t.change_code,
                "change_text": f"Overdracht naar {self.y + 1}",
                "target_year": self.y + 1,
                "transaction_credit": dec_cents(t.transaction_credit),
                "amount": dec_cents(t.amount),
                "from_year": self.y,
            }
        )

    def closing(self) -> None:
        doc, e = self.doc, self.e
        doc.mark_page_start()
        doc.add("3.9. BIJKOMENDE ", "DOCUMENTATIE ")
        doc.blank()
        self.prose(
            [
                "De bijkomende documentatie bij de jaarrekening is beschikbaar op de website, via",
                "onderstaande link:",
            ]
        )
        doc.blank()
        doc.add(f"{e.website} ")
        doc.blank(2)
        doc.add(f"{e.name} {e.kbo} ")
        doc.blank()
        doc.add(f"{e.address} ")

    # --- the whole report ----------------------------------------------------------------
    def key_figures(self) -> dict[str, str | None]:
        """The fiscal year's headline figures as mart_key_figures defines them (table + outline
        path, jaarrekening column); ``None`` for a figure the report does not print."""
        printed = {
            (table, row["line_path"]): row["amount"]
            for table in ("J2", "J4", "J5", "T4")
            for row in self.truth[table]
            if row["year"] == self.y and row["phase"] == "jaarrekening"
        }
        figures = {name: printed.get(source) for name, source in _KEY_FIGURES.items()}
        figures["participations_total"] = next(
            p["amount"] for p in self.truth["participations"] if p["is_total"]
        )
        return figures

    def print_report(self) -> tuple[str, Truth]:
        self.policy()
        self.j1()
        self.j2()
        self.j3()
        self.j4()
        self.j5()
        self.analysis()
        self.t1()
        self.t2()
        self.t3_t4()
        self.off_balance()
        self.transfers()
        self.closing()
        self.truth["key_figures"] = self.key_figures()
        return self.doc.text(), self.truth
