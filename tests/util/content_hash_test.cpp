// Tests for util/content_hash: documents are keyed by SHA-256 of their bytes,
// so the digest must match the standard exactly and see every byte.
#include "util/content_hash.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace crosscheck::util {

TEST_CASE("Sha256Hex matches the published test vectors", "[util]") {
  struct Case {
    std::string input;
    std::string digest;
  };
  const std::vector<Case> cases = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"The quick brown fox jumps over the lazy dog",
       "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"},
      {std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
      // Embedded NUL and high bytes: the hash is over bytes, not a C string.
      {std::string("\x00\xff\x00", 3), "2c8d07cd986f58eb210bd800133d6645c7340c59865377c8ea431cebca0b3113"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.input.size());
    CHECK(Sha256Hex(c.input) == c.digest);
  }
}

TEST_CASE("Sha256Hex is over the original bytes, not the normalised text", "[util]") {
  // "café" precomposed and decomposed look the same but are different documents.
  const std::string composed = "caf\xC3\xA9";
  const std::string decomposed = "cafe\xCC\x81";
  CHECK(Sha256Hex(composed) == "850f7dc43910ff890f8879c0ed26fe697c93a067ad93a7d50f466a7028a9bf4e");
  CHECK(Sha256Hex(decomposed) == "81ef060bcd98adc7824eb5c1ada83c32491b16018e11e79f00ab9d09e04b015a");
}

TEST_CASE("Sha256 gives the same digest however the input is split", "[util]") {
  const std::string text = "The quick brown fox jumps over the lazy dog";
  const std::string expected = Sha256Hex(text);
  for (size_t cut : {size_t{0}, size_t{1}, size_t{20}, text.size() - 1, text.size()}) {
    CAPTURE(cut);
    Sha256 hash;
    hash.Update(std::string_view(text).substr(0, cut));
    hash.Update("");  // empty updates change nothing
    hash.Update(std::string_view(text).substr(cut));
    CHECK(hash.HexDigest() == expected);
  }
  SECTION("one byte at a time") {
    Sha256 hash;
    for (char c : text) hash.Update(std::string_view(&c, 1));
    CHECK(hash.HexDigest() == expected);
  }
}

TEST_CASE("Sha256 digests are 64 lower-case hex characters", "[util]") {
  for (const std::string input : {"", "x", "\xFF\xFE"}) {
    const std::string digest = Sha256Hex(input);
    CHECK(digest.size() == 64);
    CHECK(digest.find_first_not_of("0123456789abcdef") == std::string::npos);
  }
}

}  // namespace crosscheck::util

TEST_CASE("Sha256::Field tells sequences of fields apart that concatenate alike", "[util]") {
  auto fields = [](std::initializer_list<std::string_view> parts) {
    crosscheck::util::Sha256 sha;
    for (std::string_view part : parts) sha.Field(part);
    return sha.HexDigest();
  };
  CHECK(fields({"ab", "c"}) != fields({"a", "bc"}));
  CHECK(fields({"", "x"}) != fields({"x", ""}));
  CHECK(fields({"ab", "c"}) == fields({"ab", "c"}));
  // A field is its length, a colon and its bytes.
  CHECK(fields({"abc"}) == crosscheck::util::Sha256Hex("3:abc"));
}
