"""The numbers of a synthetic report, built so that every accounting identity holds exactly.

Construction order (each step only uses what the previous ones fixed):

1. debt schedule per year (T4): repayments r(t), new loans n(t), long-term debt A, the part due
   within the year B, short-term debt C;
2. policy tree BD > AP > AC with budget tables (Jaarrekening / Eindkrediet / Initieel krediet) on the
   ACs only; AP = sum of its ACs, BD = sum of its APs, the plan = sum of the BDs. One AC of the
   last BD carries the financing (repayments r(Y) and loans n(Y) realised, more planned);
3. J1 = the BD tables and the plan ("Totaal"); J2/J3 from the plan; T2 per year column with the
   fiscal year's columns equal to the plan's realisation and financing equal to the debt schedule;
   T1 splits T2's totals over beleidsdomeinen;
4. J5 from leaves; J4 with its debt lines from T4, "gecumuleerd overschot" moving by the J5 result,
   participations = financial fixed assets, and "overig nettoactief" as the balancing item;
5. off-balance accounts (parents = sums) with 092 = the previous cumulated budget result;
6. credit transfers: per AC the unused investment credit (eindkrediet - jaarrekening) and the
   unused loan credit, split into rows with cents that add up exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date

from pipelines.synth import vocab
from pipelines.synth.fmt import slug

KINDS = ("exploitatie", "investeringen", "financiering")
DIRS = ("uitgaven", "ontvangsten")
PHASES3 = ("jaarrekening", "eindkrediet", "initieel_krediet")

Col = tuple[int, str]  # (year, phase)


# --- policy budgets -------------------------------------------------------------------------
@dataclass
class Budget:
    """One policy budget table in whole euros: (kind, direction, phase) -> amount."""

    cells: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def get(self, kind: str, direction: str, phase: str) -> int:
        if direction == "saldo":
            return self.get(kind, "ontvangsten", phase) - self.get(kind, "uitgaven", phase)
        return self.cells.get((kind, direction, phase), 0)

    def set(self, kind: str, direction: str, values: tuple[int, int, int]) -> None:
        for phase, value in zip(PHASES3, values, strict=True):
            self.cells[(kind, direction, phase)] = value

    def add(self, other: Budget) -> None:
        for key, value in other.cells.items():
            self.cells[key] = self.cells.get(key, 0) + value

    def is_zero(self) -> bool:
        return not any(self.cells.values())


@dataclass
class Item:
    level: str  # BD | AP | AC
    code: str
    title: str
    parent: str | None
    start: date
    end: date
    status: str | None  # key of vocab.STATUSES; None = no "Toelichting evaluatie"
    text: str | None  # the evaluation text (logical, unwrapped)
    budget: Budget = field(default_factory=Budget)
    children: list[Item] = field(default_factory=list)


# --- debt schedule (T4) ---------------------------------------------------------------------
@dataclass
class DebtYear:
    a_open: int
    new: int
    a_transfer: int  # negative: moved to B
    a_close: int
    b_open: int
    repay: int  # negative
    b_transfer: int
    b_close: int
    short: int  # C

    @property
    def total(self) -> int:
        return self.a_close + self.b_close + self.short


def build_debt(rng: random.Random, first: int, last: int) -> dict[int, DebtYear]:
    """Roll the debt forward from ``first`` to ``last``: openings = previous closings."""
    rate = rng.uniform(0.03, 0.07)
    a_open = rng.randrange(1_000_000, 25_000_000)
    due = round(a_open * rate)  # the part of the long-term debt due in the first year
    loan_years = set(rng.sample(range(first, last + 1), k=rng.randint(1, 3)))
    short = rng.choice((0, 0, 500_000, 1_000_000, 2_500_000))
    years: dict[int, DebtYear] = {}
    for year in range(first, last + 1):
        new = rng.randrange(5, 60) * 100_000 if year in loan_years else 0
        next_due = round((a_open + new) * rate)
        a_close = a_open + new - next_due
        if rng.random() < 0.15:
            short = rng.choice((0, 1_000_000, 2_000_000, 5_000_000))
        years[year] = DebtYear(a_open, new, -next_due, a_close, due, -due, next_due, next_due, short)
        a_open, due = a_close, next_due
    return years


# --- generic rows of an outline table -------------------------------------------------------
@dataclass
class Node:
    """A printed row of an outline table (J4, J5, T2): label with prefix, outline key, values."""

    label: str
    key: str
    children: list[Node] = field(default_factory=list)
    values: dict[Col, int] = field(default_factory=dict)

    def printed(self) -> bool:
        return any(self.values.values())

    def leaves(self) -> list[Node]:
        if not self.children:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]


def outline_key(label: str) -> str:
    """'A. Liquide …' -> 'A'; '- aan andere …' -> slug."""
    if label.startswith("- "):
        return slug(label[2:])
    return label.split(".", 1)[0]


def make_tree(spec: vocab.Tree) -> Node:
    label, children = spec
    return Node(label, outline_key(label), [make_tree(c) for c in children])


def sum_up(node: Node, cols: list[Col]) -> None:
    """Parents = sums of their children, column by column."""
    if node.children:
        for child in node.children:
            sum_up(child, cols)
        node.values = {c: sum(ch.values.get(c, 0) for ch in node.children) for c in cols}
    else:
        node.values = {c: node.values.get(c, 0) for c in cols}


def split(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` that add up exactly."""
    mass = sum(weights)
    if total == 0 or mass <= 0:
        return [0] * len(weights)
    parts = [int(total * w / mass) for w in weights]
    parts[max(range(len(weights)), key=lambda i: weights[i])] += total - sum(parts)
    return parts


