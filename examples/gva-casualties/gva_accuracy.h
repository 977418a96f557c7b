// Measures how often the outlets' agreed casualty counts equal the Gun
// Violence Archive's record, over every incident of the corpus.
#pragma once

#include <filesystem>
#include <string>

#include "crosscheck/engine.h"

namespace crosscheck::examples {

struct GvaAccuracy {
  size_t incidents = 0;  // incident folders with a GVA record
};

GvaAccuracy MeasureGvaAccuracy(const Engine& engine, const std::filesystem::path& corpus);

}  // namespace crosscheck::examples
