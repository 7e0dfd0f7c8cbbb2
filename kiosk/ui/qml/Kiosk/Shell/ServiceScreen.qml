// What the chosen service will ask, read from its forms/ definition: the titles of its steps
// and the declarations the applicant will confirm. Information only, no form.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import Kiosk.ViewModels
import Kiosk.Controls

Item {
    id: screen
    objectName: "serviceScreen"
    required property Journey journey
    required property ServiceList serviceList
    readonly property var service: serviceList.chosen

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
                objectName: "serviceTitle"
                Layout.fillWidth: true
                text: screen.service.title || ""
                font.pixelSize: Appearance.fontTitle
                font.bold: true
            }
            KioskLabel {
                Layout.fillWidth: true
                text: screen.service.description || ""
                color: Appearance.muted
            }
            KioskLabel {
                objectName: "serviceForWhom"
                Layout.fillWidth: true
                visible: text !== ""
                text: screen.service.forWhom ? qsTr("Who it is for: %1").arg(screen.service.forWhom) : ""
            }
            KioskLabel {
                objectName: "serviceLiability"
                Layout.fillWidth: true
                visible: text !== ""
                text: screen.service.liability ? qsTr("Liability: %1").arg(screen.service.liability) : ""
            }
            KioskLabel {
                Layout.fillWidth: true
                Layout.topMargin: Appearance.gap
                visible: (screen.service.bring || []).length > 0
                text: qsTr("Bring with you:")
                font.pixelSize: Appearance.fontHeading
                font.bold: true
            }
            Repeater {
                objectName: "serviceBring"
                model: screen.service.bring || []
                delegate: KioskLabel {
                    required property string modelData
                    Layout.fillWidth: true
                    text: "• " + modelData
                }
            }
            KioskLabel {
                Layout.fillWidth: true
                Layout.topMargin: Appearance.gap
                text: qsTr("This service will ask you for:")
                font.pixelSize: Appearance.fontHeading
                font.bold: true
            }
            Repeater {
                objectName: "serviceSteps"
                model: screen.service.steps || []
                delegate: KioskLabel {
                    required property int index
                    required property string modelData
                    Layout.fillWidth: true
                    text: (index + 1) + ". " + modelData
                }
            }
            KioskLabel {
                Layout.fillWidth: true
                Layout.topMargin: Appearance.gap
                text: qsTr("Before submitting you will confirm:")
                font.pixelSize: Appearance.fontHeading
                font.bold: true
            }
            Repeater {
                model: screen.service.declarations || []
                delegate: KioskLabel {
                    required property string modelData
                    Layout.fillWidth: true
                    text: "• " + modelData
                    font.pixelSize: Appearance.fontSmall
                }
            }
            Item { Layout.preferredHeight: Appearance.gap }
            KioskButton {
                objectName: "startApplicationButton"
                Layout.fillWidth: true
                primary: true
                text: qsTr("Start my application")
                onClicked: screen.journey.showForm()
            }
            KioskButton {
                objectName: "scopeFinderButton"
                Layout.fillWidth: true
                text: qsTr("Find your business activity and the permits it needs")
                onClicked: screen.journey.showScopeFinder()
            }
            KioskButton {
                objectName: "finishButton"
                Layout.fillWidth: true
                text: qsTr("Done, back to the start")
                onClicked: screen.journey.finish()
            }
        }
    }
}
