// Resident ID numbers and credit codes: the digits layout plus a large X key, since the last
// character of an 18-character ID number may be X and the digits layout has no letters.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

FieldEditor {
    id: editor
    required property var value
    required property string kind
    function focusEditor() { input.forceActiveFocus() }
    RowLayout {
        Layout.fillWidth: true
        spacing: 16
        KioskTextField {
            id: input
            objectName: "field_" + editor.fieldId
            Layout.fillWidth: true
            numeric: editor.kind === "resident_id"
            text: editor.value === undefined || editor.value === null ? "" : String(editor.value)
            onTextEdited: editor.form.setValue(editor.fieldId, text)
            onActiveFocusChanged: if (!activeFocus && !xKey.down) editor.form.leave(editor.fieldId)
        }
        KioskButton {
            id: xKey
            objectName: "xKey_" + editor.fieldId
            visible: editor.kind === "resident_id"
            text: "X"
            onClicked: {
                input.insert(input.cursorPosition, "X")
                editor.form.setValue(editor.fieldId, input.text)
                input.forceActiveFocus()
            }
        }
    }
}
