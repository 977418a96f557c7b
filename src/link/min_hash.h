// MinHash signatures and LSH banding: finding documents that share much of
// their wording without comparing every pair.
//
// A document is a set of 64-bit shingle hashes (word 5-grams). Its MinHash
// signature keeps, for each of kMinHashSize hash functions, the smallest hash
// of any shingle; two signatures agree in a position with probability equal to
// the Jaccard similarity of the sets. LSH cuts the signature into bands of
// `rows` values: documents with an identical band land in one bucket and
// become candidates. With 64 bands of 2 rows, a pair with Jaccard 0.2 is a
// candidate with probability 0.93, one with 0.02 with probability 0.03.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace crosscheck::link {

inline constexpr size_t kMinHashSize = 128;
inline constexpr size_t kLshRows = 2;
using MinHashSignature = std::array<uint64_t, kMinHashSize>;

// FNV-1a: stable across platforms and runs, so signatures are reproducible.
uint64_t StableHash(std::string_view text);

// splitmix64's finaliser: a cheap bijective mix. Inline: shingling calls it
// several times per word of every document.
inline uint64_t MixHash(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
// Combines two hashes (order matters). Equal to HashCombineMixed(seed, MixHash(value)):
// a value combined several times can be mixed once.
inline uint64_t HashCombineMixed(uint64_t seed, uint64_t mixed_value) { return MixHash(seed ^ mixed_value); }
inline uint64_t HashCombine(uint64_t seed, uint64_t value) { return HashCombineMixed(seed, MixHash(value)); }

// The signature of a set of shingle hashes (duplicates allowed). An empty set
// gives all-ones, which matches nothing usefully: callers skip tiny documents.
MinHashSignature ComputeMinHash(const std::vector<uint64_t>& shingles);
// The fraction of positions where the signatures agree: an estimate of the Jaccard similarity.
double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b);
// One key per band of `rows` positions (kMinHashSize / rows keys); the band's
// index is part of its key, so equal keys mean an equal band.
std::vector<uint64_t> LshBandKeys(const MinHashSignature& signature, size_t rows = kLshRows);

}  // namespace crosscheck::link
