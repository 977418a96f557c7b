// The command line: exit codes, messages and outputs, by running the binary.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <sstream>

#include "e2e_support.h"

namespace crosscheck::testing {
namespace {

namespace fs = std::filesystem;

std::string Crosscheck(const std::string& arguments) {
  return "cd " + SourceDir().string() + " && " + BinaryPath().string() + " " + arguments;
}

// Only what the command writes to stdout (RunCommand adds stderr otherwise).
std::string StdoutOnly(const std::string& arguments) {
  return "cd " + SourceDir().string() + " && (" + BinaryPath().string() + " " + arguments + " 2>/dev/null)";
}

// Only what the command writes to stderr.
std::string StderrOnly(const std::string& arguments) {
  return "cd " + SourceDir().string() + " && (" + BinaryPath().string() + " " + arguments + " 2>&1 >/dev/null)";
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Characters on a line as a terminal shows them: UTF-8 code points.
size_t CodePoints(const std::string& line) {
  size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// The store of one report run on corpus/sample, shared by the inspection tests.
const fs::path& SampleStore() {
  static TempDir out;
  static const fs::path db = [] {
    std::string output;
    REQUIRE(RunCommand(Crosscheck("report corpus/sample -q --out " + (out / "sample").string()), &output) == 0);
    return out / "sample" / "crosscheck.db";
  }();
  return db;
}

nlohmann::json SampleReport() {
  return nlohmann::json::parse(ReadFile(SampleStore().parent_path() / "report.json"));
}

}  // namespace

TEST_CASE("cli: report writes report.json, report.md and the store; --db moves the store", "[cli]") {
  TempDir out;
  std::string output;
  REQUIRE(RunCommand(Crosscheck("report corpus/sample --out " + (out / "r").string() + " --db " +
                                (out / "elsewhere.db").string()),
                     &output) == 0);
  CHECK(fs::exists(out / "r" / "report.json"));
  CHECK(fs::exists(out / "r" / "report.md"));
  CHECK(fs::exists(out / "elsewhere.db"));
  CHECK(!fs::exists(out / "r" / "crosscheck.db"));
  CHECK(output.find("5 documents") != std::string::npos);
  CHECK(output.find("1 conflict") != std::string::npos);
}

TEST_CASE("cli: exit codes say what went wrong", "[cli]") {
  TempDir out;
  std::string output;
  SECTION("a missing corpus folder is an I/O error naming it") {
    CHECK(RunCommand(Crosscheck("report /no/such/corpus --out " + out.path().string()), &output) == 4);
    CHECK(output.find("/no/such/corpus") != std::string::npos);
  }
  SECTION("missing arguments are a usage error") {
    CHECK(RunCommand(Crosscheck("report"), &output) == 2);
  }
  SECTION("a broken template is invalid input with file:line:column") {
    out.Write("t/bad.toml",
              "id = \"bad\"\ndescription = \"x\"\nsubject = \"call\"\nvalue = \"duration\"\n"
              "patterns = [\"call lasted {value:duraton}\"]\n");
    CHECK(RunCommand(Crosscheck("report corpus/sample --out " + (out / "r").string() + " --templates " +
                                (out / "t").string()),
                     &output) == 3);
    CHECK(output.find("bad.toml:5:") != std::string::npos);
    CHECK(output.find("unknown slot type 'duraton'; did you mean 'duration'?") != std::string::npos);
  }
  SECTION("--help succeeds") {
    CHECK(RunCommand(Crosscheck("--help"), &output) == 0);
    CHECK(output.find("report") != std::string::npos);
  }
}

TEST_CASE("cli: templates list and test cover the default templates", "[cli]") {
  std::string output;
  REQUIRE(RunCommand(Crosscheck("templates list"), &output) == 0);
  for (const char* id : {"call_duration", "meeting_location", "invitation", "prisoner_release"}) {
    CHECK(output.find(id) != std::string::npos);
  }
  REQUIRE(RunCommand(Crosscheck("templates test"), &output) == 0);
  CHECK(output.find("examples pass; no errors") != std::string::npos);
}

TEST_CASE("cli: templates test PATH runs only the examples of templates under PATH", "[cli]") {
  TempDir out;
  out.Write("mine/size.toml",
            "id = \"crowd_size\"\ndescription = \"x\"\nsubject = \"protest\"\nvalue = \"count\"\n"
            "patterns = [\"{value} (people|protesters) marched\"]\n"
            "[[example]]\ntext = \"About 500 protesters marched.\"\nvalue = \"450-550\"\n"
            "[[example]]\ntext = \"Police said 20 people marched.\"\nvalue = \"20\"\n");
  std::string output;
  REQUIRE(RunCommand(Crosscheck("templates test " + (out / "mine").string()), &output) == 0);
  CHECK(output.find("templates test: 2 of 2 examples pass") != std::string::npos);
  SECTION("a file counts as a PATH too") {
    REQUIRE(RunCommand(Crosscheck("templates test " + (out / "mine" / "size.toml").string()), &output) == 0);
    CHECK(output.find("2 of 2 examples pass") != std::string::npos);
  }
  SECTION("a failing example under PATH fails the run and is named") {
    out.Write("mine/bad.toml",
              "id = \"crowd_bad\"\ndescription = \"x\"\nsubject = \"protest\"\nvalue = \"count\"\n"
              "patterns = [\"{value} (people|protesters) rallied\"]\n"
              "[[example]]\ntext = \"Ten people rallied.\"\nvalue = \"11\"\n");
    CHECK(RunCommand(Crosscheck("templates test " + (out / "mine").string()), &output) == 3);
    CHECK(output.find("2 of 3 examples pass") != std::string::npos);
    CHECK(output.find("crowd_bad") != std::string::npos);
  }
  SECTION("templates without examples load and say there is nothing to run") {
    out.Write("bare/size.toml",
              "id = \"crowd_bare\"\ndescription = \"x\"\nsubject = \"protest\"\nvalue = \"count\"\n"
              "patterns = [\"{value} (people|protesters) gathered\"]\n");
    CHECK(RunCommand(Crosscheck("templates lint " + (out / "bare").string()), &output) == 0);
    CHECK(output.find("no examples to run") != std::string::npos);
    CHECK(output.find("0 of 0") == std::string::npos);
  }
}

TEST_CASE("cli: explain shows matches, values, modality and how roles were found", "[cli]") {
  std::string output;
  REQUIRE(RunCommand(Crosscheck("explain corpus/sample/nordic-wire.txt"), &output) == 0);
  CHECK(output.find("MATCH call_duration") != std::string::npos);
  CHECK(output.find("value 81-99 min") != std::string::npos);
  CHECK(output.find("from sentence") != std::string::npos);  // participants found in a preceding sentence
}

TEST_CASE("cli: conflicts lists the store's conflicts as a table that fits the terminal width", "[cli][inspect]") {
  const std::string db = SampleStore().string();
  std::string output;
  for (int width : {40, 60, 80, 100, 160}) {
    INFO("COLUMNS=" << width);
    REQUIRE(RunCommand("export COLUMNS=" + std::to_string(width) + "; " + StdoutOnly("conflicts --verdict any --db " + db),
                       &output) == 0);
    for (const std::string& line : Lines(output)) {
      INFO(line);
      CHECK(CodePoints(line) <= static_cast<size_t>(width));
    }
    // Every finding is there, with its verdict in words, wide or narrow.
    for (const char* verdict : {"conflict", "compatible", "agree", "single_source"}) {
      CHECK(output.find(verdict) != std::string::npos);
    }
  }
  REQUIRE(RunCommand("export COLUMNS=160; " + StdoutOnly("conflicts --db " + db), &output) == 0);
  const std::vector<std::string> lines = Lines(output);
  REQUIRE(lines.size() == 2);  // the header and the one conflict
  CHECK(lines[0].rfind("VERDICT", 0) == 0);
  CHECK(lines[1].rfind("conflict", 0) == 0);
  CHECK(lines[1].find("Geneva and Vienna are different places") != std::string::npos);
  // Columns line up: the header's KIND starts where the row's kind does.
  CHECK(lines[0].find("KIND") == lines[1].find("meeting_location"));
}

TEST_CASE("cli: conflicts --format json is parseable and every filter narrows it", "[cli][inspect]") {
  const std::string db = SampleStore().string();
  const nlohmann::json report = SampleReport();
  auto listed = [&](const std::string& filters) {
    std::string output;
    REQUIRE(RunCommand(StdoutOnly("conflicts --format json --db " + db + " " + filters), &output) == 0);
    const nlohmann::json findings = nlohmann::json::parse(output);
    REQUIRE(findings.is_array());
    std::vector<std::string> ids;
    for (const auto& f : findings) ids.push_back(f.at("id"));
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  auto expected = [&](auto keep) {
    std::vector<std::string> ids;
    for (const auto& f : report.at("findings")) {
      if (keep(f)) ids.push_back(f.at("id"));
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  auto has_outlet = [](const nlohmann::json& f, const std::string& outlet) {
    for (const auto& c : f.at("claims")) {
      if (c.at("outlet") == outlet) return true;
    }
    return false;
  };
  // The default is conflicts only; the JSON findings are report.json's.
  CHECK(listed("") == expected([](const auto& f) { return f.at("verdict") == "conflict"; }));
  CHECK(listed("").size() == 1);
  CHECK(listed("--verdict any").size() == report.at("findings").size());
  CHECK(listed("--verdict compatible") == expected([](const auto& f) { return f.at("verdict") == "compatible"; }));
  CHECK(listed("--verdict compatible").size() == 4);
  CHECK(listed("--verdict any --kind meeting_location") ==
        expected([](const auto& f) { return f.at("kind") == "meeting_location"; }));
  CHECK(listed("--verdict any --kind invitation").size() == 1);
  CHECK(listed("--verdict any --outlet 'Danube Daily'") ==
        expected([&](const auto& f) { return has_outlet(f, "Danube Daily"); }));
  CHECK(listed("--verdict any --outlet 'Alpine Post'") ==
        expected([&](const auto& f) { return has_outlet(f, "Alpine Post"); }));
  CHECK(listed("--verdict any --outlet 'Alpine Post'").size() < report.at("findings").size());
  CHECK(listed("--verdict any --subject 'Maria Berg'") ==
        expected([](const auto& f) { return f.at("subject").at("label").template get<std::string>().find("Maria Berg") !=
                                            std::string::npos; }));
  CHECK(listed("--verdict any --subject 'Maria Berg'").size() == 2);  // where and when they meet
  CHECK(listed("--verdict agree --kind call_duration").empty());
  CHECK(listed("--outlet 'No Such Outlet'").empty());

  // Each finding in the JSON carries its claims with evidence, as report.json does.
  std::string output;
  REQUIRE(RunCommand(StdoutOnly("conflicts --format json --db " + db), &output) == 0);
  const nlohmann::json conflict = nlohmann::json::parse(output).at(0);
  const nlohmann::json& in_report = report.at("findings").at(0);
  CHECK(conflict.at("claims") == in_report.at("claims"));
  CHECK(conflict.at("reason") == in_report.at("reason"));
}

TEST_CASE("cli: conflicts --fail-on conflict exits 1 only when a conflict is listed", "[cli][inspect]") {
  const std::string db = SampleStore().string();
  std::string output;
  CHECK(RunCommand(Crosscheck("conflicts --db " + db + " --fail-on conflict"), &output) == 1);
  CHECK(output.find("meeting_location") != std::string::npos);
  CHECK(RunCommand(Crosscheck("conflicts --db " + db + " --fail-on conflict --kind call_duration"), &output) == 0);
  CHECK(output.find("no findings match") != std::string::npos);
  CHECK(RunCommand(Crosscheck("conflicts --db " + db + " --fail-on conflict --verdict agree"), &output) == 0);
  CHECK(RunCommand(Crosscheck("conflicts --db " + db), &output) == 0);  // conflicts alone do not fail
  CHECK(RunCommand(Crosscheck("conflicts --db " + db + " --fail-on everything"), &output) == 2);
  CHECK(RunCommand(Crosscheck("conflicts --db " + db + " --verdict maybe"), &output) == 2);
  CHECK(RunCommand(Crosscheck("conflicts --db " + db + " --format xml"), &output) == 2);
}

TEST_CASE("cli: conflicts and show name a missing or foreign store and exit 4", "[cli][inspect]") {
  TempDir dir;
  std::string output;
  CHECK(RunCommand(Crosscheck("conflicts --db " + (dir / "none.db").string()), &output) == 4);
  CHECK(output.find((dir / "none.db").string()) != std::string::npos);
  const fs::path not_a_store = dir.Write("notes.db", "these are not the droids");
  CHECK(RunCommand(Crosscheck("show x --db " + not_a_store.string()), &output) == 4);
  CHECK(output.find("notes.db") != std::string::npos);
}

TEST_CASE("cli: show puts a subject's claims side by side with the value marked in each sentence", "[cli][inspect]") {
  const std::string db = SampleStore().string();
  const nlohmann::json report = SampleReport();
  const nlohmann::json& conflict = report.at("findings").at(0);
  REQUIRE(conflict.at("verdict") == "conflict");
  std::string output;
  REQUIRE(RunCommand("export COLUMNS=100; " + StdoutOnly("show " + conflict.at("subject").at("id").get<std::string>() +
                                                 " --db " + db),
                     &output) == 0);
  CHECK(output.find("Verdict: conflict") != std::string::npos);
  // With its strength, as the store keeps it.
  REQUIRE(conflict.at("strength").is_string());
  CHECK(output.find("Verdict: conflict (" + conflict.at("strength").get<std::string>() + ")") != std::string::npos);
  for (const char* column : {"OUTLET", "VALUE", "MODALITY", "ATTRIBUTED TO"}) CHECK(output.find(column) != std::string::npos);
  CHECK(output.find("hedged (could)") != std::string::npos);
  // Every claim's sentence is there with exactly its value marked (not a TTY: »value«).
  for (const auto& c : conflict.at("claims")) {
    const std::string evidence = c.at("evidence");
    const size_t begin = c.at("evidence_value").at(0);
    const size_t end = c.at("evidence_value").at(1);
    const std::string marked = evidence.substr(0, begin) + "\u00bb" + evidence.substr(begin, end - begin) +
                               "\u00ab" + evidence.substr(end);
    std::string unwrapped;  // sentences are wrapped to the width: join the lines back
    for (const std::string& line : Lines(output)) {
      const size_t text = line.find_first_not_of(' ');
      if (text != std::string::npos) unwrapped += line.substr(text) + " ";
    }
    INFO(marked);
    CHECK(unwrapped.find(marked) != std::string::npos);
  }
  for (const std::string& line : Lines(output)) CHECK(CodePoints(line) <= 100);

  SECTION("a claim id shows that claim with its roles and marked sentence") {
    const nlohmann::json& claim = conflict.at("claims").at(0);
    REQUIRE(RunCommand(StdoutOnly("show " + claim.at("id").get<std::string>() + " --db " + db), &output) == 0);
    CHECK(output.find("Claim " + claim.at("id").get<std::string>()) != std::string::npos);
    CHECK(output.find("\u00bbGeneva\u00ab") != std::string::npos);
    CHECK(output.find("participants: Tomas Koval") != std::string::npos);
  }
  SECTION("a part of a label that names one subject is enough; --format json parses") {
    REQUIRE(RunCommand(StdoutOnly("show 'Erik Holm' --format json --db " + db), &output) == 0);
    const nlohmann::json shown = nlohmann::json::parse(output);
    REQUIRE(shown.size() == 1);
    CHECK(shown.at(0).at("kind") == "prisoner_release");
  }
  SECTION("an unknown id is a clear usage error") {
    CHECK(RunCommand(Crosscheck("show no-such-subject --db " + db), &output) == 2);
    CHECK(output.find("no subject, finding or claim matches 'no-such-subject'") != std::string::npos);
  }
  SECTION("a text that matches several subjects lists them and fails") {
    CHECK(RunCommand(Crosscheck("show Lindqvist --db " + db), &output) == 2);
    CHECK(output.find("matches 4 subjects") != std::string::npos);  // three events and her title
  }
}

TEST_CASE("cli: report ends with a summary line; -q silences it, -v adds detail", "[cli][progress]") {
  TempDir out;
  std::string output;
  const std::string run = "report corpus/sample --out " + (out / "r").string();
  REQUIRE(RunCommand(StderrOnly(run), &output) == 0);
  const std::vector<std::string> lines = Lines(output);
  REQUIRE(lines.size() >= 2);
  const std::string& summary = lines[lines.size() - 2];
  INFO(output);
  CHECK(summary.rfind("crosscheck: 5 documents (5 extracted, 0 unchanged, 0 skipped), 39 claims, 7 subjects: 1 conflict,",
                      0) == 0);
  CHECK(summary.find(" MB/s)") != std::string::npos);
  CHECK(lines.back().find("report.html") != std::string::npos);
  CHECK(output.find('\r') == std::string::npos);  // no progress bar when stderr is not a terminal
  CHECK(output.find("debug") == std::string::npos);

  REQUIRE(RunCommand(StderrOnly(run + " -q"), &output) == 0);
  CHECK(output.empty());
  REQUIRE(RunCommand(StdoutOnly(run + " -q"), &output) == 0);
  CHECK(output.empty());

  REQUIRE(RunCommand(StderrOnly(run + " -v"), &output) == 0);
  CHECK(output.find("debug: stage:") != std::string::npos);
  CHECK(output.find("crosscheck: 5 documents (0 extracted, 5 unchanged") != std::string::npos);  // the store was reused

  SECTION("errors still show under -q") {
    CHECK(RunCommand(Crosscheck("report /no/such/corpus -q --out " + (out / "r").string()), &output) == 4);
    CHECK(output.find("/no/such/corpus") != std::string::npos);
  }
}

TEST_CASE("cli: report draws a progress bar on stderr when it is a terminal", "[cli][progress]") {
  // script(1) (util-linux, essential in Debian) gives the command a pseudo-terminal.
  TempDir out;
  std::string output;
  const std::string run = BinaryPath().string() + " report corpus/sample --out " + (out / "r").string();
  REQUIRE(RunCommand("cd " + SourceDir().string() + " && script -qec '" + run + "' /dev/null", &output) == 0);
  CHECK(output.find("\r\033[K[") != std::string::npos);
  CHECK(output.find("] 100% 5/5 documents") != std::string::npos);
  CHECK(output.find("\r\033[Kcrosscheck: 5 documents") != std::string::npos);  // the bar is cleared before the summary
  CHECK(output.find("crosscheck: 5 documents") != std::string::npos);
  REQUIRE(RunCommand("cd " + SourceDir().string() + " && script -qec '" + run + " -q' /dev/null", &output) == 0);
  CHECK(output.find("documents") == std::string::npos);  // -q: no bar either
}

TEST_CASE("cli: a hostile corpus stays text in report.md and report.html", "[cli][security]") {
  TempDir dir;
  dir.Write("corpus/evil.txt",
            "Swedish Prime Minister Anna Lindqvist and Slovak President Tomas Koval spoke by phone on Tuesday.\n\n"
            "The call lasted about 90 minutes <script>alert(1)</script>, said the government's "
            "</textarea><img src=x onerror=alert(1)> office.\n\n"
            "The two leaders will meet in Vienna <b onmouseover=\"alert(1)\">next</b> month, officials said.\n");
  dir.Write("corpus/outlets.toml",
            "[[document]]\npath = \"evil.txt\"\noutlet = \"<script>alert('outlet')</script> | [x](javascript:alert(1))\"\n"
            "url = \"javascript:alert(1)\"\n");
  std::string output;
  REQUIRE(RunCommand(Crosscheck("report " + (dir / "corpus").string() + " -q --out " + (dir / "out").string()), &output) ==
          0);
  const std::string json = ReadFile(dir / "out" / "report.json");
  REQUIRE(json.find("<script>alert(1)</script>") != std::string::npos);  // the payload reached a claim's evidence
  for (const char* file : {"report.md", "report.html"}) {
    INFO(file);
    const std::string text = ReadFile(dir / "out" / file);
    CHECK(text.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(text.find("<script>alert") == std::string::npos);
    CHECK(text.find("<img src=x") == std::string::npos);
    CHECK(text.find("<b ") == std::string::npos);
    CHECK(text.find("</textarea>") == std::string::npos);
    if (std::string(file) == "report.md") CHECK(text.find(" [x](javascript:") == std::string::npos);  // no Markdown link
    CHECK(text.find("href=\"javascript:") == std::string::npos);
  }
}

}  // namespace crosscheck::testing
