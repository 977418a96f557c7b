// HandoffQueue: items reach the consumer in order, no more than the capacity
// waits between the threads (one heavy item passes alone, once the consumer
// is done with the last), and a cancelled queue releases a producer waiting
// for room.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "pipeline/handoff_queue.h"

namespace crosscheck::testing {
namespace {

TEST_CASE("HandoffQueue hands items over in order, holding no more than its capacity", "[pipeline][queue][threads]") {
  pipeline::HandoffQueue<std::vector<int>> queue(10);
  std::atomic<size_t> pushed_weight{0};
  std::atomic<size_t> popped_weight{0};
  std::atomic<size_t> most_waiting{0};
  std::atomic<bool> refused{false};
  std::thread producer([&] {
    for (int i = 0; i < 300; ++i) {
      const size_t weight = i % 50 == 0 ? 25 : static_cast<size_t>(i % 4);  // some heavier than the capacity
      pushed_weight += weight;  // counted before: an item waiting for room counts as waiting
      if (!queue.Push(std::vector<int>(weight, i), weight)) refused = true;
    }
    queue.Close();
  });
  std::vector<int> seen;
  while (auto item = queue.Pop()) {
    const size_t waiting = pushed_weight - popped_weight;
    if (waiting > most_waiting) most_waiting = waiting;
    popped_weight += item->size();
    seen.push_back(item->empty() ? -1 : item->front());
    if (seen.size() % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  producer.join();
  CHECK_FALSE(refused);
  REQUIRE(seen.size() == 300);
  for (int i = 0; i < 300; ++i) {
    if (i % 50 != 0 && i % 4 == 0) continue;  // empty items carry no index
    CHECK(seen[static_cast<size_t>(i)] == i);
  }
  // Counted as the consumer takes an item: that item (up to 25), what the
  // producer has put in the room it left (the capacity), and the next item
  // waiting for room. Unbounded, the producer would run hundreds ahead.
  CHECK(most_waiting <= 25 + 10 + 25);
}

TEST_CASE("HandoffQueue: a heavy item waits until the consumer is done with the item it has", "[pipeline][queue][threads]") {
  pipeline::HandoffQueue<int> queue(10);
  REQUIRE(queue.Push(1, 5));
  REQUIRE(queue.Pop() == std::optional<int>(1));  // the consumer works on it: 5 of 10 held
  std::atomic<bool> pushed{false};
  std::thread producer([&] {
    pushed = queue.Push(2, 25);  // heavier than the capacity
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(pushed);  // two large groups are never held at once
  REQUIRE(queue.Pop() == std::optional<int>(2));  // done with item 1: item 2 comes through
  producer.join();
  CHECK(pushed);
  // A light item still joins a light one being worked on.
  pipeline::HandoffQueue<int> light(10);
  REQUIRE(light.Push(3, 4));
  REQUIRE(light.Pop() == std::optional<int>(3));
  CHECK(light.Push(4, 4));
  CHECK(light.Pop() == std::optional<int>(4));
}

TEST_CASE("HandoffQueue: WaitForRoom holds a producer back until an item of that weight would pass", "[pipeline][queue][threads]") {
  pipeline::HandoffQueue<int> queue(10);
  CHECK(queue.WaitForRoom(25));  // nothing held: even a heavy item passes
  REQUIRE(queue.Push(1, 5));
  CHECK(queue.WaitForRoom(5));  // 5 + 5 fit
  REQUIRE(queue.Pop() == std::optional<int>(1));  // the consumer works on it: 5 of 10 held
  std::atomic<bool> room{false};
  std::thread producer([&] { room = queue.WaitForRoom(25); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK_FALSE(room);  // the heavy item is not made while item 1 is held
  queue.Close();
  CHECK(queue.Pop() == std::nullopt);  // done with item 1
  producer.join();
  CHECK(room);

  pipeline::HandoffQueue<int> cancelled(2);
  REQUIRE(cancelled.Push(2, 2));
  std::atomic<bool> answered{false};
  std::atomic<bool> said{true};
  std::thread waiting([&] {
    said = cancelled.WaitForRoom(1);
    answered = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK_FALSE(answered);
  cancelled.Cancel();
  waiting.join();
  CHECK_FALSE(said);
}

TEST_CASE("HandoffQueue: Cancel releases a producer waiting for room", "[pipeline][queue][threads]") {
  pipeline::HandoffQueue<int> queue(2);
  std::atomic<bool> refused{false};
  std::thread producer([&] {
    for (int i = 0; i < 100; ++i) {
      if (!queue.Push(i)) {
        refused = true;
        return;
      }
    }
  });
  REQUIRE(queue.Pop() == std::optional<int>(0));
  queue.Cancel();
  producer.join();
  CHECK(refused);
  CHECK_FALSE(queue.Push(7));
}

TEST_CASE("HandoffQueue: a closed empty queue gives nothing", "[pipeline][queue]") {
  pipeline::HandoffQueue<int> queue(4);
  REQUIRE(queue.Push(1));
  queue.Close();
  CHECK(queue.Pop() == std::optional<int>(1));
  CHECK_FALSE(queue.Pop().has_value());
}

}  // namespace
}  // namespace crosscheck::testing
