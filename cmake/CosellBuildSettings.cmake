# One INTERFACE target carries the language level, warnings and Qt safety switches;
# every target of the project links it.
add_library(cosell_build_settings INTERFACE)
target_compile_features(cosell_build_settings INTERFACE cxx_std_20)
target_compile_options(cosell_build_settings INTERFACE
    -Wall -Wextra -Wpedantic
    # Sync, link and policy enums grow; an unhandled value must not compile.
    -Werror=switch)
target_compile_definitions(cosell_build_settings INTERFACE
    QT_NO_CAST_TO_ASCII
    QT_RESTRICTED_CAST_FROM_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    COSELL_VERSION="${PROJECT_VERSION}")