def fill_leaves(
    rng: random.Random,
    leaves: list[Node],
    totals: dict[Col, int],
    cols: list[Col],
    *,
    main: int = 0,
    sporadic: float = 0.15,
) -> None:
    """Give each leaf a base weight (the ``main`` leaf always active, others possibly not) and
    spread every column's total over the leaves; some leaves are zero in some columns."""
    base = [
        rng.uniform(2.0, 4.0) if n == main else rng.choice((0.0, rng.uniform(0.05, 1.0)))
        for n in range(len(leaves))
    ]
    sporadic_cols = {
        n: {c for c in cols if rng.random() < 0.5}
        for n in range(len(leaves))
        if n != main and base[n] and rng.random() < sporadic
    }
    for col in cols:
        weights = [
            0.0 if col in sporadic_cols.get(n, ()) else b * rng.uniform(0.7, 1.3) for n, b in enumerate(base)
        ]
        for leaf, part in zip(leaves, split(totals[col], weights), strict=True):
            leaf.values[col] = part


# --- policy tree ----------------------------------------------------------------------------
def _sentence(parts: list[str]) -> str:
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def _title(rng: random.Random, level: str, town: str) -> str:
    count = len(vocab.QUALIFIERS) if rng.random() < 0.02 else rng.choice((0, 0, 0, 1, 1, 2, 3))
    qualifiers = rng.sample(vocab.QUALIFIERS, k=count)  # up to 6 printed lines
    if level == "BD":
        parts = [
            rng.choice(vocab.BD_SUBJECTS).replace("De stad", f"Stad {town}"),
            rng.choice(vocab.BD_PREDICATES),
        ]
    elif level == "AP":
        parts = [
            rng.choice(("De stad", "Het bestuur", town, "De organisatie")),
            rng.choice(vocab.AP_ACTIONS),
            rng.choice(vocab.OBJECTS),
        ]
    else:
        parts = [rng.choice(vocab.AC_VERBS), rng.choice(vocab.OBJECTS)]
    parts += [f", {q}" if n == 0 else f"en {q}" for n, q in enumerate(qualifiers)]
    return _sentence(parts).replace(" ,", ",")


def _evaluation_text(rng: random.Random, year: int) -> str:
    sentences = rng.sample(vocab.TEXT_SENTENCES, k=rng.randint(1, 6))
    if rng.random() < 0.4:
        sentences.insert(
            rng.randrange(len(sentences) + 1),
            rng.choice(vocab.YEAR_SENTENCES).format(y=rng.choice((year - 1, year))),
        )
    if rng.random() < 0.15:
        sentences.append(f'Het project "{rng.choice(vocab.QUOTED_NAMES)}" kende opnieuw veel bijval.')
    return " ".join(sentences)


def _status(rng: random.Random, level: str) -> str:
    weights = {"BD": (85, 15, 0, 0), "AP": (78, 18, 4, 0), "AC": (55, 33, 8, 4)}[level]
    return rng.choices(("op_schema", "behaald", "achter_schema", "niet_opgestart"), weights)[0]


def _codes(rng: random.Random, prefix: str, groups: list[int]) -> list[list[str]]:
    """Increasing code numbers per group, with an occasional out-of-order code (as printed)."""
    total = sum(groups)
    numbers = sorted(rng.sample(range(1, total * 3 + 20), total))
    out: list[list[str]] = []
    for size in groups:
        group, numbers = numbers[:size], numbers[size:]
        if size > 1 and rng.random() < 0.3:
            i, j = rng.sample(range(size), 2)
            group[i], group[j] = group[j], group[i]
        out.append([f"{prefix}{n:06d}" for n in group])
    return out


