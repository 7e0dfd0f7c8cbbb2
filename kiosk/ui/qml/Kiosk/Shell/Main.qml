// The terminal's one window. The layout is designed at 1080x1920 (portrait) and scaled as a
// whole to the configured screen; everything a screen decides comes from the view-models.
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
    required property IdleCountdown idle
    required property string siteName
    required property string siteNameEn
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
            TopBar {
                id: topBar
                visible: window.journey.inSession
                width: design.width
                journey: window.journey
                language: window.language
            }
            Loader {
                id: screenLoader
                objectName: "screenLoader"
                y: topBar.visible ? topBar.height : 0
                width: design.width
                height: design.height - y
                sourceComponent: {
                    switch (window.journey.screen) {
                    case "services": return servicesScreen
                    case "service": return serviceScreen
                    case "scope": return scopeScreen
                    case "apology": return apologyScreen
                    default: return attractScreen
                    }
                }
            }
        }

        IdleOverlay {
            anchors.fill: parent
            z: 20
            idle: window.idle
        }
    }

    Component {
        id: attractScreen
        AttractScreen {
            journey: window.journey
            language: window.language
            siteName: window.siteName
            siteNameEn: window.siteNameEn
        }
    }
    Component {
        id: servicesScreen
        ServicesScreen { journey: window.journey; serviceList: window.serviceList }
    }
    Component {
        id: serviceScreen
        ServiceScreen { journey: window.journey; serviceList: window.serviceList }
    }
    Component {
        id: scopeScreen
        ScopeFinderScreen { journey: window.journey; scopeFinder: window.scopeFinder }
    }
    Component {
        id: apologyScreen
        ApologyScreen { journey: window.journey }
    }
}
