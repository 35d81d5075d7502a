/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli.hostile;

/**
 * The good neighbour every hostile input is put next to: a Pod whose container {@code app} runs
 * privileged, which the real rule {@code privileged-container} must still report.
 */
final class Manifests {

  /** The rule whose finding shows that a neighbour was checked. */
  static final String RULE = "privileged-container";

  private Manifests() {}

  /** A Pod named {@code name}; nine lines, {@code privileged: true} on line 9 with the value at column 19. */
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

  /** Column of the {@code true} in {@link #privilegedJson(String)} of {@code name}. */
  static int privilegedJsonColumn(String name) {
    return privilegedJson(name).indexOf("true") + 1;
  }

  /** The text report's line for the finding on the Pod named {@code name} at {@code location}. */
  static String finding(String location, String name) {
    return location + ": HIGH container \"app\" of Pod " + name
        + " must not set securityContext.privileged=true [" + RULE + "]";
  }
}
