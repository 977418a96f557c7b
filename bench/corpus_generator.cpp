// bench_corpus: writes a deterministic, news-like benchmark corpus.
//
//   bench_corpus --out DIR --size 100MB [--seed N] [--outlets N] [--people N]
//
// Articles of 2-6 KB about calls, meetings, invitations and releases between
// people the default knowledge base knows, each claim phrased one of many ways
// (the phrasings of the default templates' patterns and examples), mixed with
// filler paragraphs, scraped-page boilerplate (share bars, "Read more" lines)
// and syndicated copies of earlier articles. The same seed and size give the
// same bytes on every machine: the generator uses its own integer arithmetic,
// not std:: distributions, whose results differ between standard libraries.
// DIR/outlets.toml names each folder's outlet and a publication date.
// --people N writes about the first N people only: fewer pairs, so fewer
// subjects with more claims each (a 100 MB corpus with the subject groups of a
// 1 GB one, for measuring memory cheaply). Without it every person is used.
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;

// SplitMix64: tiny, fast and the same everywhere.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }
  bool Percent(unsigned p) { return Below(100) < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }

 private:
  uint64_t state_;
};

// People the default knowledge base knows, with the surname articles use after the first mention.
struct Person {
  const char* full;
  const char* surname;
  const char* title;
};

const std::vector<Person> kPeople = {
    {"Donald Trump", "Trump", "U.S. President"},
    {"Vladimir Putin", "Putin", "Russian President"},
    {"Volodymyr Zelensky", "Zelensky", "Ukrainian President"},
    {"Emmanuel Macron", "Macron", "French President"},
    {"Olaf Scholz", "Scholz", "German Chancellor"},
    {"Keir Starmer", "Starmer", "British Prime Minister"},
    {"Xi Jinping", "Xi", "Chinese President"},
    {"Joe Biden", "Biden", "former U.S. President"},
    {"Giorgia Meloni", "Meloni", "Italian Prime Minister"},
    {"Recep Tayyip Erdogan", "Erdogan", "Turkish President"},
    {"Friedrich Merz", "Merz", "German Chancellor"},
    {"Donald Tusk", "Tusk", "Polish Prime Minister"},
    {"Pedro Sanchez", "Sanchez", "Spanish Prime Minister"},
    {"Viktor Orban", "Orban", "Hungarian Prime Minister"},
    {"Mark Rutte", "Rutte", "NATO Secretary General"},
    {"Marco Rubio", "Rubio", "Secretary of State"},
    {"Sergei Lavrov", "Lavrov", "Russian Foreign Minister"},
    {"Wang Yi", "Wang", "Chinese Foreign Minister"},
    {"Alexander Stubb", "Stubb", "Finnish President"},
    {"Mette Frederiksen", "Frederiksen", "Danish Prime Minister"},
    {"Ulf Kristersson", "Kristersson", "Swedish Prime Minister"},
    {"Kyriakos Mitsotakis", "Mitsotakis", "Greek Prime Minister"},
    {"Aleksandar Vucic", "Vucic", "Serbian President"},
    {"Maia Sandu", "Sandu", "Moldovan President"},
    {"Robert Fico", "Fico", "Slovak Prime Minister"},
    {"Nikol Pashinyan", "Pashinyan", "Armenian Prime Minister"},
    {"Ilham Aliyev", "Aliyev", "Azerbaijani President"},
    {"Kassym-Jomart Tokayev", "Tokayev", "Kazakh President"},
    {"Antonio Guterres", "Guterres", "UN Secretary-General"},
    {"Benjamin Netanyahu", "Netanyahu", "Israeli Prime Minister"},
    {"Narendra Modi", "Modi", "Indian Prime Minister"},
    {"Shigeru Ishiba", "Ishiba", "Japanese Prime Minister"},
    {"Lee Jae-myung", "Lee", "South Korean President"},
    {"Anthony Albanese", "Albanese", "Australian Prime Minister"},
    {"Mark Carney", "Carney", "Canadian Prime Minister"},
    {"Javier Milei", "Milei", "Argentine President"},
    {"Cyril Ramaphosa", "Ramaphosa", "South African President"},
    {"Lai Ching-te", "Lai", "Taiwanese President"},
    {"Dmitry Peskov", "Peskov", "Kremlin spokesman"},
    {"Antony Blinken", "Blinken", "former Secretary of State"},
};

