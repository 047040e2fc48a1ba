# Install rules and packaging (included from src/CMakeLists.txt):
#   cmake --install build [--prefix DIR]  -> bin/callcheck, lib/libcallcheck.a,
#     include/callcheck/*.h (+ version.h), lib/cmake/callcheck/ (find_package),
#     lib/pkgconfig/callcheck.pc
#   cpack -G DEB (in the build dir)       -> callcheck_<v>_<arch>.deb (the CLI)
#                                            libcallcheck-dev_<v>_<arch>.deb
include(CMakePackageConfigHelpers)

set(CALLCHECK_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/callcheck")

install(TARGETS callcheck RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT cli)
if(CALLCHECK_CLI_LINKAGE STREQUAL "static-pie")
  install(FILES "${CMAKE_CURRENT_LIST_DIR}/lintian-overrides" DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides"
          RENAME callcheck COMPONENT cli)
endif()
install(TARGETS callcheck_lib EXPORT callcheckTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT dev
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/callcheck" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        COMPONENT dev FILES_MATCHING PATTERN "*.h")
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/generated/callcheck/version.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/callcheck" COMPONENT dev)
install(EXPORT callcheckTargets NAMESPACE callcheck:: DESTINATION "${CALLCHECK_CMAKE_DIR}" COMPONENT dev)

configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/callcheckConfig.cmake.in"
                              "${CMAKE_CURRENT_BINARY_DIR}/install/callcheckConfig.cmake"
                              INSTALL_DESTINATION "${CALLCHECK_CMAKE_DIR}")
# 0.x: a minor release may break the API, so only the same minor matches.
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/install/callcheckConfigVersion.cmake"
                                 VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/install/callcheckConfig.cmake"
              "${CMAKE_CURRENT_BINARY_DIR}/install/callcheckConfigVersion.cmake"
        DESTINATION "${CALLCHECK_CMAKE_DIR}" COMPONENT dev)

# The .pc finds its prefix from its own location (${pcfiledir}).
file(RELATIVE_PATH CALLCHECK_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" CALLCHECK_PC_TO_PREFIX "${CALLCHECK_PC_TO_PREFIX}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/callcheck.pc.in" "${CMAKE_CURRENT_BINARY_DIR}/install/callcheck.pc" @ONLY)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/install/callcheck.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig" COMPONENT dev)

# ---- Debian documentation: copyright, changelog, manual page ------------------
# lintian wants /usr/share/doc/<package>/copyright and changelog.Debian.gz in
# every package, and a manual page for every program; gzip -9n keeps them
# reproducible (no name or timestamp in the header).
find_program(CALLCHECK_GZIP gzip REQUIRED)
set(CALLCHECK_DOC_BUILD "${CMAKE_CURRENT_BINARY_DIR}/install/doc")
file(MAKE_DIRECTORY "${CALLCHECK_DOC_BUILD}")
foreach(doc IN ITEMS changelog.Debian callcheck.1)
  add_custom_command(OUTPUT "${CALLCHECK_DOC_BUILD}/${doc}.gz"
                     COMMAND "${CALLCHECK_GZIP}" -9nc "${CMAKE_CURRENT_LIST_DIR}/${doc}" > "${CALLCHECK_DOC_BUILD}/${doc}.gz"
                     DEPENDS "${CMAKE_CURRENT_LIST_DIR}/${doc}" VERBATIM)
endforeach()
add_custom_target(callcheck_docs ALL DEPENDS "${CALLCHECK_DOC_BUILD}/changelog.Debian.gz"
                                             "${CALLCHECK_DOC_BUILD}/callcheck.1.gz")
