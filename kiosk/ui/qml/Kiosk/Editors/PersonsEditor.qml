// Shareholders, family members, officers: one card each (add, edit, remove; role as tiles).
// The cards come from a model that changes one row at a time, so typing in one card never
// rebuilds the others, moves focus or drops half-typed pinyin.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

FieldEditor {
    id: editor
    required property var options
    required property bool allowCompanies
    required property bool withContribution
    readonly property var cards: form.persons(fieldId)
    function focusEditor() { addButton.forceActiveFocus() }
    Repeater {
        model: editor.cards
        delegate: Rectangle {
            id: card
            required property int index
            required property string name
            required property string idNumber
            required property string kind
            required property string contribution
            required property string role
            required property string problem
            Layout.fillWidth: true
            implicitHeight: cardColumn.implicitHeight + 48
            radius: 16
            color: Appearance.surface
            border.width: 3
            border.color: Appearance.border
            ColumnLayout {
                id: cardColumn
                x: 24
                y: 24
                width: card.width - 48
                spacing: 8
                RowLayout {
                    Layout.fillWidth: true
                    KioskLabel {
                        Layout.fillWidth: true
                        text: qsTr("Person %1").arg(card.index + 1)
                        font.bold: true
                    }
                    KioskButton {
                        objectName: "remove_" + editor.fieldId + "_" + card.index
                        text: qsTr("Remove")
                        onClicked: editor.form.removePerson(editor.fieldId, card.index)
                    }
                }
                RowLayout {
                    visible: editor.allowCompanies
                    Layout.fillWidth: true
                    KioskButton {
                        objectName: "kind_person_" + editor.fieldId + "_" + card.index
                        Layout.fillWidth: true
                        text: qsTr("A person")
                        checkedLook: card.kind === "person"
                        onClicked: editor.form.setPerson(editor.fieldId, card.index, "kind", "person")
                    }
                    KioskButton {
                        objectName: "kind_company_" + editor.fieldId + "_" + card.index
                        Layout.fillWidth: true
                        text: qsTr("A company")
                        checkedLook: card.kind === "company"
                        onClicked: editor.form.setPerson(editor.fieldId, card.index, "kind", "company")
                    }
                }
                KioskLabel { text: card.kind === "company" ? qsTr("Company name") : qsTr("Name") }
                KioskTextField {
                    objectName: "person_" + editor.fieldId + "_" + card.index + "_name"
                    Layout.fillWidth: true
                    text: card.name
                    onTextEdited: editor.form.setPerson(editor.fieldId, card.index, "name", text)
                }
                KioskLabel {
                    text: card.kind === "company" ? qsTr("Unified social credit code") : qsTr("ID number")
                }
                RowLayout {
                    Layout.fillWidth: true
                    KioskTextField {
                        id: idField
                        objectName: "person_" + editor.fieldId + "_" + card.index + "_idNumber"
                        Layout.fillWidth: true
                        numeric: card.kind === "person"
                        text: card.idNumber
                        onTextEdited: editor.form.setPerson(editor.fieldId, card.index, "idNumber", text)
                    }
                    KioskButton {
                        visible: card.kind === "person"
                        text: "X"
                        onClicked: {
                            idField.insert(idField.cursorPosition, "X")
                            editor.form.setPerson(editor.fieldId, card.index, "idNumber", idField.text)
                        }
                    }
                }
                KioskLabel { visible: editor.withContribution; text: qsTr("Subscribed contribution (yuan)") }
                KioskTextField {
                    objectName: "person_" + editor.fieldId + "_" + card.index + "_contribution"
                    visible: editor.withContribution
                    Layout.fillWidth: true
                    numeric: true
                    text: card.contribution
                    onTextEdited: editor.form.setPerson(editor.fieldId, card.index, "contribution", text)
                }
                GridLayout {
                    visible: editor.options.length > 0
                    Layout.fillWidth: true
                    columns: 3
                    Repeater {
                        model: editor.options
                        delegate: KioskButton {
                            required property var modelData
                            objectName: "role_" + editor.fieldId + "_" + card.index + "_" + modelData.value
                            Layout.fillWidth: true
                            text: modelData.label
                            checkedLook: card.role === modelData.value
                            onClicked: editor.form.setPerson(editor.fieldId, card.index, "role", modelData.value)
                        }
                    }
                }
                KioskLabel {
                    Layout.fillWidth: true
                    visible: card.problem.length > 0
                    text: "✗ " + card.problem
                    font.bold: true
                }
            }
        }
    }
    KioskButton {
        id: addButton
        objectName: "add_" + editor.fieldId
        Layout.fillWidth: true
        text: qsTr("Add a person")
        onClicked: editor.form.addPerson(editor.fieldId)
    }
}
