// The signer writes with a finger. Every point goes to Python as a vector in the pad's unit
// square (not a screenshot); whether it is a signature is Python's rule, shown on Next.
import QtQuick
import QtQuick.Layouts
import Kiosk.ViewModels
import Kiosk.Controls

ColumnLayout {
    id: stage
    required property ApplicationForm form
    property var scopeFinder
    property var strokes: form.strokes()
    function focusField(fieldId) { }
    spacing: Appearance.gap

    KioskLabel {
        Layout.fillWidth: true
        text: qsTr("Sign your full name with your finger inside the box. By signing you confirm the statements you ticked.")
    }
    Rectangle {
        id: pad
        objectName: "signaturePad"
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.minimumHeight: Appearance.targetSize * 3
        color: Appearance.surface
        border.width: 3
        border.color: Appearance.border
        radius: 16

        Canvas {
            id: ink
            anchors.fill: parent
            onPaint: {
                var ctx = getContext("2d")
                ctx.clearRect(0, 0, width, height)
                ctx.strokeStyle = Appearance.text
                ctx.lineWidth = 6
                ctx.lineCap = "round"
                ctx.lineJoin = "round"
                for (var s = 0; s < stage.strokes.length; ++s) {
                    var points = stage.strokes[s]
                    ctx.beginPath()
                    for (var p = 0; p < points.length; ++p) {
                        var x = points[p][0] * width, y = points[p][1] * height
                        if (p === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y)
                    }
                    ctx.stroke()
                }
            }
        }
        MouseArea {
            anchors.fill: parent
            preventStealing: true
            function add(mouse, first) {
                stage.form.stroke(mouse.x / width, mouse.y / height, first)
                var all = stage.strokes
                if (first || all.length === 0) all.push([])
                all[all.length - 1].push([mouse.x / width, mouse.y / height])
                stage.strokes = all
                ink.requestPaint()
            }
            onPressed: mouse => add(mouse, true)
            onPositionChanged: mouse => add(mouse, false)
        }
    }
    KioskButton {
        objectName: "clearSignature"
        Layout.fillWidth: true
        text: qsTr("Clear and sign again")
        onClicked: {
            stage.form.clearSignature()
            stage.strokes = []
            ink.requestPaint()
        }
    }
}
