// Quotations: the spans of normalised text inside quotation marks.
//
// Text reaching here is normalised (curly quotes are ASCII), so a quotation is
// "..." or '...'. Double quotes pair in order. A single quote opens only at
// the start of a word (after a space or an opening bracket) and closes only at
// the end of one, so apostrophes ("Putin's", "countries'") are never taken for
// quotation marks. An unclosed mark opens nothing. Quotations may span
// sentences ("She's in rehab right now. Nothing bad is going to happen.").
#pragma once

#include <string_view>
#include <vector>

#include "crosscheck/offset_map.h"

namespace crosscheck::text {

// The inside of each quotation (marks excluded), in order of position.
std::vector<ByteRange> FindQuotations(std::string_view text);

}  // namespace crosscheck::text