def build_policy(
    rng: random.Random, town: str, year: int, start: int, end: int, n_bd: int, max_ap: int, max_ac: int
) -> list[Item]:
    """BD > AP > AC items with titles, periods, statuses and texts (budgets come later)."""
    ap_counts = [rng.randint(1, max_ap) for _ in range(n_bd)]
    ac_counts = [[rng.randint(1, max_ac) for _ in range(n)] for n in ap_counts]
    ap_codes = _codes(rng, "AP", ap_counts)
    ac_codes = _codes(rng, "AC", [n for per_bd in ac_counts for n in per_bd])
    plan = (date(start, 1, 1), date(end, 12, 31))
    bds: list[Item] = []
    for b in range(n_bd):
        bd = Item(
            "BD",
            f"BD{b + 1:06d}",
            _title(rng, "BD", town),
            None,
            *plan,
            _status(rng, "BD"),
            _evaluation_text(rng, year),
        )
        for ap_code in ap_codes[b]:
            ap = Item(
                "AP",
                ap_code,
                _title(rng, "AP", town),
                bd.code,
                *plan,
                _status(rng, "AP"),
                _evaluation_text(rng, year),
            )
            for ac_code in ac_codes.pop(0):
                ap.children.append(_action(rng, ac_code, ap.code, town, year, start, end))
            bd.children.append(ap)
        bds.append(bd)
    return bds


def _action(rng: random.Random, code: str, parent: str, town: str, year: int, start: int, end: int) -> Item:
    first, last = date(start, 1, 1), date(end, 12, 31)
    roll = rng.random()
    if roll < 0.08 and start < year:  # closed before the fiscal year: no evaluation
        return Item(
            "AC",
            code,
            _title(rng, "AC", town),
            parent,
            first,
            date(rng.randrange(start, year), 12, 31),
            None,
            None,
        )
    if roll < 0.14 and start < year:
        first = date(rng.randint(start + 1, year), 1, 1)
    status = _status(rng, "AC")
    text = None if rng.random() < 0.05 else _evaluation_text(rng, year)
    return Item("AC", code, _title(rng, "AC", town), parent, first, last, status, text)


# --- policy budgets -------------------------------------------------------------------------
def _scaled(rng: random.Random, value: int, low: float, high: float) -> int:
    return max(0, round(value * rng.uniform(low, high)))


def _exploitation(rng: random.Random) -> dict[str, tuple[int, int, int]]:
    out: dict[str, tuple[int, int, int]] = {}
    for direction, p_zero, top in (("uitgaven", 0.1, 900_000), ("ontvangsten", 0.5, 600_000)):
        jr = 0 if rng.random() < p_zero else rng.randrange(500, top)
        if jr == 0 and rng.random() < 0.6:
            out[direction] = (0, 0, 0)  # an all-zero row: not printed
            continue
        ek = jr if rng.random() < 0.15 else _scaled(rng, max(jr, rng.randrange(1_000, 50_000)), 0.8, 1.4)
        out[direction] = (jr, ek, _scaled(rng, ek, 0.75, 1.15))
    return out


def _investment(rng: random.Random) -> dict[str, tuple[int, int, int]]:
    ek = rng.randrange(5_000, 2_500_000)
    jr = 0 if rng.random() < 0.2 else round(ek * rng.uniform(0.05, 0.95))
    out = {"uitgaven": (jr, ek, _scaled(rng, ek, 0.3, 1.1))}
    if rng.random() < 0.55:
        o_ek = round(ek * rng.uniform(0.2, 1.0))
        o_jr = min(o_ek, round(jr * rng.uniform(0.0, 1.0)))
        out["ontvangsten"] = (o_jr, o_ek, _scaled(rng, o_ek, 0.0, 1.1))
    return out


def assign_budgets(rng: random.Random, bds: list[Item], debt: DebtYear) -> Item:
    """Budgets on the ACs (the financing on one AC of the last BD), summed up to APs and BDs.

    Returns the financing AC. ACs closed before the fiscal year carry no budget.
    """
    acs = [ac for bd in bds for ap in bd.children for ac in ap.children if ac.status is not None]
    if not acs:  # every action closed: reopen the first one
        acs = [bds[0].children[0].children[0]]
        acs[0].status, acs[0].text = "op_schema", _evaluation_text(rng, acs[0].end.year)
    n_inv = min(len(acs), rng.randint(2, 10))
    for n, ac in enumerate(rng.sample(acs, len(acs))):
        if n < n_inv:
            for direction, values in _investment(rng).items():
                ac.budget.set("investeringen", direction, values)
        if n >= n_inv or rng.random() < 0.5:
            if n < 3 or rng.random() < 0.7:
                for direction, values in _exploitation(rng).items():
                    ac.budget.set("exploitatie", direction, values)
    if not sum(ac.budget.get("exploitatie", "uitgaven", "jaarrekening") for ac in acs) or not sum(
        ac.budget.get("exploitatie", "ontvangsten", "jaarrekening") for ac in acs
    ):
        acs[0].budget.set("exploitatie", "uitgaven", (250_000, 280_000, 260_000))
        acs[0].budget.set("exploitatie", "ontvangsten", (90_000, 100_000, 95_000))
    finance_candidates = [ac for ap in bds[-1].children for ac in ap.children if ac.status is not None] or acs
    financing = rng.choice(finance_candidates)
    repay = -debt.repay
    planned_repay = repay + rng.choice((0, 0, rng.randrange(1, 40) * 2_500))
    financing.budget.set("financiering", "uitgaven", (repay, planned_repay, planned_repay))
    planned_loans = debt.new + rng.randrange(2, 40) * 50_000
    financing.budget.set(
        "financiering", "ontvangsten", (debt.new, planned_loans, rng.choice((0, planned_loans)))
    )
    for bd in bds:
        for ap in bd.children:
            for ac in ap.children:
                ap.budget.add(ac.budget)
            bd.budget.add(ap.budget)
    return financing


