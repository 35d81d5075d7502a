/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ratio table of a small hand-made result ({@code ratios-sample.json}), whose figures were
 * worked out by hand: per-round ratios 0.8, 0.8, 0.9, 0.85 (median 82.5%); 0.09, 0.1, 0.1, 0.1
 * (median 10.0%, which misses a target of under 10%); 2.5 and 2.0 (median 2.25).
 */
class RatioTableTest {

  @Test
  void printsTheMedianRatiosAndTheFiguresOfEveryContender() throws IOException {
    assertThat(RatioTable.render(sample())).isEqualTo("""
        Run of 2026-12-06T10:00:00Z. Machine: Test CPU 9000, 2 processors, 24.0 GiB, Linux 6.1 amd64 (load average \
        0.50 before, 1.25 after). JVM: OpenJDK 64-Bit Server VM 17.0.15+6, -Xmx6g -XX:+UseParallelGC; collectors \
        PS Scavenge, PS MarkSweep. Catalogue: recommended, 3 rules (1 cross-resource). 4 measured rounds, iterations \
        of at least 1000 ms, warm-up 6 to 20 rounds (flat: last 4 within 4%).

        | Ratio | Median | Rounds (min–max) | CPU time | Target | Met? | Measured with |
        | --- | ---: | ---: | ---: | ---: | --- | --- |
        | Loader speed / event speed (`events` / `loader`) | 82.5% | 80.0%–90.0% | 80.0% | ≥ 90.0% | no | Test CPU 9000 |
        | Evaluating / loading (`evaluate` / `loader`) | 10.0% | 9.0%–10.0% | 10.0% | < 10.0% | no | Test CPU 9000; \
        recommended, 3 rules |
        | Scan, 100k / 1k (`scan100k` / `scan1k`) | 2.25× | 2.00×–2.50× | 2.25× |  |  | Test CPU 9000; recommended, \
        3 rules |

        | Contender | Group | Wall (median) | CPU time (median) | Warm-up | Trend | Measured with |
        | --- | --- | ---: | ---: | --- | ---: | --- |
        | `loader`: the loader | corpus | 20.00 ns/byte (50.0 MB/s); 20,000 ns/resource | 20.00 ns/byte (50.0 MB/s); \
        20,000 ns/resource | 2 rounds, flat | -9.5% | Test CPU 9000 |
        | `events`: the floor | corpus | 16.60 ns/byte (60.2 MB/s); 16,600 ns/resource | 16.40 ns/byte (61.0 MB/s); \
        16,400 ns/resource | 1 round, flat | -1.2% | Test CPU 9000 |
        | `evaluate`: the rules | corpus | 1,900 ns/resource | 1,950 ns/resource | 1 round, not flat | -5.0% | \
        Test CPU 9000; recommended, 3 rules |
        | `scan1k`: 1,000 resources | scale | 1,100 ns/resource | 1,100 ns/resource | 0 rounds, flat | +20.0% | \
        Test CPU 9000; recommended, 3 rules |
        | `scan100k`: 100,000 resources | scale | 2,450 ns/resource | 2,450 ns/resource | 0 rounds, flat | -4.0% | \
        Test CPU 9000; recommended, 3 rules |
        """);
  }

  @Test
  void saysWhenTheCatalogueIsNotTheOneMeasured() throws IOException {
    assertThat(RatioTable.catalogueNote(sample(), Map.of("rules", 3L, "ids", List.of("rule-a", "rule-b", "rule-c"))))
        .isEmpty();
    assertThat(RatioTable.catalogueNote(sample(), Map.of("rules", 4, "ids", List.of("rule-a", "rule-b", "rule-c",
        "rule-d")))).isEqualTo("Note: the run measured 3 rules under recommended; this build has 4: re-measure.");
  }

  @Test
  void refusesARatioOfContendersFromDifferentRuns() throws IOException {
    String json = sample().replace("\"numerator\": \"scan100k\"", "\"numerator\": \"loader\"");
    assertThatThrownBy(() -> RatioTable.render(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ratio scan-100k-vs-1k names loader, which is not a contender of its group");
  }

  @Test
  void refusesSomethingThatIsNotAResult() {
    assertThatThrownBy(() -> RatioTable.render("[1, 2]")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a JSON object, got [1, 2]");
  }

  @Test
  void theTrendComparesTheSecondHalfOfTheRoundsWithTheFirst() {
    assertThat(RatioTable.trend(new double[] {10, 10, 10, 11, 11})).isCloseTo(0.1, offset(1e-12));
    assertThat(RatioTable.trend(new double[] {7})).isZero();
  }

  private static String sample() throws IOException {
    try (InputStream in = RatioTableTest.class.getClassLoader().getResourceAsStream("ratios-sample.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