// Detained people, for release stories.
const std::vector<Person> kDetainees = {
    {"Marc Fogel", "Fogel", "American teacher"},
    {"Evan Gershkovich", "Gershkovich", "reporter"},
    {"Brittney Griner", "Griner", "basketball player"},
};

const std::vector<std::string> kActors = {"Russia", "Moscow", "the Kremlin", "Belarus", "Iran", "China", "Venezuela"};

const std::vector<std::string> kCities = {
    "Geneva", "Vienna", "Munich", "Helsinki", "Riyadh", "Istanbul", "Budapest", "Paris", "London",
    "Berlin", "Rome", "Madrid", "Warsaw", "Brussels", "Stockholm", "Oslo", "Copenhagen", "Athens",
    "Ankara", "Beijing", "Moscow", "Kyiv", "Washington", "New York", "Doha", "Abu Dhabi", "Tokyo",
    "Singapore", "Belgrade", "Bratislava", "Prague", "Lisbon", "Dublin", "Reykjavik", "Tallinn"};

const std::vector<std::string> kCountries = {"Saudi Arabia", "Turkey", "Switzerland", "Finland", "Qatar",
                                             "Hungary", "Austria", "Slovakia", "Japan"};

const std::vector<std::string> kDays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                        "Sunday"};

// Durations as outlets write them; several are compatible, some conflict.
const std::vector<std::string> kDurations = {
    "about 90 minutes", "approximately one and a half hours", "more than an hour", "over an hour",
    "nearly two hours", "almost two hours", "two hours", "45 minutes", "about 40 minutes", "an hour",
    "roughly an hour", "more than two hours", "30 minutes", "half an hour", "over three hours",
    "some 50 minutes", "around 75 minutes", "an hour and a half", "less than an hour", "about two and a half hours"};
const std::vector<std::string> kAdjectiveDurations = {"90-minute", "45-minute", "two-hour", "hour-long",
                                                      "30-minute", "one-hour", "three-hour", "20-minute"};

const std::vector<std::string> kSources = {
    "officials said", "according to the Kremlin", "a spokesperson said", "the government said",
    "diplomats said", "according to a statement", "aides confirmed", "a senior official told reporters"};

const std::vector<std::string> kFillerSubjects = {
    "Markets", "Analysts", "Opposition lawmakers", "Local newspapers", "Business leaders", "Trade unions",
    "Energy traders", "Farmers", "Economists", "Commentators", "Residents", "Observers"};
const std::vector<std::string> kFillerVerbs = {
    "reacted cautiously to", "questioned the timing of", "welcomed", "paid little attention to",
    "warned about the cost of", "debated", "remained divided over", "pointed to the history of"};
const std::vector<std::string> kFillerObjects = {
    "the new tariffs on steel and aluminium", "the energy agreement signed last year",
    "the budget negotiations in parliament", "rising food prices across the region",
    "the dispute over fishing rights", "the reform of pension rules", "the shortage of skilled workers",
    "the planned rail link between the two capitals", "the latest inflation figures",
    "the decision to raise interest rates", "the agreement on grain exports", "the new border controls"};
const std::vector<std::string> kFillerTails = {
    "in recent weeks", "after a turbulent quarter", "despite earlier promises", "as the winter approaches",
    "ahead of the elections", "while talks continue", "for the third month in a row", "at a press conference"};
