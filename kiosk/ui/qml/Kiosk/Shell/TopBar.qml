// On every screen of a visit: back and cancel-and-clear, with language, large text and contrast
// between them — one slim row of compact buttons (>= 9 mm) while it fits, so a screen keeps
// its room (a journey's progress header sits below this bar). When large text or a long
// language would not fit one row, the three toggles move to a second row.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

Rectangle {
    id: bar
    required property Journey journey
    required property LanguageSwitch language
    readonly property real spacing: 12
    // Measured from the labels, not from the buttons, which move between the rows.
    readonly property real togglesWidth: (bar.language.canSwitch ? buttonWidth(languageLabel) + spacing : 0)
                                         + buttonWidth(largeLabel) + spacing + buttonWidth(contrastLabel)
    function buttonWidth(metrics: TextMetrics): real {
        return Math.max(Appearance.compactTargetSize * 1.5, Math.ceil(metrics.advanceWidth) + 2 * 16 + 16)
    }
    TextMetrics { id: languageLabel; font.pixelSize: Appearance.fontBody; text: languageToggle.text }
    TextMetrics { id: largeLabel; font.pixelSize: Appearance.fontBody; text: "✓ " + largeToggle.text }
    TextMetrics { id: contrastLabel; font.pixelSize: Appearance.fontBody; text: "✓ " + contrastToggle.text }
    readonly property bool oneRow: back.implicitWidth + togglesWidth + cancel.implicitWidth
                                   + 3 * spacing <= width - 2 * rows.anchors.margins
    height: rows.implicitHeight + 2 * rows.anchors.margins
    color: Appearance.surface
    border.color: Appearance.border
    border.width: 2

    ColumnLayout {
        id: rows
        anchors.fill: parent
        anchors.margins: 16
        spacing: bar.spacing
        RowLayout {
            Layout.fillWidth: true
            spacing: bar.spacing
            KioskButton {
                id: back
                objectName: "backButton"
                compact: true
                text: qsTr("Back")
                enabled: bar.journey.canGoBack
                opacity: enabled ? 1 : 0.4
                onClicked: bar.journey.back()
            }
            Item {
                id: firstRowSlot
                visible: bar.oneRow
                implicitWidth: bar.togglesWidth
                implicitHeight: toggles.height
            }
            Item { Layout.fillWidth: true }
            KioskButton {
                id: cancel
                objectName: "cancelButton"
                compact: true
                // Once submitted there is nothing to cancel: the done screen has its own Finish.
                visible: bar.journey.screen !== "handover"
                text: qsTr("Cancel and clear")
                onClicked: bar.journey.cancel()
            }
        }
        Item {
            id: secondRowSlot
            visible: !bar.oneRow
            Layout.fillWidth: true
            implicitHeight: toggles.height
        }
    }

    // A Flow, so that under large text on a small panel the toggles wrap instead of running off.
    Flow {
        id: toggles
        parent: bar.oneRow ? firstRowSlot : secondRowSlot
        width: bar.oneRow ? bar.togglesWidth : secondRowSlot.width
        spacing: bar.spacing
        KioskButton {
            id: languageToggle
            objectName: "languageButton"
            compact: true
            // A language's name is always written in that language.
            text: bar.language.chinese ? "English" : "中文"
            visible: bar.language.canSwitch
            onClicked: bar.language.toggle()
        }
        KioskButton {
            id: largeToggle
            objectName: "largeTextButton"
            compact: true
            text: qsTr("Large text")
            checkedLook: Appearance.largeText
            onClicked: Appearance.toggleLargeText()
        }
        KioskButton {
            id: contrastToggle
            objectName: "contrastButton"
            compact: true
            text: qsTr("High contrast")
            checkedLook: Appearance.highContrast
            onClicked: Appearance.toggleHighContrast()
        }
    }
}
