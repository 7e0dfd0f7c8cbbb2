// The end of the journey: Submit keeps the application on this terminal, sends it and prints
// the receipt (the Handover screen follows). A terminal whose counter is not open says so in
// both languages instead of pretending to send anything.
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
    KioskLabel {
        objectName: "submitHint"
        Layout.fillWidth: true
        visible: stage.form.canSubmit
        text: qsTr("Tap Submit to send your application. A receipt with your application number prints at once.")
    }
    Item { Layout.fillHeight: true }
    KioskButton {
        objectName: "submitButton"
        Layout.fillWidth: true
        visible: stage.form.canSubmit
        primary: true
        text: qsTr("Submit my application")
        onClicked: stage.form.submit()
    }
    KioskButton {
        objectName: "finishButton"
        Layout.fillWidth: true
        visible: !stage.form.canSubmit
        primary: true
        text: qsTr("Finish and clear my answers")
        onClicked: stage.form.finish()
    }
}