def plan_budget(bds: list[Item]) -> Budget:
    plan = Budget()
    for bd in bds:
        plan.add(bd.budget)
    return plan


# --- T2 and T1 ------------------------------------------------------------------------------
@dataclass
class T2Part:
    section: str  # exploitatie | investeringen | financiering
    part: str  # uitgaven | ontvangsten
    header: str  # "I. Exploitatie-uitgaven"
    root: Node  # unlabelled root; its children are the printed top rows (A., B., …)


@dataclass
class T1Domain:
    code: str
    name: str
    values: dict[tuple[str, str], dict[Col, int]]  # (kind, direction incl. saldo) -> column -> amount


_T2_MAIN_LEAF = {
    ("exploitatie", "uitgaven"): "1. Goederen en diensten",
    ("exploitatie", "ontvangsten"): "1. Ontvangsten uit de werking",
    ("investeringen", "uitgaven"): "a. Terreinen en gebouwen",
    ("investeringen", "ontvangsten"): "- van de Vlaamse overheid",
}


def t2_blocks(year: int, start: int, end: int) -> tuple[list[Col], list[Col]]:
    """Columns of T2's first block (6 years, the fiscal year twice) and its continuation block."""
    first: list[Col] = []
    for t in range(start, start + 6):
        if t <= year:
            first.append((t, "jaarrekening"))
        if t >= year:
            first.append((t, "meerjarenplan"))
    return first, [(t, "meerjarenplan") for t in range(start + 6, end + 1)]


def t1_columns(year: int, start: int) -> list[Col]:
    """T1: the last realised years up to the fiscal year, then the plan for it and the next year."""
    cols: list[Col] = [(t, "jaarrekening") for t in range(max(start, year - 4), year + 1)]
    return [*cols, (year, "meerjarenplan"), (year + 1, "meerjarenplan")]


def build_t2(
    rng: random.Random, plan: Budget, debt: dict[int, DebtYear], year: int, cols: list[Col]
) -> list[T2Part]:
    realised = {(kind, d): plan.get(kind, d, "jaarrekening") for kind in KINDS[:2] for d in DIRS}
    growth = rng.uniform(0.0, 0.05)
    inv_base = max(realised[("investeringen", "uitgaven")], 100_000)
    totals: dict[tuple[str, str], dict[Col, int]] = {(k, d): {} for k in KINDS for d in DIRS}
    for col in cols:
        t = col[0]
        if t == year:
            for key, value in realised.items():
                totals[key][col] = value
        else:
            for d in DIRS:
                base = realised[("exploitatie", d)]
                totals[("exploitatie", d)][col] = _scaled(
                    rng, round(base * (1 + growth) ** (t - year)), 0.9, 1.1
                )
            inv = _scaled(rng, inv_base, 0.1, 3.0)
            totals[("investeringen", "uitgaven")][col] = inv
            totals[("investeringen", "ontvangsten")][col] = (
                0 if rng.random() < 0.2 else _scaled(rng, inv, 0, 0.8)
            )
        totals[("financiering", "uitgaven")][col] = -debt[t].repay
        totals[("financiering", "ontvangsten")][col] = debt[t].new
    parts: list[T2Part] = []
    fiscal_plan = (year, "meerjarenplan")
    own_cols = [c for c in cols if c != fiscal_plan]
    for section, part, header, specs in vocab.T2_PARTS:
        root = Node("", "", [make_tree(spec) for spec in specs])
        leaves = root.leaves()
        main_label = _T2_MAIN_LEAF.get((section, part))
        main = next((n for n, leaf in enumerate(leaves) if leaf.label == main_label), 0)
        fill_leaves(rng, leaves, totals[(section, part)], own_cols, main=main)
        for leaf in leaves:
            leaf.values[fiscal_plan] = leaf.values[(year, "jaarrekening")]  # printed identical
        sum_up(root, cols)
        parts.append(T2Part(section, part, header, root))
    return parts


def t2_total(parts: list[T2Part], section: str, part: str, col: Col) -> int:
    return next(p.root.values[col] for p in parts if (p.section, p.part) == (section, part))


