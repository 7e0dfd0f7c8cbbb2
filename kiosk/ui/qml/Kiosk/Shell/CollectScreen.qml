// Come back and print: the application number from the receipt (or scanned) and the last 6
// characters of the ID number; then the licence prints, or the screen says where it stands.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import Kiosk.ViewModels
import Kiosk.Controls

Item {
    id: screen
    objectName: "collectScreen"
    required property Journey journey
    required property Collect collect
    readonly property bool entering: collect.step === "enter"

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
                Layout.fillWidth: true
                text: screen.entering ? qsTr("Print my licence") : screen.collect.headline
                font.pixelSize: Appearance.fontTitle
                font.bold: true
                objectName: "collectHeadline"
            }
            KioskLabel {
                Layout.fillWidth: true
                visible: screen.entering
                text: screen.collect.scannerFitted
                      ? qsTr("Enter the application number printed on your receipt, or hold the receipt's code under the scanner.")
                      : qsTr("Enter the application number printed on your receipt.")
            }
            KioskLabel {
                Layout.fillWidth: true
                visible: screen.entering
                text: qsTr("Application number")
                font.bold: true
            }
            KioskTextField {
                id: numberField
                objectName: "collectNumber"
                Layout.fillWidth: true
                visible: screen.entering
                placeholderText: "9F1C-2B7E-4D0A"
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
                text: screen.collect.number
                onTextEdited: screen.collect.setNumber(text)
                onAccepted: tailField.forceActiveFocus()
            }
            KioskLabel {
                Layout.fillWidth: true
                visible: screen.entering
                text: screen.collect.cardReader
                      ? qsTr("Lay the applicant's ID card on the reader, or type the last 6 characters of its number")
                      : qsTr("Last 6 characters of the applicant's ID number")
                font.bold: true
            }
            KioskTextField {
                id: tailField
                objectName: "collectTail"
                Layout.fillWidth: true
                visible: screen.entering
                maximumLength: 6
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText
                text: screen.collect.tail
                onTextEdited: screen.collect.setTail(text)
                onAccepted: screen.collect.find()
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Appearance.gap
                BusyIndicator {
                    objectName: "collectBusy"
                    visible: screen.collect.busy
                    running: visible
                    Layout.preferredWidth: Appearance.targetSize
                    Layout.preferredHeight: Appearance.targetSize
                }
                KioskLabel {
                    objectName: "collectMessage"
                    Layout.fillWidth: true
                    visible: text !== ""
                    text: screen.collect.message
                    font.bold: screen.entering  // a problem to fix: bold, and it says what to do
                }
            }
            Repeater {
                model: screen.collect.reasons
                delegate: KioskLabel {
                    required property string modelData
                    Layout.fillWidth: true
                    text: "• " + modelData
                }
            }
            KioskButton {
                objectName: "collectFind"
                Layout.fillWidth: true
                visible: screen.entering
                primary: true
                text: qsTr("Find my application")
                onClicked: { Qt.inputMethod.hide(); screen.collect.find() }
            }
            RowLayout {
                Layout.fillWidth: true
                visible: screen.collect.step === "check"
                spacing: Appearance.gap
                KioskButton {
                    objectName: "collectCameOutRight"
                    Layout.fillWidth: true
                    primary: true
                    text: qsTr("Yes, it came out right")
                    onClicked: screen.collect.answer(true)
                }
                KioskButton {
                    objectName: "collectPrintAgain"
                    Layout.fillWidth: true
                    text: qsTr("No, print it again")
                    onClicked: screen.collect.answer(false)
                }
            }
            KioskButton {
                objectName: "collectFinish"
                Layout.fillWidth: true
                visible: !screen.entering && !screen.collect.busy && screen.collect.step !== "check"
                primary: true
                text: qsTr("Finish")
                onClicked: screen.journey.finish()
            }
        }
    }
}
