package dev.kubeward.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;

/**
 * Coverage-guided fuzzing of the loader: any bytes, as a file would hold them. The loader must
 * return (never throw) and every error and node must carry a position. Without
 * {@code JAZZER_FUZZ} this replays {@code LoaderFuzzTestInputs/loadBytes/}; see
 * {@code docs/fuzzing.md}.
 */
class LoaderFuzzTest {

  private static final Loader LOADER = Loader.defaults();

  @FuzzTest(maxDuration = "5m")
  void loadBytes(byte[] input) {
    LoadResult result = LOADER.loadBytes("fuzz.yaml", input);
    Invariants.checkLoad(result, "fuzz.yaml");
  }
}
