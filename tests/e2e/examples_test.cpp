// Tests for the example template sets: to be written.
#include <catch2/catch.hpp>
