// Test-only: types through the real virtual keyboard's input engine, as the keys would.
import QtQuick
import QtQuick.VirtualKeyboard

QtObject {
    function typeKeys(text) {
        for (var i = 0; i < text.length; ++i) {
            var c = text[i]
            InputContext.inputEngine.virtualKeyClick(c.toUpperCase().charCodeAt(0), c, 0)
        }
        return true
    }
    function candidates() {
        var model = InputContext.inputEngine.wordCandidateListModel
        var out = []
        for (var i = 0; i < model.count; ++i)
            out.push(model.dataAt(i))
        return out.join("\n")
    }
    function select(index) {
        InputContext.inputEngine.wordCandidateListModel.selectItem(index)
        return true
    }
    function inputMode() { return InputContext.inputEngine.inputMode }
    function locale() { return InputContext.locale }
    function numericLayout() {
        return InputContext.inputEngine.inputMode === InputEngine.InputMode.Numeric
    }
}
