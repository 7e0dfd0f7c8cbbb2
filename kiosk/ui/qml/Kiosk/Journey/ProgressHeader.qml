// Where the citizen is and how much is left: "Step 3 of 9", the stage's title, and a bar of
// segments, the done ones filled and the current one marked (and numbered, not colour alone).
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

ColumnLayout {
    id: header
    required property ApplicationForm form
    spacing: 8
    KioskLabel {
        objectName: "progressText"
        Layout.fillWidth: true
        text: qsTr("Step %1 of %2").arg(header.form.position).arg(header.form.count)
              + (header.form.count > header.form.position
                 ? "  ·  " + qsTr("%n left", "", header.form.count - header.form.position) : "")
        color: Appearance.muted
        font.pixelSize: Appearance.fontSmall
    }
    KioskLabel {
        objectName: "stageTitle"
        Layout.fillWidth: true
        text: header.form.title
        font.pixelSize: Appearance.fontTitle
        font.bold: true
    }
    Row {
        Layout.fillWidth: true
        spacing: 6
        Repeater {
            model: header.form.count
            delegate: Rectangle {
                required property int index
                width: (header.width - 6 * (header.form.count - 1)) / Math.max(1, header.form.count)
                height: index === header.form.position - 1 ? 16 : 10
                anchors.verticalCenter: parent ? parent.verticalCenter : undefined
                radius: 4
                color: index < header.form.position ? Appearance.accent : Appearance.border
            }
        }
    }
}
