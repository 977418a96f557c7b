// GroupInputHash: a SHA-256 over everything a subject group's verdict depends
// on, so that a re-run reuses the stored finding of a group whose inputs did
// not change instead of checking it again.
//
// Covered: the template and subject; each claim's document (content hash,
// path, outlet, url, publication date), its stored content (value, modality,
// attribution, roles, evidence, offsets) and its resolved time; the
// independent source of each claim's document (copies of one story count
// once, and a change to ANOTHER document can join or split copies); the
// engine fingerprint (templates, knowledge, extractor) and the check code's
// build fingerprint. The store's row ids are not: the hash is the same in
// any store.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/finding.h"
#include "crosscheck/source_cluster.h"

namespace crosscheck::check {

// `claims` are the group's claims, in the order the finding holds them.
std::string GroupInputHash(const std::string& template_id, const Subject& subject,
                           const std::vector<SourcedClaim>& claims, const SourceClusters* clusters,
                           std::string_view engine_fingerprint, std::string_view code_fingerprint);

}  // namespace crosscheck::check
