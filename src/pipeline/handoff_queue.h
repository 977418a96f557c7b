// HandoffQueue: hands items from one producer thread to one consumer thread,
// in order, holding at most `capacity` units of them (an item's weight, such
// as its claims). The item the consumer works on counts until it asks for the
// next one; an item heavier than the capacity is let through once nothing
// else is held, so a large subject group never blocks, and never waits beside
// another.
//
// The check reads each subject group's claims from the store on one thread
// and judges them on another: the queue keeps the store's order and bounds
// what waits between them, so memory stays that of a few groups. On a 1 GB
// corpus the largest groups hold ~100,000 claims (~100 MB) each.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace crosscheck::pipeline {

template <typename T>
class HandoffQueue {
 public:
  explicit HandoffQueue(size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}
  HandoffQueue(const HandoffQueue&) = delete;
  HandoffQueue& operator=(const HandoffQueue&) = delete;

  // Waits for room; false (the item dropped) once the consumer has cancelled.
  bool Push(T item, size_t weight = 1) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return cancelled_ || held_ == 0 || held_ + weight <= capacity_; });
    if (cancelled_) return false;
    held_ += weight;
    items_.emplace_back(std::move(item), weight);
    ready_.notify_one();
    return true;
  }

  // Waits until an item of `weight` would be taken without waiting: for a
  // producer that can tell an item's weight before it makes it (a subject
  // group's claims before they are read), so that a heavy one is not made
  // while another is held. False once the consumer has cancelled.
  bool WaitForRoom(size_t weight) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return cancelled_ || held_ == 0 || held_ + weight <= capacity_; });
    return !cancelled_;
  }

  // The producer is done: Pop returns what is left, then nothing.
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }

  // The consumer stops taking items: a waiting or later Push returns false.
  void Cancel() {
    std::lock_guard<std::mutex> lock(mutex_);
    cancelled_ = true;
    items_.clear();
    held_ = 0;
    working_ = 0;
    room_.notify_all();
  }

  // The oldest item; nothing once the queue is closed and empty. The item
  // the last call returned stops counting now: the consumer is done with it.
  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    held_ -= working_;
    working_ = 0;
    room_.notify_one();
    ready_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    std::optional<T> item(std::move(items_.front().first));
    working_ = items_.front().second;  // still held, by the consumer
    items_.pop_front();
    return item;
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable room_;
  std::condition_variable ready_;
  std::deque<std::pair<T, size_t>> items_;
  size_t held_ = 0;     // waiting items' weight, plus working_
  size_t working_ = 0;  // the weight of the item the consumer has
  bool closed_ = false;
  bool cancelled_ = false;
};

}  // namespace crosscheck::pipeline
