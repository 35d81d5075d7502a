/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import org.junit.jupiter.api.Test;

class CorpusTest {

  @Test
  void corpusAddsUpToTheConstantsTheBenchmarksNormaliseBy() {
    Corpus corpus = Corpus.load();
    assertThat(corpus.bytes()).isEqualTo(Corpus.BYTES);
    int resources = 0;
    for (Corpus.File f : corpus.files()) {
      LoadResult result = Loader.defaults().loadBytes(f.name(), f.bytes());
      assertThat(result.errors()).as(f.name()).isEmpty();
      resources += result.resources().size();
    }
    assertThat(resources).isEqualTo(Corpus.RESOURCES);
  }

  @Test
  void evaluationInputsHaveOneBatchOfResourcesEach() {
    for (String input : new String[] {"corpus", "compliant", "noncompliant"}) {
      LoadResult batch = EvaluateBenchmark.batch(input);
      assertThat(batch.errors()).as(input).isEmpty();
      assertThat(batch.resources()).as(input).hasSize(Corpus.RESOURCES);
    }
  }
}
