// Free text (names, the business name): the full keyboard, pinyin in the Chinese UI.
// KioskTextField always sets Qt.ImhSensitiveData so pinyin learns nothing from one applicant.
import QtQuick
import QtQuick.Layouts
import Kiosk.Controls

FieldEditor {
    id: editor
    required property var value
    function focusEditor() { input.forceActiveFocus() }
    KioskTextField {
        id: input
        objectName: "field_" + editor.fieldId
        Layout.fillWidth: true
        text: editor.value === undefined || editor.value === null ? "" : String(editor.value)
        onTextEdited: editor.form.setValue(editor.fieldId, text)
        onActiveFocusChanged: if (!activeFocus) editor.form.leave(editor.fieldId)
    }
}
