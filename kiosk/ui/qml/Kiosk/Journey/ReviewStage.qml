// Every answer that will be sent, as the citizen chose it, each with Change (to its step, then
// straight back here).
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import Kiosk.ViewModels
import Kiosk.Controls

ListView {
    id: list
    objectName: "reviewList"
    required property ApplicationForm form
    property var scopeFinder
    function focusField(fieldId) { }
    model: form.review
    spacing: Appearance.gap
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar { width: 24; policy: ScrollBar.AsNeeded }
    section.property: "section"
    section.delegate: KioskLabel {
        required property string section
        width: list.width
        topPadding: Appearance.gap
        text: section
        font.pixelSize: Appearance.fontHeading
        font.bold: true
    }
    delegate: RowLayout {
        id: row
        required property string path
        required property string label
        required property string shown
        width: list.width - 32
        spacing: 16
        ColumnLayout {
            Layout.fillWidth: true
            KioskLabel {
                Layout.fillWidth: true
                text: row.label
                color: Appearance.muted
                font.pixelSize: Appearance.fontSmall
            }
            KioskLabel { Layout.fillWidth: true; text: row.shown }
        }
        KioskButton {
            objectName: "edit_" + row.path
            text: qsTr("Change")
            onClicked: list.form.edit(row.path)
        }
    }
}
