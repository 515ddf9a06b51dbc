"""The Italian words the machine-translation detectors (lint.checks.mt) need: ``Language.mt_words``.

Only closed classes live here (month names, units, speech verbs, time zones, state names): the
detectors themselves find the damage from the shape of the text, not from a list of sentences.
"""

from __future__ import annotations

from types import MappingProxyType


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _list(words: str) -> list[str]:
    return words.split()


# -- Italian -------------------------------------------------------------------------------------------

_IT = {
    "months": _list(
        "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
    ),
    # What may follow a number that makes a decimal point or a thousands comma English: a share, a
    # scale word, a currency.
    "scale_words": _set(
        "percento mila milione milioni miliardo miliardi trilioni bilioni dollari euro sterline yen franchi"
    )
    | {"per cento", "punti base"},
    # Currencies: a price per litre or per share may take three decimals ("1,335 euro al litro").
    "currencies": _set("euro dollari dollaro sterline sterlina yen franchi"),
    # Measures that legitimately take three decimals in Italian ("1,500 chilometri" is one and a half).
    "measures": _set(
        "km chilometri chilometro metri metro m cm mm kg chili chilo chilogrammi grammi g litri litro l "
        "tonnellate secondi secondo ettari gradi punti volte ore minuti"
    ),
    # Speech verbs as they follow a quotation: "…», ha detto Rossi", "…», dice".
    "speech_verbs": _set(
        "detto aggiunto dichiarato affermato spiegato sottolineato osservato annunciato risposto scritto "
        "riferito precisato ribadito commentato ricordato replicato assicurato avvertito insistito "
        "concluso chiarito ammesso raccontato twittato proseguito continuato incalzato esordito "
        "gridato urlato esclamato tuonato confermato rivelato denunciato evidenziato ammonito promesso "
        "sostenuto"
    ),
    "speech_present": _set(
        "dice dicono dichiara afferma aggiunge spiega sottolinea osserva annuncia risponde scrive "
        "precisa ribadisce commenta ricorda replica assicura avverte conclude insiste chiarisce ammette "
        "racconta prosegue continua disse aggiunse spiegò rispose grida urla esclama tuona conferma "
        "rivela denuncia"
    ),
    "auxiliaries": _set("ha hanno aveva avevano avrebbe avrebbero"),
    # Words in a run of capitals that only English headline casing capitalises (articles, prepositions,
    # conjunctions). Those that also start Italian surnames ("Di Maio", "Della Valle") are kept apart.
    "title_case_function_words": _set(
        "il lo i gli le un una uno e ed o che come per con su sul sulla sui sugli sulle nel nella nei "
        "negli nelle in a al alla ai agli alle tra fra non dopo contro verso senza sotto"
    ),
    "weekdays": _list("lunedì martedì mercoledì giovedì venerdì sabato domenica"),
    # Dates that name a holiday or an event and are written with a capital ("il 25 Aprile", "l'11
    # Settembre"), and words after a weekday or month that make it a name ("Venerdì Santo").
    "named_dates": _set(
        "25-aprile 1-maggio 2-giugno 4-novembre 11-settembre 8-marzo 8-settembre 20-settembre"
    ),
    "surname_particles": _set("di de da del della dei dal dalla la lo li d' dell'"),
    # Titles of rank that the knowledge base's offices do not hold; with the offices' titles they make a
    # capitalised particle after them a preposition, not part of a surname ("La Principessa Di Galles").
    "rank_titles": _set(
        "duca duchessa arciduca arciduchessa granduca granduchessa principe principessa re regina conte "
        "contessa marchese marchesa barone baronessa visconte viscontessa lord lady sir dama cavaliere "
        "imperatore imperatrice zar zarina sultano emiro sceicco"
    ),
    # Words before a date that make it a name: "via XX Settembre", "piazza 4 Novembre".
    "street_words": _set(
        "via viale piazza piazzale corso largo vicolo lungomare ponte galleria stazione scuola istituto "
        "liceo movimento"
    ),
    # Imperial units and their metric equivalent: factor, metric unit (singular, plural).
    "imperial_units": {
        "miglia": (1.609344, "chilometri"),
        "miglio": (1.609344, "chilometri"),
        "piedi": (0.3048, "metri"),
        "piede": (0.3048, "metri"),
        "pollici": (2.54, "centimetri"),
        "pollice": (2.54, "centimetri"),
        "libbre": (0.45359237, "chili"),
        "libbra": (0.45359237, "chili"),
        "galloni": (3.785411784, "litri"),
        "gallone": (3.785411784, "litri"),
        "yard": (0.9144, "metri"),
        "iarde": (0.9144, "metri"),
        "iarda": (0.9144, "metri"),
        "acri": (0.40468564, "ettari"),
        "acro": (0.40468564, "ettari"),
        "mph": (1.609344, "km/h"),
    },
    # Words after a number of miles or feet that make them something else ("miglia nautiche").
    "unit_exceptions": _set("nautiche nautico nautica marine quadrati"),
    # US time zones left in English after a time, and how Italian copy names them.
    "time_zones": {
        "ET": "ora della costa orientale degli Stati Uniti",
        "EST": "ora della costa orientale degli Stati Uniti",
        "EDT": "ora della costa orientale degli Stati Uniti",
        "CT": "ora degli Stati Uniti centrali",
        "CST": "ora degli Stati Uniti centrali",
        "CDT": "ora degli Stati Uniti centrali",
        "MT": "ora delle Montagne Rocciose",
        "MST": "ora delle Montagne Rocciose",
        "MDT": "ora delle Montagne Rocciose",
        "PT": "ora della costa del Pacifico",
        "PST": "ora della costa del Pacifico",
        "PDT": "ora della costa del Pacifico",
    },
    # Cognate nouns of speech and announcement verbs that an English "said in a statement" turns into a
    # tautology are found by morphology; these are the prepositions that introduce the noun.
    "tautology_prepositions": _set("in con attraverso tramite via"),
    "articles": _set("il lo la i gli le un uno una un' l'"),
    # Adjectives of nationality, language and origin Italian writes in small letters (Treccani,
    # "maiuscole e minuscole") that the countries of the knowledge base do not give: nations within a
    # state, continents and regions of the world, languages, peoples and states of the past. Masculine
    # singular; MTP047 inflects them.
    "nationality_adjectives": _set(
        "inglese scozzese gallese nordirlandese statunitense coreano europeo africano asiatico "
        "sudamericano latinoamericano nordamericano centroamericano mediorientale nordafricano arabo "
        "ebraico latino curdo catalano basco tibetano uiguro ceceno persiano sovietico jugoslavo "
        "scandinavo baltico balcanico caucasico hindi urdu swahili"
    ),
}

