/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which checks admission runs at a level and version: the evaluation model of the spec, section 1.1. */
class PssCheckTest {

  private static List<String> running(PssLevel level, String version) {
    List<String> out = new ArrayList<>();
    for (PssCheck c : PssCheck.values()) {
      if (c.runsAt(level, PssVersion.parse(version))) {
        out.add(c.id());
      }
    }
    return out;
  }

  @Test
  void baselineAtV1_0RunsTheElevenOriginalChecks() {
    assertThat(running(PssLevel.BASELINE, "v1.0")).containsExactly("windowsHostProcess", "hostNamespaces",
        "privileged", "capabilities_baseline", "hostPathVolumes", "hostPorts", "appArmorProfile",
        "seLinuxOptions", "procMount", "seccompProfile_baseline", "sysctls");
  }

  @Test
  void baselineAtLatestAddsTheProbeHostCheck() {
    assertThat(running(PssLevel.BASELINE, "latest")).containsExactly("windowsHostProcess", "hostNamespaces",
        "privileged", "capabilities_baseline", "hostPathVolumes", "hostPorts", "hostProbesAndHostLifecycle",
        "appArmorProfile", "seLinuxOptions", "procMount", "seccompProfile_baseline", "sysctls");
    assertThat(running(PssLevel.BASELINE, "v1.33")).doesNotContain("hostProbesAndHostLifecycle");
    assertThat(running(PssLevel.BASELINE, "v1.34")).contains("hostProbesAndHostLifecycle");
  }

  @Test
  void restrictedAtV1_0ReplacesHostPathVolumesOnly() {
    assertThat(running(PssLevel.RESTRICTED, "v1.7")).containsExactly("windowsHostProcess", "hostNamespaces",
        "privileged", "capabilities_baseline", "hostPorts", "appArmorProfile", "seLinuxOptions", "procMount",
        "seccompProfile_baseline", "sysctls", "restrictedVolumes", "runAsNonRoot");
  }

  @Test
  void restrictedGainsChecksAndOverridesBaselineTwinsVersionByVersion() {
    assertThat(running(PssLevel.RESTRICTED, "v1.8")).contains("allowPrivilegeEscalation");
    assertThat(running(PssLevel.RESTRICTED, "v1.18"))
        .contains("seccompProfile_baseline").doesNotContain("seccompProfile_restricted");
    assertThat(running(PssLevel.RESTRICTED, "v1.19"))
        .contains("seccompProfile_restricted").doesNotContain("seccompProfile_baseline");
    assertThat(running(PssLevel.RESTRICTED, "v1.21"))
        .contains("capabilities_baseline").doesNotContain("capabilities_restricted");
    assertThat(running(PssLevel.RESTRICTED, "v1.22"))
        .contains("capabilities_restricted").doesNotContain("capabilities_baseline");
    assertThat(running(PssLevel.RESTRICTED, "v1.22")).doesNotContain("runAsUser");
    assertThat(running(PssLevel.RESTRICTED, "v1.23")).contains("runAsUser");
    assertThat(running(PssLevel.RESTRICTED, "v1.34")).contains("procMount").doesNotContain("procMount_restricted");
    assertThat(running(PssLevel.RESTRICTED, "v1.35")).contains("procMount_restricted").doesNotContain("procMount");
  }

  @Test
  void restrictedAtLatestRunsEveryCheckButTheFourOverriddenOnes() {
    assertThat(running(PssLevel.RESTRICTED, "latest")).containsExactly("windowsHostProcess", "hostNamespaces",
        "privileged", "hostPorts", "hostProbesAndHostLifecycle", "appArmorProfile", "seLinuxOptions", "sysctls",
        "restrictedVolumes", "allowPrivilegeEscalation", "runAsNonRoot", "runAsUser", "seccompProfile_restricted",
        "capabilities_restricted", "procMount_restricted");
  }

  @Test
  void versionsNewerThanAnyKnownBehaveLikeLatest() {
    assertThat(running(PssLevel.RESTRICTED, "v1.99")).isEqualTo(running(PssLevel.RESTRICTED, "latest"));
    assertThat(running(PssLevel.BASELINE, "v1.99")).isEqualTo(running(PssLevel.BASELINE, "latest"));
    assertThat(PssCheck.SYSCTLS.entryFor(99)).isEqualTo(37);
    assertThat(PssCheck.SYSCTLS.entryFor(Integer.MAX_VALUE)).isEqualTo(37);
  }

  @Test
  void privilegedRunsNothing() {
    assertThat(running(PssLevel.PRIVILEGED, "latest")).isEmpty();
  }

  @Test
  void versionEntriesAreTheGreatestMinimumNotAboveTheRequest() {
    assertThat(PssCheck.SYSCTLS.entryFor(26)).isEqualTo(0);
    assertThat(PssCheck.SYSCTLS.entryFor(27)).isEqualTo(27);
    assertThat(PssCheck.SYSCTLS.entryFor(31)).isEqualTo(29);
    assertThat(PssCheck.RUN_AS_USER.entryFor(22)).isEqualTo(-1);
    assertThat(PssCheck.RUN_AS_USER.entryFor(34)).isEqualTo(23);
  }

  @Test
  void overrideTableIsTheUpstreamOne() {
    assertThat(PssCheck.HOST_PATH_VOLUMES.overriddenBy()).isEqualTo(PssCheck.RESTRICTED_VOLUMES);
    assertThat(PssCheck.HOST_PATH_VOLUMES.overriddenFrom()).isEqualTo(0);
    assertThat(PssCheck.SECCOMP_PROFILE_BASELINE.overriddenBy()).isEqualTo(PssCheck.SECCOMP_PROFILE_RESTRICTED);
    assertThat(PssCheck.SECCOMP_PROFILE_BASELINE.overriddenFrom()).isEqualTo(19);
    assertThat(PssCheck.CAPABILITIES_BASELINE.overriddenBy()).isEqualTo(PssCheck.CAPABILITIES_RESTRICTED);
    assertThat(PssCheck.CAPABILITIES_BASELINE.overriddenFrom()).isEqualTo(22);
    assertThat(PssCheck.PROC_MOUNT.overriddenBy()).isEqualTo(PssCheck.PROC_MOUNT_RESTRICTED);
    assertThat(PssCheck.PROC_MOUNT.overriddenFrom()).isEqualTo(35);
    assertThat(PssCheck.PRIVILEGED.overriddenBy()).isNull();
  }
}
