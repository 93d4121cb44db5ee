"""Words, names and regulation-standard row labels the synthetic reports are made of.

Everything here is fictional or generic BBC 2020 vocabulary (schema labels, the off-balance chart,
beleidsvelden); nothing is copied from a particular entity.
"""

from __future__ import annotations

# --- entities -------------------------------------------------------------------------------
TOWN_HEADS = (
    "Aal",
    "Bever",
    "Brem",
    "Dender",
    "Eike",
    "Gaver",
    "Heus",
    "Kwaad",
    "Lier",
    "Meer",
    "Neer",
    "Oude",
    "Poel",
    "Rijk",
    "Schel",
    "Stok",
    "Ter",
    "Vier",
    "Wilder",
    "Zand",
    "Hoog",
    "Laag",
    "Molen",
    "Kapel",
    "Vos",
    "Wolfs",
    "Ros",
    "Elzen",
    "Berken",
    "Linde",
)
TOWN_TAILS = (
    "beek",
    "dijk",
    "hove",
    "kerke",
    "rode",
    "veld",
    "zele",
    "hout",
    "dam",
    "berg",
    "loo",
    "meer",
    "gem",
    "stade",
    "broek",
    "donk",
    "laar",
    "heide",
    "bos",
    "hem",
)
STREETS = (
    "Stadsplein",
    "Marktplein",
    "Kerkstraat",
    "Stationsstraat",
    "Dorpsplein",
    "Gemeenteplein",
    "Molenstraat",
    "Grote Markt",
    "Kasteelstraat",
    "Nieuwstraat",
)
FIRST_NAMES = (
    "An",
    "Bart",
    "Carine",
    "Dirk",
    "Els",
    "Filip",
    "Greet",
    "Hans",
    "Ilse",
    "Jan",
    "Katrien",
    "Luc",
    "Marleen",
    "Nico",
    "Olga",
    "Pieter",
    "Rita",
    "Steven",
    "Tine",
    "Wim",
    "Yasmina",
    "Karim",
    "Sofie",
    "Tom",
)
LAST_NAMES = (
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Van den Broeck",
    "Vermeulen",
    "Van Damme",
    "Hermans",
    "Aerts",
    "Dubois",
    "Lemmens",
    "Verhoeven",
    "Van Gorp",
    "De Wilde",
    "Coppens",
    "Smets",
)

# entity type -> (name prefixes, consolidated-entity word printed in J2/J3, plan-name style)
ENTITY_TYPES: dict[str, tuple[tuple[str, ...], str]] = {
    "AGB": (("AGB",), "Autonoom gemeentebedrijf"),
    "gemeente": (("Gemeente", "Stad"), "Gemeente"),
    "OCMW": (("OCMW",), "OCMW"),
    "politiezone": (("Politiezone",), "Politiezone"),
    "hulpverleningszone": (("Hulpverleningszone",), "Hulpverleningszone"),
    "OCMW-vereniging": (("Zorgbedrijf", "Welzijnsvereniging"), "OCMW-vereniging"),
    "intergemeentelijk": (("Projectvereniging",), "Projectvereniging"),
}

COMPANY_FORMS = ("NV", "CV", "BV", "CVBA", "cv")
COMPANY_WORDS = (
    "Park",
    "Energie",
    "Water",
    "Campus",
    "Haven",
    "Bouw",
    "Zorg",
    "Data",
    "Wonen",
    "Sport",
    "Cultuur",
    "Mobiel",
    "Klimaat",
    "Netwerk",
)

