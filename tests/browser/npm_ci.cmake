# Installs tests/browser/node_modules with `npm ci` unless the locked
# playwright-core is already there. Usage: cmake -DNPM=... -DDIR=... -P npm_ci.cmake
file(READ "${DIR}/package-lock.json" lock)
string(JSON wanted GET "${lock}" packages node_modules/playwright-core version)
set(installed_json "${DIR}/node_modules/playwright-core/package.json")
if(EXISTS "${installed_json}")
  file(READ "${installed_json}" installed)
  string(JSON have GET "${installed}" version)
  if(have STREQUAL wanted)
    message(STATUS "playwright-core ${have} is installed")
    return()
  endif()
endif()
message(STATUS "npm ci in ${DIR} (playwright-core ${wanted}; uses Debian's chromium, downloads no browser)")
execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --ignore-scripts
  WORKING_DIRECTORY "${DIR}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "npm ci failed in ${DIR} (exit ${result})")
endif()
