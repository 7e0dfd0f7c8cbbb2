// Several answers from a list: tiles that toggle, each ticked one saying so with ✓.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

FieldEditor {
    id: editor
    required property var value
    required property var options
    readonly property var chosen: value && value.length !== undefined && typeof value !== "string" ? Array.prototype.slice.call(value) : []
    function focusEditor() { if (tiles.count > 0) tiles.itemAt(0).forceActiveFocus() }
    function toggled(v) {
        var out = editor.chosen.filter(x => x !== v)
        if (out.length === editor.chosen.length)
            out = editor.options.map(o => o.value).filter(x => x === v || editor.chosen.indexOf(x) >= 0)
        return out
    }
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
                checkedLook: editor.chosen.indexOf(modelData.value) >= 0
                onClicked: {
                    editor.form.setValue(editor.fieldId, editor.toggled(modelData.value))
                    editor.form.leave(editor.fieldId)
                }
            }
        }
    }
}
