// On every screen of a visit: back and cancel-and-clear, then language, large text, contrast.
// The toggles flow onto a further row when large text (x1.3) would not fit 1080 design pixels.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

Rectangle {
    id: bar
    required property Journey journey
    required property LanguageSwitch language
    height: rows.implicitHeight + 2 * Appearance.gap
    color: Appearance.surface
    border.color: Appearance.border
    border.width: 2

    ColumnLayout {
        id: rows
        anchors.fill: parent
        anchors.margins: Appearance.gap
        spacing: 16
        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            KioskButton {
                objectName: "backButton"
                text: qsTr("Back")
                enabled: bar.journey.canGoBack
                opacity: enabled ? 1 : 0.4
                onClicked: bar.journey.back()
            }
            Item { Layout.fillWidth: true }
            KioskButton {
                objectName: "cancelButton"
                text: qsTr("Cancel and clear")
                onClicked: bar.journey.cancel()
            }
        }
        Flow {
            Layout.fillWidth: true
            spacing: 16
            KioskButton {
                objectName: "languageButton"
                // A language's name is always written in that language.
                text: bar.language.chinese ? "English" : "中文"
                visible: bar.language.canSwitch
                onClicked: bar.language.toggle()
            }
            KioskButton {
                objectName: "largeTextButton"
                text: qsTr("Large text")
                checkedLook: Appearance.largeText
                onClicked: Appearance.toggleLargeText()
            }
            KioskButton {
                objectName: "contrastButton"
                text: qsTr("High contrast")
                checkedLook: Appearance.highContrast
                onClicked: Appearance.toggleHighContrast()
            }
        }
    }
}