# US state and territory abbreviations as the wire services write them in party tags ("R-Texas",
# "D-N.Y."), with the state's name in Italian.
_US_STATES_IT = {
    "Ala.": "dell'Alabama", "AL": "dell'Alabama", "Alabama": "dell'Alabama",
    "Alaska": "dell'Alaska", "AK": "dell'Alaska",
    "Ariz.": "dell'Arizona", "AZ": "dell'Arizona", "Arizona": "dell'Arizona",
    "Ark.": "dell'Arkansas", "AR": "dell'Arkansas", "Arkansas": "dell'Arkansas",
    "Calif.": "della California", "CA": "della California", "California": "della California",
    "Colo.": "del Colorado", "CO": "del Colorado", "Colorado": "del Colorado",
    "Conn.": "del Connecticut", "CT": "del Connecticut", "Connecticut": "del Connecticut",
    "Del.": "del Delaware", "DE": "del Delaware", "Delaware": "del Delaware",
    "Fla.": "della Florida", "FL": "della Florida", "Florida": "della Florida",
    "Ga.": "della Georgia", "GA": "della Georgia", "Georgia": "della Georgia",
    "Hawaii": "delle Hawaii", "HI": "delle Hawaii",
    "Idaho": "dell'Idaho", "ID": "dell'Idaho",
    "Ill.": "dell'Illinois", "IL": "dell'Illinois", "Illinois": "dell'Illinois",
    "Ind.": "dell'Indiana", "IN": "dell'Indiana", "Indiana": "dell'Indiana",
    "Iowa": "dell'Iowa", "IA": "dell'Iowa",
    "Kan.": "del Kansas", "Kans.": "del Kansas", "KS": "del Kansas", "Kansas": "del Kansas",
    "Ky.": "del Kentucky", "KY": "del Kentucky", "Kentucky": "del Kentucky",
    "La.": "della Louisiana", "LA": "della Louisiana", "Louisiana": "della Louisiana",
    "Maine": "del Maine", "Me.": "del Maine", "ME": "del Maine",
    "Md.": "del Maryland", "MD": "del Maryland", "Maryland": "del Maryland",
    "Mass.": "del Massachusetts", "MA": "del Massachusetts", "Massachusetts": "del Massachusetts",
    "Mich.": "del Michigan", "MI": "del Michigan", "Michigan": "del Michigan",
    "Minn.": "del Minnesota", "MN": "del Minnesota", "Minnesota": "del Minnesota",
    "Miss.": "del Mississippi", "MS": "del Mississippi", "Mississippi": "del Mississippi",
    "Mo.": "del Missouri", "MO": "del Missouri", "Missouri": "del Missouri",
    "Mont.": "del Montana", "MT": "del Montana", "Montana": "del Montana",
    "Neb.": "del Nebraska", "Nebr.": "del Nebraska", "NE": "del Nebraska", "Nebraska": "del Nebraska",
    "Nev.": "del Nevada", "NV": "del Nevada", "Nevada": "del Nevada",
    "N.H.": "del New Hampshire", "NH": "del New Hampshire",
    "N.J.": "del New Jersey", "NJ": "del New Jersey",
    "N.M.": "del New Mexico", "NM": "del New Mexico",
    "N.Y.": "dello Stato di New York", "NY": "dello Stato di New York",
    "N.C.": "della Carolina del Nord", "NC": "della Carolina del Nord",
    "N.D.": "del Dakota del Nord", "ND": "del Dakota del Nord",
    "Ohio": "dell'Ohio", "OH": "dell'Ohio",
    "Okla.": "dell'Oklahoma", "OK": "dell'Oklahoma", "Oklahoma": "dell'Oklahoma",
    "Ore.": "dell'Oregon", "Oreg.": "dell'Oregon", "OR": "dell'Oregon", "Oregon": "dell'Oregon",
    "Pa.": "della Pennsylvania", "Penn.": "della Pennsylvania", "PA": "della Pennsylvania",
    "Pennsylvania": "della Pennsylvania",
    "R.I.": "del Rhode Island", "RI": "del Rhode Island",
    "S.C.": "della Carolina del Sud", "SC": "della Carolina del Sud",
    "S.D.": "del Dakota del Sud", "SD": "del Dakota del Sud",
    "Tenn.": "del Tennessee", "TN": "del Tennessee", "Tennessee": "del Tennessee",
    "Texas": "del Texas", "Tex.": "del Texas", "TX": "del Texas",
    "Utah": "dello Utah", "UT": "dello Utah",
    "Vt.": "del Vermont", "VT": "del Vermont", "Vermont": "del Vermont",
    "Va.": "della Virginia", "VA": "della Virginia", "Virginia": "della Virginia",
    "Wash.": "dello Stato di Washington", "WA": "dello Stato di Washington",
    "W.Va.": "della Virginia Occidentale", "W.V.": "della Virginia Occidentale", "WV": "della Virginia Occidentale",
    "Wis.": "del Wisconsin", "Wisc.": "del Wisconsin", "WI": "del Wisconsin", "Wisconsin": "del Wisconsin",
    "Wyo.": "del Wyoming", "WY": "del Wyoming", "Wyoming": "del Wyoming",
    "D.C.": "del Distretto di Columbia",
    "P.R.": "di Porto Rico", "PR": "di Porto Rico",
    "Guam": "di Guam",
}  # fmt: skip
_IT["us_states"] = _US_STATES_IT
# The states' names as a translation writes them after a town: English, and the Italian forms.
_IT["us_state_names"] = _set(
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
    "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
    "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Pensilvania Tennessee "
    "Texas Utah Vermont Virginia Washington Wisconsin Wyoming"
) | {
    "New Hampshire", "New Jersey", "New Mexico", "Nuovo Messico", "New York", "North Carolina",
    "Carolina del Nord", "North Dakota", "Dakota del Nord", "Rhode Island", "South Carolina",
    "Carolina del Sud", "South Dakota", "Dakota del Sud", "West Virginia", "Virginia Occidentale",
    "Ontario", "Québec", "Quebec",
}  # fmt: skip
# Italian exonyms of cities whose names US and Canadian towns share: "Parigi, Texas" is Paris, Texas.
_IT["exonyms"] = {
    "Parigi": "Paris", "Atene": "Athens", "Mosca": "Moscow", "Roma": "Rome", "Londra": "London",
    "Napoli": "Naples", "Firenze": "Florence", "Venezia": "Venice", "Milano": "Milan", "Berlino": "Berlin",
    "Lisbona": "Lisbon", "Varsavia": "Warsaw", "Dublino": "Dublin", "Il Cairo": "Cairo", "Menfi": "Memphis",
    "Troia": "Troy", "Cartagine": "Carthage", "Siracusa": "Syracuse", "Corinto": "Corinth", "Itaca": "Ithaca",
    "Betlemme": "Bethlehem", "Nazaret": "Nazareth", "Libano": "Lebanon", "Palestina": "Palestine",
    "Edimburgo": "Edinburgh", "Amburgo": "Hamburg", "Monaco": "Munich", "Colonia": "Cologne", "Vienna": "Vienna",
    "Praga": "Prague", "Belgrado": "Belgrade", "Odessa": "Odessa", "Pietroburgo": "Petersburg",
    "San Pietroburgo": "St. Petersburg", "Toledo": "Toledo", "Madrid": "Madrid", "Messico": "Mexico",
    "Lima": "Lima", "Delhi": "Delhi", "Canton": "Canton", "Versailles": "Versailles", "Marsiglia": "Marseilles",
    "Orleans": "Orleans", "Nuova Orleans": "New Orleans", "Nuova York": "New York", "Lipsia": "Leipzig",
    "Dresda": "Dresden", "Ginevra": "Geneva", "Smirne": "Smyrna", "Sparta": "Sparta", "Utica": "Utica",
}  # fmt: skip
# English abbreviated titles before a name, and the Italian title (masculine, feminine when it differs).
_IT["english_title_abbreviations"] = {
    "Brig. Gen.": ("generale di brigata",), "Maj. Gen.": ("generale di divisione",),
    "Lt. Gen.": ("generale di corpo d'armata",), "Lt. Col.": ("tenente colonnello",),
    "Atty. Gen.": ("procuratore generale", "procuratrice generale"),
    "Dr.": ("dottor", "dottoressa"), "Sen.": ("senatore", "senatrice"), "Rep.": ("deputato", "deputata"),
    "Gov.": ("governatore", "governatrice"), "Gen.": ("generale",), "Lt.": ("tenente",),
    "Col.": ("colonnello",), "Sgt.": ("sergente",), "Adm.": ("ammiraglio",), "Capt.": ("capitano",),
    "Maj.": ("maggiore",), "Rev.": ("reverendo",), "Sec.": ("segretario", "segretaria"),
}  # fmt: skip
_IT["storm_words"] = _set("uragano uragani tempesta tifone ciclone")
# Names from the World Meteorological Organization's rotating lists (Atlantic and eastern North Pacific,
# with the retired names the news still cites) in the Italian form a translation gives them.
_IT["storm_translations"] = {
    "Grazia": "Grace", "Firenze": "Florence", "Michele": "Michael", "Pietro": "Peter", "Giuliano": "Julian",
    "Nicola": "Nicholas", "Martino": "Martin", "Isacco": "Isaac", "Raffaele": "Rafael", "Guglielmo": "William",
    "Ugo": "Hugo", "Giovanna": "Jeanne", "Filippo": "Philippe", "Enrico": "Henri", "Riccardo": "Richard",
    "Vittorio": "Victor", "Ofelia": "Ophelia", "Gualtiero": "Walter", "Tommaso": "Tobias", "Francesca": "Frances", "Caterina": "Katrina", "Matteo": "Matthew",
    "Ivano": "Ivan", "Sebastiano": "Sebastien",
    "Cristoforo": "Cristobal", "Edoardo": "Edouard", "Giuseppina": "Josephine", "Renato": "Rene",
    "Elena": "Helene", "Fernando": "Fernand", "Gabriella": "Gabrielle",
}  # fmt: skip
STORM_NAMES = _set(
    # Atlantic
    "Alberto Beryl Chris Debby Ernesto Francine Gordon Helene Isaac Joyce Kirk Leslie Milton Nadine Oscar "
    "Patty Rafael Sara Tony Valerie William Andrea Barry Chantal Dexter Erin Fernand Gabrielle Humberto "
    "Imelda Jerry Karen Lorenzo Melissa Nestor Olga Pablo Rebekah Sebastien Tanya Van Wendy Arthur Bertha "
    "Cristobal Dolly Edouard Fay Gonzalo Hanna Isaias Josephine Kyle Leah Marco Nana Omar Paulette Rene "
    "Sally Teddy Vicky Wilfred Ana Bill Claudette Danny Elsa Fred Grace Henri Imani Julian Kate Larry Mindy "
    "Nicholas Odette Peter Rose Sam Teresa Victor Wanda Alex Bonnie Colin Danielle Earl Farrah Gaston "
    "Hermine Idris Julia Karl Lisa Martin Nicole Owen Paula Richard Shary Tobias Virginie Walter Arlene "
    "Bret Cindy Don Emily Franklin Gert Harold Idalia Jose Katia Lee Margot Nigel Ophelia Philippe Rina "
    "Sean Tammy Vince Whitney "
    # retired Atlantic names still in the news
    "Katrina Sandy Harvey Irma Maria Michael Florence Dorian Laura Ida Ian Fiona Andrew Hugo Rita Wilma "
    "Ike Gustav Matthew Irene Charley Frances Ivan Jeanne Dennis Mitch Otto Eta Iota Hugo Gilbert Allen "
    # eastern North Pacific
    "Adrian Beatriz Calvin Dora Eugene Fernanda Greg Hilary Irwin Jova Kenneth Lidia Max Norma Otis Pilar "
    "Ramon Selma Todd Veronica Wiley Xina York Zelda Aletta Bud Carlotta Daniel Emilia Fabio Gilma Hector "
    "Ileana John Kristy Lane Miriam Norman Olivia Paul Rosa Sergio Tara Vicente Willa Xavier Yolanda Zeke "
    "Alvin Barbara Cosme Dalila Erick Flossie Gil Henriette Ivo Juliette Kiko Lorena Mario Narda Octave "
    "Priscilla Raymond Sonia Tico Velma Wallis Amanda Boris Cristina Douglas Elida Fausto Genevieve Hernan "
    "Iselle Julio Karina Lowell Marie Norbert Odalys Polo Rachel Simon Trudy Vance Winnie Andres Blanca "
    "Carlos Dolores Enrique Felicia Guillermo Hilda Ignacio Jimena Kevin Linda Marty Nora Olaf Pamela Rick "
    "Sandra Terry Vivian Waldo Agatha Blas Celia Darby Estelle Frank Georgette Howard Ivette Javier Kay "
    "Lester Madeline Newton Orlene Paine Roslyn Seymour Tina Virgil Winifred Patricia"
)
_IT["parties"] = {
    "R": ("repubblicano", "repubblicana"),
    "D": ("democratico", "democratica"),
    "I": ("indipendente", "indipendente"),
}

MT_WORDS = MappingProxyType(_IT)
