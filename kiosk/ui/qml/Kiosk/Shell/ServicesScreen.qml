// "Choose a service": the services forms/ defines, in their configured order.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import Kiosk.ViewModels
import Kiosk.Controls

Item {
    id: screen
    objectName: "servicesScreen"
    required property Journey journey
    required property ServiceList serviceList

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 160
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar { width: 24; policy: ScrollBar.AsNeeded }

        ColumnLayout {
            id: column
            x: 64
            y: 48
            width: screen.width - 128
            spacing: Appearance.gap

            KioskLabel {
                objectName: "servicesHeading"
                Layout.fillWidth: true
                text: qsTr("Choose a service")
                font.pixelSize: Appearance.fontTitle
                font.bold: true
            }
            KioskLabel {
                Layout.fillWidth: true
                text: qsTr("Touch the kind of business you want to register to see what it will ask.")
                color: Appearance.muted
            }
            Repeater {
                model: screen.serviceList.services
                delegate: KioskButton {
                    id: card
                    required property var modelData
                    objectName: "service_" + modelData.id
                    Layout.fillWidth: true
                    text: modelData.title
                    onClicked: {
                        screen.serviceList.choose(modelData.id)
                        screen.journey.showService()
                    }
                    contentItem: ColumnLayout {
                        spacing: 8
                        KioskLabel {
                            Layout.fillWidth: true
                            text: card.modelData.title
                            font.pixelSize: Appearance.fontHeading
                            font.bold: true
                        }
                        KioskLabel {
                            Layout.fillWidth: true
                            text: card.modelData.description
                            color: Appearance.muted
                        }
                    }
                    padding: 32
                }
            }
            Item { Layout.preferredHeight: Appearance.gap }
            KioskButton {
                objectName: "scopeFinderButton"
                Layout.fillWidth: true
                text: qsTr("Find your business activity and the permits it needs")
                onClicked: screen.journey.showScopeFinder()
            }
        }
    }
}
