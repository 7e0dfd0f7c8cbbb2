// What a passer-by sees: the service in both languages, where they are, one big Start.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

Item {
    id: screen
    objectName: "attractScreen"
    required property Journey journey
    required property LanguageSwitch language
    required property string siteName
    required property string siteNameEn
    property string alternative: ""
    property int serviceHoldMs: 5000

    // Large text on a small panel can need more than one screen's height: then it scrolls
    // rather than falling off the bottom.
    Flickable {
        id: scroller
        anchors.fill: parent
        contentHeight: column.height + 96
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ColumnLayout {
            id: column
            x: 40
            y: 48
            width: scroller.width - 80
            height: Math.max(scroller.height - 96, implicitHeight)
            spacing: Appearance.gap

            // Spacers share what is left: under large text they shrink to nothing, never the content.
            Item { Layout.fillHeight: true; Layout.maximumHeight: 200 }
            // The title is bilingual whatever the language: a passer-by has not chosen yet.
            KioskLabel {
                objectName: "attractTitleZh"
                Layout.fillWidth: true
                text: "营业执照 自助办理"
                font.pixelSize: Appearance.fontTitle
                font.bold: true
                horizontalAlignment: Text.AlignHCenter
            }
            KioskLabel {
                objectName: "attractTitleEn"
                readonly property bool bilingual: true  // both languages on purpose
                Layout.fillWidth: true
                text: "Business Registration Self-Service"
                font.pixelSize: Appearance.fontHeading
                horizontalAlignment: Text.AlignHCenter
            }
            KioskLabel {
                objectName: "siteName"
                readonly property bool bilingual: true  // both languages on purpose
                Layout.fillWidth: true
                text: screen.siteName + "\n" + screen.siteNameEn
                color: Appearance.muted
                horizontalAlignment: Text.AlignHCenter
            }
            KioskLabel {
                objectName: "attractPitch"
                Layout.fillWidth: true
                text: qsTr("Register an individual business, a sole-proprietor enterprise or a limited company, and add the permits it needs.")
                horizontalAlignment: Text.AlignHCenter
            }
            Item { Layout.fillHeight: true; Layout.maximumHeight: 160 }
            // Out of service (kiosk/diagnostics/service_state.py): said in both languages with
            // where to go instead; the buttons below are then disabled.
            Rectangle {
                objectName: "outOfService"
                visible: screen.journey.outOfService
                Layout.fillWidth: true
                implicitHeight: visible ? serviceColumn.implicitHeight + 48 : 0
                radius: 16
                color: Appearance.surface
                border.width: 6
                border.color: Appearance.text
                ColumnLayout {
                    id: serviceColumn
                    x: 24
                    y: 24
                    width: parent.width - 48
                    KioskLabel {
                        readonly property bool bilingual: true  // both languages on purpose
                        Layout.fillWidth: true
                        text: "⚠ 暂停服务 · Temporarily out of service"
                        font.bold: true
                        font.pixelSize: Appearance.fontHeading
                    }
                    KioskLabel {
                        objectName: "outOfServiceText"
                        readonly property bool bilingual: true  // both languages on purpose
                        Layout.fillWidth: true
                        text: screen.journey.outOfServiceText + "\n" + screen.alternative
                    }
                }
            }
            // Start leads; "print my licence" (come back with the receipt) sits beside it, so
            // a returning citizen finds it without a second screen.
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: 900
                spacing: Appearance.gap
                KioskButton {
                    objectName: "startButton"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 3
                    Layout.preferredHeight: Appearance.targetSize * 1.6
                    primary: true
                    enabled: !screen.journey.outOfService
                    font.pixelSize: Appearance.fontTitle
                    text: qsTr("Start")
                    onClicked: screen.journey.start()
                }
                KioskButton {
                    objectName: "collectButton"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 2
                    Layout.preferredHeight: Appearance.targetSize * 1.6
                    enabled: !screen.journey.outOfService
                    text: qsTr("Print my licence")
                    onClicked: screen.journey.startCollect()
                }
            }
            KioskLabel {
                Layout.fillWidth: true
                text: qsTr("Touch Start to begin. Your information is cleared when you finish or walk away.")
                font.pixelSize: Appearance.fontSmall
                color: Appearance.muted
                horizontalAlignment: Text.AlignHCenter
            }
            Item { Layout.fillHeight: true; Layout.maximumHeight: 120 }
            GridLayout {
                id: toggles
                // One centred row while it fits, two under large text. A GridLayout (not a Flow)
                // tells the column its real height, so the spacers give way instead of the
                // buttons falling off the bottom of the screen.
                readonly property real oneRowWidth: languageToggle.implicitWidth + largeToggle.implicitWidth
                                                    + contrastToggle.implicitWidth + 2 * columnSpacing
                columns: oneRowWidth <= screen.width - 80 ? 3 : 2
                // Two equal columns rather than a ragged grid when it has to wrap.
                uniformCellWidths: columns === 2
                Layout.alignment: Qt.AlignHCenter
                columnSpacing: 16
                rowSpacing: 16
                KioskButton {
                    id: languageToggle
                    Layout.fillWidth: true
                    objectName: "languageButton"
                    text: screen.language.chinese ? "English" : "中文"
                    visible: screen.language.canSwitch
                    onClicked: screen.language.toggle()
                }
                KioskButton {
                    id: largeToggle
                    Layout.fillWidth: true
                    objectName: "largeTextButton"
                    text: qsTr("Large text")
                    checkedLook: Appearance.largeText
                    onClicked: Appearance.toggleLargeText()
                }
                KioskButton {
                    id: contrastToggle
                    Layout.fillWidth: true
                    objectName: "contrastButton"
                    text: qsTr("High contrast")
                    checkedLook: Appearance.highContrast
                    onClicked: Appearance.toggleHighContrast()
                }
            }
            Item { Layout.fillHeight: true; Layout.maximumHeight: 40 }
        }
    }

    // The technician's way in: the top-left corner held for five seconds, which nobody does by
    // accident (a tap or a swipe there does nothing). Then the PIN.
    MouseArea {
        objectName: "serviceCorner"
        x: 0
        y: 0
        width: 160
        height: 160
        pressAndHoldInterval: screen.serviceHoldMs
        onPressAndHold: screen.journey.showServiceMode()
    }
}
