/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import java.util.List;
import java.util.Objects;

/**
 * A typed rule parameter: at once its declaration, with the default written once, and the key a
 * rule reads the bound value with. A rule keeps its keys as constants, declares them in its
 * metadata and reads them in {@link Rule#configure(Parameters)}:
 *
 * <pre>{@code
 * static final ParameterKey<Long> MIN_REPLICAS =
 *     ParameterKey.ofInt("minReplicas", 2, "The least number of replicas a Deployment may ask for.");
 *
 * RuleMetadata.builder("low-replica-count")...parameters(MIN_REPLICAS).build();
 *
 * public Rule configure(Parameters parameters) {
 *   return new LowReplicaCount(parameters.get(MIN_REPLICAS));
 * }
 * }</pre>
 *
 * <p>Integers are {@code long}; a list is an unmodifiable {@code List<String>}. The configuration
 * gives values as text (or a list of text) and {@link Parameters#bind} converts them to the key's
 * type; {@link #parameter()} is the description the catalogue and docs show.
 *
 * @param <T> the value type: {@code Long}, {@code Boolean}, {@code String} or {@code List<String>}
 */
public final class ParameterKey<T> {

  private final Parameter parameter;
  private final T defaultValue;

  private ParameterKey(Parameter parameter, T defaultValue) {
    this.parameter = parameter;
    this.defaultValue = defaultValue;
  }

  /** An integer parameter. */
  public static ParameterKey<Long> ofInt(String name, long defaultValue, String description) {
    return new ParameterKey<>(new Parameter(name, Parameter.Type.INT, Long.toString(defaultValue), description),
        defaultValue);
  }

  /** A boolean parameter ({@code true} or {@code false} in configuration). */
  public static ParameterKey<Boolean> ofBoolean(String name, boolean defaultValue, String description) {
    return new ParameterKey<>(
        new Parameter(name, Parameter.Type.BOOLEAN, Boolean.toString(defaultValue), description), defaultValue);
  }

  /** A text parameter. */
  public static ParameterKey<String> ofString(String name, String defaultValue, String description) {
    Objects.requireNonNull(defaultValue, "defaultValue");
    return new ParameterKey<>(new Parameter(name, Parameter.Type.STRING, defaultValue, description), defaultValue);
  }

  /**
   * A list-of-text parameter. The catalogue shows the default comma-separated, so an item must not
   * be blank, hold a comma or start or end with white space.
   *
   * @throws IllegalArgumentException for such an item
   */
  public static ParameterKey<List<String>> ofList(String name, List<String> defaultValue, String description) {
    List<String> items = List.copyOf(defaultValue);
    for (String item : items) {
      if (item.isBlank() || item.indexOf(',') >= 0 || !item.equals(item.trim())) {
        throw new IllegalArgumentException("an item of the default of parameter " + name
            + " is blank, holds a comma or has white space around it");
      }
    }
    return new ParameterKey<>(new Parameter(name, Parameter.Type.STRING_LIST, String.join(",", items), description),
        items);
  }

  /** The camelCase name used in configuration. */
  public String name() {
    return parameter.name();
  }

  /** The value when the configuration sets none. */
  public T defaultValue() {
    return defaultValue;
  }

  /** The description the catalogue, {@code kubeward explain} and the docs show. */
  public Parameter parameter() {
    return parameter;
  }

  @Override
  public String toString() {
    return parameter.name();
  }
}