def build_t1(rng: random.Random, parts: list[T2Part], cols: list[Col]) -> list[T1Domain]:
    """Split T2's totals per column over the beleidsdomeinen (financing only in the finance domain)."""
    others = rng.sample(vocab.OTHER_DOMAINS, k=rng.randint(1, 3))
    domains = [T1Domain(*vocab.FINANCE_DOMAIN, {}), *(T1Domain(code, name, {}) for code, name in others)]
    invests = [n > 0 and (n == 1 or rng.random() < 0.7) for n in range(len(domains))]
    share = {
        ("exploitatie", "uitgaven"): [rng.uniform(0.02, 0.1)] + [rng.uniform(0.3, 1) for _ in others],
        ("exploitatie", "ontvangsten"): [rng.uniform(0.2, 0.6)] + [rng.uniform(0.05, 1) for _ in others],
        ("investeringen", "uitgaven"): [rng.uniform(0.2, 1) if i else 0.0 for i in invests],
        ("investeringen", "ontvangsten"): [rng.uniform(0.2, 1) if i else 0.0 for i in invests],
        ("financiering", "uitgaven"): [1.0] + [0.0] * len(others),
        ("financiering", "ontvangsten"): [1.0] + [0.0] * len(others),
    }
    for (kind, direction), weights in share.items():
        for domain in domains:
            domain.values[(kind, direction)] = {}
        for col in cols:
            jitter = [w * rng.uniform(0.85, 1.15) for w in weights]
            for domain, value in zip(
                domains, split(t2_total(parts, kind, direction, col), jitter), strict=True
            ):
                domain.values[(kind, direction)][col] = value
    for domain in domains:
        for kind in KINDS:
            u, o = domain.values[(kind, "uitgaven")], domain.values[(kind, "ontvangsten")]
            domain.values[(kind, "saldo")] = {c: o[c] - u[c] for c in cols}
    return domains


# --- J5 and J4 ------------------------------------------------------------------------------
J5_ALWAYS = {
    "1. Goederen en diensten",
    "3. Afschrijvingen, waardeverminderingen en voorzieningen",
    "1. Opbrengsten uit de werking",
    "a. Algemene werkingssubsidies",
}


def _fill_year_pair(
    rng: random.Random, leaves: list[Node], cols: list[Col], total: int, always: set[str], p_active: float
) -> None:
    """Spread ``total`` (current year) over the active leaves; the previous year drifts a little."""
    active = [leaf for leaf in leaves if leaf.label in always or rng.random() < p_active] or leaves[:1]
    weights = [rng.uniform(0.05, 1.0) * (4 if leaf.label in always else 1) for leaf in active]
    for leaf, part in zip(active, split(total, weights), strict=True):
        leaf.values[cols[0]] = part
        leaf.values[cols[1]] = 0 if rng.random() < 0.05 else _scaled(rng, part, 0.85, 1.12)
    if rng.random() < 0.3:  # a row that is zero this year but not the previous one
        idle = [leaf for leaf in leaves if leaf not in active]
        if idle:
            rng.choice(idle).values[cols[1]] = rng.randrange(1_000, 50_000)


def build_j5(rng: random.Random, cols: list[Col], scale: int) -> list[Node]:
    """I. Kosten, II. Opbrengsten (leaves drawn, parents summed), III and IV computed."""
    costs, income = make_tree(vocab.J5_KOSTEN), make_tree(vocab.J5_OPBRENGSTEN)
    _fill_year_pair(rng, costs.leaves(), cols, _scaled(rng, scale, 1.0, 1.3), J5_ALWAYS, 0.5)
    _fill_year_pair(rng, income.leaves(), cols, _scaled(rng, scale, 0.8, 1.2), J5_ALWAYS, 0.5)
    for tree in (costs, income):
        sum_up(tree, cols)
    cost_a, cost_b = costs.children
    income_a, income_b = income.children
    op = Node(
        "A. Operationeel overschot of tekort",
        "A",
        values={c: income_a.values[c] - cost_a.values[c] for c in cols},
    )
    fin = Node(
        "B. Financieel overschot of tekort",
        "B",
        values={c: income_b.values[c] - cost_b.values[c] for c in cols},
    )
    result = Node("III. Overschot of tekort van het boekjaar", "III", [op, fin])
    sum_up(result, cols)
    carried = Node("C. Over te dragen overschot of tekort van het boekjaar", "C", values=dict(result.values))
    use = Node("IV. Verwerking van het overschot of tekort van het boekjaar", "IV", [carried])
    sum_up(use, cols)
    return [costs, income, result, use]


def _tree(specs: tuple[vocab.Tree, ...], label: str) -> Node:
    return Node(label, label, [make_tree(spec) for spec in specs])


def _find(root: Node, *labels: str) -> Node:
    node = root
    for label in labels:
        node = next(ch for ch in node.children if ch.label.startswith(label))
    return node


