// Text in the terminal's colours and sizes; wraps instead of running off the screen.
import QtQuick
import Kiosk.ViewModels

Text {
    color: Appearance.text
    font.pixelSize: Appearance.fontBody
    wrapMode: Text.Wrap
    // Noto Sans CJK's own line spacing is already 1.45 em, room enough for Hanzi and Latin.
    lineHeight: 1.0
}