install(FILES "${CALLCHECK_DOC_BUILD}/callcheck.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT cli)
set(CALLCHECK_PACKAGES "cli=callcheck" "dev=libcallcheck-dev")
if(CALLCHECK_BUILD_C_LIBRARY)
  list(APPEND CALLCHECK_PACKAGES "capi=libcallcheck-c0")
endif()
foreach(component_package IN LISTS CALLCHECK_PACKAGES)
  string(REPLACE "=" ";" component_package "${component_package}")
  list(GET component_package 0 component)
  list(GET component_package 1 package)
  install(FILES "${CMAKE_CURRENT_LIST_DIR}/copyright" "${CALLCHECK_DOC_BUILD}/changelog.Debian.gz"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${package}" COMPONENT ${component})
endforeach()

# ---- CPack: Debian packages -------------------------------------------------
set(CPACK_PACKAGE_NAME "callcheck")
set(CPACK_PACKAGE_VENDOR "callcheck")
# Who ships the package is the packager's to say: -DCALLCHECK_MAINTAINER and
# -DCALLCHECK_HOMEPAGE (defaults: the project's own).
set(CALLCHECK_MAINTAINER "callcheck maintainers <maintainers@callcheck.dev>" CACHE STRING "Debian Maintainer field")
set(CALLCHECK_HOMEPAGE "${PROJECT_HOMEPAGE_URL}" CACHE STRING "Debian Homepage field")
set(CPACK_PACKAGE_CONTACT "${CALLCHECK_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
# A Debian revision makes these non-native packages, whose changelog is
# changelog.Debian.gz (src/install/changelog.Debian, kept in step).
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli dev)
if(CALLCHECK_BUILD_C_LIBRARY)
  list(APPEND CPACK_COMPONENTS_ALL capi)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${CALLCHECK_HOMEPAGE}")
# The CLI links libstdc++ statically and builds fmt's compiled part in
# (cold start, PERFORMANCE.md 7.7): it needs only libc/libm, and uses
# GLIBC_2.36 symbols (Debian 12). Keep this in step with `objdump -T`.
set(CPACK_DEBIAN_CLI_PACKAGE_NAME "callcheck")
set(CPACK_DEBIAN_CLI_PACKAGE_DEPENDS "libc6 (>= 2.36)")
set(CPACK_COMPONENT_CLI_DESCRIPTION "Checks Microsoft Graph calls-API request bodies (command-line tool)")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME "libcallcheck-dev")
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libfmt-dev (>= 9.1.0)")
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION "libdevel")
if(CALLCHECK_BUILD_C_LIBRARY)
  # The dependencies are written out (dpkg-shlibdeps is not on every build
  # machine): the NEEDED entries of libcallcheck_c.so and the newest symbol
  # versions it uses (`objdump -T`: GLIBC_2.34). Keep them in step.
  set(CPACK_DEBIAN_CAPI_PACKAGE_NAME "libcallcheck-c0")
  set(CPACK_DEBIAN_CAPI_PACKAGE_SECTION "libs")
  set(CPACK_DEBIAN_CAPI_PACKAGE_DEPENDS "libc6 (>= 2.34), libfmt9 (>= 9.1.0), libgcc-s1 (>= 3.0), libstdc++6 (>= 12)")
  set(CPACK_COMPONENT_CAPI_DESCRIPTION "Checks Microsoft Graph calls-API request payloads (C ABI, shared library)\n The C interface of callcheck (callcheck_c.h) for C, Python (ctypes), C#\\n and other FFIs.")
  # shlibs for packages that link it, and the ldconfig trigger (policy 8.1.1,
  # 8.6.4), written here: CPack's GENERATE_SHLIBS would also add postinst
  # scripts that call ldconfig, which lintian reports (maintscript-calls-ldconfig).
  set(CALLCHECK_CAPI_CONTROL "${CMAKE_CURRENT_BINARY_DIR}/install/capi")
  file(WRITE "${CALLCHECK_CAPI_CONTROL}/shlibs"
       "libcallcheck_c ${PROJECT_VERSION_MAJOR} libcallcheck-c0 (>= ${PROJECT_VERSION}-1)\n")
  file(WRITE "${CALLCHECK_CAPI_CONTROL}/triggers" "activate-noawait ldconfig\n")
  set(CPACK_DEBIAN_CAPI_PACKAGE_CONTROL_EXTRA "${CALLCHECK_CAPI_CONTROL}/shlibs;${CALLCHECK_CAPI_CONTROL}/triggers")
  set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libfmt-dev (>= 9.1.0), libcallcheck-c0 (= ${PROJECT_VERSION}-1)")
endif()
set(CPACK_COMPONENT_DEV_DESCRIPTION "Checks Microsoft Graph calls-API request bodies (library)\n Static library, headers, CMake package and pkg-config file of callcheck.")
include(CPack)
