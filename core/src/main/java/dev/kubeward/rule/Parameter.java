/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import java.util.Objects;

/**
 * The description of a declared rule parameter, as the catalogue, {@code kubeward explain} and the
 * docs show it. A rule declares a parameter with a {@link ParameterKey}, which holds one of these.
 *
 * @param name camelCase name used in configuration
 * @param type the value type
 * @param defaultValue the default, as configuration text ({@code "1000"}, {@code "true"},
 *     {@code "a,b"} for a list)
 * @param description one sentence for the catalogue
 */
public record Parameter(String name, Type type, String defaultValue, String description) {

  /** Parameter value types. */
  public enum Type {
    INT,
    BOOLEAN,
    STRING,
    STRING_LIST
  }

  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }

  // equals and hashCode are written out (with the values a record's generated methods give) so that
  // their first use does not bootstrap java.lang.runtime.ObjectMethods at start-up.

  @Override
  public boolean equals(Object o) {
    return this == o || o instanceof Parameter other && name.equals(other.name) && type == other.type
        && defaultValue.equals(other.defaultValue) && description.equals(other.description);
  }

  @Override
  public int hashCode() {
    return ((31 * name.hashCode() + type.hashCode()) * 31 + defaultValue.hashCode()) * 31 + description.hashCode();
  }
}