# --- policy titles and evaluation texts -----------------------------------------------------
BD_SUBJECTS = (
    "Meer inwoners",
    "De stad",
    "Het bestuur",
    "Iedere burger",
    "Onze organisatie",
    "Jongeren",
    "Ondernemers",
    "Kwetsbare gezinnen",
    "Senioren",
    "Verenigingen",
    "De lokale economie",
)
BD_PREDICATES = (
    "vinden een gepast antwoord op hun behoefte aan zorg en ondersteuning",
    "maken gebruik van een divers vrijetijds- en belevingsaanbod",
    "versterkt zijn economische positie in de regio",
    "is performant, mens- en marktgericht georganiseerd",
    "investeert in een veilige en leefbare omgeving",
    "werkt aan een duurzaam, evenwichtig en transparant financieel beleid",
    "kiest resoluut voor een klimaatneutrale toekomst",
    "zet in op talentontwikkeling en taalvaardigheid",
    "wordt beter bereikbaar met de fiets en het openbaar vervoer",
    "ervaart een aantrekkelijk en betaalbaar woonaanbod",
    "participeert actief aan het beleid en het verenigingsleven",
)
AP_ACTIONS = (
    "zet in op",
    "optimaliseert",
    "ondersteunt",
    "ontwikkelt",
    "versterkt",
    "moderniseert",
    "realiseert",
    "evalueert",
    "stimuleert",
    "bewaakt",
)
AC_VERBS = (
    "Uitbouwen van",
    "Opvolgen van",
    "Organiseren van",
    "Renoveren van",
    "Onderhouden van",
    "Aankopen van",
    "Digitaliseren van",
    "Inrichten van",
    "Communiceren over",
    "Begeleiden van",
    "Investeren in",
)
OBJECTS = (
    "het zwembad",
    "de sportinfrastructuur",
    "het cultuurcentrum",
    "de bibliotheek",
    "de jeugdwerking",
    "het stedelijk gebouwenpatrimonium",
    "de openbare verlichting",
    "de wijkwerking",
    "het parkeerbeleid",
    "de dienstverlening aan het loket",
    "de financiële rapportering",
    "de schuldpositie",
    "het evenementenbeleid",
    "de buitenschoolse opvang",
    "de wegeninfrastructuur",
    "het vrijwilligersbeleid",
    "de energiezuinige gebouwen",
    "de toeristische trekpleisters",
    "het archief",
    "de informatica-uitrusting",
    "de speelpleinen",
    "het kunstaanbod",
    "de lokale handel",
    "het mobiliteitsplan",
)
QUALIFIERS = (
    "in samenwerking met de lokale partners",
    "met bijzondere aandacht voor de meest kwetsbare inwoners",
    "binnen de beschikbare middelen van het meerjarenplan",
    "zodat iedereen er op een laagdrempelige manier gebruik van kan maken",
    "met oog voor duurzaamheid en een zuinig gebruik van energie",
    "in overleg met de buurtbewoners en de verenigingen",
    "via een gefaseerde aanpak over de volledige legislatuur",
)
TEXT_SENTENCES = (
    "De werking liep het voorbije jaar volgens de planning en de vooropgestelde mijlpalen werden gehaald.",
    "Er werd een nieuwe medewerker aangeworven die de opvolging van het dossier op zich neemt.",
    "In overleg met de partners werd het actieplan bijgestuurd waar dat nodig bleek.",
    "De aanbesteding werd gegund en de werken starten volgens de voorziene timing.",
    "De bezoekersaantallen stegen opnieuw en de tevredenheid van de gebruikers blijft hoog.",
    "Door de stijgende energieprijzen werd extra ingezet op een zuinig gebruik van de gebouwen.",
    "Het project werd voorgesteld aan de gemeenteraadscommissie en positief onthaald.",
    "Een deel van de geplande acties werd uitgesteld omwille van personeelstekort.",
    "De samenwerking met de scholen en de verenigingen werd verder versterkt.",
    "Via sociale media en de stadskrant werd ruim gecommuniceerd over de realisaties.",
    "De procedure voor de aankoop van de gronden loopt nog en wordt verwacht volgend jaar af te ronden.",
    "Op basis van een grondige evaluatie werden de prioriteiten voor de komende jaren vastgelegd.",
    "Het aanbod werd uitgebreid met een reeks workshops voor jongeren tussen zes en vijfentwintig jaar.",
    "De nieuwe software werd in gebruik genomen en de medewerkers kregen een opleiding.",
    "Er werden meerdere infosessies georganiseerd waarop telkens veel volk aanwezig was.",
    "De renovatie van het dak werd afgerond en de zonnepanelen werden geplaatst.",
    "De subsidieaanvraag werd goedgekeurd waardoor de investering sneller kan gebeuren.",
    "Het overleg met de hogere overheid over de financiering van het project loopt verder.",
)
QUOTED_NAMES = ("Samen sterk", "Iedereen mee", "Buurt in beweging", "Groen en gezond", "Stad van morgen")
YEAR_SENTENCES = (
    "In {y} werd het vernieuwde aanbod officieel gelanceerd.",
    "Ook in {y} werd verder ingezet op de uitrol van het plan.",
    "Sinds {y} gebeurt de opvolging via een maandelijkse monitor.",
)

