// hlsmoe's own hls_task.h (a stub; see README.md).
// Written for hlsmoe from the public description of hls::task in UG1399 (free-running
// tasks connected by streams in a dataflow region).  For the program graph an
// hls::task records nothing and does NOT run its function (Vitis runs it in a thread
// for ever in C simulation); the function is still emitted because its address is
// taken.  hls_thread_local expands to nothing, so no thread-local machinery appears.
#ifndef HLSMOE_HLS_TASK_H
#define HLSMOE_HLS_TASK_H

// C++ only (templates, namespaces): say so once instead of a wall of template errors.
#ifndef __cplusplus
#error "hls_task.h is a C++ header: name the kernel file .cpp, or pass -x c++ to clang"
#else

#include "hls_stream.h"

#ifndef hls_thread_local
#define hls_thread_local
#endif

namespace hls {

class task {
public:
  void (*function)();  // the task's function, recorded only
  task() noexcept : function(0) {}
  template <class _HLS_F, class... _HLS_A> inline task(_HLS_F *_HLS_f, _HLS_A &..._HLS_args) noexcept : function(reinterpret_cast<void (*)()>(_HLS_f)) {
    (void)sizeof...(_HLS_args);
  }
  task(const task &) = delete;
  task &operator=(const task &) = delete;
};


} // namespace hls

#endif // __cplusplus
#endif
