/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import dev.kubeward.rule.PssLevel;
import dev.kubeward.rule.PssVersion;
import java.util.List;

/**
 * The checks of the Pod Security Standards as the Pod Security Admission controller registers them:
 * upstream check id, level, the policy versions at which its behaviour changed, and which baseline
 * check a restricted check overrides from which version. The single place that knows which check
 * runs at a given level and version.
 */
enum PssCheck {
  WINDOWS_HOST_PROCESS("windowsHostProcess", PssLevel.BASELINE, 0),
  HOST_NAMESPACES("hostNamespaces", PssLevel.BASELINE, 0),
  PRIVILEGED("privileged", PssLevel.BASELINE, 0),
  CAPABILITIES_BASELINE("capabilities_baseline", PssLevel.BASELINE, 0),
  HOST_PATH_VOLUMES("hostPathVolumes", PssLevel.BASELINE, 0),
  HOST_PORTS("hostPorts", PssLevel.BASELINE, 0),
  HOST_PROBES_AND_HOST_LIFECYCLE("hostProbesAndHostLifecycle", PssLevel.BASELINE, 34),
  APP_ARMOR_PROFILE("appArmorProfile", PssLevel.BASELINE, 0),
  SE_LINUX_OPTIONS("seLinuxOptions", PssLevel.BASELINE, 0, 31),
  PROC_MOUNT("procMount", PssLevel.BASELINE, 0, 35),
  SECCOMP_PROFILE_BASELINE("seccompProfile_baseline", PssLevel.BASELINE, 0, 19),
  SYSCTLS("sysctls", PssLevel.BASELINE, 0, 27, 29, 32, 37),
  RESTRICTED_VOLUMES("restrictedVolumes", PssLevel.RESTRICTED, 0),
  ALLOW_PRIVILEGE_ESCALATION("allowPrivilegeEscalation", PssLevel.RESTRICTED, 8, 25),
  RUN_AS_NON_ROOT("runAsNonRoot", PssLevel.RESTRICTED, 0, 35),
  RUN_AS_USER("runAsUser", PssLevel.RESTRICTED, 23, 35),
  SECCOMP_PROFILE_RESTRICTED("seccompProfile_restricted", PssLevel.RESTRICTED, 19, 25),
  CAPABILITIES_RESTRICTED("capabilities_restricted", PssLevel.RESTRICTED, 22, 25),
  PROC_MOUNT_RESTRICTED("procMount_restricted", PssLevel.RESTRICTED, 35);

  static {
    // The override table: restricted check, the baseline check it replaces, from which version.
    RESTRICTED_VOLUMES.overrides(HOST_PATH_VOLUMES, 0);
    SECCOMP_PROFILE_RESTRICTED.overrides(SECCOMP_PROFILE_BASELINE, 19);
    CAPABILITIES_RESTRICTED.overrides(CAPABILITIES_BASELINE, 22);
    PROC_MOUNT_RESTRICTED.overrides(PROC_MOUNT, 35);
  }

  private final String id;
  private final PssLevel level;
  private final int[] versions;
  private final String control;
  private final List<String> controls;
  private final String ruleId;
  private PssCheck overriddenBy;
  private int overriddenFrom = Integer.MAX_VALUE;

  PssCheck(String id, PssLevel level, int... versions) {
    this.id = id;
    this.level = level;
    this.versions = versions;
    this.control = "pss-" + level.id() + ":" + id;
    this.controls = List.of(control);
    this.ruleId = "PRIVILEGED".equals(name()) ? "privileged-container"
        : name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private void overrides(PssCheck baseline, int from) {
    baseline.overriddenBy = this;
    baseline.overriddenFrom = from;
  }

  /** The upstream check id ({@code capabilities_baseline}). */
  String id() {
    return id;
  }

  /** The level that introduces the check. */
  PssLevel level() {
    return level;
  }

  /** The control of findings of this check: {@code pss-baseline:<id>} or {@code pss-restricted:<id>}. */
  String control() {
    return control;
  }

  /** {@link #control()} as a list, for {@code Context.report}. */
  List<String> controls() {
    return controls;
  }

  /** The minor versions at which the check's behaviour changed, the first being its introduction. */
  int[] versions() {
    return versions.clone();
  }

  /** The minor version that introduced the check. */
  int since() {
    return versions[0];
  }

  /** The restricted check that replaces this baseline check at restricted, or {@code null}. */
  /**
   * The id of the rule that evaluates this check: the kebab-case form of the constant's name
   * ({@code restricted-volumes}), except {@code privileged-container}.
   */
  String ruleId() {
    return ruleId;
  }

  /**
   * True if admission at {@code requested} and {@code minor} would run this check were it not
   * overridden: a baseline check that a restricted one replaces at this level and version.
   */
  boolean isOverriddenAt(PssLevel requested, int minor) {
    return overriddenBy != null && requested == PssLevel.RESTRICTED && minor >= versions[0] && minor >= overriddenFrom;
  }

  PssCheck overriddenBy() {
    return overriddenBy;
  }

  /** The minor version from which {@link #overriddenBy()} replaces this check. */
  int overriddenFrom() {
    return overriddenFrom;
  }

  /**
   * The version entry upstream applies for {@code minor}: the greatest minimum version not above
   * it, or -1 when the check does not exist yet.
   */
  int entryFor(int minor) {
    int entry = -1;
    for (int v : versions) {
      if (v <= minor) {
        entry = v;
      }
    }
    return entry;
  }

  /**
   * True if admission at {@code level} and {@code version} runs this check: the level includes it,
   * the version has it, and no restricted check overrides it there.
   */
  boolean runsAt(PssLevel requested, PssVersion version) {
    return runsAt(requested, version.minor());
  }

  boolean runsAt(PssLevel requested, int minor) {
    if (requested == PssLevel.PRIVILEGED || minor < versions[0]) {
      return false;
    }
    if (level == PssLevel.RESTRICTED) {
      return requested == PssLevel.RESTRICTED;
    }
    return requested == PssLevel.BASELINE || overriddenBy == null || minor < overriddenFrom;
  }
}
