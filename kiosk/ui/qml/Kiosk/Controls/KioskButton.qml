// A touch target never smaller than Appearance.targetSize (30 mm on a 21.5" panel); a
// `compact` one (the top bar's) is Appearance.compactTargetSize, still >= 9 mm.
// State is never shown by colour alone: a toggled button also says so in its text ("✓").
// Plain QtQuick rather than QtQuick.Controls: the attract screen then needs no Controls
// style at start-up (about 10 ms of the time to the first frame, bench/startup.py).
import QtQuick
import Kiosk.ViewModels

Rectangle {
    id: control
    property string text
    property bool primary: false
    property bool checkedLook: false
    property bool compact: false
    property alias font: label.font
    property int padding: compact ? 16 : 32
    property Item contentItem: label
    readonly property bool down: tap.pressed
    signal clicked()

    readonly property real minimumSide: compact ? Appearance.compactTargetSize : Appearance.targetSize
    implicitHeight: Math.max(minimumSide, contentItem.implicitHeight + 2 * padding)
    implicitWidth: Math.max(minimumSide * (compact ? 1.5 : 2), contentItem.implicitWidth + 2 * padding)
    radius: 16
    color: primary ? Appearance.accent : Appearance.surface
    border.width: checkedLook ? 8 : 3
    border.color: checkedLook ? Appearance.focus : Appearance.border
    opacity: !enabled ? 0.4 : (down ? 0.7 : 1.0)
    font.pixelSize: compact ? Appearance.fontBody : Appearance.fontButton

    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.onPressAction: control.clicked()

    Text {
        id: label
        visible: control.contentItem === label
        anchors.fill: parent
        anchors.margins: control.padding / 2
        text: (control.checkedLook ? "✓ " : "") + control.text
        color: control.primary ? Appearance.accentText : Appearance.text
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.Wrap
    }
    onContentItemChanged: if (contentItem !== label) {
        contentItem.parent = control
        contentItem.x = Qt.binding(() => control.padding)
        contentItem.y = Qt.binding(() => control.padding)
        contentItem.width = Qt.binding(() => control.width - 2 * control.padding)
    }
    TapHandler {
        id: tap
        gesturePolicy: TapHandler.ReleaseWithinBounds
        onTapped: control.clicked()
    }
}
