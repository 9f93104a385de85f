// hlsmoe's own hls::stream<T, DEPTH> (API-compatible subset; see README.md).
// Written for hlsmoe from the public interface description in UG1399 ("HLS Stream
// Library").  A fixed ring buffer: no heap, no standard library, no exceptions, a
// trivial destructor.  Like C simulation, a stream runs the producer to completion
// before the consumer, so its capacity is not DEPTH but max(DEPTH, HLS_STREAM_CAPACITY)
// (default 1024).  Reading an empty stream returns T() and leaves the stream empty;
// writing a full stream drops the value (Vitis C simulation would warn or block).
#ifndef HLSMOE_HLS_STREAM_H
#define HLSMOE_HLS_STREAM_H

#ifndef HLS_STREAM_CAPACITY
#define HLS_STREAM_CAPACITY 1024
#endif

namespace hls {

template <class T> T &hls_lval_() noexcept;  // unevaluated operands only
#define HLS_NX_COPY(T) noexcept(noexcept(::hls::hls_lval_<T>() = ::hls::hls_lval_<const T>()) && noexcept(T()))

template <typename T, int DEPTH = 0> class stream {
  enum { CAP = DEPTH > HLS_STREAM_CAPACITY ? DEPTH : HLS_STREAM_CAPACITY };
  T buf_[CAP];
  int head_, count_;

public:
  typedef T value_type;
  inline stream() noexcept : head_(0), count_(0) {}
  inline explicit stream(const char *name) noexcept : head_(0), count_(0) { (void)name; }
  stream(const stream &) = delete;  // streams are not copied (pass them by reference)
  stream &operator=(const stream &) = delete;

  inline bool empty() const noexcept { return count_ == 0; }
  inline bool full() const noexcept { return count_ == CAP; }
  inline int size() const noexcept { return count_; }
  inline int capacity() const noexcept { return CAP; }

  inline void write(const T &v) HLS_NX_COPY(T) {
    if (count_ == CAP)
      return;
    int tail = head_ + count_;
    if (tail >= CAP)
      tail -= CAP;
    buf_[tail] = v;
    count_++;
  }
  inline void read(T &v) HLS_NX_COPY(T) {
    if (count_ == 0) {
      v = T();
      return;
    }
    v = buf_[head_];
    head_ = head_ + 1 == CAP ? 0 : head_ + 1;
    count_--;
  }
  inline T read() HLS_NX_COPY(T) {
    T v;
    read(v);
    return v;
  }
  inline bool read_nb(T &v) HLS_NX_COPY(T) {
    if (count_ == 0)
      return false;
    read(v);
    return true;
  }
  inline bool write_nb(const T &v) HLS_NX_COPY(T) {
    if (count_ == CAP)
      return false;
    write(v);
    return true;
  }
  inline void operator>>(T &v) HLS_NX_COPY(T) { read(v); }
  inline void operator<<(const T &v) HLS_NX_COPY(T) { write(v); }
  // Blocking-read forms with a timeout do not exist in hlsmoe; these are the
  // non-blocking names some kernels use.
  inline bool read_dep(T &v, volatile bool &) HLS_NX_COPY(T) { read(v); return true; }
  inline void write_dep(const T &v, volatile bool &) HLS_NX_COPY(T) { write(v); }
};

#undef HLS_NX_COPY
} // namespace hls

#endif
