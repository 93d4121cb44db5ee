"""Layout family C: the volumes of a multi-year plan as a policy portal exports them to Word.

Modelled on the two Oost-Vlaanderen volumes in ``../shared/real/`` (Aspose.Words exports) and on
issue 14: a plan (meerjarenplan) is published as separate volumes, each one document:

* ``beleidsdoelstellingen``: "Overzicht van alle beleidsdoelstellingen", ``H1: <domain>`` headings
  with ``BD000001: <title> *`` lines (``*`` = priority), with or without ``AP000001: <title>`` lines
  under each BD; long titles wrap onto an indented continuation line;
* ``documentatie``: the prescribed list of granted operating and investment subsidies (beneficiary,
  description, one amount per plan year with decimal commas ``1.931.146,24``, a ``Nominatief`` J/N
  column, ``BELEIDSDOMEIN`` rows with their totals, ``0150 - Internationale relaties`` beleidsveld
  headings, ``Totaal :`` rows per beleidsveld, ``TOTAAL WERKINGSSUBSIDIES`` /
  ``TOTAAL INVESTERINGSSUBSIDIES``), the composition of beleidsdomeinen and beleidsvelden, and the
  ``Beleidsveld: BV0030: <title>`` blocks (Exploitatie / Investering / Financiering x Uitgave /
  Ontvangst / Saldo x plan years, whole euros, all-zero rows left out as the portal does);
* ``beleidsverklaring``: mostly prose (the priority policy objectives as bullets and paragraphs)
  with the key figures table ("Financieel evenwicht": beschikbaar budgettair resultaat and
  autofinancieringsmarge per plan year) and the total expenditure budget per priority policy.

No "Journaalvolgnummers" header; the entity on the title page and/or in a running header
("<entity> - Meerjarenplan 2026-2031"); for some documentation volumes and policy statements the title
page prints the volume title only (as the real documentatie volume does), so the plan years come from
the running header and the tables' year headers; a KBO line ("Ondernemingsnummer") for some seeds
only; the page number alone on the last line of each page.
Wrapped cells: the beneficiary and the description columns wrap independently (a continuation line
carries the text of one column only: the description's indented to its column, the beneficiary's
at the left margin), never inside a word, never after a hyphen.

Ground truth (``SyntheticReport.truth``), amounts as strings with two decimals:

* ``document``: entity_name, kbo_number (``None`` unless printed), entity_type, report_type
  (``meerjarenplan``), plan_version (``origineel``), fiscal_year (the first plan year),
  plan_first_year, plan_last_year, plan_volume;
* ``policy_items`` {level, code, title, is_priority, parent_code, beleidsdomein, domain_code};
* ``subsidies`` {kind (werking | investering), beleidsdomein (upper case as printed after
  ``BELEIDSDOMEIN``, wrapped lines joined), beleidsveld_code, beleidsveld,
  beneficiary, description, nominatief ("J" | "N" | None), year, amount};
* ``subsidy_totals`` {kind, level (beleidsveld | beleidsdomein | kind), beleidsdomein,
  beleidsveld_code, year, amount}: every printed total;
* ``beleidsveld_composition`` {beleidsdomein_no, beleidsdomein, beleidsveld_code, beleidsveld,
  items [code, title]};
* ``beleidsveld_overview`` {beleidsveld_code_printed ("BV0030"), beleidsveld_code ("0030"),
  beleidsveld, budget_kind (exploitatie | investeringen | financiering), direction (uitgaven |
  ontvangsten | saldo), year, amount}: every printed cell;
* ``key_figures`` {name (beschikbaar_budgettair_resultaat | autofinancieringsmarge), year, amount}
  and ``priority_budgets`` {title, amount} (total expenditure budget over the plan period).

The same seed gives the same bytes. :func:`render_pdf` draws a volume in DejaVu Serif, the
documentation volume on A4 landscape pages like the real one.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from pipelines.synth import vocab
from pipelines.synth.entity import kbo_number, town_name
from pipelines.synth.fmt import amount, cents, dec, dec_cents, wrap
from pipelines.synth.pdf import SERIF_LETTER_LANDSCAPE, PdfStyle, as_drawn, font_file, paginate

VOLUMES = ("beleidsdoelstellingen", "documentatie", "beleidsverklaring")
PLAN_PERIODS = ((2020, 2025), (2026, 2031))

# entity types of the portal's users: (type as pipelines.ingest.metadata names it, printed prefixes)
ENTITY_KINDS = (
    ("provincie", ("Provincie",)),
    ("gemeente", ("Stad", "Gemeente")),
    ("AGB", ("AGB",)),
    ("APB", ("APB",)),
)

# beleidsdomeinen (as the subsidy list prints them, upper case) with beleidsvelden (BBC code, name)
DOMAINS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "ALGEMENE FINANCIERING",
        (
            ("0010", "Algemene overdrachten tussen de verschillende bestuurlijke niveaus"),
            ("0020", "Fiscale aangelegenheden"),
            ("0030", "Financiële aangelegenheden"),
            ("0040", "Transacties in verband met de openbare schuld"),
            ("0050", "Patrimonium zonder maatschappelijk doel"),
        ),
    ),
    ("POLITIEKE AUTORITEIT", (("0100", "Politieke organen"),)),
    (
        "ECONOMIE, LANDBOUW EN PLATTELAND, EUROPESE EN INTERNATIONALE SAMENWERKING",
        (
            ("0150", "Internationale relaties"),
            ("0160", "Hulp aan het buitenland"),
            ("0500", "Handel en middenstand"),
            ("0510", "Nijverheid"),
            ("0520", "Toerisme - Onthaal en promotie"),
            ("0530", "Land- tuin- en bosbouw"),
            ("0550", "Werkgelegenheid"),
        ),
    ),
    (
        "OMGEVING EN MOBILITEIT",
        (("0200", "Wegen"), ("0600", "Ruimtelijke planning"), ("0629", "Overig woonbeleid")),
    ),
    (
        "LEEFMILIEU",
        (
            ("0319", "Overig waterbeheer"),
            ("0340", "Aankoop, inrichting en beheer van natuur, groen en bos"),
            ("0349", "Overige bescherming van biodiversiteit, landschappen en bodem"),
            ("0350", "Klimaat en energie"),
        ),
    ),
    (
        "ONDERWIJS EN VORMING",
        (
            ("0801", "Buitengewoon basisonderwijs"),
            ("0810", "Gewoon secundair onderwijs"),
            ("0830", "Centra voor volwassenenonderwijs"),
        ),
    ),
    (
        "VRIJE TIJD",
        (("0705", "Evenementen"), ("0711", "Openluchtrecreatie"), ("0740", "Sportsubsidies"), ("0750", "Jeugd")),
    ),
    ("ERFGOED", (("0720", "Monumentenzorg"), ("0729", "Overig beleid inzake het erfgoed"))),
    (
        "INTERNE ONDERSTEUNING",
        (("0110", "Secretariaat"), ("0114", "Organisatiebeheersing"), ("0119", "Overige algemene diensten")),
    ),
)
FINANCE = DOMAINS[0][0]

BENEFICIARY_FORMS = (
    "PR {date}",
    "PR in opmaak",
    "Individueel dossier provincieraad",
    "vzw {Word} {Town}",
    "Stad {Town}",
    "Gemeente {Town}",
    "{Word}centrum {Town} vzw",
    "Regionaal Landschap {Town} en {Town2} vzw",
    "Intercommunale {Word} {Town}",
    "Kerkfabriek Sint-{Saint} te {Town}",
    "Hogeschool {Town}",
)
DESCRIPTION_HEADS = {
    "werking": (
        "werkingssubsidie",
        "werkingssubsidie voor",
        "werkingstoelage voor",
        "projectsubsidie voor",
        "subsidies voor",
        "subsidies aan verenigingen voor",
        "bijdrage in",
        "bijdrage in de werkingskosten van",
        "ondersteuning van",
    ),
    "investering": (
        "investeringssubsidie voor",
        "investeringssubsidie aan de kerkfabriek voor",
        "subsidies voor",
        "bijdrage in de investeringen voor",
    ),
}
SAINTS = ("Baafs", "Martinus", "Pieter", "Jan", "Niklaas", "Amandus", "Catharina")
KIND_TITLES = {"werking": ("A. Werkingssubsidies", "TOTAAL WERKINGSSUBSIDIES")}
KIND_TITLES["investering"] = ("B. Investeringssubsidies", "TOTAAL INVESTERINGSSUBSIDIES")
BUDGET_KINDS = (("Exploitatie", "exploitatie"), ("Investering", "investeringen"), ("Financiering", "financiering"))
DIRECTIONS = (("Uitgave", "uitgaven"), ("Ontvangst", "ontvangsten"), ("Saldo", "saldo"))

LANDSCAPE_LINES = 40  # lines per landscape page (the real documentatie prints 36-42)
PORTRAIT_LINES = 56
BENEFICIARY_WIDTH = 34  # characters of the beneficiary column
DESCRIPTION_WIDTH = 62
DESCRIPTION_INDENT = " " * (BENEFICIARY_WIDTH + 2)


@dataclass(frozen=True)
class SyntheticReport:
    name: str
    text: str
    truth: dict[str, Any]
    volume: str


@dataclass(frozen=True)
class _Entity:
    name: str
    entity_type: str
    town: str
    kbo: str


# --- the report --------------------------------------------------------------------------------
def generate_report(seed: int, *, volume: str | None = None, plan_first_year: int | None = None) -> SyntheticReport:
    """One volume of a family-C plan; the volume cycles with the seed unless given."""
    volume = volume or VOLUMES[seed % len(VOLUMES)]
    if volume not in VOLUMES:
        raise ValueError(f"unknown volume {volume!r}; known: {VOLUMES}")
    rng = random.Random(f"bbc-synth-c/{seed}")
    entity = _make_entity(random.Random(f"bbc-synth-c/{seed}/entity"))
    first = plan_first_year if plan_first_year is not None else rng.choice(PLAN_PERIODS)[0]
    years = list(range(first, first + 6))
    printer = _Printer(random.Random(f"bbc-synth-c/{seed}/{volume}"), entity, years, volume)
    text, truth = printer.print_volume()
    kbo_printed = printer.kbo_printed
    truth = {
        "document": {
            "entity_name": entity.name,
            "kbo_number": entity.kbo if kbo_printed else None,
            "entity_type": entity.entity_type,
            "report_type": "meerjarenplan",
            "plan_version": "origineel",
            "fiscal_year": years[0],
            "plan_first_year": years[0],
            "plan_last_year": years[-1],
            "plan_volume": volume,
        },
        "seed": seed,
        "family": "C",
        **truth,
    }
    slug = "-".join(entity.name.lower().replace("'", "").split())
    stem = f"meerjarenplan-{years[0]}-{years[-1]}-{volume}-{slug}-c{seed}"
    return SyntheticReport(stem, text, truth, volume)


def _serif_style(page_size: tuple[float, float]) -> PdfStyle:
    return PdfStyle(
        "BBCTestSerifC",
        "DejaVu Serif",
        SERIF_LETTER_LANDSCAPE.font_files,
        7.0,
        11.0,
        page_size,
        28.0,
        40.0,
        36.0,
    )


# family C's renderings: DejaVu Serif 7 pt on 11 pt, A4 landscape (documentation) or portrait
LANDSCAPE_STYLE = _serif_style(landscape(A4))
PORTRAIT_STYLE = _serif_style(A4)
PITCH = 4.4  # points per character column of the text: where a table cell starts on the page
_CELL = re.compile(r"\S+(?: \S+)*")


def render_pdf(report: SyntheticReport, out: Path) -> Path:
    """The volume as a PDF in DejaVu Serif; the documentation volume on A4 landscape pages.

    As a Word export draws a table, every cell is its own text run at its column's position: a text
    line is split into cells at runs of two or more spaces, and a cell that starts at character column
    ``k`` of the text is drawn at ``k * PITCH`` points from the margin (beneficiary, description and
    amount columns line up from row to row, continuation lines start at their column). Page breaks as
    :func:`pipelines.synth.pdf.paginate`; the text read back is the text's lines (single spaces)."""
    style = LANDSCAPE_STYLE if report.volume == "documentatie" else PORTRAIT_STYLE
    pdfmetrics.registerFont(TTFont(style.font_name, str(font_file(style))))
    width, height = style.page_size
    canvas = Canvas(str(out), pagesize=style.page_size, invariant=1, pageCompression=1)
    for page in paginate(as_drawn(report.text, style), style.lines_per_page):
        y = height - style.margin_top
        for line in page:
            for cell in _CELL.finditer(line.rstrip()):
                canvas.setFont(style.font_name, style.font_size)
                canvas.drawString(style.margin_x + cell.start() * PITCH, y, cell.group())
            y -= style.leading
        canvas.showPage()
    canvas.save()
    return out


