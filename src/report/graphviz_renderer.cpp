#include "report/graphviz_renderer.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

extern char** environ;

namespace crosscheck::report {
namespace {

namespace fs = std::filesystem;

// A file created with mkstemp in the temporary folder, removed on destruction.
class TempFile {
 public:
  explicit TempFile(const char* suffix_name) {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    if (ec) dir = "/tmp";
    std::string pattern = (dir / (std::string("crosscheck-") + suffix_name + "-XXXXXX")).string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int fd = mkstemp(buffer.data());
    if (fd >= 0) {
      close(fd);
      path_ = buffer.data();
    }
  }
  ~TempFile() {
    if (!path_.empty()) {
      std::error_code ignored;
      fs::remove(path_, ignored);
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == ':' || c == '.';
}

// Parses the attributes of a start tag, text between the tag name and '>'.
// Returns false when one of them could run code or load something.
bool AttributesAreInert(std::string_view attributes) {
  size_t i = 0;
  while (i < attributes.size()) {
    while (i < attributes.size() && (std::isspace(static_cast<unsigned char>(attributes[i])) != 0 || attributes[i] == '/')) ++i;
    if (i >= attributes.size()) break;
    const size_t name_begin = i;
    while (i < attributes.size() && IsNameChar(attributes[i])) ++i;
    if (i == name_begin) return false;  // something that is not an attribute name
    const std::string name = Lower(attributes.substr(name_begin, i - name_begin));
    while (i < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[i])) != 0) ++i;
    std::string value;
    if (i < attributes.size() && attributes[i] == '=') {
      ++i;
      while (i < attributes.size() && std::isspace(static_cast<unsigned char>(attributes[i])) != 0) ++i;
      if (i >= attributes.size()) return false;
      const char quote = attributes[i];
      if (quote != '"' && quote != '\'') return false;  // XML requires quoted values
      const size_t end = attributes.find(quote, i + 1);
      if (end == std::string_view::npos) return false;
      value = attributes.substr(i + 1, end - i - 1);
      i = end + 1;
    }
    const std::string local = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
    if (local.rfind("on", 0) == 0) return false;  // event handlers
    std::string compact;
    for (char c : Lower(value)) {
      if (std::isspace(static_cast<unsigned char>(c)) == 0) compact.push_back(c);
    }
    if (compact.find("javascript:") != std::string::npos || compact.find("javascript&#") != std::string::npos) return false;
    if (local == "href" || local == "src") {
      if (!compact.empty() && compact[0] != '#') return false;  // only links inside the picture
    }
  }
  return true;
}

}  // namespace

bool IsInertSvg(std::string_view svg) {
  static const char* const kForbidden[] = {"script", "foreignobject", "iframe", "object", "embed", "handler",
                                           "listener", "animate", "set", "animatemotion", "animatetransform",
                                           "animatecolor", "discard", "audio", "video", "image", "use", "a"};
  bool saw_svg = false;
  size_t i = 0;
  while ((i = svg.find('<', i)) != std::string_view::npos) {
    std::string_view rest = svg.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      const size_t end = svg.find("-->", i + 4);
      if (end == std::string_view::npos) return false;
      i = end + 3;
      continue;
    }
    if (rest.substr(0, 2) == "<?") {
      const size_t end = svg.find("?>", i + 2);
      if (end == std::string_view::npos) return false;
      i = end + 2;
      continue;
    }
    if (rest.substr(0, 2) == "<!") {
      if (Lower(rest.substr(0, 9)) != "<!doctype") return false;  // CDATA and anything else
      const size_t end = svg.find('>', i);
      if (end == std::string_view::npos) return false;
      if (svg.substr(i, end - i).find('[') != std::string_view::npos) return false;  // internal subset: entities
      i = end + 1;
      continue;
    }
    // A start or end tag. Quoted attribute values may hold '>' in theory;
    // dot writes none, and a tag we cannot read is refused.
    size_t j = i + 1;
    const bool closing = j < svg.size() && svg[j] == '/';
    if (closing) ++j;
    const size_t name_begin = j;
    while (j < svg.size() && IsNameChar(svg[j])) ++j;
    if (j == name_begin) return false;
    std::string name = Lower(svg.substr(name_begin, j - name_begin));
    if (name.find(':') != std::string::npos) name = name.substr(name.rfind(':') + 1);
    size_t end = j;
    char quote = 0;
    for (; end < svg.size(); ++end) {
      const char c = svg[end];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      } else if (c == '<') {
        return false;
      }
    }
    if (end >= svg.size()) return false;
    for (const char* forbidden : kForbidden) {
      if (name == forbidden) return false;
    }
    if (name == "svg") saw_svg = true;
    if (!closing && !AttributesAreInert(svg.substr(j, end - j))) return false;
    i = end + 1;
  }
  return saw_svg;
}

Result<std::string> RenderSvgWithGraphviz(const std::string& dot_text, const GraphvizOptions& options) {
  TempFile input("graph-dot");
  TempFile output("graph-svg");
  if (!input.ok() || !output.ok()) return Status::IoError("cannot create temporary files for Graphviz dot");
  {
    std::ofstream out(input.path(), std::ios::binary | std::ios::trunc);
    out << dot_text;
    if (!out.flush()) return Status::IoError(input.path() + ": cannot write the graph for Graphviz dot");
  }

  std::vector<std::string> args = {options.program, "-Tsvg", "-Grankdir=LR", "-Gfontname=Helvetica",
                                   "-Nfontname=Helvetica", "-Efontname=Helvetica", "-Nfontsize=11",
                                   "-Efontsize=9", "-o", output.path(), input.path()};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, options.program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    return Status::IoError("cannot run Graphviz '" + options.program + "': " + std::strerror(spawned));
  }

  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  int wait_status = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &wait_status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) return Status::IoError(std::string("waiting for Graphviz dot: ") + std::strerror(errno));
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid, SIGKILL);
      while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
      }
      return Status::IoError("Graphviz dot did not finish within " + std::to_string(options.timeout.count()) + " ms");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0) {
    if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 127) {
      return Status::IoError("cannot run Graphviz '" + options.program + "'");
    }
    return Status::IoError("Graphviz dot failed" + (WIFEXITED(wait_status)
                                                        ? " with exit code " + std::to_string(WEXITSTATUS(wait_status))
                                                        : std::string(" (killed by a signal)")));
  }

  std::error_code ec;
  const auto size = fs::file_size(output.path(), ec);
  if (ec) return Status::IoError("Graphviz dot wrote no picture");
  if (size > options.max_svg_bytes) return Status::IoError("Graphviz dot's picture is too large to embed");
  std::ifstream in(output.path(), std::ios::binary);
  std::ostringstream svg;
  svg << in.rdbuf();
  if (!in) return Status::IoError("cannot read Graphviz dot's picture");
  std::string text = svg.str();
  if (!IsInertSvg(text)) return Status::InvalidInput("Graphviz dot's picture holds active content; not embedded");
  return text;
}

}  // namespace crosscheck::report
