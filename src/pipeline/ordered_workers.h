// OrderedWorkers: runs a function over a stream of items on worker threads
// and hands the items back in the order they were submitted.
//
// The pipeline reads documents in corpus order on one thread, extracts them on
// N threads and writes them to the store on the reading thread again, in the
// same order: so the store, the report and every diagnostic are the same
// whatever N is. At most `window` items are in flight (submitted, not yet taken
// back), which bounds memory however large the corpus. With no worker threads
// Submit() runs the function itself: --jobs 1 is the plain sequential loop.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace crosscheck::pipeline {

template <typename T>
class OrderedWorkers {
 public:
  // `threads` workers (0: run on the caller's thread), up to `window` items in flight.
  OrderedWorkers(size_t threads, size_t window, std::function<void(T&)> work)
      : window_(window == 0 ? 1 : window), work_(std::move(work)) {
    for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { WorkerLoop(); });
  }
  ~OrderedWorkers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wanted_.notify_all();
    for (std::thread& t : threads_) t.join();
  }
  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  // Items submitted and not yet taken back.
  size_t in_flight() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return slots_.size();
  }
  bool full() const { return in_flight() >= window_; }

  // Queues an item for the function; `needs_work` false passes it through as is.
  // Call only when !full(): take the oldest back first.
  void Submit(T item, bool needs_work = true) {
    if (threads_.empty()) {
      if (needs_work) work_(item);
      std::lock_guard<std::mutex> lock(mutex_);
      slots_.push_back({std::move(item), true, true});
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      slots_.push_back({std::move(item), !needs_work, !needs_work});
    }
    if (needs_work) wanted_.notify_one();
  }

  // The oldest item once its work is done (waits for it). Call only when in_flight() > 0.
  T TakeNext() {
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [this] { return slots_.front().done; });
    return PopFront();
  }

  // Whether the oldest item's work is done, so TakeNext() would not wait.
  bool NextReady() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return !slots_.empty() && slots_.front().done;
  }

 private:
  struct Slot {
    T item;
    bool started = false;
    bool done = false;
  };

  T PopFront() {
    T item = std::move(slots_.front().item);
    slots_.pop_front();
    if (next_to_start_ > 0) --next_to_start_;
    return item;
  }

  void WorkerLoop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wanted_.wait(lock, [this] { return stopping_ || FindUnstarted(); });
      if (stopping_) return;
      Slot& slot = slots_[next_to_start_];
      slot.started = true;
      // Deque elements keep their address while others are added at the back
      // and the front is only removed once done: safe to use unlocked.
      lock.unlock();
      work_(slot.item);
      lock.lock();
      slot.done = true;
      finished_.notify_all();
    }
  }

  // Moves next_to_start_ to the first slot no worker has taken; false if none.
  bool FindUnstarted() {
    while (next_to_start_ < slots_.size() && slots_[next_to_start_].started) ++next_to_start_;
    return next_to_start_ < slots_.size();
  }

  const size_t window_;
  std::function<void(T&)> work_;
  mutable std::mutex mutex_;
  std::condition_variable wanted_;    // an item to work on, or stopping
  std::condition_variable finished_;  // an item's work is done
  std::deque<Slot> slots_;            // in submission order
  size_t next_to_start_ = 0;          // slots before it are started or done
  bool stopping_ = false;
  std::vector<std::thread> threads_;  // last: started after everything above exists
};

}  // namespace crosscheck::pipeline