def build_j4(
    rng: random.Random, cols: list[Col], scale: int, debt: dict[int, DebtYear], result: dict[Col, int]
) -> tuple[Node, Node]:
    """ACTIVA and PASSIVA (both years) with the debt lines from T4, the cumulated surplus moving
    by the J5 result, and "D. Overig nettoactief" balancing the sheet."""
    activa, passiva = _tree(vocab.J4_ACTIVA, "ACTIVA"), _tree(vocab.J4_PASSIVA, "PASSIVA")
    current, previous = cols
    p_active = {
        "A. Liquide middelen en geldbeleggingen": 1.0,
        "1. Vorderingen uit ruiltransacties": 0.9,
        "4. Andere financiële vaste activa": 1.0,
        "D. Immateriële vaste activa": 0.3,
    }
    sizes = {"C. Materiële vaste activa": 1.5, "B. Financiële vaste activa": 0.6}
    for top in activa.children:
        for group in top.children:
            size = sizes.get(group.label, 0.15) * scale
            for leaf in group.leaves():
                if leaf.label == "1. Vorderingen uit ruiltransacties" and top.label.startswith("II."):
                    chance = 0.15
                else:
                    chance = p_active.get(leaf.label, 0.55)
                if rng.random() < chance:
                    value = _scaled(rng, size, 0.05, 1.0)
                    leaf.values = {current: value, previous: _scaled(rng, value, 0.9, 1.1)}
    core = _find(activa, "II.", "C.", "2.", "a.")  # always some operational buildings
    core.values = {c: core.values.get(c, 0) + _scaled(rng, scale, 1.0, 4.0) for c in cols}
    if rng.random() < 0.5:  # participations often keep their value
        for leaf in _find(activa, "II.", "B.").leaves():
            if leaf.values:
                leaf.values[previous] = leaf.values[current]
    years = {c: debt[c[0]] for c in cols}
    _set(passiva, ("I.", "A.", "1.", "b."), {c: years[c].short for c in cols})
    _set(passiva, ("I.", "A.", "4."), {c: years[c].b_close for c in cols})
    _set(passiva, ("I.", "B.", "1.", "b."), {c: years[c].a_close for c in cols})
    for path, chance in (
        (("I.", "A.", "1.", "c."), 0.95),
        (("I.", "A.", "2."), 0.7),
        (("I.", "A.", "3."), 0.6),
        (("I.", "B.", "2."), 0.15),
        (("II.", "C."), 0.2),
    ):
        if rng.random() < chance:
            value = _scaled(rng, scale, 0.02, 0.4)
            _set(passiva, path, {current: value, previous: _scaled(rng, value, 0.8, 1.2)})
    subsidies = _scaled(rng, scale, 1.0, 6.0)
    _set(passiva, ("II.", "A."), {current: subsidies, previous: _scaled(rng, subsidies, 1.0, 1.08)})
    surplus_prev = rng.randrange(-scale, 2 * scale)
    _set(passiva, ("II.", "B."), {current: surplus_prev + result[current], previous: surplus_prev})
    _balance(rng, activa, passiva, cols, scale, core)
    return activa, passiva


def _set(root: Node, path: tuple[str, ...], values: dict[Col, int]) -> None:
    _find(root, *path).values = values


def _balance(
    rng: random.Random, activa: Node, passiva: Node, cols: list[Col], scale: int, core: Node
) -> None:
    plug = _find(passiva, "II.", "D.")
    plug.values = {}
    sum_up(activa, cols)
    sum_up(passiva, cols)
    for col in cols:
        gap = activa.values[col] - passiva.values[col]
        minimum = _scaled(rng, scale, 0.2, 2.0)
        if gap < minimum:  # more buildings, so that the balancing item stays positive
            core.values[col] += minimum - gap
            gap = minimum
        plug.values[col] = gap
    sum_up(activa, cols)
    sum_up(passiva, cols)


def participations(rng: random.Random, total: int, town: str) -> list[tuple[str, int]]:
    names: list[str] = []
    count = rng.randint(1, 4)
    while len(names) < count:
        word = rng.choice(vocab.COMPANY_WORDS)
        name = rng.choice((f"{word} {town}", f"{town}{word.lower()}", f"Intercommunale {word}"))
        name = f"{name} {rng.choice(vocab.COMPANY_FORMS)}"
        if name not in names:
            names.append(name)
    weights = [rng.uniform(0.05, 1.0) for _ in names]
    return list(zip(names, split(total, weights), strict=True))


# --- off-balance ----------------------------------------------------------------------------
@dataclass
class OffRow:
    row_type: str  # account | journal | total
    code: str | None
    chart_label: str  # the account's label (printed separately); journal text; "TOTAAL"
    debit: int  # cents
    credit: int
    journal_no: str | None = None
    parent: str | None = None

    @property
    def saldo(self) -> int:
        return self.debit - self.credit


