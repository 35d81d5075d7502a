/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeadToHeadTest {

  /** Iterations of a nanosecond: every iteration runs its operation exactly once. */
  private static final HeadToHead.Settings TWO_AND_THREE = new HeadToHead.Settings(1, 2, 2, 1, 0.5, 3);

  @Test
  void everyRoundRunsEveryContenderOnceInARotatingOrder() {
    List<String> order = new ArrayList<>();
    List<HeadToHead.Contender> contenders = new ArrayList<>();
    for (String name : List.of("a", "b", "c")) {
      contenders.add(new HeadToHead.Contender(name, name, "resource", 10, () -> {
        order.add(name);
        return 1;
      }));
    }
    List<String> progress = new ArrayList<>();

    List<HeadToHead.Result> results = HeadToHead.run(contenders, TWO_AND_THREE, progress::add);

    assertThat(String.join("", order)).isEqualTo("abc" + "cba" + "bca" + "bac" + "cab");
    assertThat(results).extracting(r -> r.contender().name()).containsExactly("a", "b", "c");
    for (HeadToHead.Result r : results) {
      assertThat(r.warmup()).hasSize(2);
      assertThat(r.measured()).hasSize(3).allSatisfy(it -> assertThat(it.operations()).isEqualTo(1));
    }
    assertThat(progress).hasSize(5).first().asString().startsWith("warm-up round 1: a ");
    assertThat(progress.get(4)).startsWith("measured round 3: a ");
  }

  @Test
  void theWarmUpStopsWhenEveryContenderIsFlatButNotBeforeTheLeastRounds() {
    HeadToHead.Settings anythingIsFlat = new HeadToHead.Settings(1, 3, 50, 2, 1e9, 1);
    List<HeadToHead.Contender> contenders = List.of(new HeadToHead.Contender("steady", "", "resource", 1, () -> 1));

    HeadToHead.Result r = HeadToHead.run(contenders, anythingIsFlat, line -> { }).get(0);

    assertThat(r.warmup()).hasSize(3);
    assertThat(r.flat()).isTrue();
  }

  @Test
  void aContenderThatNeverSettlesWarmsUpForTheMostRoundsAndIsNotFlat() {
    HeadToHead.Settings settings = new HeadToHead.Settings(1, 1, 4, 2, 0.04, 1);
    int[] calls = {0};
    List<HeadToHead.Contender> contenders = List.of(
        new HeadToHead.Contender("steady", "", "resource", 1, () -> 1),
        new HeadToHead.Contender("jumpy", "", "resource", 1, () -> {
          if (calls[0]++ % 2 == 0) {
            try {
              Thread.sleep(5);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return 1;
        }));

    List<HeadToHead.Result> results = HeadToHead.run(contenders, settings, line -> { });

    assertThat(results.get(1).warmup()).hasSize(4);
    assertThat(results.get(1).flat()).isFalse();
    assertThat(results.get(0).warmup()).hasSize(4);
  }

  @Test
  void flatMeansTheLastIterationsLieWithinTheToleranceOfTheirMedian() {
    HeadToHead.Settings settings = new HeadToHead.Settings(1, 0, 10, 3, 0.05, 1);
    assertThat(HeadToHead.isFlat(iterations(200, 100, 104, 96), settings)).isTrue();
    assertThat(HeadToHead.isFlat(iterations(100, 104, 94), settings)).isFalse();
    assertThat(HeadToHead.isFlat(iterations(100, 100), settings)).as("too few").isFalse();
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(HeadToHead.median(new double[] {4, 1, 3})).isEqualTo(3);
    assertThat(HeadToHead.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }

  @Test
  void settingsMustBeUsable() {
    assertThatThrownBy(() -> new HeadToHead.Settings(1, 5, 4, 1, 0.1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("settings must be positive and the warm-up bounds ordered");
    assertThatThrownBy(() -> HeadToHead.run(List.of(), TWO_AND_THREE, line -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("there must be at least one contender");
  }

  private static List<HeadToHead.Iteration> iterations(long... nanos) {
    List<HeadToHead.Iteration> out = new ArrayList<>();
    for (long n : nanos) {
      out.add(new HeadToHead.Iteration(1, n, n));
    }
    return out;
  }
}