const std::vector<std::string> kQuotes = {
    "\xe2\x80\x9cWe are not there yet,\xe2\x80\x9d one negotiator said.",
    "\xe2\x80\x9cThis is a step in the right direction,\xe2\x80\x9d a minister told the Associated Press.",
    "\xe2\x80\x9cNobody expected a breakthrough,\xe2\x80\x9d said a diplomat who asked not to be named.",
    "Mr. Smith, a professor at the U.N. University, said the talks were \xe2\x80\x9clong overdue.\xe2\x80\x9d",
    "Dr. Jones of St. Andrews said it was \xe2\x80\x9ctoo early to tell.\xe2\x80\x9d",
    "\xe2\x80\x98It is complicated,\xe2\x80\x99 an adviser said on Tuesday, adding that more meetings were likely."};
const std::vector<std::string> kSports = {
    "In football, the home side won 3-1 after a late goal in the 89th minute.",
    "The striker played for 90 minutes despite an injury to his ankle.",
    "The film, which runs for two hours and 15 minutes, opens in cinemas on Friday.",
    "The band released a new album and will tour 30 cities next year.",
    "LeBron James played for 48 minutes in the Lakers' win over the Heat."};
const std::vector<std::string> kBoilerplate = {
    "Share this article", "Advertisement", "Read more: Markets close higher as oil prices fall",
    "Sign up for our daily newsletter and breaking news alerts", "Follow us on Twitter",
    "Related stories", "Click here to subscribe", "Share on Facebook | Share on Twitter | Email",
    "Copyright 2026 The Example Press. All rights reserved.", "Recommended for you"};

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? std::string(separator) : "") + parts[i];
  return out;
}

class ArticleWriter {
 public:
  ArticleWriter(Random* random, const std::vector<Person>* people) : r_(*random), people_(*people) {}

  std::string Write(size_t target_bytes) {
    const Person& a = r_.Pick(people_);
    const Person* b = &r_.Pick(people_);
    while (b == &a) b = &r_.Pick(people_);
    std::vector<std::string> paragraphs;
    paragraphs.push_back(Headline(a, *b));
    if (r_.Percent(30)) paragraphs.push_back(r_.Pick(kBoilerplate));
    std::string city = r_.Pick(kCities);
    for (char& c : city) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    paragraphs.push_back(city + " - " + Intro(a, *b));
    size_t bytes = 0;
    for (const auto& p : paragraphs) bytes += p.size() + 2;
    while (bytes < target_bytes) {
      std::string p;
      const size_t kind = r_.Below(100);
      if (kind < 35) {
        p = Claim(a, *b);
      } else if (kind < 40) {
        p = r_.Pick(kBoilerplate);
      } else if (kind < 45) {
        p = r_.Pick(kSports);
      } else if (kind < 55) {
        p = r_.Pick(kQuotes);
      } else {
        p = Filler();
      }
      bytes += p.size() + 2;
      paragraphs.push_back(std::move(p));
    }
    if (r_.Percent(50)) paragraphs.push_back(r_.Pick(kBoilerplate));
    return Join(paragraphs, "\n\n") + "\n";
  }

 private:
  std::string Headline(const Person& a, const Person& b) {
    static const std::vector<std::string> verbs = {"hold talks", "discuss trade", "agree to meet", "speak by phone",
                                                   "trade barbs", "seek common ground"};
    return std::string(a.surname) + " and " + b.surname + " " + r_.Pick(verbs);
  }

  std::string Intro(const Person& a, const Person& b) {
    return std::string(a.title) + " " + a.full + " and " + b.title + " " + b.full + " spoke on " + r_.Pick(kDays) +
           " about " + r_.Pick(kFillerObjects) + ", " + r_.Pick(kSources) + ".";
  }

  std::string Filler() {
    std::vector<std::string> sentences;
    const size_t n = 2 + r_.Below(4);
    for (size_t i = 0; i < n; ++i) {
      sentences.push_back(r_.Pick(kFillerSubjects) + " " + r_.Pick(kFillerVerbs) + " " + r_.Pick(kFillerObjects) + " " +
                          r_.Pick(kFillerTails) + ".");
    }
    return Join(sentences, " ");
  }

