// The permits the chosen scope calls for: one sentence each saying why, then Apply now or Not
// now. Nothing is assumed: each needs a choice before Next.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

ListView {
    id: list
    required property ApplicationForm form
    property var scopeFinder
    function focusField(fieldId) { positionViewAtBeginning() }
    model: form.offers
    spacing: Appearance.gap * 1.5
    clip: true
    header: KioskLabel {
        width: list.width
        bottomPadding: Appearance.gap
        text: qsTr("Your business activities need these permits. You can apply for them now, with this application, or later at the counter.")
    }
    delegate: ColumnLayout {
        id: offer
        required property string addonId
        required property string title
        required property string reason
        required property string decision
        width: list.width
        spacing: 12
        KioskLabel {
            Layout.fillWidth: true
            text: offer.title
            font.pixelSize: Appearance.fontHeading
            font.bold: true
        }
        KioskLabel { Layout.fillWidth: true; text: offer.reason }
        RowLayout {
            Layout.fillWidth: true
            spacing: 16
            KioskButton {
                objectName: "accept_" + offer.addonId
                Layout.fillWidth: true
                text: qsTr("Apply now")
                checkedLook: offer.decision === "accept"
                onClicked: list.form.decide(offer.addonId, true)
            }
            KioskButton {
                objectName: "decline_" + offer.addonId
                Layout.fillWidth: true
                text: qsTr("Not now")
                checkedLook: offer.decision === "decline"
                onClicked: list.form.decide(offer.addonId, false)
            }
        }
    }
}
