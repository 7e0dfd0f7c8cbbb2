// The terminal's keyboard style (selected by QT_VIRTUALKEYBOARD_STYLE=kiosk, found through the
// engine's import path kiosk/ui/qml: Qt looks for QtQuick/VirtualKeyboard/Styles/<name>/style.qml).
//
// Qt's built-in style scales everything from the keyboard's width: on a 1080-pixel-wide portrait
// layout its key labels came out 4.3 mm and its candidate bar 8.9 mm tall with 3.3 mm text, below
// the terminal's minimums. Here every size comes from Appearance, which derives them from the
// panel's diagonal: key and candidate text are at least Appearance.minFont, every key and the
// candidate bar at least Appearance.minTarget, and both follow large text and high contrast.
// Written for this project (not a copy of Qt's style); the key icons are Qt's own, loaded from
// the keyboard plugin's resources.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Styles
import Kiosk.ViewModels

KeyboardStyle {
    id: kiosk

    readonly property string icons: "qrc:/qt-project.org/imports/QtQuick/VirtualKeyboard/Styles/Builtin/default/images/"
    readonly property bool contrast: Appearance.highContrast
    // Dark keys with white labels in both modes, so Qt's white icons serve both; high contrast
    // adds a white outline to every key and a yellow pressed state (black on yellow).
    readonly property color boardColour: contrast ? "#000000" : "#3C3C3C"
    readonly property color keyColour: contrast ? "#000000" : "#1B1B1B"
    readonly property color keyPressedColour: contrast ? Appearance.accent : "#6A6A6A"
    readonly property color labelColour: "#FFFFFF"
    readonly property color labelPressedColour: contrast ? Appearance.accentText : "#FFFFFF"
    readonly property int keyFont: Math.max(Appearance.fontButton, Appearance.minFont)
    readonly property int candidateFont: Math.max(Appearance.fontBody, Appearance.minFont)
    // Four rows of keys: each row tall enough for its label and never below the minimum target.
    readonly property real rowHeight: Math.max(Appearance.minTarget * 1.3, keyFont * 2.2)
    readonly property real gap: 6

    keyboardDesignWidth: Appearance.designWidth
    keyboardDesignHeight: 4 * rowHeight + 2 * gap
    keyboardRelativeLeftMargin: gap / keyboardDesignWidth
    keyboardRelativeRightMargin: gap / keyboardDesignWidth
    keyboardRelativeTopMargin: gap / keyboardDesignHeight
    keyboardRelativeBottomMargin: gap / keyboardDesignHeight

    keyboardBackground: Rectangle { color: kiosk.boardColour }

    // One face for every key: a label, or one of Qt's icons when `icon` is set.
    component Face: KeyPanel {
        id: face
        property string label: control ? control.displayText : ""
        property string icon: ""
        property bool accent: false
        Rectangle {
            id: cap
            anchors.fill: parent
            anchors.margins: kiosk.gap
            radius: 8
            color: face.control && face.control.pressed ? kiosk.keyPressedColour
                 : face.accent && !kiosk.contrast ? "#0B57D0" : kiosk.keyColour
            border.color: kiosk.contrast ? "#FFFFFF" : "transparent"
            border.width: kiosk.contrast ? 3 : 0
            opacity: face.control && !face.control.enabled ? 0.4 : 1
            // A long label ("&123", "简体中文") shrinks to fit its key, never below minFont.
            TextMetrics {
                id: metrics
                font.pixelSize: kiosk.keyFont
                text: face.label
            }
            Text {
                anchors.fill: parent
                anchors.margins: 4
                visible: face.icon === ""
                font.pixelSize: Math.max(Appearance.minFont, Math.min(kiosk.keyFont,
                    Math.floor(kiosk.keyFont * (width - 4) / Math.max(1, metrics.advanceWidth))))
                text: face.label
                color: face.control && face.control.pressed ? kiosk.labelPressedColour : kiosk.labelColour
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
                font.capitalization: face.control && face.control.uppercased ? Font.AllUppercase : Font.MixedCase
            }
            // Fitted inside the key: Qt's enter arrow is wider than a key is under large text.
            Image {
                anchors.centerIn: parent
                width: Math.min(parent.width - 24, kiosk.keyFont * 3)
                height: Math.min(parent.height - 24, kiosk.keyFont * 1.1)
                fillMode: Image.PreserveAspectFit
                visible: face.icon !== ""
                source: face.icon === "" ? "" : kiosk.icons + face.icon
                sourceSize.height: kiosk.keyFont * 1.1
                smooth: true
            }
        }
    }

    keyPanel: Face {}
    backspaceKeyPanel: Face { icon: "backspace-fff.svg" }
    languageKeyPanel: Face { icon: "globe-fff.svg" }
    enterKeyPanel: Face { icon: "enter-fff.svg"; accent: true }
    hideKeyPanel: Face { icon: "hidekeyboard-fff.svg" }
    // Qt's icons tell shift and caps lock apart by colour only; here bars under the arrow say
    // it by shape too: one bar while shift is on, two for caps lock.
    shiftKeyPanel: Face {
        id: shiftFace
        icon: InputContext.capsLockActive ? "shift-c5d6b6.svg"
            : InputContext.shiftActive ? "shift-80c342.svg" : "shift-fff.svg"
        Column {
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: parent.bottom
            anchors.bottomMargin: kiosk.gap + 6
            spacing: 4
            Repeater {
                model: InputContext.capsLockActive ? 2 : InputContext.shiftActive ? 1 : 0
                Rectangle {
                    width: shiftFace.width * 0.4
                    height: 5
                    radius: 2
                    color: kiosk.labelColour
                }
            }
        }
    }
    // The space bar names the layout in its own language (拼音 / English): which keyboard is
    // showing is never told by colour or an icon alone. Short words, so they fit under large
    // text ("American English", Qt's own name for en_US, did not).
    spaceKeyPanel: Face { label: InputContext.locale.substring(0, 2) === "zh" ? "拼音" : "English" }
    symbolKeyPanel: Face {}
    modeKeyPanel: Face {}
    handwritingKeyPanel: Face { icon: "handwriting-fff.svg" }

    characterPreviewMargin: 0
    characterPreviewDelegate: Rectangle {
        property string text
        property string flickLeft
        property string flickTop
        property string flickRight
        property string flickBottom
        id: preview
        color: kiosk.contrast ? Appearance.accent : "#0B57D0"
        radius: 8
        Text {
            anchors.centerIn: parent
            text: preview.text
            color: kiosk.contrast ? Appearance.accentText : "#FFFFFF"
            font.pixelSize: kiosk.keyFont * 1.4
        }
    }

    alternateKeysListItemWidth: Math.max(Appearance.minTarget, kiosk.keyFont * 1.8)
    alternateKeysListItemHeight: kiosk.rowHeight
    alternateKeysListDelegate: Item {
        id: alternate
        required property string text
        width: kiosk.alternateKeysListItemWidth
        height: kiosk.alternateKeysListItemHeight
        Text {
            anchors.centerIn: parent
            text: alternate.text
            color: alternate.ListView.isCurrentItem && kiosk.contrast ? Appearance.accentText : "#FFFFFF"
            font.pixelSize: kiosk.keyFont
        }
    }
    alternateKeysListHighlight: Rectangle { color: kiosk.keyPressedColour; radius: 8 }
    alternateKeysListBackground: Rectangle {
        color: kiosk.keyColour
        border.color: "#FFFFFF"
        border.width: 3
        radius: 8
    }

    // The candidate bar: at least a minimum touch target tall; each candidate as wide as its
    // text plus padding, and never narrower than a target.
    selectionListHeight: Math.max(Appearance.minTarget, kiosk.candidateFont * 2)
    selectionListDelegate: SelectionListItem {
        id: candidate
        required property string display
        width: Math.max(Appearance.minTarget, candidateLabel.implicitWidth + 2 * kiosk.candidateFont)
        Text {
            id: candidateLabel
            objectName: "candidateLabel"
            anchors.centerIn: parent
            text: candidate.display
            color: Appearance.text
            font.pixelSize: kiosk.candidateFont
        }
        Rectangle {
            anchors.left: parent.left
            anchors.verticalCenter: parent.verticalCenter
            width: 2
            height: parent.height * 0.5
            color: Appearance.border
        }
    }
    selectionListHighlight: Rectangle {
        color: "transparent"
        border.color: Appearance.focus
        border.width: 4
    }
    selectionListBackground: Rectangle {
        color: Appearance.surface
        border.color: Appearance.border
        border.width: 2
    }

    navigationHighlight: Rectangle {
        color: "transparent"
        border.color: Appearance.focus
        border.width: 5
    }

    popupListDelegate: SelectionListItem {
        id: popupItem
        required property string display
        property real cursorAnchor: popupLabel.x + popupLabel.width
        width: popupLabel.implicitWidth + 2 * kiosk.candidateFont
        height: Math.max(Appearance.minTarget, kiosk.candidateFont * 2)
        Text {
            id: popupLabel
            anchors.centerIn: parent
            text: popupItem.display
            color: Appearance.text
            font.pixelSize: kiosk.candidateFont
        }
    }
    popupListBackground: Rectangle {
        color: Appearance.surface
        border.color: Appearance.border
        border.width: 2
    }
    popupListHighlight: Rectangle { color: "transparent"; border.color: Appearance.focus; border.width: 4 }

    languagePopupListEnabled: false
}
