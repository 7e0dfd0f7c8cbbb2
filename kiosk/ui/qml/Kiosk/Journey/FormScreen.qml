// The one journey screen: where you are and how much is left, the stage Python chose (its
// component named by ApplicationForm.component: Python owns the table), and Next with the
// reason it cannot go on. Back and Cancel are the top bar's; Cancel asks here once.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

Item {
    id: screen
    objectName: "formScreen"
    required property Journey journey
    required property ApplicationForm form
    required property ScopeFinder scopeFinder

    ColumnLayout {
        anchors.fill: parent
        anchors.leftMargin: 48
        anchors.rightMargin: 48
        anchors.topMargin: 24
        anchors.bottomMargin: 24
        spacing: Appearance.gap

        ProgressHeader {
            Layout.fillWidth: true
            form: screen.form
        }
        Loader {
            id: stage
            objectName: "stageLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            property string shownKey: ""
            function show() {
                if (screen.form.component === "" || shownKey === screen.form.stageKey)
                    return
                shownKey = screen.form.stageKey
                setSource(Qt.resolvedUrl(screen.form.component + ".qml"),
                          { form: screen.form, scopeFinder: screen.scopeFinder })
            }
            Component.onCompleted: show()
        }
        KioskLabel {
            objectName: "formMessage"
            Layout.fillWidth: true
            visible: screen.form.message.length > 0
            text: "✗ " + screen.form.message
            font.bold: true
        }
        KioskButton {
            objectName: "nextButton"
            Layout.fillWidth: true
            visible: screen.form.stageKind !== "confirm"
            primary: true
            text: screen.form.returning ? qsTr("Save and back to the check")
                  : screen.form.stageKind === "review" ? qsTr("Everything is right")
                  : qsTr("Next")
            onClicked: screen.form.next()
        }
    }
    Connections {
        target: screen.form
        function onChanged() { stage.show() }
        function onFocusProblem(fieldId) {
            if (stage.item && stage.item.focusField)
                stage.item.focusField(fieldId)
        }
    }

    // Cancel with answers to lose: asked once, then the visit is wiped.
    Rectangle {
        objectName: "cancelQuestion"
        anchors.fill: parent
        visible: screen.journey.cancelPending
        color: Appearance.background
        TapHandler {}
        ColumnLayout {
            anchors.centerIn: parent
            width: parent.width - 128
            spacing: Appearance.gap
            KioskLabel {
                Layout.fillWidth: true
                text: qsTr("Stop and clear everything you have entered?")
                font.pixelSize: Appearance.fontTitle
                font.bold: true
            }
            KioskLabel {
                Layout.fillWidth: true
                text: qsTr("Nothing has been sent. Your answers and signature will be deleted from this terminal.")
            }
            KioskButton {
                objectName: "confirmCancelButton"
                Layout.fillWidth: true
                text: qsTr("Yes, stop and clear")
                onClicked: screen.journey.cancel()
            }
            KioskButton {
                objectName: "keepGoingButton"
                Layout.fillWidth: true
                primary: true
                text: qsTr("No, keep my answers")
                onClicked: screen.journey.keepGoing()
            }
        }
    }
}