def chart_parent(code: str, codes: set[str]) -> str | None:
    """Nearest ancestor in the chart: the longest proper prefix that is itself an account."""
    for length in range(len(code) - 1, 1, -1):
        if code[:length] in codes:
            return code[:length]
    return None


def build_off_balance(rng: random.Random, year: int, prev_result_cents: int) -> list[OffRow]:
    """Every chart account (zero rows are printed here), parents = sums, journal details, TOTAAL.

    092/093 carry the previous cumulated budget result (J2 VI); a few debit/credit pairs carry
    other rights and commitments.
    """
    codes = {code for code, _ in vocab.OFF_BALANCE_CHART}
    leaf_values: dict[str, tuple[int, int]] = {}
    debit = rng.randrange(1_000_000, 900_000_000) + max(prev_result_cents, 0)
    leaf_values["092"] = (debit, debit - prev_result_cents)
    leaf_values["093"] = (debit - prev_result_cents, debit)
    for debit_code, credit_code in rng.sample(vocab.OFF_BALANCE_PAIRS, k=rng.randint(0, 2)):
        value = rng.choice((100, rng.randrange(100_000, 500_000_000)))
        leaf_values[debit_code] = (value, 0)
        leaf_values[credit_code] = (0, value)
    rows = [
        OffRow("account", code, label, *leaf_values.get(code, (0, 0)), parent=chart_parent(code, codes))
        for code, label in vocab.OFF_BALANCE_CHART
    ]
    by_code = {row.code: row for row in rows}
    for row in sorted(rows, key=lambda r: -len(r.code or "")):  # children before parents
        if row.parent and (row.debit or row.credit):
            parent = by_code[row.parent]
            parent.debit += row.debit
            parent.credit += row.credit
    out: list[OffRow] = []
    for row in rows:
        out.append(row)
        if row.code in leaf_values and row.code not in ("092", "093") and rng.random() < 0.6:
            journal = f"{year - rng.randint(0, 3)}{rng.randrange(0, 999_999):06d}"
            out.append(OffRow("journal", row.code, "Openingspost", row.debit, row.credit, journal, row.code))
    roots = [row for row in rows if row.parent is None]
    out.append(OffRow("total", None, "TOTAAL", sum(r.debit for r in roots), sum(r.credit for r in roots)))
    return out


# --- credit transfers -----------------------------------------------------------------------
@dataclass
class Transfer:
    budget_type: str  # I | F
    direction: str  # U | O
    bd: Item
    ap: Item
    ac: Item
    raming_code: str
    raming_text: str
    account: tuple[str, str]  # (code, description)
    domain: tuple[str, str]
    veld: tuple[str, str]
    change_code: str
    transaction_credit: int  # cents
    amount: int  # cents

    @property
    def budget_code(self) -> str:
        return f"{self.account[0]}/{self.domain[0]}/{self.veld[0]}/"

    @property
    def description(self) -> str:
        return f"{self.account[1]}/{self.domain[1]}/{self.veld[1]}/"


def _cents_parts(rng: random.Random, total: int) -> list[int]:
    """``total`` cents as 1-3 positive parts with cents."""
    count = 1 if total < 300 or rng.random() < 0.6 else rng.randint(2, 3)
    cuts = sorted(rng.sample(range(1, total), count - 1)) if count > 1 else []
    bounds = [0, *cuts, total]
    return [b - a for a, b in zip(bounds, bounds[1:], strict=False)]


def build_transfers(
    rng: random.Random,
    bds: list[Item],
    domains: list[T1Domain],
    financing: Item,
) -> list[Transfer]:
    """Unused investment credit of every AC (eindkrediet - jaarrekening, uitgaven then ontvangsten)
    and the unused loan credit, each split into rows with cents that add up exactly."""
    invest_domains = [
        (d.code, d.name) for d in domains if any(d.values[("investeringen", "uitgaven")].values())
    ] or [(domains[-1].code, domains[-1].name)]
    raming_numbers = iter(rng.sample(range(1_000, 9_999), 400))
    change_numbers = iter(range(rng.randrange(10_000, 90_000), 100_000))
    placement: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {}
    rows: dict[str, list[Transfer]] = {"U": [], "O": [], "F": []}
    for bd in bds:
        for ap in bd.children:
            for ac in ap.children:
                for direction in ("U", "O"):
                    kind_dir = "uitgaven" if direction == "U" else "ontvangsten"
                    unused = ac.budget.get("investeringen", kind_dir, "eindkrediet") - ac.budget.get(
                        "investeringen", kind_dir, "jaarrekening"
                    )
                    if unused <= 0:
                        continue
                    if ac.code not in placement:
                        placement[ac.code] = (rng.choice(invest_domains), rng.choice(vocab.BELEIDSVELDEN))
                    domain, veld = placement[ac.code]
                    accounts = vocab.INVESTMENT_ACCOUNTS if direction == "U" else vocab.RECEIPT_ACCOUNTS
                    for part in _cents_parts(rng, unused * 100):
                        rows[direction].append(
                            Transfer(
                                "I",
                                direction,
                                bd,
                                ap,
                                ac,
                                f"MJP00{next(raming_numbers)}",
                                _raming_text(rng),
                                rng.choice(accounts),
                                domain,
                                veld,
                                f"AMJP0{next(change_numbers)}",
                                _transaction_credit(rng, part),
                                part,
                            )
                        )
    unused_loans = financing.budget.get("financiering", "ontvangsten", "eindkrediet") - financing.budget.get(
        "financiering", "ontvangsten", "jaarrekening"
    )
    bd, ap = next((b, a) for b in bds for a in b.children if any(ac is financing for ac in a.children))
    rows["F"].append(
        Transfer(
            "F",
            "O",
            bd,
            ap,
            financing,
            f"MJP00{next(raming_numbers)}",
            vocab.RAMING_TEXTS[-1] + ".",
            vocab.FINANCING_ACCOUNT,
            vocab.FINANCE_DOMAIN,
            vocab.FINANCE_VELD,
            f"AMJP0{next(change_numbers)}",
            0,
            unused_loans * 100,
        )
    )
    return rows["U"] + rows["O"] + rows["F"]


