# Every dependency is a Debian 12 package (see scripts/install-deps.sh); none is
# fetched at build time and none is vendored.
find_package(Threads REQUIRED)
find_package(SQLiteCpp REQUIRED)            # libsqlitecpp-dev
find_package(SQLite3 REQUIRED)              # libsqlite3-dev
find_package(Boost 1.74 REQUIRED)           # libboost-graph-dev (header-only graph)
find_package(spdlog REQUIRED)               # libspdlog-dev
find_package(tomlplusplus REQUIRED)         # libtomlplusplus-dev
find_package(nlohmann_json 3 REQUIRED)      # nlohmann-json3-dev
find_package(CLI11 REQUIRED)                # libcli11-dev
find_package(OpenSSL REQUIRED COMPONENTS Crypto)  # libssl-dev (SHA-256)
find_package(PkgConfig REQUIRED)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)         # libre2-dev
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-uc)      # libicu-dev
add_library(crosscheck::re2 ALIAS PkgConfig::RE2)
add_library(crosscheck::icu ALIAS PkgConfig::ICU)
