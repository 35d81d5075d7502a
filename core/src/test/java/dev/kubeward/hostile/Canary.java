/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.hostile;

/**
 * A class that YAML tags name in {@link AttackSurfaceTest}. If anything ever initialised or
 * instantiated it while loading, the system property {@link #INITIALISED} would be set.
 */
public final class Canary {

  /** Set when this class is initialised. */
  public static final String INITIALISED = "dev.kubeward.hostile.Canary.initialised";

  static {
    System.setProperty(INITIALISED, "true");
  }

  public Canary() {
    System.setProperty(INITIALISED, "instantiated");
  }

  public Canary(String value) {
    System.setProperty(INITIALISED, "instantiated with a value");
  }
}
