// bitforge cosim addon: the Verilated model in Node's process. TypeScript hands over whole batches
// of input rows (typed arrays) and gets output rows back; a batch runs on a libuv worker thread, so
// the golden model can compute the next batch while this one simulates. Never one call per cycle.
#include <node_api.h>
#include <cstdint>
#include "harness_core.h"

namespace {

#define CHECK(call) do { if ((call) != napi_ok) { napi_throw_error(env, nullptr, "bitforge harness: N-API call failed: " #call); return nullptr; } } while (0)

void destroy(napi_env, void* data, void*) { delete static_cast<bf::Harness*>(data); }

napi_value Create(napi_env env, napi_callback_info) {
  napi_value ext;
  CHECK(napi_create_external(env, new bf::Harness(), destroy, nullptr, &ext));
  return ext;
}

struct Job {
  bf::Harness* h;
  int mode;
  const uint32_t* in;
  uint64_t n;
  const uint8_t* gaps;
  const uint8_t* stalls;
  uint32_t* out;
  uint64_t nOut, maxCycles, seen = 0, cycles = 0;
  napi_ref refs[4] = {};
  napi_deferred deferred;
  napi_async_work work;
};

template <typename T>
bool typedData(napi_env env, napi_value v, T** data, size_t* bytes) {
  napi_typedarray_type type;
  size_t length, offset;
  napi_value buffer;
  void* p;
  if (napi_get_typedarray_info(env, v, &type, &length, &p, &buffer, &offset) != napi_ok) return false;
  *data = static_cast<T*>(p);
  *bytes = length * (type == napi_uint32_array ? 4 : 1);
  return true;
}

void Execute(napi_env, void* data) {
  Job* j = static_cast<Job*>(data);
  const uint64_t before = j->h->cycles;
  j->seen = j->h->run(j->mode, j->in, j->n, j->gaps, j->stalls, j->out, j->nOut, j->maxCycles);
  j->cycles = j->h->cycles - before;
}

void Complete(napi_env env, napi_status, void* data) {
  Job* j = static_cast<Job*>(data);
  napi_value result, seen, cycles;
  napi_create_object(env, &result);
  napi_create_double(env, static_cast<double>(j->seen), &seen);
  napi_create_double(env, static_cast<double>(j->cycles), &cycles);
  napi_set_named_property(env, result, "seen", seen);
  napi_set_named_property(env, result, "cycles", cycles);
  napi_resolve_deferred(env, j->deferred, result);
  for (napi_ref r : j->refs) if (r) napi_delete_reference(env, r);
  napi_delete_async_work(env, j->work);
  delete j;
}

// run(harness, mode, inRows: Uint32Array, n, gaps: Uint8Array, stalls: Uint8Array, outRows: Uint32Array, nOut, maxCycles)
//   → Promise<{ seen, cycles }>. nOut: outputs to wait for (n but for packet streams). The caller
//   must not touch the arrays until the promise settles.
napi_value Run(napi_env env, napi_callback_info info) {
  size_t argc = 9;
  napi_value argv[9];
  CHECK(napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  if (argc != 9) { napi_throw_type_error(env, nullptr, "run: expected 9 arguments"); return nullptr; }
  Job* j = new Job();
  void* h;
  CHECK(napi_get_value_external(env, argv[0], &h));
  j->h = static_cast<bf::Harness*>(h);
  int32_t mode;
  double n, nOut, maxCycles;
  CHECK(napi_get_value_int32(env, argv[1], &mode));
  CHECK(napi_get_value_double(env, argv[3], &n));
  CHECK(napi_get_value_double(env, argv[7], &nOut));
  CHECK(napi_get_value_double(env, argv[8], &maxCycles));
  j->mode = mode;
  j->n = static_cast<uint64_t>(n);
  j->nOut = static_cast<uint64_t>(nOut);
  j->maxCycles = static_cast<uint64_t>(maxCycles);
  size_t inBytes, gapBytes, stallBytes, outBytes;
  uint32_t* in;
  uint8_t *gaps, *stalls;
  if (!typedData(env, argv[2], &in, &inBytes) || !typedData(env, argv[4], &gaps, &gapBytes) ||
      !typedData(env, argv[5], &stalls, &stallBytes) || !typedData(env, argv[6], &j->out, &outBytes) ||
      inBytes < j->n * bf::IN_WORDS * 4 || outBytes < j->nOut * bf::OUT_WORDS * 4 || gapBytes < j->n || stallBytes < j->nOut) {
    delete j;
    napi_throw_type_error(env, nullptr, "run: a typed array is missing or too short for n rows");
    return nullptr;
  }
  j->in = in;
  j->gaps = gaps;
  j->stalls = stalls;
  const int arrays[4] = {2, 4, 5, 6};
  for (int k = 0; k < 4; k++) CHECK(napi_create_reference(env, argv[arrays[k]], 1, &j->refs[k]));
  napi_value promise, name;
  CHECK(napi_create_promise(env, &j->deferred, &promise));
  CHECK(napi_create_string_utf8(env, "bitforge-cosim", NAPI_AUTO_LENGTH, &name));
  CHECK(napi_create_async_work(env, nullptr, name, Execute, Complete, j, &j->work));
  CHECK(napi_queue_async_work(env, j->work));
  return promise;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "create", NAPI_AUTO_LENGTH, Create, nullptr, &fn);
  napi_set_named_property(env, exports, "create", fn);
  napi_create_function(env, "run", NAPI_AUTO_LENGTH, Run, nullptr, &fn);
  napi_set_named_property(env, exports, "run", fn);
  napi_value words;
  napi_create_int32(env, bf::IN_WORDS, &words);
  napi_set_named_property(env, exports, "inWords", words);
  napi_create_int32(env, bf::OUT_WORDS, &words);
  napi_set_named_property(env, exports, "outWords", words);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
