// An address in Nanhai: the town (镇街) as large tiles, then road, number and room typed.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

FieldEditor {
    id: editor
    required property var value
    required property var options
    readonly property string town: value && value.town ? value.town : ""
    readonly property string detail: value && value.detail ? value.detail : ""
    function focusEditor() { input.forceActiveFocus() }
    GridLayout {
        Layout.fillWidth: true
        columns: 3
        columnSpacing: 12
        rowSpacing: 12
        Repeater {
            model: editor.options
            delegate: KioskButton {
                required property var modelData
                objectName: "town_" + editor.fieldId + "_" + modelData.value
                Layout.fillWidth: true
                text: modelData.label
                checkedLook: editor.town === modelData.value
                onClicked: editor.form.setValue(editor.fieldId, { town: modelData.value, detail: editor.detail })
            }
        }
    }
    KioskLabel {
        Layout.fillWidth: true
        text: qsTr("Road, number and room")
    }
    KioskTextField {
        id: input
        objectName: "field_" + editor.fieldId + "_detail"
        Layout.fillWidth: true
        text: editor.detail
        onTextEdited: editor.form.setValue(editor.fieldId, { town: editor.town, detail: text })
        onActiveFocusChanged: if (!activeFocus) editor.form.leave(editor.fieldId)
    }
}
