# The registry (rules/rules.cc) includes every rule and catalogue header
# through a generated rule_headers.h, so a new rule needs no #include line.
# Shared by src/CMakeLists.txt and bindings/wasm/CMakeLists.txt.
function(callcheck_write_rule_headers src_dir out_file)
  file(GLOB headers RELATIVE "${src_dir}" CONFIGURE_DEPENDS "${src_dir}/rules/cc*.h" "${src_dir}/catalog/cc*.h")
  list(SORT headers)
  set(text "// Generated from src/rules/cc*.h and src/catalog/cc*.h (src/rule_headers.cmake).\n")
  foreach(header IN LISTS headers)
    string(APPEND text "#include \"${header}\"\n")
  endforeach()
  file(CONFIGURE OUTPUT "${out_file}" CONTENT "${text}")
endfunction()
