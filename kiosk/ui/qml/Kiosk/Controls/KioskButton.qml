// A touch target never smaller than Appearance.targetSize (30 mm on a 21.5" panel).
// State is never shown by colour alone: a toggled button also says so in its text ("✓").
import QtQuick
import QtQuick.Controls.Basic
import Kiosk.ViewModels

Button {
    id: control
    property bool primary: false
    property bool checkedLook: false
    implicitHeight: Math.max(Appearance.targetSize, contentItem.implicitHeight + 32)
    implicitWidth: Math.max(Appearance.targetSize * 2, contentItem.implicitWidth + 64)
    font.pixelSize: Appearance.fontButton
    focusPolicy: Qt.NoFocus

    contentItem: Text {
        text: (control.checkedLook ? "✓ " : "") + control.text
        font: control.font
        color: control.primary ? Appearance.accentText : Appearance.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }
    background: Rectangle {
        radius: 16
        color: control.primary ? Appearance.accent : Appearance.surface
        border.width: control.checkedLook ? 8 : 3
        border.color: control.checkedLook ? Appearance.focus : Appearance.border
        opacity: control.down ? 0.7 : 1.0
    }
}