# status key -> (phrase as printed, evaluation_status as parsed)
STATUSES = {
    "op_schema": ("Voortgang loopt zoals gepland", "op_schema"),
    "behaald": ("Resultaat is behaald.", "behaald"),
    "achter_schema": ("Voortgang loopt niet zoals gepland", "achter_schema"),
    "niet_opgestart": ("Niet opgestart", "niet_opgestart"),
}

# --- T1 beleidsdomeinen and beleidsvelden (code, name) --------------------------------------
FINANCE_DOMAIN = ("00", "Algemene Financiering")
OTHER_DOMAINS = (
    ("01", "Beleid en organisatie"),
    ("02", "Vrije tijd"),
    ("03", "Welzijn en zorg"),
    ("04", "Omgeving en wonen"),
    ("05", "Veiligheid"),
    ("06", "Economie en werk"),
    ("07", "Mobiliteit en openbare ruimte"),
)
BELEIDSVELDEN = (
    ("0119", "Overige algemene diensten"),
    ("0220", "Parkeren"),
    ("0200", "Wegen"),
    ("0590", "Overige economische zaken"),
    ("0701", "Cultuurcentrum"),
    ("0703", "Bibliotheken"),
    ("0740", "Sportsubsidies"),
    ("0742", "Sportinfrastructuur"),
    ("0750", "Jeugdsubsidies"),
    ("0752", "Infrastructuur en faciliteiten ten behoeve van kinderen en jongeren"),
    ("0300", "Ophalen en verwerken van huishoudelijk afval"),
    ("0400", "Politiediensten"),
)
FINANCE_VELD = ("0040", "Transacties in verband met de openbare schuld")

# credit-transfer budget accounts: (account, description)
INVESTMENT_ACCOUNTS = (
    ("2200000", "Terreinen - gemeenschapsgoederen - Aanschaffingswaarde"),
    ("2210000", "Gebouwen - gemeenschapsgoederen - Aanschaffingswaarde"),
    ("2240000", "Wegen en andere infrastructuur - gemeenschapsgoederen - Aanschaffingswaarde"),
    ("2291000", "Gebouwen - bedrijfsmatige materiële vaste activa - Aanschaffingswaarde"),
    (
        "2350000",
        "Installaties, machines en uitrusting - bedrijfsmatige materiële vaste activa - Aanschaffingswaarde",
    ),
    ("2400000", "Meubilair - gemeenschapsgoederen - Aanschaffingswaarde"),
    ("2451000", "Kantooruitrusting - bedrijfsmatige materiële vaste activa - Aanschaffingswaarde"),
    ("2452000", "Informatica-uitrusting - bedrijfsmatige materiële vaste activa - Aanschaffingswaarde"),
)
RECEIPT_ACCOUNTS = (
    (
        "1500000",
        "Investeringssubsidies en -schenkingen in kapitaal met vordering op korte termijn - Nominaal "
        "bedrag van de subsidie of waarde van de schenking",
    ),
    ("2603000", "Industrieterreinen - andere materiële vaste activa - Aanschaffingswaarde"),
)
FINANCING_ACCOUNT = ("1733000", "Schulden aan kredietinstellingen aangegaan door het bestuur")
RAMING_TEXTS = (
    "Jaarlijks investeringsbedrag voor diverse vervangingen en kleine investeringen",
    "Aankoop en vervanging van uitrustingsmaterieel voor de exploitatie van {obj}",
    "Renovatie en structureel onderhoud van {obj}",
    "Investeringen in gebouwen en technische installaties van {obj}",
    "Subsidie van de hogere overheid voor {obj}",
    "Overdracht gronden aan de projectvennootschap",
    "Opnameschema nieuwe leningen en thesauriebewijzen",
)

