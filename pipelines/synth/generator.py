"""Synthetic BBC jaarrekening reports with their ground truth.

:func:`generate_report` draws a fictional entity, fiscal year, policy plan and finances from a seed
(:mod:`pipelines.synth.model`: every accounting identity holds exactly) and prints them in the
layout of the bundled sample, page artefacts included (:mod:`pipelines.synth.render`). The
result's ``truth`` is a JSON-serialisable dict with every printed amount per table, in the shape of
the raw tables / marts:

* ``document``: entity_name, kbo_number, entity_type, report_type, fiscal_year;
* ``policy_items`` {level, code, parent_code, title, is_priority, period_start, period_end,
  evaluation_status, status_phrase, evaluation_text}; ``policy_budgets`` {policy_level,
  policy_code, budget_kind, direction, phase, year, amount};
* ``J1`` {policy_code, budget_kind, direction, phase, year, line_path, amount}; ``J3``
  {line_path, budget_kind, direction, phase, year, amount}; ``J2``, ``J4``, ``J5``, ``T2``, ``T4``
  {line_path, label, phase, year, amount}; ``T1`` {line_path, beleidsdomein, budget_kind,
  direction, phase, year, amount};
* ``participations`` {company, amount, is_total, valuation_date};
* ``off_balance`` {row_type, account_code, parent_code, journal_no, chart_label, debit, credit,
  saldo} and ``off_balance_labels`` (the separately printed labels in printed order);
* ``credit_transfers`` (every :class:`~pipelines.extract.model.CreditTransfer` field but the
  positions) and ``credit_transfer_totals`` {budget_type, direction, column_label, amount};
* ``key_figures``: the fiscal year's headline figures under mart_key_figures' column names
  (exploitatiesaldo, balance_total, financial_debt_total, …; ``None`` when not printed).

Amounts are strings with two decimals ("-38729.00"). The same seed gives the same bytes.
"""

from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipelines.synth.entity import make_entity
from pipelines.synth.model import build_model
from pipelines.synth.pdf import DEFAULT_STYLE, SERIF_LETTER_LANDSCAPE, render_text_to_pdf
from pipelines.synth.render import Printer

FISCAL_YEARS = range(2020, 2031)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyntheticReport:
    name: str  # file stem, e.g. "jaarrekening-2024-agb-zandbeek-s7"
    text: str
    truth: dict[str, Any]


def generate_report(
    seed: int,
    *,
    entity_name: str | None = None,
    kbo: str | None = None,
    entity_type: str | None = None,
    fiscal_year: int | None = None,
    n_bd: int | None = None,
    max_ap_per_bd: int = 5,
    max_ac_per_ap: int = 5,
) -> SyntheticReport:
    """One report; anything not given is drawn from ``seed``.

    ``n_bd`` beleidsdoelstellingen (2-15), each with 1..``max_ap_per_bd`` actieplannen with
    1..``max_ac_per_ap`` acties; ``fiscal_year`` 2020-2030.
    """
    rng = random.Random(f"bbc-synth/{seed}")
    entity = make_entity(random.Random(f"bbc-synth/{seed}/entity"), name=entity_name, kbo=kbo, entity_type=entity_type)
    year = fiscal_year if fiscal_year is not None else rng.choice(FISCAL_YEARS)
    if year not in FISCAL_YEARS:
        raise ValueError(f"fiscal_year must be in {FISCAL_YEARS.start}-{FISCAL_YEARS.stop - 1}, got {year}")
    bds = n_bd if n_bd is not None else rng.randint(2, 15)
    if not 1 <= bds <= 99:
        raise ValueError(f"n_bd must be between 1 and 99, got {bds}")
    model = build_model(
        random.Random(f"bbc-synth/{seed}/model"),
        town=entity.town,
        year=year,
        n_bd=bds,
        max_ap=max(1, max_ap_per_bd),
        max_ac=max(1, max_ac_per_ap),
    )
    text, truth = Printer(random.Random(f"bbc-synth/{seed}/layout"), model, entity).print_report()
    truth = {
        "document": {
            "entity_name": entity.name,
            "kbo_number": entity.kbo,
            "entity_type": entity.entity_type,
            "report_type": "jaarrekening",
            "fiscal_year": year,
        },
        "seed": seed,
        **truth,
    }
    stem = "-".join(["jaarrekening", str(year), *entity.name.lower().replace("'", "").split(), f"s{seed}"])
    return SyntheticReport(stem, text, truth)


# layout families of the synthetic corpus: "a" the sample's (this module), "b" another accounting package's
# plans (pipelines.synth.family_b, rendered in DejaVu Serif on Letter landscape), "c" a policy portal's
# Word-exported plan volumes (pipelines.synth.family_c, DejaVu Serif on A4 landscape / portrait)
FAMILIES = ("a", "b", "c")


def write_corpus(out_dir: Path, n: int, *, seed: int = 0, pdf: bool = False, family: str = "a") -> list[Path]:
    """Write ``n`` reports of layout ``family`` (seeds ``seed`` .. ``seed + n - 1``) as ``<name>.txt`` with
    ``<name>.truth.json`` beside each, and ``<name>.pdf`` (rendered with reportlab) when ``pdf``.
    Returns the written report files."""
    if family not in FAMILIES:
        raise ValueError(f"unknown layout family {family!r}; known: {', '.join(FAMILIES)}")
    if family == "c":  # one style per volume: family C writes its own corpus
        from pipelines.synth.family_c import write_corpus as write_family_c

        return write_family_c(out_dir, n, seed=seed, pdf=pdf)
    generate, style = generate_report, DEFAULT_STYLE
    if family == "b":
        from pipelines.synth.family_b import generate_family_b  # imports this module

        generate, style = generate_family_b, SERIF_LETTER_LANDSCAPE
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for s in range(seed, seed + n):
        report = generate(s)
        txt = out_dir / f"{report.name}.txt"
        txt.write_text(report.text, encoding="utf-8")
        (out_dir / f"{report.name}.truth.json").write_text(
            json.dumps(report.truth, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8"
        )
        written.append(txt)
        if pdf:
            written.append(render_text_to_pdf(report.text, out_dir / f"{report.name}.pdf", style=style))
    return written
