// "Find your business activity": type Chinese (pinyin keyboard) or pinyin initials; each
// catalogue entry says whether it needs a permit or a filing, and whether this terminal can
// add it. The need is never shown by colour alone: each row carries a worded tag.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import Kiosk.ViewModels
import Kiosk.Controls

Item {
    id: screen
    objectName: "scopeScreen"
    required property Journey journey
    required property ScopeFinder scopeFinder

    function needTag(need) {
        switch (need) {
        case "permit_here": return qsTr("Permit needed")
        case "permit_elsewhere": return qsTr("Permit needed")
        case "filing": return qsTr("Filing needed")
        default: return qsTr("No permit needed")
        }
    }
    function needText(need, title) {
        switch (need) {
        case "permit_here": return qsTr("Needs a permit before trading: %1. It can be added to your application at this terminal.").arg(title)
        case "permit_elsewhere": return qsTr("Before trading you need a permit from the responsible department; this terminal cannot add it.")
        case "filing": return qsTr("Needs a filing: %1. It can be added to your application at this terminal.").arg(title)
        default: return qsTr("The business licence is enough for this activity.")
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 64
        anchors.rightMargin: 64
        anchors.topMargin: 48
        spacing: Appearance.gap

        KioskLabel {
            objectName: "scopeHeading"
            Layout.fillWidth: true
            text: qsTr("Find your business activity")
            // A heading, not a title: under large text the results keep room for cards.
            font.pixelSize: Appearance.fontHeading
            font.bold: true
        }
        KioskLabel {
            objectName: "scopeHint"
            Layout.fillWidth: true
            // How to search, until the person searches: then the results need the room, and
            // "nothing found" repeats the advice when it is needed.
            visible: !screen.scopeFinder.searched
            text: qsTr("Type what your business will do, in Chinese or as pinyin initials (for example 餐饮 or cyfw).")
            color: Appearance.muted
        }
        KioskTextField {
            id: field
            objectName: "scopeField"
            Layout.fillWidth: true
            text: screen.scopeFinder.query
            placeholderText: qsTr("Business activity")
            // The pinyin still being typed (pre-edit) searches too: initials like "cyfw" are
            // what the catalogue is searched by (the decision is in ScopeFinder.typing).
            onTextChanged: screen.scopeFinder.typing(text, preeditText)
            onPreeditTextChanged: screen.scopeFinder.typing(text, preeditText)
        }
        KioskLabel {
            objectName: "scopeNothingFound"
            Layout.fillWidth: true
            visible: screen.scopeFinder.searched && results.count === 0
            text: qsTr("Nothing found. Try fewer words, or the first letters of the pinyin.")
        }
        KioskLabel {
            objectName: "scopeCapped"
            Layout.fillWidth: true
            visible: screen.scopeFinder.capped
            text: qsTr("Showing the first %1 matches only. Type more to narrow the search.").arg(screen.scopeFinder.limit)
            font.pixelSize: Appearance.fontSmall
            color: Appearance.muted
        }
        ListView {
            id: results
            objectName: "scopeResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 16
            boundsBehavior: Flickable.StopAtBounds
            model: screen.scopeFinder.results
            ScrollBar.vertical: ScrollBar { width: 24; policy: ScrollBar.AsNeeded }
            delegate: Rectangle {
                id: row
                objectName: "scopeResult"
                required property var modelData
                width: results.width - 32
                height: rowColumn.implicitHeight + 48
                radius: 12
                color: Appearance.surface
                border.color: Appearance.border
                border.width: 2
                ColumnLayout {
                    id: rowColumn
                    x: 24
                    y: 24
                    width: row.width - 48
                    spacing: 8
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 16
                        KioskLabel {
                            Layout.fillWidth: true
                            text: row.modelData.text
                            font.pixelSize: Appearance.fontHeading
                            font.bold: true
                        }
                        Rectangle {
                            Layout.alignment: Qt.AlignTop
                            implicitWidth: tag.implicitWidth + 32
                            implicitHeight: tag.implicitHeight + 16
                            radius: 8
                            color: row.modelData.need === "nothing" ? Appearance.surface : Appearance.accent
                            border.color: Appearance.border
                            border.width: 2
                            KioskLabel {
                                id: tag
                                anchors.centerIn: parent
                                wrapMode: Text.NoWrap
                                text: screen.needTag(row.modelData.need)
                                font.pixelSize: Appearance.fontSmall
                                color: row.modelData.need === "nothing" ? Appearance.text : Appearance.accentText
                            }
                        }
                    }
                    KioskLabel {
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: row.modelData.gloss
                        color: Appearance.muted
                    }
                    KioskLabel {
                        Layout.fillWidth: true
                        text: screen.needText(row.modelData.need, row.modelData.needTitle)
                        font.pixelSize: Appearance.fontSmall
                    }
                }
            }
        }
        KioskButton {
            objectName: "finishButton"
            Layout.fillWidth: true
            Layout.bottomMargin: 32
            // Compact (still >= 9 mm): the results need the height more than this button does.
            compact: true
            primary: true
            text: qsTr("Done, back to the start")
            onClicked: screen.journey.finish()
        }
    }
}