# --- schema row trees -----------------------------------------------------------------------
# A tree node is (label, children); a leaf has no children. Labels carry their outline prefix.
Tree = tuple[str, tuple["Tree", ...]]

J4_ACTIVA: tuple[Tree, ...] = (
    (
        "I. Vlottende activa",
        (
            ("A. Liquide middelen en geldbeleggingen", ()),
            (
                "B. Vorderingen op korte termijn",
                (
                    ("1. Vorderingen uit ruiltransacties", ()),
                    ("2. Vorderingen uit niet-ruiltransacties", ()),
                ),
            ),
            ("C. Voorraden en bestellingen in uitvoering", ()),
            ("D. Overlopende rekeningen van het actief", ()),
        ),
    ),
    (
        "II. Vaste activa",
        (
            (
                "A. Vorderingen op lange termijn",
                (
                    ("1. Vorderingen uit ruiltransacties", ()),
                    ("2. Vorderingen uit niet-ruiltransacties", ()),
                ),
            ),
            (
                "B. Financiële vaste activa",
                (
                    ("1. Extern verzelfstandigde agentschappen", ()),
                    ("4. Andere financiële vaste activa", ()),
                ),
            ),
            (
                "C. Materiële vaste activa",
                (
                    (
                        "1. Gemeenschapsgoederen",
                        (
                            ("a. Terreinen en gebouwen", ()),
                            ("b. Wegen en andere infrastructuur", ()),
                            ("c. Roerende goederen", ()),
                            ("d. Leasing en soortgelijke rechten", ()),
                            ("e. Erfgoed", ()),
                        ),
                    ),
                    (
                        "2. Bedrijfsmatige materiële vaste activa",
                        (
                            ("a. Terreinen en gebouwen", ()),
                            ("b. Installaties, machines en uitrusting", ()),
                            ("c. Meubilair, kantooruitrusting en rollend materieel", ()),
                            ("d. Leasing en soortgelijke rechten", ()),
                        ),
                    ),
                    (
                        "3. Andere materiële vaste activa",
                        (
                            ("a. Terreinen en gebouwen", ()),
                            ("b. Roerende goederen", ()),
                        ),
                    ),
                ),
            ),
            ("D. Immateriële vaste activa", ()),
        ),
    ),
)
J4_PASSIVA: tuple[Tree, ...] = (
    (
        "I. Schulden",
        (
            (
                "A. Schulden op korte termijn",
                (
                    (
                        "1. Schulden uit ruiltransacties",
                        (
                            ("b. Financiële schulden", ()),
                            ("c. Niet-financiële schulden uit ruiltransacties", ()),
                        ),
                    ),
                    ("2. Schulden uit niet-ruiltransacties", ()),
                    ("3. Overlopende rekeningen van het passief", ()),
                    ("4. Schulden op lange termijn die binnen het jaar vervallen", ()),
                ),
            ),
            (
                "B. Schulden op lange termijn",
                (
                    ("1. Schulden uit ruiltransacties", (("b. Financiële schulden", ()),)),
                    ("2. Schulden uit niet-ruiltransacties", ()),
                ),
            ),
        ),
    ),
    (
        "II. Nettoactief",
        (
            ("A. Kapitaalssubsidies en schenkingen", ()),
            ("B. Gecumuleerd overschot of tekort", ()),
            ("C. Herwaarderingsreserves", ()),
            ("D. Overig nettoactief", ()),
        ),
    ),
)
J5_KOSTEN: Tree = (
    "I. Kosten",
    (
        (
            "A. Operationele kosten",
            (
                ("1. Goederen en diensten", ()),
                ("2. Bezoldigingen, sociale lasten en pensioenen", ()),
                ("3. Afschrijvingen, waardeverminderingen en voorzieningen", ()),
                ("4. Toegestane werkingssubsidies", ()),
                ("5. Individuele hulpverlening", ()),
                ("8. Andere operationele kosten", ()),
            ),
        ),
        ("B. Financiële kosten", ()),
    ),
)
J5_OPBRENGSTEN: Tree = (
    "II. Opbrengsten",
    (
        (
            "A. Operationele opbrengsten",
            (
                ("1. Opbrengsten uit de werking", ()),
                ("2. Fiscale opbrengsten en boetes", ()),
                (
                    "3. Werkingssubsidies",
                    (
                        ("a. Algemene werkingssubsidies", ()),
                        ("b. Specifieke werkingssubsidies", ()),
                    ),
                ),
                ("5. Meerwaarden bij de realisatie van vaste activa", ()),
                ("6. Andere operationele opbrengsten", ()),
            ),
        ),
        ("B. Financiële opbrengsten", ()),
    ),
)

