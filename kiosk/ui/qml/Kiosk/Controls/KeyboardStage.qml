// Holds the screen's content and the one embedded InputPanel. When the keyboard would cover
// the focused field the content slides up by exactly the overlap (plus a margin), so the
// field an applicant is typing into stays in sight.
import QtQuick
import QtQuick.VirtualKeyboard

Item {
    id: stage
    default property alias content: area.data
    readonly property alias inputPanel: panel
    readonly property int margin: 24
    property Item focusItem: stage.Window.activeFocusItem

    readonly property real shift: {
        if (!panel.active || !focusItem || !area.contains(area.mapFromItem(focusItem, 0, 0)))
            return 0
        var bottom = focusItem.mapToItem(area, 0, focusItem.height).y
        return Math.max(0, bottom + margin - (stage.height - panel.height))
    }

    Item {
        id: area
        objectName: "stageArea"
        width: stage.width
        height: stage.height
        y: -stage.shift
    }

    InputPanel {
        id: panel
        objectName: "inputPanel"
        z: 10
        width: stage.width
        y: active ? stage.height - height : stage.height
        visible: active
    }
}
