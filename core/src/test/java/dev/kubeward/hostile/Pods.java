/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.hostile;

/** The good neighbour every hostile input is put next to: a Pod with a privileged container. */
final class Pods {

  /** Line of {@code privileged: true} within {@link #privileged(String)}, counted from 1. */
  static final int PRIVILEGED_LINE = 9;

  /** Column of the {@code true} of {@code privileged: true}. */
  static final int PRIVILEGED_COLUMN = 19;

  private Pods() {}

  /** A Pod named {@code name} whose container {@code app} runs privileged; nine lines, ends with a newline. */
  static String privileged(String name) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: %s
        spec:
          containers:
          - name: app
            securityContext:
              privileged: true
        """.formatted(name);
  }

  /** The same Pod as one line of JSON. */
  static String privilegedJson(String name) {
    return "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"" + name + "\"},"
        + " \"spec\": {\"containers\": [{\"name\": \"app\", \"securityContext\": {\"privileged\": true}}]}}\n";
  }

  /** How {@link TestRules.Privileged} reports the Pod named {@code name} at {@code location}. */
  static String finding(String location, String name) {
    return location + ": HIGH container \"app\" of Pod " + name + " runs privileged [test-privileged]";
  }
}
