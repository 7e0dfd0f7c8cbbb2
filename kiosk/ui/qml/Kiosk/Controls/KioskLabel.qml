// Text in the terminal's colours and sizes; wraps instead of running off the screen.
import QtQuick
import Kiosk.ViewModels

Text {
    color: Appearance.text
    font.pixelSize: Appearance.fontBody
    wrapMode: Text.Wrap
    lineHeight: 1.15
}