  std::string Claim(const Person& a, const Person& b) {
    switch (r_.Below(4)) {
      case 0: return CallDuration(a, b);
      case 1: return MeetingLocation(a, b);
      case 2: return Invitation(a, b);
      default: return Release();
    }
  }

  std::string Name(const Person& p) { return r_.Percent(50) ? p.full : p.surname; }

  std::string CallDuration(const Person& a, const Person& b) {
    const std::string d = r_.Pick(kDurations);
    const std::string x = Name(a), y = Name(b);
    switch (r_.Below(9)) {
      case 0: return "The call between " + x + " and " + y + " lasted " + d + ", " + r_.Pick(kSources) + ".";
      case 1: return x + " said he had a conversation with " + y + " lasting " + d + ".";
      case 2: return "Following a " + r_.Pick(kAdjectiveDurations) + " call with " + x + ", " + y + " left for " +
                     r_.Pick(kCities) + ".";
      case 3: return x + " and " + y + " spoke by phone for " + d + " on " + r_.Pick(kDays) + ".";
      case 4: return x + " spoke with " + y + " for " + d + " by phone, " + r_.Pick(kSources) + ".";
      case 5: return x + " held a " + r_.Pick(kAdjectiveDurations) + " phone call with " + y + " on " + r_.Pick(kDays) + ".";
      case 6: return x + " spoke with " + y + ". The call lasted " + d + ", " + r_.Pick(kSources) + ".";
      case 7: return "Officials denied that the call between " + x + " and " + y + " lasted " + d + ".";
      default: return x + " expects that the call with " + y + " will probably last " + d + ".";
    }
  }

  std::string Place() { return r_.Percent(80) ? r_.Pick(kCities) : r_.Pick(kCountries); }

  std::string MeetingLocation(const Person& a, const Person& b) {
    const std::string p = Place();
    const std::string x = Name(a), y = Name(b);
    switch (r_.Below(7)) {
      case 0: return x + " will meet with " + y + " in " + p + " on " + r_.Pick(kDays) + ", " + r_.Pick(kSources) + ".";
      case 1: return x + " and " + y + " met in " + p + " on " + r_.Pick(kDays) + ".";
      case 2: return x + " said he would probably meet " + y + " soon, with the possibility of the meeting taking place in " + p + ".";
      case 3: return p + " will host the summit between " + x + " and " + y + ", " + r_.Pick(kSources) + ".";
      case 4: return x + " will travel to " + p + " to meet " + y + " next week.";
      case 5: return x + " and " + y + " could also meet in " + p + " in April, " + r_.Pick(kSources) + ".";
      default: return x + " ruled out that he would meet " + y + " in " + p + ".";
    }
  }

  std::string Invitation(const Person& a, const Person& b) {
    const std::string p = r_.Pick(kCities);
    const std::string x = Name(a), y = Name(b);
    switch (r_.Below(6)) {
      case 0: return "During the call, " + x + " extended an invitation for " + y + " to visit " + p + ".";
      case 1: return x + " invited " + y + " to visit " + p + ", " + r_.Pick(kSources) + ".";
      case 2: return y + " has been invited by " + x + " to " + p + ".";
      case 3: return y + " accepted " + x + "'s invitation to visit " + p + ".";
      case 4: return "The government denied that " + x + " invited " + y + " to " + p + ".";
      default: return x + " and " + y + " agreed to visit each other's countries.";
    }
  }

  std::string Release() {
    const Person& detainee = r_.Pick(kDetainees);
    struct {
      std::string full, surname, title;
    } d{detainee.full, detainee.surname, detainee.title};
    const std::string actor = r_.Pick(kActors);
    std::string by = actor;
    if (!by.empty()) by[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(by[0])));
    switch (r_.Below(6)) {
      case 0: return by + " released " + d.title + " " + d.full + " on " + r_.Pick(kDays) + ".";
      case 1: return d.full + " was released by " + actor + " after 18 months in custody.";
      case 2: return "The release of " + d.full + " by " + actor + " was welcomed in Washington.";
      case 3: return by + " agreed to release " + d.surname + ", " + r_.Pick(kSources) + ".";
      case 4: return d.full + " was released from the hospital on " + r_.Pick(kDays) + ".";
      default: return by + " refused to release " + d.full + ", " + r_.Pick(kSources) + ".";
    }
  }

  Random& r_;
  const std::vector<Person>& people_;  // whom articles are about
};

