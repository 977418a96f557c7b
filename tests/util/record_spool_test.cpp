#include "util/record_spool.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

using crosscheck::util::RecordSpool;
using crosscheck::util::TemporaryFile;

namespace {

// Records of varied sizes and bytes (NULs included), reproducible.
std::vector<std::string> SomeRecords(size_t count) {
  std::mt19937 random(7);
  std::vector<std::string> records;
  for (size_t i = 0; i < count; ++i) {
    std::string r(random() % 300, '\0');
    for (char& c : r) c = static_cast<char>(random() % 256);
    records.push_back(r);
  }
  records[count / 2].clear();  // an empty record is a record too
  return records;
}

void CheckAll(const RecordSpool& spool, const std::vector<std::string>& records) {
  REQUIRE(spool.size() == records.size());
  std::string read = "left over";
  // Backwards, then forwards: any order.
  for (size_t i = records.size(); i-- > 0;) {
    REQUIRE(spool.Read(i, &read));
    CHECK(read == records[i]);
  }
  for (size_t i = 0; i < records.size(); ++i) {
    REQUIRE(spool.Read(i, &read));
    CHECK(read == records[i]);
  }
  CHECK(spool.status().ok());
}

}  // namespace

TEST_CASE("RecordSpool within its budget keeps records in memory", "[util][record_spool]") {
  const std::vector<std::string> records = SomeRecords(50);
  RecordSpool spool(1 << 20);
  for (size_t i = 0; i < records.size(); ++i) CHECK(spool.Append(records[i]) == i);
  CHECK(spool.bytes_in_file() == 0);
  CheckAll(spool, records);
}

TEST_CASE("RecordSpool past its budget writes records to a file and reads them back", "[util][record_spool]") {
  const std::vector<std::string> records = SomeRecords(400);
  for (size_t budget : {size_t{0}, size_t{1}, size_t{1000}, size_t{10000}}) {
    CAPTURE(budget);
    RecordSpool spool(budget, std::filesystem::temp_directory_path());
    for (const std::string& r : records) spool.Append(r);
    CHECK(spool.bytes_in_file() > 0);
    CHECK(spool.bytes_in_file() <= spool.bytes());
    CheckAll(spool, records);
    // Appending after reading: the new record comes back, and the old ones still do.
    spool.Append("one more");
    std::string read;
    REQUIRE(spool.Read(records.size(), &read));
    CHECK(read == "one more");
    CheckAll(spool, [&] {
      auto all = records;
      all.push_back("one more");
      return all;
    }());
  }
}

TEST_CASE("RecordSpool falls back to the system's temporary folder, then to memory", "[util][record_spool]") {
  const std::vector<std::string> records = SomeRecords(100);
  // A folder that does not exist: the file is made where std::tmpfile() makes it.
  RecordSpool spool(0, "/nonexistent/crosscheck/folder");
  for (const std::string& r : records) spool.Append(r);
  CHECK(spool.bytes_in_file() == spool.bytes());
  CheckAll(spool, records);
}

TEST_CASE("TemporaryFile writes and reads at offsets, and says when a read runs past its end", "[util][record_spool]") {
  TemporaryFile file(std::filesystem::temp_directory_path());
  REQUIRE(file.ok());
  std::string error;
  CHECK(file.WriteAt(0, "hello", 5, &error));
  CHECK(file.WriteAt(10, "world", 5, &error));  // leaves a hole of zeros
  std::string read(15, '?');
  REQUIRE(file.ReadAt(0, read.data(), read.size(), &error));
  CHECK(read == std::string("hello\0\0\0\0\0world", 15));
  CHECK(error.empty());
  CHECK_FALSE(file.ReadAt(12, read.data(), 10, &error));
  CHECK(error == "the file ends early");
}