# T2 parts: (section, part, header label, top-level trees)
T2_PARTS: tuple[tuple[str, str, str, tuple[Tree, ...]], ...] = (
    (
        "exploitatie",
        "uitgaven",
        "I. Exploitatie-uitgaven",
        (
            (
                "A. Operationele uitgaven",
                (
                    ("1. Goederen en diensten", ()),
                    ("2. Bezoldigingen, sociale lasten en pensioenen", ()),
                    ("3. Individuele hulpverlening", ()),
                    (
                        "4. Toegestane werkingssubsidies",
                        (
                            ("- aan het OCMW", ()),
                            ("- aan andere begunstigden", ()),
                        ),
                    ),
                    ("5. Andere operationele uitgaven", ()),
                ),
            ),
            (
                "B. Financiële uitgaven",
                (
                    (
                        "1. Rente, commissies en kosten verbonden aan schulden",
                        (
                            ("- aan financiële instellingen", ()),
                            ("- aan andere entiteiten", ()),
                        ),
                    ),
                    ("2. Andere financiële uitgaven", ()),
                ),
            ),
        ),
    ),
    (
        "exploitatie",
        "ontvangsten",
        "II. Exploitatieontvangsten",
        (
            (
                "A. Operationele ontvangsten",
                (
                    ("1. Ontvangsten uit de werking", ()),
                    (
                        "2. Fiscale ontvangsten en boetes",
                        (
                            ("a. Aanvullende belastingen", ()),
                            ("b. Andere belastingen", ()),
                        ),
                    ),
                    (
                        "3. Werkingssubsidies",
                        (
                            (
                                "a. Algemene werkingssubsidies",
                                (
                                    ("- Gemeentefonds", ()),
                                    ("- van de gemeente", ()),
                                ),
                            ),
                            (
                                "b. Specifieke werkingssubsidies",
                                (
                                    ("- van de federale overheid", ()),
                                    ("- van de Vlaamse overheid", ()),
                                    ("- van andere entiteiten", ()),
                                ),
                            ),
                        ),
                    ),
                    ("5. Andere operationele ontvangsten", ()),
                ),
            ),
            ("B. Financiële ontvangsten", ()),
        ),
    ),
    (
        "investeringen",
        "uitgaven",
        "I. Investeringsuitgaven",
        (
            ("A. Investeringen in financiële vaste activa", (("4. Andere financiële vaste activa", ()),)),
            (
                "B. Investeringen in materiële vaste activa",
                (
                    (
                        "1. Gemeenschapsgoederen en bedrijfsmatige materiële vaste activa",
                        (
                            ("a. Terreinen en gebouwen", ()),
                            ("b. Wegen en andere infrastructuur", ()),
                            ("c. Roerende goederen", ()),
                            ("d. Leasing en soortgelijke rechten", ()),
                        ),
                    ),
                    ("2. Andere materiële vaste activa", (("a. Onroerende goederen", ()),)),
                ),
            ),
            ("C. Investeringen in immateriële vaste activa", ()),
            ("D. Toegestane investeringssubsidies", (("- aan andere begunstigden", ()),)),
        ),
    ),
    (
        "investeringen",
        "ontvangsten",
        "II. Investeringsontvangsten",
        (
            (
                "B. Verkoop van materiële vaste activa",
                (
                    (
                        "1. Gemeenschapsgoederen en bedrijfsmatige materiële vaste activa",
                        (
                            ("a. Terreinen en gebouwen", ()),
                            ("c. Roerende goederen", ()),
                        ),
                    ),
                    ("2. Andere materiële vaste activa", (("a. Onroerende goederen", ()),)),
                ),
            ),
            (
                "D. Investeringssubsidies en -schenkingen",
                (
                    ("- van de Vlaamse overheid", ()),
                    ("- van de gemeente", ()),
                    ("- van andere entiteiten", ()),
                ),
            ),
        ),
    ),
    (
        "financiering",
        "uitgaven",
        "I. Financieringsuitgaven",
        (
            (
                "A. Vereffening van financiële schulden",
                (("1. Periodieke aflossingen van opgenomen leningen en leasings", ()),),
            ),
        ),
    ),
    (
        "financiering",
        "ontvangsten",
        "II. Financieringsontvangsten",
        (
            (
                "A. Aangaan van financiële schulden",
                (("- opname van leningen en leasings bij financiële instellingen", ()),),
            ),
        ),
    ),
)