uint64_t ParseSize(const std::string& text) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  std::string unit(end);
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  double scale = 1;
  if (unit == "K" || unit == "KB") scale = 1e3;
  else if (unit == "M" || unit == "MB") scale = 1e6;
  else if (unit == "G" || unit == "GB") scale = 1e9;
  else if (!unit.empty() && unit != "B") return 0;
  return static_cast<uint64_t>(value * scale);
}

int Usage(const char* why) {
  std::cerr << "bench_corpus: " << why << "\n"
            << "usage: bench_corpus --out DIR --size SIZE[KB|MB|GB] [--seed N] [--outlets N] [--people N]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path out;
  uint64_t size = 0;
  uint64_t seed = 1;
  size_t outlets = 40;
  size_t people = kPeople.size();
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return Usage(("missing value after " + arg).c_str());
    const std::string value = argv[++i];
    if (arg == "--out") out = value;
    else if (arg == "--size") size = ParseSize(value);
    else if (arg == "--seed") seed = std::strtoull(value.c_str(), nullptr, 10);
    else if (arg == "--outlets") outlets = std::strtoul(value.c_str(), nullptr, 10);
    else if (arg == "--people") people = std::strtoul(value.c_str(), nullptr, 10);
    else return Usage(("unknown option " + arg).c_str());
  }
  if (out.empty() || size == 0 || outlets == 0) return Usage("--out and a positive --size are required");
  if (people < 2 || people > kPeople.size()) {
    return Usage(("--people takes 2 to " + std::to_string(kPeople.size())).c_str());
  }
  const std::vector<Person> chosen(kPeople.begin(), kPeople.begin() + static_cast<std::ptrdiff_t>(people));
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) {
    std::cerr << "bench_corpus: " << out.string() << ": " << ec.message() << "\n";
    return 4;
  }
  Random random(seed);
  ArticleWriter writer(&random, &chosen);
  std::ofstream manifest(out / "outlets.toml");
  manifest << "# Generated by bench_corpus --seed " << seed << "; one outlet per folder.\n";
  for (size_t o = 0; o < outlets; ++o) {
    char folder[32];
    std::snprintf(folder, sizeof folder, "outlet-%03zu", o);
    fs::create_directories(out / folder, ec);
    manifest << "\n[[document]]\npath = \"" << folder << "/*.txt\"\noutlet = \"Outlet " << o << "\"\n"
             << "url = \"https://outlet-" << o << ".example/news\"\npublished = 2026-03-"
             << (o % 28 < 9 ? "0" : "") << (o % 28 + 1) << "\n";
  }
  std::vector<std::string> recent;  // articles other outlets may syndicate
  uint64_t written = 0;
  size_t count = 0;
  while (written < size) {
    std::string article;
    if (!recent.empty() && random.Percent(8)) {
      article = random.Pick(recent);  // a wire story copied as is
      if (random.Percent(50)) article = random.Pick(kBoilerplate) + "\n\n" + article;  // or with a share bar on top
    } else {
      article = writer.Write(2000 + random.Below(4000));
      if (recent.size() < 64) recent.push_back(article);
      else recent[random.Below(recent.size())] = article;
    }
    char name[64];
    std::snprintf(name, sizeof name, "outlet-%03zu/article-%07zu.txt", count % outlets, count);
    std::ofstream file(out / name, std::ios::binary);
    file << article;
    if (!file) {
      std::cerr << "bench_corpus: " << (out / name).string() << ": write failed\n";
      return 4;
    }
    written += article.size();
    ++count;
  }
  std::cout << count << " articles, " << written << " bytes in " << out.string() << "\n";
  return 0;
}
