// One check in the service mode: its status mark and word (never colour alone: ✓ 正常 OK,
// ! 注意 WARNING, ✗ 故障 FAILURE, and a thicker border), what was found, what to do, and on a
// device's page the facts behind it. A row with a page says so (›) and opens it when tapped.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

Rectangle {
    id: row
    required property string name
    required property string level
    required property string mark
    required property string detail
    required property string advice
    property bool tappable: false
    property string extra: ""
    signal opened()

    implicitHeight: Math.max(rowColumn.implicitHeight + 24, tappable ? Appearance.targetSize : 0)
    radius: 12
    color: tap.pressed ? Appearance.border : Appearance.surface
    border.width: level === "ok" ? 2 : 6
    border.color: level === "ok" ? Appearance.border : Appearance.text

    ColumnLayout {
        id: rowColumn
        x: 16
        y: 12
        width: parent.width - 32 - (row.tappable ? 64 : 0)
        KioskLabel { Layout.fillWidth: true; text: row.mark + "   " + row.name; font.bold: true }
        KioskLabel { Layout.fillWidth: true; text: row.detail; font.pixelSize: Appearance.fontSmall }
        KioskLabel {
            Layout.fillWidth: true
            visible: row.advice !== ""
            text: "→ " + row.advice
            font.pixelSize: Appearance.fontSmall
        }
        KioskLabel {
            objectName: "checkFacts"
            Layout.fillWidth: true
            visible: row.extra !== ""
            text: row.extra
            font.pixelSize: Appearance.fontSmall
            font.family: "monospace"
        }
    }
    KioskLabel {
        visible: row.tappable
        anchors.right: parent.right
        anchors.rightMargin: 24
        anchors.verticalCenter: parent.verticalCenter
        text: "›"
        font.pixelSize: Appearance.fontTitle
        font.bold: true
    }
    TapHandler {
        id: tap
        enabled: row.tappable
        onTapped: row.opened()
    }
}
