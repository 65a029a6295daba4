# The SFML window front end (src/sfml/). See docs/window.md.
find_package(SFML 2.5 COMPONENTS graphics window system audio REQUIRED)
find_package(X11 REQUIRED)
find_package(Fontconfig REQUIRED)

add_library(attune_sfml STATIC
  src/sfml/WindowMain.cpp
  src/sfml/App.cpp
  src/sfml/Bench.cpp
  src/sfml/Layout.cpp
  src/sfml/Library.cpp
  src/sfml/Context.cpp
  src/sfml/ScreenStack.cpp
  src/sfml/Sound.cpp
  src/sfml/theme/Fonts.cpp
  src/sfml/theme/Theme.cpp
  src/sfml/widgets/Shapes.cpp
  src/sfml/widgets/TextBlock.cpp
  src/sfml/widgets/Button.cpp
  src/sfml/widgets/Badge.cpp
  src/sfml/widgets/Blocks.cpp
  src/sfml/widgets/Pager.cpp
  src/sfml/widgets/Gauge.cpp
  src/sfml/widgets/Legend.cpp
  src/sfml/widgets/LineChart.cpp
  src/sfml/widgets/BarChart.cpp
  src/sfml/widgets/Field.cpp
  src/sfml/screens/Common.cpp
  src/sfml/screens/LibraryScreen.cpp
  src/sfml/screens/PlayScreen.cpp
  src/sfml/screens/CoachScreen.cpp
  src/sfml/screens/BreatheScreen.cpp
  src/sfml/screens/HistoryScreen.cpp
  src/sfml/screens/PanelScreen.cpp
  src/sfml/Images.cpp
  src/sfml/screens/AboutScreen.cpp
  src/sfml/screens/DiagnosticsScreen.cpp
  src/sfml/screens/GraphScreen.cpp
  src/sfml/screens/StateScreen.cpp
  src/sfml/screens/DebriefScreen.cpp
  src/sfml/screens/SettingsScreen.cpp
  src/sfml/screens/TogetherScreens.cpp
  src/sfml/screens/MachinesScreens.cpp
  src/sfml/screens/ResumeScreen.cpp
  src/sfml/screens/CheckinScreen.cpp
  src/sfml/screens/ToolboxScreen.cpp
  src/sfml/screens/ProgressScreen.cpp
)
# SFML's types appear in the public headers (the UI tests use them).
target_link_libraries(attune_sfml PUBLIC attune_core attune_net sfml-graphics sfml-window sfml-system
  PRIVATE sfml-audio X11::X11 Fontconfig::Fontconfig)
attune_warnings(attune_sfml)
set(ATTUNE_WINDOW_SOURCES "")

# bench --startup's baseline: a bare SFML program that draws one line of text (built with
# the program, since `attune bench --startup` runs it from beside itself).
add_executable(bare_window bench/bare_window.cpp)
target_link_libraries(bare_window PRIVATE sfml-graphics sfml-window sfml-system)
attune_warnings(bare_window)
