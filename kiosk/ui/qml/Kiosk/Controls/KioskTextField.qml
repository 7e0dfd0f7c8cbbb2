// Every text field of the terminal. Qt.ImhSensitiveData is always set: it is what keeps Qt's
// pinyin from learning (and later offering) what one applicant typed (see kiosk/keyboard.py).
// `numeric` gives the keyboard's digits layout.
import QtQuick
import QtQuick.Controls.Basic
import Kiosk.ViewModels

TextField {
    id: field
    property bool numeric: false
    inputMethodHints: Qt.ImhSensitiveData | (numeric ? Qt.ImhDigitsOnly : Qt.ImhNone)
    implicitHeight: Appearance.targetSize
    font.pixelSize: Appearance.fontBody
    color: Appearance.text
    placeholderTextColor: Appearance.muted
    leftPadding: 24
    rightPadding: 24
    background: Rectangle {
        radius: 12
        color: Appearance.surface
        border.width: field.activeFocus ? 6 : 3
        border.color: field.activeFocus ? Appearance.focus : Appearance.border
    }
}
