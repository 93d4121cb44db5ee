"""Fictional reporting entities: name, type, KBO number, address and officials."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from pipelines.synth import vocab


@dataclass(frozen=True)
class Entity:
    name: str  # "AGB Zandbeek"
    kbo: str  # 10 digits, "0212345678"
    entity_type: str  # AGB | gemeente | OCMW | politiezone | …, as pipelines.ingest.metadata names them
    town: str
    address: str  # "Marktplein 3, 2870 Zandbeek"
    general_director: str
    financial_director: str

    @property
    def kbo_dotted(self) -> str:
        return f"{self.kbo[:4]}.{self.kbo[4:7]}.{self.kbo[7:]}"

    @property
    def with_kbo(self) -> str:
        """ "AGB Zandbeek (0212.345.678)": how headers and footers print the entity."""
        return f"{self.name} ({self.kbo_dotted})"

    @property
    def consolidated_word(self) -> str:
        """The entity line of the consolidated J2 block and of J3 ("Autonoom gemeentebedrijf")."""
        return vocab.ENTITY_TYPES[self.entity_type][1]

    @property
    def plan_name(self) -> str:
        return self.town.upper()

    @property
    def website(self) -> str:
        return f"www.{re.sub(r'[^a-z]', '', self.town.lower())}.be/meerjarenplan"


def town_name(rng: random.Random) -> str:
    return rng.choice(vocab.TOWN_HEADS) + rng.choice(vocab.TOWN_TAILS)


def kbo_number(rng: random.Random) -> str:
    """A valid-looking KBO number: 0 + 7 digits + the mod-97 check digits."""
    first = rng.randrange(2_000_000, 9_999_999)  # the leading 0 is implicit
    return f"{first:08d}{97 - first % 97:02d}"


def type_of_name(name: str) -> str | None:
    first = name.split()[0] if name.split() else ""
    for kind, (prefixes, _) in vocab.ENTITY_TYPES.items():
        if first in prefixes:
            return kind
    return None


def make_entity(
    rng: random.Random,
    *,
    name: str | None = None,
    kbo: str | None = None,
    entity_type: str | None = None,
) -> Entity:
    """An entity with every field drawn from ``rng`` unless given."""
    if entity_type is not None and entity_type not in vocab.ENTITY_TYPES:
        raise ValueError(f"unknown entity type {entity_type!r}; known: {sorted(vocab.ENTITY_TYPES)}")
    town = town_name(rng)
    if name is None:
        kind = entity_type or rng.choice(sorted(vocab.ENTITY_TYPES))
        prefix = rng.choice(vocab.ENTITY_TYPES[kind][0])
        if kind in ("politiezone", "hulpverleningszone") and rng.random() < 0.5:
            name = f"{prefix} {town}-{town_name(rng)}"
        else:
            name = f"{prefix} {town}"
        entity_type = kind
    else:
        entity_type = entity_type or type_of_name(name) or "gemeente"
        town = name.split()[-1] if len(name.split()) > 1 else name
    digits = re.sub(r"\D", "", kbo) if kbo else kbo_number(rng)
    if len(digits) != 10:
        raise ValueError(f"a KBO number has 10 digits, got {kbo!r}")
    street = rng.choice(vocab.STREETS)
    address = f"{street} {rng.randint(1, 40)}, {rng.randrange(1000, 9999)} {town.split('-')[0]}"
    people = [f"{rng.choice(vocab.FIRST_NAMES)} {rng.choice(vocab.LAST_NAMES)}" for _ in range(2)]
    return Entity(name, digits, entity_type, town, address, people[0], people[1])
