// One answer from a few: large tiles, the chosen one ticked (✓ in its text, not colour alone).
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

FieldEditor {
    id: editor
    required property var value
    required property var options
    function focusEditor() { if (tiles.count > 0) tiles.itemAt(0).forceActiveFocus() }
    GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: 16
        rowSpacing: 16
        Repeater {
            id: tiles
            model: editor.options
            delegate: KioskButton {
                required property var modelData
                objectName: "option_" + editor.fieldId + "_" + modelData.value
                Layout.fillWidth: true
                text: modelData.label
                checkedLook: editor.value === modelData.value
                onClicked: {
                    editor.form.setValue(editor.fieldId, modelData.value)
                    editor.form.leave(editor.fieldId)
                }
            }
        }
    }
}
