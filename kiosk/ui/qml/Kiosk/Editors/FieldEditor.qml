// The frame every editor shares: label, help, the editor itself, and forms' problem beside it.
// The problem is worded (never colour alone) and comes from Python in the visit's language.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

ColumnLayout {
    id: frame
    required property var form
    required property string fieldId
    required property string label
    required property string help
    required property string problem
    default property alias editor: slot.data
    spacing: 8

    KioskLabel {
        Layout.fillWidth: true
        text: frame.label
        font.pixelSize: Appearance.fontHeading
        font.bold: true
    }
    KioskLabel {
        Layout.fillWidth: true
        visible: frame.help.length > 0
        text: frame.help
        color: Appearance.muted
        font.pixelSize: Appearance.fontSmall
    }
    ColumnLayout {
        id: slot
        Layout.fillWidth: true
        spacing: 8
    }
    KioskLabel {
        objectName: "problem_" + frame.fieldId
        Layout.fillWidth: true
        visible: frame.problem.length > 0
        text: "✗ " + frame.problem
        font.bold: true
        color: Appearance.text
    }
}
