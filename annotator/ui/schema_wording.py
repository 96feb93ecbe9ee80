"""A project's schema differences and wrongly typed values, in the researcher's language.

The core names each part (`core.schema.SchemaDifference`, `core.value_types.TypeDamage`);
the names of tables, columns and triggers stay as SQLite has them, since a specialist
will look for exactly those.
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.core.schema import Difference, ObjectKind, SchemaDifference
from annotator.core.value_types import TypeDamage
from annotator.ui.i18n import translate


def _kind(kind: ObjectKind) -> str:
    return {
        ObjectKind.TABLE: translate("SchemaWording", "table"),
        ObjectKind.FULL_TEXT_INDEX: translate("SchemaWording", "full-text index"),
        ObjectKind.INDEX: translate("SchemaWording", "index"),
        ObjectKind.TRIGGER: translate("SchemaWording", "trigger"),
        ObjectKind.VIEW: translate("SchemaWording", "view"),
    }[kind]


def describe_difference(difference: SchemaDifference) -> str:
    """E.g. 'trigger “x” (not written by Annotator)'."""
    what = translate("SchemaWording", "{kind} “{name}”").format(
        kind=_kind(difference.kind), name=difference.name
    )
    columns = [
        translate("SchemaWording", "column “{name}” missing").format(name=name)
        for name in difference.missing_columns
    ] + [
        translate("SchemaWording", "column “{name}” not written by Annotator").format(name=name)
        for name in difference.foreign_columns
    ]
    if columns:
        how = ", ".join(columns)
    else:
        how = {
            Difference.FOREIGN: translate("SchemaWording", "not written by Annotator"),
            Difference.MISSING: translate("SchemaWording", "missing"),
            Difference.CHANGED: translate("SchemaWording", "changed"),
        }[difference.difference]
    return translate("SchemaWording", "{what} ({how})").format(what=what, how=how)


def describe_damage(damage: TypeDamage) -> str:
    """E.g. 'documents.title: 1 row not text'."""
    if damage.rows == 1:  # English's two forms as two whole phrases
        phrase = translate("SchemaWording", "{table}.{column}: {rows} row not {type}")
    else:
        phrase = translate("SchemaWording", "{table}.{column}: {rows} rows not {type}")
    kind = {
        "text": translate("SchemaWording", "text"),
        "integer": translate("SchemaWording", "integer"),
        "real": translate("SchemaWording", "real number"),
        "blob": translate("SchemaWording", "bytes"),
    }.get(damage.expected, damage.expected)
    return phrase.format(table=damage.table, column=damage.column, rows=damage.rows, type=kind)


def listed(parts: Iterable[str], limit: int = 5) -> str:
    """The first few parts, and how many more."""
    parts = list(parts)
    text = "; ".join(parts[:limit])
    if len(parts) > limit:
        text += translate("SchemaWording", "; and {count} more").format(count=len(parts) - limit)
    return text
