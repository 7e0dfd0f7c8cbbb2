// A date without typing: year, month and day, each with large − and + buttons. It starts at
// today; whether the date is allowed is forms' rule, shown beside it like any other problem.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

FieldEditor {
    id: editor
    required property var value
    readonly property date shown: typeof value === "string" && value.length === 10
        ? new Date(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)))
        : new Date()
    function focusEditor() { parts.itemAt(0).forceActiveFocus() }
    function iso(d) {
        function two(n) { return (n < 10 ? "0" : "") + n }
        return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate())
    }
    function step(part, delta) {
        var d = new Date(editor.shown.getTime())
        if (part === 0) d.setFullYear(d.getFullYear() + delta)
        else if (part === 1) {
            var day = d.getDate()
            d.setDate(1)
            d.setMonth(d.getMonth() + delta)
            var last = new Date(d.getFullYear(), d.getMonth() + 1, 0).getDate()
            d.setDate(Math.min(day, last))
        } else d.setDate(d.getDate() + delta)
        editor.form.setValue(editor.fieldId, iso(d))
        editor.form.leave(editor.fieldId)
    }
    KioskLabel {
        objectName: "date_" + editor.fieldId
        Layout.fillWidth: true
        text: typeof editor.value === "string" && editor.value.length === 10
            ? qsTr("%1 year %2 month %3 day").arg(editor.shown.getFullYear())
                .arg(editor.shown.getMonth() + 1).arg(editor.shown.getDate())
            : qsTr("No date chosen yet: use the buttons below.")
        font.pixelSize: Appearance.fontHeading
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 16
        Repeater {
            id: parts
            model: [qsTr("Year"), qsTr("Month"), qsTr("Day")]
            delegate: ColumnLayout {
                id: part
                required property int index
                required property string modelData
                Layout.fillWidth: true
                KioskLabel { Layout.alignment: Qt.AlignHCenter; text: part.modelData }
                RowLayout {
                    Layout.fillWidth: true
                    KioskButton {
                        objectName: "date_" + editor.fieldId + "_minus_" + part.index
                        Layout.fillWidth: true
                        text: "−"
                        Accessible.name: qsTr("Earlier")
                        onClicked: editor.step(part.index, -1)
                    }
                    KioskButton {
                        objectName: "date_" + editor.fieldId + "_plus_" + part.index
                        Layout.fillWidth: true
                        text: "+"
                        Accessible.name: qsTr("Later")
                        onClicked: editor.step(part.index, 1)
                    }
                }
            }
        }
    }
}
