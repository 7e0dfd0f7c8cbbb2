// The idle warning: covers everything (the keyboard, which Python hides, too) and offers
// more time.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

Rectangle {
    id: overlay
    objectName: "idleOverlay"
    required property IdleCountdown idle
    color: Appearance.highContrast ? "#000000" : "#CC000000"

    MouseArea { anchors.fill: parent }  // a touch beside the buttons does nothing

    Rectangle {
        anchors.centerIn: parent
        width: parent.width - 120
        height: column.implicitHeight + 120
        radius: 24
        color: Appearance.surface
        border.color: Appearance.border
        border.width: 4
        ColumnLayout {
            id: column
            anchors.centerIn: parent
            width: parent.width - 120
            spacing: Appearance.gap * 1.5
            KioskLabel {
                Layout.fillWidth: true
                text: qsTr("Are you still there?")
                font.pixelSize: Appearance.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
            }
            KioskLabel {
                objectName: "idleSecondsLeft"
                Layout.fillWidth: true
                text: qsTr("This session ends in %1 seconds and what you entered will be cleared.").arg(overlay.idle.secondsLeft)
                horizontalAlignment: Text.AlignHCenter
            }
            KioskButton {
                objectName: "moreTimeButton"
                Layout.fillWidth: true
                primary: true
                text: qsTr("I need more time")
                onClicked: overlay.idle.moreTime()
            }
            KioskButton {
                objectName: "endNowButton"
                Layout.fillWidth: true
                text: qsTr("End now and clear")
                onClicked: overlay.idle.finishNow()
            }
        }
    }
}
