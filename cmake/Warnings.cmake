# One place for warning flags, applied per target (not globally), so that
# third-party headers keep their own settings.
function(crosscheck_enable_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
  # GCC 12 (Debian 12's) warns -Wrestrict, or -Wstringop-overflow, inside
  # libstdc++'s memcpy for std::string's operator+ once optimising (GCC bugs
  # 105329, 105651, fixed in 13): false positives that would stop
  # CROSSCHECK_WERROR Release builds.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict -Wno-stringop-overflow)
  endif()
  if(CROSSCHECK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
