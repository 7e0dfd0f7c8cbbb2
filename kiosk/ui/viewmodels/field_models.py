"""List models for the journey's screens that change one row at a time.

A rebuilt list makes QML destroy and recreate every delegate: the field being typed in loses
focus and the pinyin keyboard drops its half-typed syllables. These models keep rows and emit
dataChanged for the one row whose answer or problem changed, and insert/remove single rows when
an answer shows or hides another field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)

from kiosk.emit import emit, model_value

Index = QModelIndex | QPersistentModelIndex
FIELD_ROLES = ("fieldId", "kind", "label", "help", "value", "problem", "options", "required",
               "allowCompanies", "withContribution")
PERSON_ROLES = ("name", "idNumber", "kind", "contribution", "role", "problem")
PERSON_KEYS = {"name": "name", "idNumber": "id_number", "kind": "kind",
               "contribution": "contribution", "role": "role"}


class RowModel(QAbstractListModel):
    """Rows of dicts under fixed role names; `update_row` signals only the roles that changed."""

    role_names_: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._roles = {256 + i: name for i, name in enumerate(self.role_names_)}

    def roleNames(self) -> dict[int, QByteArray]:  # noqa: N802 (Qt API)
        return {k: QByteArray(v.encode()) for k, v in self._roles.items()}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return model_value(None)
        return model_value(self._rows[index.row()].get(self._roles.get(role, "")))

    def rows(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows]

    def update_row(self, row: int, values: dict[str, Any]) -> None:
        changed = [name for name, v in values.items() if self._rows[row].get(name) != v]
        if not changed:
            return
        self._rows[row].update(values)
        roles = [k for k, name in self._roles.items() if name in changed]
        index = self.index(row)
        emit(self.dataChanged, index, index, roles)

    def sync(self, wanted: list[dict[str, Any]], key: str | Callable[[dict], object]) -> None:
        """Make the rows equal `wanted` with the fewest single-row inserts, removes and updates.
        Rows are matched by `key`; their relative order never changes (definition order)."""
        keyf = key if callable(key) else (lambda r: r[key])
        wanted_keys = [keyf(r) for r in wanted]
        row = 0
        while row < len(self._rows):
            if keyf(self._rows[row]) not in wanted_keys:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
            else:
                row += 1
        for position, values in enumerate(wanted):
            if position < len(self._rows) and keyf(self._rows[position]) == wanted_keys[position]:
                self.update_row(position, values)
            else:
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, dict(values))
                self.endInsertRows()


class FieldListModel(RowModel):
    """The questions on the screen shown: one row per visible field."""

    role_names_ = FIELD_ROLES


class PersonListModel(RowModel):
    """The cards of one persons field (shareholders, family members, officers)."""

    role_names_ = PERSON_ROLES


class PlainListModel(RowModel):
    """Rows for the offer, declarations and review screens (role names given per instance)."""

    def __init__(self, roles: tuple[str, ...], parent: QObject | None = None) -> None:
        self.role_names_ = roles
        super().__init__(parent)
