// The questions of one step (or the applicant's own): one editor per field type from
// Kiosk.Editors, chosen by DelegateChooser on the field's type. The model changes one row at
// a time, so the editor being typed in is never rebuilt. A Repeater in a Flickable (not a
// ListView) keeps every editor alive and never scrolls by itself.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQml.Models
import Kiosk.ViewModels
import Kiosk.Editors

Flickable {
    id: list
    objectName: "fieldsList"
    required property ApplicationForm form
    property var scopeFinder
    contentHeight: column.implicitHeight
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar { width: 24; policy: ScrollBar.AsNeeded }

    function focusField(fieldId) {
        for (var i = 0; i < editors.count; ++i) {
            var item = editors.itemAt(i)
            if (item && item.fieldId === fieldId) {
                list.contentY = Math.max(0, Math.min(item.y, list.contentHeight - list.height))
                item.focusEditor()
                return
            }
        }
    }

    Column {
        id: column
        width: list.width - 32
        spacing: Appearance.gap * 1.5
        // The identify stage on a terminal with a card reader: the card first, typing second.
        Rectangle {
            objectName: "cardPrompt"
            visible: list.form.stageKind === "identify" && list.form.cardReader
            width: column.width
            height: visible ? cardColumn.implicitHeight + 48 : 0
            radius: 16
            color: Appearance.surface
            border.width: 3
            border.color: Appearance.border
            Column {
                id: cardColumn
                x: 24
                y: 24
                width: parent.width - 48
                spacing: Appearance.gap / 2
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    color: Appearance.text
                    font.pixelSize: Appearance.fontHeading
                    font.bold: true
                    text: qsTr("Place your ID card on the reader")
                }
                Text {
                    width: parent.width
                    wrapMode: Text.Wrap
                    color: Appearance.text
                    font.pixelSize: Appearance.fontBody
                    text: qsTr("Your name and ID number fill in by themselves; check them. Or type them below.")
                }
                Text {
                    objectName: "cardMessage"
                    visible: text !== ""
                    width: parent.width
                    wrapMode: Text.Wrap
                    color: Appearance.text
                    font.pixelSize: Appearance.fontBody
                    font.bold: true
                    text: list.form.cardMessage
                }
            }
        }
        Repeater {
            id: editors
            model: list.form.fields
            delegate: DelegateChooser {
                role: "kind"
                DelegateChoice { roleValue: "text"; TextEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "person_name"; TextEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "resident_id"; IdEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "credit_code"; IdEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "mobile"; DigitsEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "money"; DigitsEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "integer"; DigitsEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "area"; DigitsEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "date"; DateEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "choice"; ChoiceEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "multi_choice"; MultiChoiceEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "address"; AddressEditor { width: column.width; form: list.form } }
                DelegateChoice { roleValue: "persons"; PersonsEditor { width: column.width; form: list.form } }
            }
        }
    }
}
