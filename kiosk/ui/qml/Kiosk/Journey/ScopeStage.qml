// Business scope: search the catalogue in Chinese or by pinyin initials (the ScopeFinder the
// terminal already has), add entries, remove them. Which permits they call for is offered next.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic
import Kiosk.ViewModels
import Kiosk.Controls

Item {
    id: stage
    required property ApplicationForm form
    required property ScopeFinder scopeFinder
    property var chosen: form.chosenScope()
    readonly property var chosenIds: chosen.map(c => c.id)
    readonly property var fieldRow: form.fields.rowCount() > 0 ? form.fields : null
    function focusField(fieldId) { search.forceActiveFocus() }
    function toggle(id, on) {
        stage.form.chooseScope(id, on)
        stage.chosen = stage.form.chosenScope()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Appearance.gap
        KioskLabel {
            Layout.fillWidth: true
            text: qsTr("Chosen (%n)", "", stage.chosen.length)
            font.pixelSize: Appearance.fontHeading
            font.bold: true
        }
        Flow {
            objectName: "chosenScope"
            Layout.fillWidth: true
            spacing: 12
            Repeater {
                model: stage.chosen
                delegate: KioskButton {
                    required property var modelData
                    objectName: "chosen_" + modelData.id
                    text: modelData.text + "  ✕"
                    Accessible.name: qsTr("Remove %1").arg(modelData.text)
                    onClicked: stage.toggle(modelData.id, false)
                }
            }
        }
        Repeater {
            model: stage.form.fields
            delegate: KioskLabel {
                required property string problem
                Layout.fillWidth: true
                visible: problem.length > 0
                text: "✗ " + problem
                font.bold: true
            }
        }
        KioskTextField {
            id: search
            objectName: "scopeSearch"
            Layout.fillWidth: true
            text: stage.scopeFinder.query
            placeholderText: qsTr("Search: Chinese or pinyin initials, e.g. 餐饮 or cyfw")
            onTextChanged: stage.scopeFinder.search(text)
        }
        ListView {
            id: results
            objectName: "scopeResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 12
            model: stage.scopeFinder.results
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 24; policy: ScrollBar.AsNeeded }
            delegate: KioskButton {
                id: row
                required property var modelData
                objectName: "scopeItem_" + modelData.id
                width: results.width - 32
                readonly property bool picked: stage.chosenIds.indexOf(modelData.id) >= 0
                checkedLook: picked
                text: modelData.text + (modelData.gloss ? "\n" + modelData.gloss : "")
                      + (modelData.needTitle ? "\n" + qsTr("Needs: %1").arg(modelData.needTitle) : "")
                onClicked: stage.toggle(modelData.id, !picked)
            }
        }
    }
}
