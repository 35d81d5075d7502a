/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** AssertJ entry points for Kubeward reports and the fixture kit for rule authors. */
module dev.kubeward.assertj {
  requires transitive dev.kubeward.core;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  // QuietPath counts the bytes a thread allocates (com.sun.management.ThreadMXBean).
  requires jdk.management;

  exports dev.kubeward.assertj;
}
