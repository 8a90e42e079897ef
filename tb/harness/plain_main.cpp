// The benchmark's baseline: the same Verilated model and run loop, driven by a plain C++ loop with
// no TypeScript in it. Reads pre-generated rows (in.bin, expected.bin, gaps.bin, stalls.bin), runs
// them, compares every output row, and prints "<rows> <mismatches> <seconds>" for the timed part.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>
#include "harness_core.h"

template <typename T> static std::vector<T> load(const char* path) {
  std::vector<T> v;
  FILE* f = std::fopen(path, "rb");
  if (!f) { std::perror(path); std::exit(2); }
  std::fseek(f, 0, SEEK_END);
  v.resize(std::ftell(f) / sizeof(T));
  std::fseek(f, 0, SEEK_SET);
  if (std::fread(v.data(), sizeof(T), v.size(), f) != v.size()) { std::perror(path); std::exit(2); }
  std::fclose(f);
  return v;
}

int main(int argc, char** argv) {
  if (argc != 2) { std::fprintf(stderr, "usage: plain <mode>\n"); return 2; }
  const int mode = std::atoi(argv[1]);
  auto in = load<uint32_t>("in.bin");
  auto expected = load<uint32_t>("expected.bin");
  auto gaps = load<uint8_t>("gaps.bin");
  auto stalls = load<uint8_t>("stalls.bin");
  const uint64_t n = gaps.size();
  std::vector<uint32_t> out(n * bf::OUT_WORDS + 1);
  auto t0 = std::chrono::steady_clock::now();
  bf::Harness h;
  const uint64_t seen = h.run(mode, in.data(), n, gaps.data(), stalls.data(), out.data(), n, 16 * n + 1000);
  uint64_t bad = n - seen;
  for (uint64_t i = 0; i < seen; i++)
    if (std::memcmp(&out[i * bf::OUT_WORDS], &expected[i * bf::OUT_WORDS], bf::OUT_WORDS * 4) != 0) bad++;
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%llu %llu %.6f\n", static_cast<unsigned long long>(n), static_cast<unsigned long long>(bad), s);
  return 0;
}
