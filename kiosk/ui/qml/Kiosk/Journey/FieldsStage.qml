// The questions of one step (or the applicant's own): one editor per field type from
// Kiosk.Editors, chosen by DelegateChooser on the field's type. The model changes one row at
// a time, so the editor being typed in is never rebuilt.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQml.Models
import Kiosk.ViewModels
import Kiosk.Editors

ListView {
    id: list
    objectName: "fieldsList"
    required property ApplicationForm form
    property var scopeFinder
    model: form.fields
    spacing: Appearance.gap * 1.5
    clip: true
    cacheBuffer: 20000          // keep every editor alive: a scrolled-away field keeps its state
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar { width: 24; policy: ScrollBar.AsNeeded }

    function focusField(fieldId) {
        for (var i = 0; i < count; ++i) {
            var item = itemAtIndex(i)
            if (item && item.fieldId === fieldId) {
                positionViewAtIndex(i, ListView.Beginning)
                item.focusEditor()
                return
            }
        }
    }

    delegate: DelegateChooser {
        role: "kind"
        DelegateChoice { roleValue: "text"; TextEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "person_name"; TextEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "resident_id"; IdEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "credit_code"; IdEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "mobile"; DigitsEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "money"; DigitsEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "integer"; DigitsEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "area"; DigitsEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "date"; DateEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "choice"; ChoiceEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "multi_choice"; MultiChoiceEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "address"; AddressEditor { width: list.width; form: list.form } }
        DelegateChoice { roleValue: "persons"; PersonsEditor { width: list.width; form: list.form } }
    }
}
