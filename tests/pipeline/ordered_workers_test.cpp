// OrderedWorkers: items come back in submission order, whatever the threads do.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "pipeline/ordered_workers.h"

namespace crosscheck::testing {
namespace {

constexpr int kItems = 200;

struct Item {
  int index = 0;
  int squared = -1;
};

// Submits n items, taking finished ones back as the pipeline does; returns them in the order taken.
std::vector<Item> RunAll(size_t threads, size_t window, int n, std::atomic<size_t>* max_in_flight) {
  // Later items sleep less, so they finish first and order has to be restored.
  pipeline::OrderedWorkers<Item> pool(threads, window, [](Item& item) {
    std::this_thread::sleep_for(std::chrono::microseconds((kItems - item.index) % 7 * 50));
    item.squared = item.index * item.index;
  });
  std::vector<Item> out;
  for (int i = 0; i < n; ++i) {
    while (pool.full() || pool.NextReady()) out.push_back(pool.TakeNext());
    // Every third item needs no work: it passes through in its place.
    pool.Submit(Item{i, i % 3 == 0 ? i * i : -1}, i % 3 != 0);
    size_t now = pool.in_flight();
    size_t seen = max_in_flight->load();
    while (now > seen && !max_in_flight->compare_exchange_weak(seen, now)) {
    }
  }
  while (pool.in_flight() > 0) out.push_back(pool.TakeNext());
  return out;
}

}  // namespace

TEST_CASE("ordered workers: items come back in order, done, within the window", "[pipeline][jobs]") {
  for (size_t threads : {size_t{0}, size_t{1}, size_t{3}}) {
    INFO("threads " << threads);
    std::atomic<size_t> max_in_flight{0};
    const std::vector<Item> out = RunAll(threads, 8, kItems, &max_in_flight);
    REQUIRE(out.size() == static_cast<size_t>(kItems));
    for (int i = 0; i < kItems; ++i) {
      CHECK(out[static_cast<size_t>(i)].index == i);
      CHECK(out[static_cast<size_t>(i)].squared == i * i);
    }
    CHECK(max_in_flight.load() <= 8);
  }
}

}  // namespace crosscheck::testing
