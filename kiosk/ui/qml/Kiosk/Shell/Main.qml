// The terminal's one window. The layout is designed at 1080x1920 (portrait) and scaled as a
// whole to the configured screen; everything a screen decides comes from the view-models.
pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Window
import Kiosk.ViewModels
import Kiosk.Controls

Window {
    id: window
    required property Journey journey
    required property LanguageSwitch language
    required property ServiceList serviceList
    required property ScopeFinder scopeFinder
    required property ApplicationForm form
    required property IdleCountdown idle
    required property Handover handover
    required property Collect collect
    required property ServiceMode serviceMode
    property int serviceHoldMs: 5000
    required property string siteName
    required property string siteNameEn
    property string alternative: ""
    required property bool fullscreen

    visible: true
    visibility: fullscreen ? Window.FullScreen : Window.Windowed
    flags: fullscreen ? (Qt.Window | Qt.FramelessWindowHint) : Qt.Window
    color: Appearance.background
    title: qsTr("Business registration self-service")

    Item {
        id: design
        objectName: "design"
        width: Appearance.designWidth
        height: Appearance.designHeight
        transformOrigin: Item.TopLeft
        scale: Math.min(window.width / width, window.height / height)
        x: (window.width - width * scale) / 2
        y: (window.height - height * scale) / 2
        clip: true

        KeyboardStage {
            id: stage
            anchors.fill: parent

            Rectangle {
                width: design.width
                height: design.height
                color: Appearance.background
            }
            // The top bar and the idle overlay are created when first needed: the attract screen
            // shows neither, and each costs time before the first frame.
            Loader {
                id: topBar
                // No size of its own: the loader takes the bar's size (an explicit size would
                // be imposed on the bar instead).
                active: window.journey.inSession
                sourceComponent: TopBar {
                    width: design.width
                    journey: window.journey
                    language: window.language
                }
            }
            Loader {
                id: screenLoader
                objectName: "screenLoader"
                // A Loader keeps the size of the last item it held: once the bar is unloaded
                // (back on the attract screen), so its height counts only while the bar is loaded.
                y: topBar.status === Loader.Ready ? topBar.height : 0
                width: design.width
                height: design.height - y
            }
        }

        Loader {
            anchors.fill: parent
            z: 20
            active: window.idle.warning
            sourceComponent: IdleOverlay { idle: window.idle }
        }
    }

    // Screens are compiled when first shown (the attract screen at start, the others while it
    // waits: see preload), which keeps them out of the time to the first frame.
    readonly property var screens: ({
        attract: ["AttractScreen.qml", { journey: journey, language: language,
                                         siteName: siteName, siteNameEn: siteNameEn,
                                         alternative: alternative, serviceHoldMs: serviceHoldMs }],
        services: ["ServicesScreen.qml", { journey: journey, serviceList: serviceList }],
        service: ["ServiceScreen.qml", { journey: journey, serviceList: serviceList }],
        scope: ["ScopeFinderScreen.qml", { journey: journey, scopeFinder: scopeFinder }],
        apology: ["ApologyScreen.qml", { journey: journey }],
        handover: ["HandoverScreen.qml", { journey: journey, handover: handover }],
        collect: ["CollectScreen.qml", { journey: journey, collect: collect }],
        "service-mode": ["ServiceModeScreen.qml", { journey: journey, serviceMode: serviceMode }],
        form: ["../Journey/FormScreen.qml", { journey: journey, form: form, scopeFinder: scopeFinder }]
    })

    function showScreen() {
        var screen = screens[journey.screen] || screens.attract
        screenLoader.setSource(Qt.resolvedUrl(screen[0]), screen[1])
    }

    // Called from Python after the first frame: compile the other screens in the background.
    function preload() {
        for (var name in screens)
            Qt.createComponent(Qt.resolvedUrl(screens[name][0]), Component.Asynchronous)
    }

    Connections {
        target: window.journey
        function onScreenChanged() { window.showScreen() }
    }
    Component.onCompleted: showScreen()
}
