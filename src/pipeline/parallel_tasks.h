// RunTasks: runs independent tasks on up to `threads` threads, the caller's
// among them, and returns when all are done.
//
// The part of a run after extraction is a few large, independent pieces of
// work (the three report files; the copy detection beside the linker): with
// --jobs 2 they share the second core. Tasks start in the order given (put
// the longest first); each writes only its own results, so what they produce
// does not depend on which thread ran them or when. With threads <= 1 they
// run one after another on the caller's thread, as the sequential code did.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace crosscheck::pipeline {

// An exception a task throws is thrown again here, once every task has ended
// (the first one thrown, if several are).
inline void RunTasks(size_t threads, const std::vector<std::function<void()>>& tasks) {
  std::atomic<size_t> next{0};
  std::mutex mutex;
  std::exception_ptr failure;
  auto loop = [&] {
    for (size_t i = next++; i < tasks.size(); i = next++) {
      try {
        tasks[i]();
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  const size_t wanted = threads < tasks.size() ? threads : tasks.size();
  for (size_t i = 1; i < wanted; ++i) helpers.emplace_back(loop);
  loop();
  for (std::thread& t : helpers) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace crosscheck::pipeline
