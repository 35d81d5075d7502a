/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.Loader;
import dev.kubeward.model.Container;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import dev.kubeward.rule.FindingBuilder;
import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.Rule;
import dev.kubeward.rule.ScanSettings;
import dev.kubeward.rules.workload.WorkloadRules;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The short ways the Pod Security rules take give the answers of the long ways: over every fixture
 * of the module, {@link PssRule#mayReport} says "nothing to report" only where
 * {@link PssRule#evaluate} reports nothing, at every policy version where a check changed (and a
 * baseline rule that a restricted one overrides answers exactly wherever the override applies);
 * {@link PssRule#subject(Container, Resource)} words a container as {@link Container#describe()}
 * does; {@link RunAsUser#isZero} agrees with parsing the value.
 */
class ShortcutsTest {

  private static final int[] MINORS = {0, 8, 18, 19, 22, 23, 25, 27, 29, 31, 32, 34, 35, 37, Integer.MAX_VALUE};

  /** Counts what a rule reports. */
  private static final class Counting implements Context {
    int reported;

    @Override
    public FindingBuilder finding(Resource resource, Node at) {
      return new FindingBuilder(resource, at) {
        @Override
        public void report() {
          message();
          reported++;
        }
      };
    }

    @Override
    public ScanSettings settings() {
      return ScanSettings.of(PssLevel.RESTRICTED, PssVersion.LATEST);
    }
  }

  /** Every workload of the module's fixtures. */
  private static List<Resource> workloads() throws IOException, URISyntaxException {
    List<Path> files;
    Path rules = Path.of(ShortcutsTest.class.getClassLoader().getResource("rules").toURI());
    try (Stream<Path> walk = Files.walk(rules)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    List<Resource> workloads = new ArrayList<>();
    for (Path file : files) {
      for (Resource r : Loader.defaults().loadString(file.toString(), Files.readString(file)).resources()) {
        if (r.podSpec() != null) {
          workloads.add(r);
        }
      }
    }
    return workloads;
  }

  @Test
  void mayReportIsFalseOnlyWhereNothingIsReported() throws IOException, URISyntaxException {
    List<Resource> workloads = workloads();
    int answeredNo = 0;
    int answeredYesAndReported = 0;
    for (Rule r : new WorkloadRules().rules()) {
      if (!(r instanceof PssRule rule)) {
        continue;
      }
      PssCheck check = rule.pssCheck();
      for (Resource resource : workloads) {
        for (int minor : MINORS) {
          Counting out = new Counting();
          rule.evaluate(resource, resource.podSpec(), minor, out);
          boolean may = rule.mayReport(resource.podSpec(), minor);
          String what = r.metadata().id() + " on " + resource.displayName() + " at minor " + minor;
          if (!may) {
            answeredNo++;
            assertThat(out.reported).as(what).isZero();
          } else if (out.reported > 0) {
            answeredYesAndReported++;
          }
          if (check.overriddenBy() != null && minor >= check.overriddenFrom()) {
            assertThat(may).as(what).isEqualTo(out.reported > 0);
          }
        }
      }
    }
    assertThat(answeredNo).isGreaterThan(1000);
    assertThat(answeredYesAndReported).isGreaterThan(100);
  }

  @Test
  void aContainerIsWordedAsItDescribesItself() throws IOException, URISyntaxException {
    int unnamed = 0;
    for (Resource resource : workloads()) {
      for (Container c : resource.podSpec().containers()) {
        assertThat(PssRule.subject(c, resource)).isEqualTo(c.describe() + " of " + resource.displayName());
        unnamed += c.name().isEmpty() ? 1 : 0;
      }
    }
    String yaml = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          initContainers: [{image: busybox}]
          containers: [{name: "", image: nginx}, {name: 'a "quoted" name', image: nginx}]
          ephemeralContainers: [{image: busybox}]
        """;
    Resource pod = Loader.defaults().loadString("pod.yaml", yaml).resources().get(0);
    for (Container c : pod.podSpec().containers()) {
      assertThat(PssRule.subject(c, pod)).isEqualTo(c.describe() + " of " + pod.displayName());
      unnamed += c.name().isEmpty() ? 1 : 0;
    }
    assertThat(unnamed).isGreaterThanOrEqualTo(3);
  }

  @Test
  void zeroIsToldApartAsParsingTellsIt() {
    String[] spellings = {
      "0", "-0", "+0", "00", "000", "0_0", "0x0", "0X00", "0o0", "0b0", "0b00_0", "0.0", "-0.0", "0e5", "0.0e10",
      "1", "10", "1000", "10001", "01", "010", "019", "0x10", "0xa", "0xA0", "0b10", "0b2", "0o8", "1:00", "1_0",
      "-1", "+10", "1e0", "1.0", "0.5", "0.", ".0", "9223372036854775808", "0x10000000000000000",
      "\"0\"", "'0'", "null", "~", "true", "no", "zero", "0a", "[0]", "{a: 0}"
    };
    int zeros = 0;
    for (String spelling : spellings) {
      Node value = Loader.defaults().loadString("v.yaml", "kind: X\napiVersion: v1\nv: " + spelling + "\n")
          .resources().get(0).root().get("v");
      boolean zero = value.longValue(-1) == 0;
      assertThat(RunAsUser.isZero(value)).as(spelling).isEqualTo(zero);
      zeros += zero ? 1 : 0;
    }
    assertThat(zeros).isGreaterThanOrEqualTo(10);
  }
}
