// The technician's service mode (ServiceMode view-model): the PIN, a forced change of the
// shipped PIN, then the checks with status words and marks (never colour alone) and the
// actions. Bilingual throughout: a technician may read either language.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import Kiosk.ViewModels
import Kiosk.Controls

Item {
    id: screen
    objectName: "serviceModeScreen"
    // Both languages on purpose, whatever the visit's language: a technician reads either.
    readonly property bool bilingual: true
    required property Journey journey
    required property ServiceMode serviceMode

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 160
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { width: 24; policy: ScrollBar.AsNeeded }

        ColumnLayout {
            id: column
            x: 48
            y: 32
            width: screen.width - 96
            spacing: Appearance.gap

            KioskLabel {
                Layout.fillWidth: true
                text: "维护模式 · Service mode"
                font.pixelSize: Appearance.fontTitle
                font.bold: true
            }
            KioskLabel {
                objectName: "serviceMessage"
                Layout.fillWidth: true
                visible: text !== ""
                text: screen.serviceMode.message
                font.bold: true
            }
            // --- the PIN --------------------------------------------------------------
            KioskLabel {
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "pin"
                text: "请输入维护密码 · Enter the technician PIN"
            }
            KioskTextField {
                id: pin
                objectName: "servicePin"
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "pin"
                numeric: true
                echoMode: TextInput.Password
                onAccepted: { screen.serviceMode.enterPin(text); text = "" }
            }
            KioskButton {
                objectName: "servicePinEnter"
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "pin"
                primary: true
                text: "进入 · Enter"
                onClicked: { screen.serviceMode.enterPin(pin.text); pin.text = "" }
            }
            // --- the forced change ------------------------------------------------------
            KioskTextField {
                id: newPin
                objectName: "serviceNewPin"
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "change"
                numeric: true
                echoMode: TextInput.Password
                placeholderText: "新密码 · New PIN"
            }
            KioskTextField {
                id: repeatPin
                objectName: "serviceRepeatPin"
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "change"
                numeric: true
                echoMode: TextInput.Password
                placeholderText: "再输一次 · Again"
            }
            KioskButton {
                objectName: "serviceChangePin"
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "change"
                primary: true
                text: "保存新密码 · Save the new PIN"
                onClicked: { screen.serviceMode.changePin(newPin.text, repeatPin.text); newPin.text = ""; repeatPin.text = "" }
            }
            // --- the overview -------------------------------------------------------------
            BusyIndicator {
                visible: screen.serviceMode.busy
                running: visible
                Layout.alignment: Qt.AlignHCenter
            }
            Repeater {
                objectName: "serviceChecks"
                model: screen.serviceMode.stage === "overview" ? screen.serviceMode.checks : null
                delegate: Rectangle {
                    id: row
                    required property string name
                    required property string level
                    required property string mark
                    required property string detail
                    required property string advice
                    objectName: "check_" + name
                    Layout.fillWidth: true
                    implicitHeight: rowColumn.implicitHeight + 24
                    radius: 12
                    color: Appearance.surface
                    border.width: level === "ok" ? 2 : 6
                    border.color: level === "ok" ? Appearance.border : Appearance.text
                    ColumnLayout {
                        id: rowColumn
                        x: 16
                        y: 12
                        width: parent.width - 32
                        KioskLabel { Layout.fillWidth: true; text: row.mark + "   " + row.name; font.bold: true }
                        KioskLabel { Layout.fillWidth: true; text: row.detail; font.pixelSize: Appearance.fontSmall }
                        KioskLabel {
                            Layout.fillWidth: true
                            visible: row.advice !== ""
                            text: "→ " + row.advice
                            font.pixelSize: Appearance.fontSmall
                        }
                    }
                }
            }
            GridLayout {
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "overview"
                columns: 2
                columnSpacing: Appearance.gap
                rowSpacing: Appearance.gap
                KioskButton { objectName: "serviceRefresh"; Layout.fillWidth: true; text: "重新检查 · Check again"; onClicked: screen.serviceMode.refresh() }
                KioskButton { objectName: "serviceTestReceipt"; Layout.fillWidth: true; text: "测试回执 · Test receipt"; onClicked: screen.serviceMode.testReceipt() }
                KioskButton { objectName: "serviceRetryParked"; Layout.fillWidth: true; text: "重发被退回的申请 · Send parked again"; onClicked: screen.serviceMode.retryParked() }
                KioskButton { objectName: "serviceExport"; Layout.fillWidth: true; text: "导出报告 · Export report"; onClicked: screen.serviceMode.exportReport(reportDir.text) }
            }
            KioskTextField {
                id: reportDir
                objectName: "serviceReportDir"
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "overview"
                text: screen.serviceMode.reportDirectory
            }
            KioskButton {
                objectName: "serviceLeave"
                Layout.fillWidth: true
                text: "退出维护模式 · Leave the service mode"
                onClicked: screen.serviceMode.leave()
            }
        }
    }
}
