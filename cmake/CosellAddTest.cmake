# cosell_add_test(<name> LABELS <unit|integration|ui|...> SOURCES <files> [LIBRARIES <libs>]
#                 [TIMEOUT <seconds>])
# Builds a Qt Test executable and registers it with CTest, headless and in a UTF-8 locale.
function(cosell_add_test name)
    cmake_parse_arguments(arg "" "TIMEOUT" "LABELS;SOURCES;LIBRARIES" ${ARGN})
    if(NOT arg_LABELS)
        message(FATAL_ERROR "cosell_add_test(${name}): LABELS is required")
    endif()
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 300)
    endif()
    qt_add_executable(${name} ${arg_SOURCES})
    set_target_properties(${name} PROPERTIES AUTOMOC ON)
    target_link_libraries(${name} PRIVATE Qt6::Test cosell_build_settings ${arg_LIBRARIES})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        LABELS "${arg_LABELS}"
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;COSELL_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
