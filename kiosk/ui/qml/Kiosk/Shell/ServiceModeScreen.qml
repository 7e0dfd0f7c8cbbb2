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

    // The title and the last action's result stay in view whatever is scrolled below: an
    // action's button is often at the bottom, its answer must not be out of sight at the top.
    ColumnLayout {
        id: header
        x: 48
        y: 24
        width: screen.width - 96
        spacing: Appearance.gap / 2
        KioskLabel {
            Layout.fillWidth: true
            text: "维护模式 · Service mode"
            font.pixelSize: Appearance.fontTitle
            font.bold: true
        }
        Rectangle {
            Layout.fillWidth: true
            visible: screen.serviceMode.message !== ""
            implicitHeight: message.implicitHeight + 24
            radius: 12
            color: Appearance.surface
            border.width: 4
            border.color: Appearance.text
            KioskLabel {
                id: message
                objectName: "serviceMessage"
                x: 16
                y: 12
                width: parent.width - 32
                text: screen.serviceMode.message
                font.bold: true
                font.pixelSize: Appearance.fontSmall
            }
        }
    }

    Flickable {
        anchors.top: header.bottom
        anchors.topMargin: Appearance.gap / 2
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        contentHeight: column.implicitHeight + 160
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { width: 24; policy: ScrollBar.AsNeeded }

        ColumnLayout {
            id: column
            x: 48
            y: 8
            width: screen.width - 96
            spacing: Appearance.gap

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
                objectName: "serviceBusy"
                visible: screen.serviceMode.busy
                running: visible
                Layout.alignment: Qt.AlignHCenter
            }
            KioskLabel {
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "overview"
                text: "点有 › 的一行查看该设备 · Tap a row with › for that device's page"
                font.pixelSize: Appearance.fontSmall
            }
            Repeater {
                objectName: "serviceChecks"
                model: screen.serviceMode.stage === "overview" ? screen.serviceMode.checks : null
                delegate: CheckRow {
                    required property bool hasPage
                    objectName: "check_" + name
                    Layout.fillWidth: true
                    tappable: hasPage
                    onOpened: screen.serviceMode.openPage(name)
                }
            }
            GridLayout {
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "overview"
                columns: 2
                columnSpacing: Appearance.gap
                rowSpacing: Appearance.gap
                KioskButton { objectName: "serviceRefresh"; Layout.fillWidth: true; text: "重新检查 · Check again"; onClicked: screen.serviceMode.refresh() }
                KioskButton { objectName: "serviceExport"; Layout.fillWidth: true; text: "导出报告 · Export report"; onClicked: screen.serviceMode.exportReport(reportDir.text) }
                KioskButton { objectName: "serviceReload"; Layout.fillWidth: true; text: "重新载入配置 · Reload configuration"; onClicked: screen.serviceMode.reloadConfiguration() }
                KioskButton { objectName: "serviceRestart"; Layout.fillWidth: true; text: "重启终端程序 · Restart the application"; onClicked: screen.serviceMode.restartApplication() }
            }
            KioskLabel {
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "overview"
                text: "报告写到（如 U 盘目录）· Write the report to (a USB stick's folder, say):"
                font.pixelSize: Appearance.fontSmall
            }
            KioskTextField {
                id: reportDir
                objectName: "serviceReportDir"
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "overview"
                text: screen.serviceMode.reportDirectory
            }
            // --- a device's page --------------------------------------------------------------
            KioskButton {
                objectName: "servicePageBack"
                visible: screen.serviceMode.stage === "device"
                text: "‹ 返回总览 · Back to the overview"
                onClicked: screen.serviceMode.closePage()
            }
            KioskLabel {
                objectName: "servicePageTitle"
                Layout.fillWidth: true
                visible: screen.serviceMode.stage === "device"
                text: screen.serviceMode.pageTitle
                font.pixelSize: Appearance.fontTitle
                font.bold: true
            }
            Repeater {
                objectName: "servicePageRows"
                model: screen.serviceMode.stage === "device" ? screen.serviceMode.pageRows : null
                delegate: CheckRow {
                    required property string facts
                    objectName: "pageRow_" + name
                    Layout.fillWidth: true
                    extra: facts
                }
            }
            Repeater {
                objectName: "servicePageActions"
                model: screen.serviceMode.stage === "device" ? screen.serviceMode.pageActions : null
                delegate: KioskButton {
                    required property string action
                    required property string label
                    objectName: "serviceAction_" + action
                    Layout.fillWidth: true
                    enabled: !screen.serviceMode.busy
                    text: label
                    onClicked: screen.serviceMode.act(action)
                }
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