def _raming_text(rng: random.Random) -> str:
    text = rng.choice(vocab.RAMING_TEXTS[:-1]).format(obj=rng.choice(vocab.OBJECTS))
    if rng.random() < 0.35:
        text += f" (cf MJP00{rng.randrange(1_000, 9_999)} {rng.choice(('AGB', 'stad', 'OCMW'))})"
    return text + "."


def _transaction_credit(rng: random.Random, amount: int) -> int:
    if rng.random() < 0.35:
        return 0
    return rng.choice((amount, rng.randrange(1, 200) * 500_000, rng.randrange(1, 50) * 100_000))


# --- the whole report -----------------------------------------------------------------------
@dataclass
class ReportModel:
    year: int
    start: int  # first year of the multi-year plan
    end: int
    bds: list[Item]
    plan: Budget
    debt: dict[int, DebtYear]
    t2_cols: tuple[list[Col], list[Col]]
    t2: list[T2Part]
    t1_cols: list[Col]
    t1: list[T1Domain]
    j5: list[Node]
    j4: tuple[Node, Node]
    participations: list[tuple[str, int]]
    prev_result: int  # J2 VI, both columns
    corrected_repayments: int  # J2 GAFM II.b, both columns
    loan_recoveries: tuple[int, int]  # J2 AFM II.b (jaarrekening, meerjarenplan)
    off_balance: list[OffRow]
    transfers: list[Transfer]


def plan_years(year: int) -> tuple[int, int]:
    """The multi-year plan covering ``year``: 2020-2027 up to 2025, 2026-2033 after."""
    start = 2020 if year <= 2025 else 2026
    return start, start + 7


def build_model(
    rng: random.Random, *, town: str, year: int, n_bd: int, max_ap: int, max_ac: int
) -> ReportModel:
    start, end = plan_years(year)
    debt = build_debt(rng, start - 1, end)
    bds = build_policy(rng, town, year, start, end, n_bd, max_ap, max_ac)
    financing = assign_budgets(rng, bds, debt[year])
    plan = plan_budget(bds)
    first, continuation = t2_blocks(year, start, end)
    t2 = build_t2(rng, plan, debt, year, first + continuation)
    t1_cols = t1_columns(year, start)
    t1 = build_t1(rng, t2, t1_cols)
    scale = max(plan.get("exploitatie", "uitgaven", "jaarrekening"), 200_000)
    j_cols: list[Col] = [(year, "jaarrekening"), (year - 1, "jaarrekening")]
    j5 = build_j5(rng, j_cols, scale)
    activa, passiva = build_j4(rng, j_cols, scale, debt, j5[2].values)
    holdings = participations(rng, _find(activa, "II.", "B.").values[j_cols[0]], town)
    prev_result = rng.randrange(-scale // 2, scale)
    prev_cents = prev_result * 100 + rng.randint(-49, 49)
    repay = -debt[year].repay
    recoveries = (
        (0, 0) if rng.random() < 0.8 else (rng.randrange(1_000, 50_000), rng.randrange(1_000, 50_000))
    )
    return ReportModel(
        year,
        start,
        end,
        bds,
        plan,
        debt,
        (first, continuation),
        t2,
        t1_cols,
        t1,
        j5,
        (activa, passiva),
        holdings,
        prev_result,
        _scaled(rng, max(repay, 10_000), 1.0, 5.0),
        recoveries,
        build_off_balance(rng, year, prev_cents),
        build_transfers(rng, bds, t1, financing),
    )
