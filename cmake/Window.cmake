# The SFML window front end. Owned by src/sfml/; see docs/architecture.md.
find_package(SFML 2.5 COMPONENTS graphics window system REQUIRED)
find_package(X11 REQUIRED)
find_package(Fontconfig REQUIRED)

add_library(attune_sfml STATIC
  src/sfml/WindowMain.cpp
)
target_link_libraries(attune_sfml PUBLIC attune_core PRIVATE sfml-graphics sfml-window sfml-system X11::X11 Fontconfig::Fontconfig)
attune_warnings(attune_sfml)
set(ATTUNE_WINDOW_SOURCES "")
