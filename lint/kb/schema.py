"""The JSON Schema of knowledge-base files (see rules/kb/README.md)."""

from __future__ import annotations

from typing import Any

DATE = {
    "description": "a date: YYYY-MM-DD, YYYY-MM or YYYY",
    "anyOf": [
        {"type": "string", "pattern": "^[12][0-9]{3}(-[01][0-9](-[0-3][0-9])?)?$"},
        {"type": "integer", "minimum": 1000, "maximum": 2999},
    ],
}
SLUG = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}


def _languages() -> list[str]:
    from lint.lang import builtin_languages

    return list(builtin_languages())


LANG = {"enum": _languages()}  # the languages a spelling belongs to: refuso's own (lint.lang)
WORDS = {"type": "array", "items": {"type": "string", "minLength": 1}}
GENDERED = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"m": WORDS, "f": WORDS},
}
SOURCE_REF = {"type": "string", "minLength": 1}

TITLES = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "it": GENDERED,
        "en": WORDS,
        "wrong": {"type": "object", "additionalProperties": False, "properties": {"it": WORDS, "en": WORDS}},
    },
}
SPELLING = {
    "type": "object",
    "additionalProperties": False,
    "required": ["form"],
    "properties": {
        "form": {"type": "string", "minLength": 2},
        "lang": LANG,
        "source": SOURCE_REF,
        "ref": {"type": "string"},
    },
}
ROLE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["office", "start", "source"],
    "properties": {
        "office": {"type": "string", "pattern": "^[A-Za-z0-9_]+\\.[a-z0-9_]+$"},
        "title_it": {"type": ["string", "null"]},
        "title_it_f": {"type": ["string", "null"]},
        "title_en": {"type": ["string", "null"]},
        "start": DATE,
        "end": {"anyOf": [DATE, {"type": "null"}]},
        "acting": {"type": "boolean"},
        "source": SOURCE_REF,
        "ref": {"type": "string"},
        "last_seen": DATE,
        "note": {"type": "string"},
    },
}
PERSON = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "name", "gender"],
    "properties": {
        "id": SLUG,
        "name": {"type": "string", "minLength": 2},
        "name_it": {"type": ["string", "null"]},
        "name_en": {"type": ["string", "null"]},
        "surname": {"type": "string", "minLength": 2},
        "gender": {"enum": ["m", "f"]},
        "gender_inferred": {
            "description": "the source gives no gender: it was inferred from the first name or the Wikidata "
            "item, so the gender check does not judge this person",
            "type": "boolean",
        },
        "wikidata": {"type": "string", "pattern": "^Q[0-9]+$"},
        "name_order": {
            "description": "surname-first: the name is written surname first (Xi Jinping); either: given "
            "name first, but the press also writes it the other way round (Viktor Orbán / Orbán Viktor)",
            "enum": ["given-first", "surname-first", "either"],
        },
        "native": {
            "description": "the name in its own script and language: its Latin spellings in each standard "
            "transliteration are accepted variants (Arabic: the usual romanisations of `name`)",
            "type": "object",
            "additionalProperties": False,
            "required": ["lang"],
            "properties": {"lang": {"enum": ["ru", "uk", "ar"]}, "name": {"type": "string", "minLength": 2}},
        },
        "short_forms": {
            "description": "how the press writes the name alone when it is not the surname (a Vietnamese "
            "leader by the given name: Phạm Minh Chính -> Chính)",
            "type": "array",
            "items": SPELLING,
        },
        "minor": {
            "description": "named by surname alone only after the full name (a member of parliament, an "
            "ambassador): a lone surname is not taken for this person on the strength of the article's "
            "country alone",
            "type": "boolean",
        },
        "variants": {"type": "array", "items": SPELLING},
        "wrong": {"type": "array", "items": SPELLING},
        "roles": {"type": "array", "items": ROLE},
        "note": {"type": "string"},
    },
}
COUNTRY = {
    "type": "object",
    "additionalProperties": False,
    "required": ["en", "it"],
    "properties": {
        "en": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name", "adjective"],
            "properties": {"name": {"type": "string"}, "adjective": {"type": "string"}, "also": WORDS},
        },
        "it": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name", "of", "adjective"],
            "properties": {
                "name": {"type": "string"},
                "of": {"type": "string"},
                "adjective": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["m", "f"],
                    "properties": {"m": {"type": "string"}, "f": {"type": "string"}},
                },
                "also": WORDS,
            },
        },
        "offices": {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z_]+$"},
            "additionalProperties": TITLES,
        },
    },
}
OFFICE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["category"],
    "properties": {
        "category": {"type": "string", "pattern": "^[a-z_]+$"},
        "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "organisation": SLUG,
        "it": GENDERED,
        "en": WORDS,
        "wrong": {"type": "object", "additionalProperties": False, "properties": {"it": WORDS, "en": WORDS}},
    },
}
ORGANISATION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "names"],
    "properties": {
        "id": SLUG,
        "names": {"type": "object", "additionalProperties": False, "properties": {"it": WORDS, "en": WORDS}},
        "acronyms": {
            "type": "object",
            "additionalProperties": False,
            "properties": {"it": WORDS, "en": WORDS},
        },
        "well_known": {"type": "boolean", "description": "the acronym needs no expansion in news copy"},
        "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
        "source": SOURCE_REF,
        "ref": {"type": "string"},
    },
}
SOURCE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title"],
    "anyOf": [{"required": ["url"]}, {"required": ["repo"]}],
    "properties": {
        "title": {"type": "string"},
        "url": {"type": "string"},
        "repo": {"type": "string"},
        "path": {"type": "string"},
        "commit": {"type": "string"},
        "licence": {"type": "string"},
        "date": DATE,
    },
}
KB_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "refuso knowledge-base file",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "description": {"type": "string"},
        "sources": {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z0-9][a-z0-9._-]*$"},
            "additionalProperties": SOURCE,
        },
        "countries": {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Z]{2}$"},
            "additionalProperties": COUNTRY,
        },
        "defaults": {
            "type": "object",
            "propertyNames": {"pattern": "^[a-z_]+$"},
            "additionalProperties": TITLES,
        },
        "offices": {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Za-z0-9_]+\\.[a-z0-9_]+$"},
            "additionalProperties": OFFICE,
        },
        "organisations": {"type": "array", "items": ORGANISATION},
        "descriptors": {
            "description": "words that describe a person without being an office title (il leader turco, "
            "il numero uno del Cremlino, the Kremlin chief): never judged as titles. Under `functions`, "
            "descriptors that name a function (capo della diplomazia: a foreign minister), accepted for the "
            "holders of the office categories listed",
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "it": WORDS,
                "en": WORDS,
                "functions": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["means"],
                        "properties": {
                            "means": {"type": "array", "items": {"type": "string", "pattern": "^[a-z_]+$"}},
                            "it": WORDS,
                            "en": WORDS,
                        },
                    },
                },
            },
        },
        "people": {"type": "array", "items": PERSON},
        "common_words": {
            "description": "ordinary words one letter away from a surname in the KB, which are not misspellings of it",
            "type": "object",
            "additionalProperties": False,
            "properties": {"it": WORDS, "en": WORDS},
        },
    },
}
