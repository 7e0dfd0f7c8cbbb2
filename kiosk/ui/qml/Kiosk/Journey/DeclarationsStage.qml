// What the applicant confirms before signing: each statement as a large tick tile.
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
    model: form.declarations
    spacing: Appearance.gap
    clip: true
    header: KioskLabel {
        width: list.width
        bottomPadding: Appearance.gap
        text: qsTr("Read each statement and tap it to confirm.")
    }
    delegate: KioskButton {
        id: tile
        required property var model
        objectName: "declaration_" + model.declarationId
        width: list.width
        checkedLook: model.confirmed
        text: (model.confirmed ? "" : "☐ ") + model.text
        onClicked: list.form.tick(tile.model.declarationId, !tile.model.confirmed)
    }
}
