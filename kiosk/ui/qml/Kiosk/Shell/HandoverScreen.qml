// After Submit: the application number (what the citizen keeps), what the terminal is doing
// now, and — when the printer cannot confirm a print — the question "did it come out right?".
// Every word comes from the Handover view-model, in the session's language; the busy
// indicator moves while the terminal works, so nobody walks away from a printing licence.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import Kiosk.ViewModels
import Kiosk.Controls

Item {
    id: screen
    objectName: "handoverScreen"
    required property Journey journey
    required property Handover handover

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 160
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { width: 24; policy: ScrollBar.AsNeeded }

        ColumnLayout {
            id: column
            x: 64
            y: 48
            width: screen.width - 128
            spacing: Appearance.gap

            KioskLabel {
                objectName: "handoverHeadline"
                Layout.fillWidth: true
                text: screen.handover.headline
                font.pixelSize: Appearance.fontTitle
                font.bold: true
            }
            Rectangle {
                Layout.fillWidth: true
                visible: screen.handover.number !== ""
                implicitHeight: numberColumn.implicitHeight + 48
                radius: 16
                color: Appearance.surface
                border.width: 3
                border.color: Appearance.border
                ColumnLayout {
                    id: numberColumn
                    anchors.centerIn: parent
                    width: parent.width - 48
                    KioskLabel {
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("Application number")
                        color: Appearance.muted
                    }
                    KioskLabel {
                        objectName: "handoverNumber"
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: screen.handover.number
                        font.pixelSize: Appearance.fontTitle
                        font.bold: true
                        font.letterSpacing: 4
                    }
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Appearance.gap
                BusyIndicator {
                    objectName: "handoverBusy"
                    visible: screen.handover.busy
                    running: visible
                    Layout.preferredWidth: Appearance.targetSize
                    Layout.preferredHeight: Appearance.targetSize
                }
                KioskLabel {
                    objectName: "handoverDetail"
                    Layout.fillWidth: true
                    text: screen.handover.detail
                }
            }
            Repeater {
                objectName: "handoverReasons"
                model: screen.handover.reasons
                delegate: KioskLabel {
                    required property string modelData
                    Layout.fillWidth: true
                    text: "• " + modelData
                }
            }
            RowLayout {
                Layout.fillWidth: true
                visible: screen.handover.asking
                spacing: Appearance.gap
                KioskButton {
                    objectName: "cameOutRight"
                    Layout.fillWidth: true
                    primary: true
                    text: qsTr("Yes, it came out right")
                    onClicked: screen.handover.answer(true)
                }
                KioskButton {
                    objectName: "printAgain"
                    Layout.fillWidth: true
                    text: qsTr("No, print it again")
                    onClicked: screen.handover.answer(false)
                }
            }
            Item { Layout.preferredHeight: Appearance.gap }
            KioskButton {
                objectName: "handoverFinish"
                Layout.fillWidth: true
                visible: !screen.handover.busy && !screen.handover.asking
                primary: true
                text: qsTr("Finish")
                onClicked: screen.journey.finish()
            }
        }
    }
}
