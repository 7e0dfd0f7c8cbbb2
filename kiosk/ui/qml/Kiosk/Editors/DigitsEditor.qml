// Numbers (mobile, money in yuan, areas, counts): the keyboard's digits layout. Money and areas
// say their unit beside the field; what the number must be is forms' business, not QML's.
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
            numeric: true
            text: editor.value === undefined || editor.value === null ? "" : String(editor.value)
            onTextEdited: editor.form.setValue(editor.fieldId, text)
            onActiveFocusChanged: if (!activeFocus) editor.form.leave(editor.fieldId)
        }
        KioskLabel {
            visible: editor.kind === "money" || editor.kind === "area"
            text: editor.kind === "money" ? qsTr("yuan") : qsTr("m²")
            font.pixelSize: Appearance.fontBody
        }
    }
}
