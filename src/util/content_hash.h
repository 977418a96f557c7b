// Content hashing: documents are keyed by the SHA-256 of their original bytes,
// so re-ingesting the same text adds nothing, whatever its path.
#pragma once

#include <string>
#include <string_view>

namespace crosscheck::util {

// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// Incremental SHA-256 for fingerprints built from many pieces (template sets,
// knowledge folders). Not copyable: it owns an OpenSSL context.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view bytes);
  // Updates with `text` after its length: a sequence of fields never hashes
  // like another sequence ("ab", "c" and "a", "bc" differ), for keys made of parts.
  void Field(std::string_view text);
  std::string HexDigest();

 private:
  void* ctx_;  // EVP_MD_CTX*, kept opaque to keep OpenSSL out of the header
};

}  // namespace crosscheck::util