# --- off-balance chart (code, label) in account order ---------------------------------------
_BORG = "Crediteuren wegens borgstelling voor financiële schulden aangegaan door"
OFF_BALANCE_CHART: tuple[tuple[str, str], ...] = (
    ("00", "Zekerheden door derden gesteld voor rekening van het bestuur"),
    ("000", "Crediteuren van de boekhoudkundige entiteit, houders van door derden gestelde zekerheden"),
    ("001", "Derden, stellers van zekerheden voor rekening van de boekhoudkundige entiteit"),
    ("01", "Persoonlijke zekerheden gesteld voor rekening van derden"),
    ("010", "Door de boekhoudkundige entiteit geëndosseerde, overgedragen wissels"),
    ("0110", "Debiteuren wegens verplichtingen uit wissels in omloop"),
    ("0111", "Andere verplichtingen uit wissels in omloop"),
    ("012", "Debiteuren wegens persoonlijke zekerheden"),
    ("01300", f"{_BORG} OCMW's"),
    ("01301", f"{_BORG} autonome gemeentebedrijven"),
    ("01302", f"{_BORG} autonome provinciebedrijven"),
    ("01303", f"{_BORG} gemeentelijke extern verzelfstandigde agentschappen naar privaat recht"),
    ("01304", f"{_BORG} provinciale extern verzelfstandigde agentschappen naar privaat recht"),
    ("01305", f"{_BORG} OCMW-verenigingen naar publiek recht"),
    ("01306", f"{_BORG} OCMW-verenigingen naar privaat recht"),
    ("01307", f"{_BORG} politiezones"),
    ("01308", f"{_BORG} intergemeentelijke samenwerkingsverbanden"),
    ("01309", f"{_BORG} besturen van de eredienst"),
    ("01390", f"{_BORG} andere entiteiten"),
    ("02", "Zakelijke zekerheden gesteld op eigen activa"),
    ("020", "Crediteuren van de boekhoudkundige entiteit, houders van zakelijke zekerheden"),
    ("021", "Zakelijke zekerheden, gesteld voor eigen rekening"),
    ("022", "Crediteuren van derden, houders van zakelijke zekerheden"),
    ("023", "Zakelijke zekerheden, gesteld voor rekening van derden"),
    ("03", "Ontvangen zekerheden"),
    ("030", "Statutaire bewaargevers"),
    ("031", "Statutaire bewaargevingen"),
    ("032", "Ontvangen borgtochten en waarborgen"),
    ("033", "Zekerheidstellers"),
    ("04", "Goederen en waarden van derden gehouden door het bestuur"),
    (
        "040",
        "Derden, houders in hun naam, maar ten bate en voor risico van de boekhoudkundige entiteit van "
        "goederen en waarden",
    ),
    (
        "041",
        "Goederen en waarden van derden gehouden door derden in hun naam, maar ten bate en voor risico "
        "van de boekhoudkundige entiteit",
    ),
    ("05", "Verplichtingen tot aan- en verkoop van vaste activa"),
    ("050", "Verplichtingen tot aankoop"),
    ("051", "Crediteuren wegens verplichtingen tot aankoop"),
    ("052", "Debiteuren wegens verplichtingen tot verkoop"),
    ("053", "Verplichtingen tot verkoop"),
    ("06", "Termijnovereenkomsten"),
    ("060", "Op termijn gekochte goederen - te ontvangen"),
    ("061", "Crediteuren wegens op termijn gekochte goederen"),
    ("062", "Debiteuren wegens op termijn verkochte goederen"),
    ("063", "Op termijn verkochte goederen - te leveren"),
    ("064", "Op termijn gekochte deviezen - te ontvangen"),
    ("065", "Crediteuren wegens op termijn gekochte deviezen"),
    ("066", "Debiteuren wegens op termijn verkochte deviezen"),
    ("067", "Op termijn verkochte deviezen - te leveren"),
    ("07", "Gebruiksrechten op lange termijn"),
    ("070", "Goederen in gebruik genomen op lange termijn"),
    ("0700", "Terreinen en gebouwen"),
    ("0701", "Installaties, machines en uitrusting"),
    ("0702", "Meubilair en rollend materieel"),
    ("071", "Crediteuren wegens huurgelden en vergoedingen"),
    ("072", "Goederen en waarden van derden in bewaring, in consignatie of in bewerking gegeven"),
    ("073", "Commitenten en deponenten van goederen en waarden"),
    ("074", "Goederen en waarden van derden gehouden voor rekening of ten bate en voor risico van derden"),
    (
        "075",
        "Crediteuren wegens goederen en waarden van derden gehouden voor rekening of ten bate en voor "
        "risico van derden",
    ),
    ("08", "Aangegane, maar niet opgenomen kredieten"),
    ("09", "Diverse rechten en verplichtingen"),
    ("090", "Onbeschikbare gelden"),
    ("091", "Te ontvangen onbeschikbare gelden"),
    ("092", "Gecumuleerd budgettair resultaat vorig boekjaar"),
    ("093", "Tegenboeking gecumuleerd budgettair resultaat vorig boekjaar"),
    ("094", "Andere rechten"),
    ("095", "Andere verplichtingen"),
    ("096", "Diverse rechten"),
    ("097", "Diverse verplichtingen"),
    ("098", "Rechten uit overeenkomsten"),
    ("099", "Verplichtingen uit overeenkomsten"),
)
# debit/credit account pairs that may carry amounts (the debit side, the credit side)
OFF_BALANCE_PAIRS = (("0700", "071"), ("050", "051"), ("012", "01307"), ("060", "061"), ("040", "041"))

ANALYSIS_TOPICS = (
    "de kosten voor diensten en diverse leveringen",
    "de energiekosten",
    "de erelonen voor studies",
    "de subsidies van de hogere overheid",
    "de opbrengsten uit verhuur",
    "de rente op de lopende leningen",
)
