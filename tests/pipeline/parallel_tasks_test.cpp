// RunTasks: every task runs once, on up to the threads asked for, and an
// exception a task throws reaches the caller after the others have ended.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "pipeline/parallel_tasks.h"

namespace crosscheck::testing {
namespace {

std::vector<std::function<void()>> Tasks(size_t n, std::vector<int>* done, std::mutex* mutex,
                                         std::set<std::thread::id>* threads) {
  std::vector<std::function<void()>> tasks;
  for (size_t i = 0; i < n; ++i) {
    tasks.push_back([i, done, mutex, threads] {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      std::lock_guard<std::mutex> lock(*mutex);
      ++(*done)[i];
      threads->insert(std::this_thread::get_id());
    });
  }
  return tasks;
}

}  // namespace

TEST_CASE("RunTasks runs each task once, on the caller's thread alone with one thread", "[pipeline][tasks]") {
  for (size_t threads : {0, 1}) {
    std::vector<int> done(5, 0);
    std::mutex mutex;
    std::set<std::thread::id> used;
    pipeline::RunTasks(threads, Tasks(5, &done, &mutex, &used));
    CHECK(done == std::vector<int>(5, 1));
    CHECK(used == std::set<std::thread::id>{std::this_thread::get_id()});
  }
}

TEST_CASE("RunTasks runs each task once on up to the threads asked for", "[pipeline][tasks][threads]") {
  for (size_t threads : {2, 3, 8}) {
    std::vector<int> done(7, 0);
    std::mutex mutex;
    std::set<std::thread::id> used;
    pipeline::RunTasks(threads, Tasks(7, &done, &mutex, &used));
    CHECK(done == std::vector<int>(7, 1));
    CHECK(used.size() <= threads);
  }
  std::vector<int> none;
  std::mutex mutex;
  std::set<std::thread::id> used;
  pipeline::RunTasks(2, Tasks(0, &none, &mutex, &used));  // no tasks, no threads
  CHECK(used.empty());
}

TEST_CASE("RunTasks throws a task's exception once every task has ended", "[pipeline][tasks][threads]") {
  for (size_t threads : {1, 2}) {
    std::atomic<int> ended{0};
    std::vector<std::function<void()>> tasks = {
        [] { throw std::runtime_error("first"); },
        [&ended] {
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
          ++ended;
        },
        [&ended] { ++ended; }};
    CHECK_THROWS_WITH(pipeline::RunTasks(threads, tasks), "first");
    CHECK(ended == 2);
  }
}

}  // namespace crosscheck::testing
