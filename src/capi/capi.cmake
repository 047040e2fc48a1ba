# libcallcheck_c.so: the C ABI (include/callcheck/callcheck_c.h) over the
# static library, for C, Python (ctypes), C# (DllImport) and friends. Only the
# callcheck_* functions are exported (capi.map); the C++ inside stays private.
option(CALLCHECK_BUILD_C_LIBRARY "Build the shared C ABI library libcallcheck_c" ON)
if(CALLCHECK_BUILD_C_LIBRARY)
  file(GLOB CALLCHECK_CAPI_SOURCES CONFIGURE_DEPENDS "${CMAKE_CURRENT_LIST_DIR}/*.cc")
  add_library(callcheck_c SHARED ${CALLCHECK_CAPI_SOURCES})
  add_library(callcheck::callcheck_c ALIAS callcheck_c)
  set_target_properties(callcheck_c PROPERTIES CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
                                               VERSION "${PROJECT_VERSION}" SOVERSION "${PROJECT_VERSION_MAJOR}")
  target_include_directories(callcheck_c PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
                                         PRIVATE "${PROJECT_SOURCE_DIR}/src")
  target_compile_definitions(callcheck_c PRIVATE CALLCHECK_C_BUILDING)
  target_link_libraries(callcheck_c PRIVATE callcheck_lib callcheck_rapidjson valijson fmt::fmt Threads::Threads)
  target_compile_options(callcheck_c PRIVATE -Wall -Wextra -Wpedantic)
  target_link_options(callcheck_c PRIVATE "-Wl,--version-script=${CMAKE_CURRENT_LIST_DIR}/capi.map"
                                          -Wl,--no-undefined)
  set_property(TARGET callcheck_c APPEND PROPERTY LINK_DEPENDS "${CMAKE_CURRENT_LIST_DIR}/capi.map")
  # Debian policy 8.1: the versioned library in its own package named after the
# soname (libcallcheck-c0), the unversioned link in -dev.
install(TARGETS callcheck_c LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT capi NAMELINK_COMPONENT dev)
endif()
