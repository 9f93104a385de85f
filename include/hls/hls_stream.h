// hlsmoe's own hls::stream<T, DEPTH> (API-compatible subset; see README.md).
// Written for hlsmoe from the public interface description in UG1399 ("HLS Stream
// Library").  A fixed ring buffer: no heap, no standard library, no exceptions, a
// trivial destructor.  Like C simulation, a stream runs the producer to completion
// before the consumer, so its capacity is not DEPTH but HLS_STREAM_CAPACITY (default
// 1024; -DHLS_STREAM_CAPACITY=N raises it).  As in Vitis, stream<T, DEPTH> is a
// stream<T>, so kernels pass either to a `hls::stream<T> &` parameter.  Reading an empty stream returns T() and leaves the stream empty;
// writing a full stream drops the value (Vitis C simulation would warn or block).
#ifndef HLSMOE_HLS_STREAM_H
#define HLSMOE_HLS_STREAM_H

// C++ only (templates, namespaces): say so once instead of a wall of template errors.
#ifndef __cplusplus
#error "hls_stream.h is a C++ header: name the kernel file .cpp, or pass -x c++ to clang"
#else

#ifndef HLS_STREAM_CAPACITY
#define HLS_STREAM_CAPACITY 1024
#endif

namespace hls {

template <class _HLS_T> _HLS_T &hls_lval_() noexcept;  // unevaluated operands only
#define HLS_NX_COPY(_HLS_T) noexcept(noexcept(::hls::hls_lval_<_HLS_T>() = ::hls::hls_lval_<const _HLS_T>()) && noexcept(_HLS_T()))

template <typename _HLS_T, int _HLS_DEPTH = 0> class stream;

template <typename _HLS_T> class stream<_HLS_T, 0> {
  enum { _HLS_CAP = HLS_STREAM_CAPACITY };
  _HLS_T _HLS_buf[_HLS_CAP];
  int _HLS_head, _HLS_count;

public:
  typedef _HLS_T value_type;
  inline stream() noexcept : _HLS_head(0), _HLS_count(0) {}
  inline explicit stream(const char *_HLS_name) noexcept : _HLS_head(0), _HLS_count(0) { (void)_HLS_name; }
  stream(const stream &) = delete;  // streams are not copied (pass them by reference)
  stream &operator=(const stream &) = delete;

  inline bool empty() const noexcept { return _HLS_count == 0; }
  inline bool full() const noexcept { return _HLS_count == _HLS_CAP; }
  inline int size() const noexcept { return _HLS_count; }
  inline int capacity() const noexcept { return _HLS_CAP; }

  inline void write(const _HLS_T &_HLS_v) HLS_NX_COPY(_HLS_T) {
    if (_HLS_count == _HLS_CAP)
      return;
    int _HLS_tail = _HLS_head + _HLS_count;
    if (_HLS_tail >= _HLS_CAP)
      _HLS_tail -= _HLS_CAP;
    _HLS_buf[_HLS_tail] = _HLS_v;
    _HLS_count++;
  }
  inline void read(_HLS_T &_HLS_v) HLS_NX_COPY(_HLS_T) {
    if (_HLS_count == 0) {
      _HLS_v = _HLS_T();
      return;
    }
    _HLS_v = _HLS_buf[_HLS_head];
    _HLS_head = _HLS_head + 1 == _HLS_CAP ? 0 : _HLS_head + 1;
    _HLS_count--;
  }
  inline _HLS_T read() HLS_NX_COPY(_HLS_T) {
    _HLS_T _HLS_v;
    read(_HLS_v);
    return _HLS_v;
  }
  inline bool read_nb(_HLS_T &_HLS_v) HLS_NX_COPY(_HLS_T) {
    if (_HLS_count == 0)
      return false;
    read(_HLS_v);
    return true;
  }
  inline bool write_nb(const _HLS_T &_HLS_v) HLS_NX_COPY(_HLS_T) {
    if (_HLS_count == _HLS_CAP)
      return false;
    write(_HLS_v);
    return true;
  }
  inline void operator>>(_HLS_T &_HLS_v) HLS_NX_COPY(_HLS_T) { read(_HLS_v); }
  inline void operator<<(const _HLS_T &_HLS_v) HLS_NX_COPY(_HLS_T) { write(_HLS_v); }
  // Blocking-read forms with a timeout do not exist in hlsmoe; these are the
  // non-blocking names some kernels use.
  inline bool read_dep(_HLS_T &_HLS_v, volatile bool &) HLS_NX_COPY(_HLS_T) { read(_HLS_v); return true; }
  inline void write_dep(const _HLS_T &_HLS_v, volatile bool &) HLS_NX_COPY(_HLS_T) { write(_HLS_v); }
};

// A stream with a depth: the depth is for the hardware's FIFO; here it is
// the same buffer.
template <typename _HLS_T, int _HLS_DEPTH> class stream : public stream<_HLS_T, 0> {
public:
  inline stream() noexcept {}
  inline explicit stream(const char *_HLS_name) noexcept : stream<_HLS_T, 0>(_HLS_name) {}
};

#undef HLS_NX_COPY
} // namespace hls

#endif // __cplusplus
#endif
