// The end of the journey. This terminal has no way to submit yet (the store and sync come in
// a later release), and it says so in both languages instead of pretending to send anything.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

ColumnLayout {
    id: stage
    required property ApplicationForm form
    property var scopeFinder
    function focusField(fieldId) { }
    spacing: Appearance.gap

    KioskLabel {
        Layout.fillWidth: true
        text: qsTr("Your application is complete and checked.")
        font.pixelSize: Appearance.fontHeading
        font.bold: true
    }
    KioskLabel {
        objectName: "cannotSubmit"
        Layout.fillWidth: true
        visible: !stage.form.canSubmit
        text: stage.form.cannotSubmit
    }
    Item { Layout.fillHeight: true }
    KioskButton {
        objectName: "finishButton"
        Layout.fillWidth: true
        primary: true
        text: qsTr("Finish and clear my answers")
        onClicked: stage.form.finish()
    }
}
