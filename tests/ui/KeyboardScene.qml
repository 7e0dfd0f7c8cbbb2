// Test-only scene: Kiosk.Controls fields inside a KeyboardStage, one near the bottom edge
// (where the keyboard opens) and numeric.
import QtQuick
import Kiosk.Controls

Item {
    width: 1080
    height: 1920
    KeyboardStage {
        objectName: "testStage"
        anchors.fill: parent
        KioskTextField { objectName: "topField"; y: 100; width: 600 }
        KioskTextField { objectName: "pinField"; numeric: true; y: 1700; width: 600 }
    }
}
