// Shown after an unexpected error. Bilingual whatever the chosen language: the error may have
// come from anywhere, and the wording must not depend on any state that could be broken.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

Item {
    id: screen
    objectName: "apologyScreen"
    required property Journey journey
    // Both languages on purpose (tests/ui/screen_checks.py skips what is marked so).
    readonly property bool bilingual: true

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - 160
        spacing: Appearance.gap * 2
        KioskLabel {
            Layout.fillWidth: true
            text: "抱歉，终端出现了问题。"
            font.pixelSize: Appearance.fontTitle
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        KioskLabel {
            Layout.fillWidth: true
            text: "您输入的信息已全部清除，请重新开始。如需帮助，请联系服务台工作人员。"
            horizontalAlignment: Text.AlignHCenter
        }
        KioskLabel {
            Layout.fillWidth: true
            text: "Sorry, something went wrong."
            font.pixelSize: Appearance.fontHeading
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        KioskLabel {
            Layout.fillWidth: true
            text: "Everything you entered has been cleared. Please start again, or ask the staff at the service desk for help."
            horizontalAlignment: Text.AlignHCenter
        }
        KioskButton {
            objectName: "apologyOkButton"
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 600
            primary: true
            text: "好的 / OK"
            onClicked: screen.journey.apologyDone()
        }
    }
}