def write_corpus(out_dir: Path, n: int, *, seed: int = 0, pdf: bool = False) -> list[Path]:
    """``n`` volumes (seeds ``seed`` ..) as ``<name>.txt`` + ``<name>.truth.json`` (+ ``<name>.pdf``)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for s in range(seed, seed + n):
        report = generate_report(s)
        txt = out_dir / f"{report.name}.txt"
        txt.write_text(report.text, encoding="utf-8")
        (out_dir / f"{report.name}.truth.json").write_text(
            json.dumps(report.truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        written.append(txt)
        if pdf:
            written.append(render_pdf(report, out_dir / f"{report.name}.pdf"))
    return written


def _make_entity(rng: random.Random) -> _Entity:
    kind, prefixes = rng.choice(ENTITY_KINDS)
    town = town_name(rng)
    name = f"{rng.choice(prefixes)} {town}"
    return _Entity(name, kind, town, kbo_number(rng))


# --- printing ----------------------------------------------------------------------------------
class _Printer:
    def __init__(self, rng: random.Random, entity: _Entity, years: list[int], volume: str) -> None:
        self.rng = rng
        self.entity = entity
        self.years = years
        self.volume = volume
        self.kbo_printed = rng.random() < 0.3
        # the title page: entity, plan and volume title (a); volume title first (b); or, for volumes
        # whose tables print the plan years, the volume title alone with the entity in a running header (c)
        self.title_style = rng.choice("aab" if volume == "beleidsdoelstellingen" else "aabc")
        self.running_header = self.title_style == "c" or rng.random() < 0.5
        self.pages: list[list[str]] = []
        self.page: list[str] = []
        self.page_size = PORTRAIT_LINES

    @property
    def period(self) -> str:
        return f"{self.years[0]}-{self.years[-1]}"

    # pages
    def new_page(self, size: int, *, header: bool = True) -> None:
        self.close_page()
        # the documentation volume is rendered on landscape pages throughout (render_pdf)
        self.page_size = min(size, LANDSCAPE_LINES) if self.volume == "documentatie" else size
        if header and self.running_header:
            self.page.append(f"{self.entity.name} - Meerjarenplan {self.period}")

    def close_page(self) -> None:
        if self.page:
            self.page.append(f"{' ' * 60}{len(self.pages) + 1}")
            self.pages.append(self.page)
            self.page = []

    def emit(self, lines: list[str]) -> None:
        """Lines that stay together on one page (a table row with its wrapped continuation)."""
        if len(self.page) + len(lines) > self.page_size - 1:
            self.new_page(self.page_size)
        self.page.extend(lines)

    def text(self) -> str:
        self.close_page()
        return "\f".join("\n".join(page) + "\n" for page in self.pages)

    def title_page(self, title: str) -> None:
        self.new_page(PORTRAIT_LINES, header=False)
        if self.title_style == "a":
            self.page += ["", self.entity.name, f"MEERJARENPLAN {self.period}", "", title.upper(), ""]
        elif self.title_style == "b":
            self.page += ["", title.upper(), "", f"Meerjarenplan {self.period}", self.entity.name, ""]
        else:
            self.page += ["", title.upper(), ""]
        if self.kbo_printed:
            self.page.append(f"Ondernemingsnummer {self.entity.kbo[:4]}.{self.entity.kbo[4:7]}.{self.entity.kbo[7:]}")

    def print_volume(self) -> tuple[str, dict[str, Any]]:
        if self.volume == "beleidsdoelstellingen":
            truth = self.print_bd_list()
        elif self.volume == "documentatie":
            truth = self.print_documentatie()
        else:
            truth = self.print_beleidsverklaring()
        return self.text(), truth

    # the list of all beleidsdoelstellingen ----------------------------------------------------
    def print_bd_list(self) -> dict[str, Any]:
        rng = self.rng
        self.title_page("Beleidsdoelstellingen")
        self.new_page(PORTRAIT_LINES)
        self.emit(["Overzicht van alle beleidsdoelstellingen", ""])
        with_aps = rng.random() < 0.6
        domains = rng.sample([d for d, _ in DOMAINS], rng.randint(3, len(DOMAINS)))
        items: list[dict[str, Any]] = []
        bd_no = ap_no = 0
        for h, domain in enumerate(domains, start=1):
            heading = domain.capitalize() if rng.random() < 0.8 else domain
            self.emit(["", f"H{h}: {heading}"])
            for _ in range(rng.randint(1, 5)):
                bd_no += 1
                code = f"BD{bd_no:06d}"
                title = _policy_title(rng, "BD")
                priority = rng.random() < 0.35
                self.emit(_item_lines(code, title, priority))
                items.append(_item("BD", code, title, priority, None, heading, f"H{h}"))
                for _ in range(rng.randint(0, 4) if with_aps else 0):
                    ap_no += 1
                    ap_code = f"AP{ap_no:06d}"
                    ap_title = _policy_title(rng, "AP")
                    ap_priority = priority and rng.random() < 0.5
                    self.emit(_item_lines(ap_code, ap_title, ap_priority))
                    items.append(_item("AP", ap_code, ap_title, ap_priority, code, heading, f"H{h}"))
        return {"policy_items": items}

    # the documentation volume -----------------------------------------------------------------
    def print_documentatie(self) -> dict[str, Any]:
        rng = self.rng
        self.title_page("Documentatie")
        self.new_page(PORTRAIT_LINES)
        self.emit(
            [
                "Overzicht van alle beleidsdoelstellingen met bijhorende actieplannen en acties",
                "Het detailoverzicht van alle beleidsdoelstellingen is terug te vinden op de homepagina van dit",
                "beleidsrapport.",
                "Overzicht van de toegestane werkings- en investeringssubsidies",
                "Overzicht van de beleidsdomeinen, beleidsvelden en -items",
                "Overzicht jaarlijkse uitgaven en ontvangsten voor exploitatie, investeringen en financiering per",
                "beleidsveld",
            ]
        )
        # the plan's beleidsvelden: finance plus a draw of the others
        chosen: list[tuple[str, list[tuple[str, str]]]] = [(FINANCE, list(DOMAINS[0][1][: rng.randint(2, 5)]))]
        for domain, fields in DOMAINS[1:]:
            if rng.random() < 0.75:
                chosen.append((domain, sorted(rng.sample(list(fields), rng.randint(1, len(fields))))))
        self.new_page(PORTRAIT_LINES)
        self.emit(["Toegestane werkings- en investeringssubsidies"])
        subsidies, totals = self.print_subsidies(chosen)
        composition = self.print_composition(chosen)
        overview = self.print_overview(chosen)
        return {
            "subsidies": subsidies,
            "subsidy_totals": totals,
            "beleidsveld_composition": composition,
            "beleidsveld_overview": overview,
        }

    def print_subsidies(
        self, chosen: list[tuple[str, list[tuple[str, str]]]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        rng = self.rng
        subsidies: list[dict[str, Any]] = []
        totals: list[dict[str, Any]] = []
        header = ["Begunstigde Omschrijving " + " ".join(f"MJP{y}" for y in self.years) + " Nominatief"]
        for kind in ("werking", "investering"):
            title, total_label = KIND_TITLES[kind]
            self.new_page(LANDSCAPE_LINES)
            self.emit([title, *header])
            kind_sum = [0] * 6
            domains = [(d, f) for d, f in chosen if d != FINANCE and (kind == "werking" or rng.random() < 0.5)]
            if not domains:
                domains = [next((d, f) for d, f in chosen if d != FINANCE)] if len(chosen) > 1 else []
            for domain, fields in domains:
                velds = [f for f in fields if kind == "werking" or rng.random() < 0.6] or fields[:1]
                rows = {veld: [self.subsidy(kind) for _ in range(rng.randint(1, 6))] for veld in velds}
                domain_sum = [sum(r["amounts"][i] for rs in rows.values() for r in rs) for i in range(6)]
                name_lines = wrap(domain, 38)
                label = ["BELEIDSDOMEIN " + name_lines[0], *name_lines[1:]]
                if len(label) == 1:
                    self.emit([f"{label[0]} {_cells(domain_sum)}"])
                else:  # a wrapped domain name: its amounts on a line of their own, as the export prints
                    self.emit([*label, " " * 40 + _cells(domain_sum)])
                totals += _totals(kind, "beleidsdomein", domain, None, self.years, domain_sum)
                for (code, name), veld_rows in rows.items():
                    self.emit([f"{code} - {name}"])
                    for row in veld_rows:
                        self.emit(row["lines"])
                        for year, value in zip(self.years, row["amounts"], strict=True):
                            subsidies.append(
                                {
                                    "kind": kind,
                                    "beleidsdomein": domain,
                                    "beleidsveld_code": code,
                                    "beleidsveld": name,
                                    "beneficiary": row["beneficiary"],
                                    "description": row["description"],
                                    "nominatief": row["flag"],
                                    "year": year,
                                    "amount": dec_cents(value),
                                }
                            )
                    veld_sum = [sum(r["amounts"][i] for r in veld_rows) for i in range(6)]
                    self.emit([" " * 60 + f"Totaal : {_cells(veld_sum)}"])
                    totals += _totals(kind, "beleidsveld", domain, code, self.years, veld_sum)
                kind_sum = [a + b for a, b in zip(kind_sum, domain_sum, strict=True)]
            self.emit([f"{total_label} {_cells(kind_sum)}"])
            totals += _totals(kind, "kind", None, None, self.years, kind_sum)
        return subsidies, totals

    def subsidy(self, kind: str) -> dict[str, Any]:
        rng = self.rng
        head = rng.choice(DESCRIPTION_HEADS[kind])
        bare = head.endswith(("subsidie", "in")) and rng.random() < 0.2
        words = [head] if bare else [head, rng.choice(vocab.OBJECTS)]
        if len(words) == 2 and rng.random() < 0.4:
            words += ["en", rng.choice(vocab.OBJECTS)]
        if len(words) > 1 and rng.random() < 0.4:
            words.append(rng.choice(vocab.QUALIFIERS))
        description = " ".join(words)
        beneficiary = _beneficiary(rng)
        while len(description) > DESCRIPTION_WIDTH and len(beneficiary) > BENEFICIARY_WIDTH:
            beneficiary = _beneficiary(rng)  # a table row wraps one column at a time (see _subsidy_lines)
        base = rng.choice((rng.randint(1, 400) * 250_000, rng.randint(100, 90_000_000), rng.randint(1, 60) * 100_000))
        pattern = rng.random()
        amounts = []
        for i in range(6):
            if pattern < 0.5:
                value = base
            elif pattern < 0.7:
                value = base * (100 + 2 * (i // 2)) // 100
            elif pattern < 0.85:
                value = base if i < rng.randint(1, 6) else 0
            else:
                value = rng.choice((0, base, base // 2, rng.randint(1, 9_000_000)))
            amounts.append(value)
        flag = rng.choices(("J", "N", None), weights=(5, 5, 1))[0]
        lines = _subsidy_lines(beneficiary, description, amounts, flag, rng)
        return {
            "beneficiary": beneficiary,
            "description": description,
            "amounts": amounts,
            "flag": flag,
            "lines": lines,
        }

    def print_composition(self, chosen: list[tuple[str, list[tuple[str, str]]]]) -> list[dict[str, Any]]:
        rng = self.rng
        self.new_page(PORTRAIT_LINES)
        self.emit(["Overzicht van de beleidsdomeinen, beleidsvelden en -items"])
        self.new_page(PORTRAIT_LINES)
        self.emit(["Beleidsdomein beleidsitem"])
        out = []
        for n, (domain, fields) in enumerate(chosen):
            self.emit([f"{n} {domain}"])
            for code, name in fields:
                name_lines = wrap(name, 30)
                lines = [f"    beleidsveld {code} {name_lines[0]} 00", *(" " * 21 + x for x in name_lines[1:])]
                items = []
                for k in range(1, rng.choice((1, 1, 1, 2, 3))):
                    title = f"{rng.choice(('Domein', 'Site', 'Campus', 'Centrum'))} {town_name(rng)}"
                    items.append([f"{k:02d}", title])
                    lines.append(f"{' ' * 40}{k:02d} {title}")
                self.emit(lines)
                out.append(
                    {
                        "beleidsdomein_no": n,
                        "beleidsdomein": domain,
                        "beleidsveld_code": code,
                        "beleidsveld": name,
                        "items": items,
                    }
                )
        return out

    def print_overview(self, chosen: list[tuple[str, list[tuple[str, str]]]]) -> list[dict[str, Any]]:
        rng = self.rng
        self.new_page(LANDSCAPE_LINES)
        self.emit(
            ["Jaarlijkse uitgaven en ontvangsten voor exploitatie, investeringen en financiering per beleidsveld"]
        )
        self.new_page(LANDSCAPE_LINES)
        out: list[dict[str, Any]] = []
        velds = sorted((code, name) for _, fields in chosen for code, name in fields)
        for code, name in velds:
            lines = [f"Beleidsveld: BV{code}: {name}", " " * 50 + " ".join(str(y) for y in self.years)]
            for printed_kind, kind in BUDGET_KINDS:
                lines.append(printed_kind)
                spending = _series(rng, 0.7 if kind == "exploitatie" else 0.4)
                receipts = _series(rng, 0.5 if kind == "exploitatie" else 0.3)
                balance = [o - u for u, o in zip(spending, receipts, strict=True)]
                for (label, direction), values in zip(DIRECTIONS, (spending, receipts, balance), strict=True):
                    if not any(values):
                        continue
                    lines.append(f"{label} {' '.join(amount(v) for v in values)}")
                    for year, value in zip(self.years, values, strict=True):
                        out.append(
                            {
                                "beleidsveld_code_printed": f"BV{code}",
                                "beleidsveld_code": code,
                                "beleidsveld": name,
                                "budget_kind": kind,
                                "direction": direction,
                                "year": year,
                                "amount": dec(value),
                            }
                        )
            # a block may run over a page break, as in the export; rows are never split
            for line in lines:
                self.emit([line])
        return out

    # the policy statement ---------------------------------------------------------------------
    def print_beleidsverklaring(self) -> dict[str, Any]:
        rng = self.rng
        self.title_page("Beleidsverklaring")
        self.new_page(PORTRAIT_LINES)
        n_bd = rng.randint(6, 20)
        titles = [_policy_title(rng, "BD") for _ in range(n_bd)]
        priority = sorted(rng.sample(range(n_bd), rng.randint(2, min(5, n_bd))))
        words = ("Twee", "Drie", "Vier", "Vijf")
        self.emit([f"{words[len(priority) - 2]} prioritaire beleidsdoelstellingen"])
        self.emit([f"Het meerjarenplan zet in op {len(priority)} prioritaire speerpunten:"])
        for n in priority:
            self.emit(_bullet(f"{titles[n]} (beleidsdoelstelling {n + 1})"))
        for n in priority:
            self.emit(wrap(f"{titles[n]} (beleidsdoelstelling {n + 1})", 100))
            for _ in range(rng.randint(1, 3)):
                self.emit(_paragraph(rng))
        self.emit(["Overige beleidsdoelstellingen"])
        for n in range(n_bd):
            if n not in priority:
                self.emit(_bullet(f"{titles[n]} (beleidsdoelstelling {n + 1})"))
        for n in range(n_bd):
            if n not in priority:
                self.emit([*wrap(f"{titles[n]} (beleidsdoelstelling {n + 1})", 100), *_paragraph(rng)])
        # the key figures
        bbr = [rng.randint(50_000, 40_000_000) for _ in self.years]
        afm = [rng.randint(-8_000_000, 25_000_000) for _ in self.years]
        afm[-1] = abs(afm[-1]) + 1  # positive in the plan's last year, as the regulation requires
        key_figures = [
            {"name": name, "year": year, "amount": dec(value)}
            for name, values in (("beschikbaar_budgettair_resultaat", bbr), ("autofinancieringsmarge", afm))
            for year, value in zip(self.years, values, strict=True)
        ]
        self.emit(
            [
                "Uitgelicht: de financiële kerncijfers",
                "Hier worden een aantal kerncijfers toegelicht om een helder en beknopt overzicht te bieden van de",
                "belangrijkste globale financiële gegevens van het bestuur.",
            ]
        )
        self.emit(
            [
                "Financieel evenwicht",
                " " * 40 + " ".join(str(y) for y in self.years),
                f"Beschikbaar budgettair resultaat {' '.join(amount(v) for v in bbr)}",
                f"Autofinancieringsmarge {' '.join(amount(v) for v in afm)}",
            ]
        )
        self.emit(
            [
                "Het beschikbaar budgettair resultaat laat zien of de totale financiële ontvangsten van een bepaald",
                "jaar, samen met de financiële reserves uit het verleden, voldoende zijn om de totale uitgaven van",
                "dat jaar te betalen. Decretaal is bepaald dat dit saldo jaarlijks positief moet zijn.",
            ]
        )
        self.emit(
            ["De voornaamste investeringsbudgetten zijn:", f"Prioritair beleid Totaal uitgavebudget {self.period}"]
        )
        budgets = []
        for n in priority:
            value = rng.randint(500_000, 90_000_000)
            self.emit(_centred_row(wrap(titles[n], 70), amount(value)))
            budgets.append({"title": titles[n], "amount": dec(value)})
        return {"key_figures": key_figures, "priority_budgets": budgets}


# --- helpers -----------------------------------------------------------------------------------
def _item(level: str, code: str, title: str, priority: bool, parent: str | None, domain: str, h: str) -> dict:
    return {
        "level": level,
        "code": code,
        "title": title,
        "is_priority": priority,
        "parent_code": parent,
        "beleidsdomein": domain,
        "domain_code": h,
    }


def _item_lines(code: str, title: str, priority: bool) -> list[str]:
    lines = wrap(f"{code}: {title}", 95)
    if priority:  # the star stays with the title's last word
        lines[-1] += " *"
    return [lines[0], *("    " + x for x in lines[1:])]


def _policy_title(rng: random.Random, level: str) -> str:
    if level == "BD":
        title = f"{rng.choice(vocab.BD_SUBJECTS)} {rng.choice(vocab.BD_PREDICATES)}"
        if rng.random() < 0.3:
            title += f" {rng.choice(vocab.QUALIFIERS)}"
        return title
    return f"{rng.choice(vocab.AC_VERBS)} {rng.choice(vocab.OBJECTS)}"


def _beneficiary(rng: random.Random) -> str:
    form = rng.choice(BENEFICIARY_FORMS)
    date = f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(2011, 2025)}"
    return form.format(
        date=date,
        Word=rng.choice(vocab.COMPANY_WORDS),
        Town=town_name(rng),
        Town2=town_name(rng),
        Saint=rng.choice(SAINTS),
    )


def _cells(values: list[int]) -> str:
    return " ".join(cents(v) for v in values)


def _subsidy_lines(
    beneficiary: str, description: str, amounts: list[int], flag: str | None, rng: random.Random
) -> list[str]:
    """One subsidy row: beneficiary and description on the first line with the amounts and the flag;
    a long description wraps onto indented continuation lines, a long beneficiary (when the
    description fits) onto continuation lines at the left margin."""
    desc_lines = wrap(description, DESCRIPTION_WIDTH)
    ben_lines = wrap(beneficiary, BENEFICIARY_WIDTH) if len(desc_lines) == 1 else [beneficiary]
    first = f"{ben_lines[0]:<{BENEFICIARY_WIDTH}}  {desc_lines[0]:<{DESCRIPTION_WIDTH}}  {_cells(amounts)}"
    if flag:
        first += f" {flag}"
    lines = [first]
    lines += [DESCRIPTION_INDENT + x for x in desc_lines[1:]]
    lines += ben_lines[1:]
    return lines


def _totals(kind: str, level: str, domain: str | None, veld: str | None, years: list[int], values: list[int]):
    return [
        {
            "kind": kind,
            "level": level,
            "beleidsdomein": domain,
            "beleidsveld_code": veld,
            "year": year,
            "amount": dec_cents(value),
        }
        for year, value in zip(years, values, strict=True)
    ]


def _series(rng: random.Random, probability: float) -> list[int]:
    if rng.random() > probability:
        return [0] * 6
    base = rng.choice((rng.randint(1_000, 900_000), rng.randint(100_000, 60_000_000)))
    return [max(0, base + rng.randint(-base // 5, base // 5)) if rng.random() < 0.9 else 0 for _ in range(6)]


def _centred_row(label: list[str], cell: str) -> list[str]:
    """A table row whose label wraps, its amount cell centred vertically as a Word table prints it: on
    the middle line of an odd number of label lines, on a line of its own between the two middle lines
    of an even number (the real policy statement: label, amount, label)."""
    middle = len(label) // 2
    if len(label) % 2:
        return [*label[:middle], f"{label[middle]:<70}  {cell}", *label[middle + 1 :]]
    return [*label[:middle], " " * 80 + cell, *label[middle:]]


def _bullet(text: str) -> list[str]:
    lines = wrap(text, 96)
    return [f"  • {lines[0]}", *(f"    {x}" for x in lines[1:])]


def _paragraph(rng: random.Random) -> list[str]:
    sentences = " ".join(rng.choice(vocab.TEXT_SENTENCES) for _ in range(rng.randint(2, 5)))
    return wrap(sentences, 100)
