/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The values of a rule's declared parameters, validated against their types when the scanner is
 * built. A rule reads them once in {@link Rule#configure(Parameters)}, each with the
 * {@link ParameterKey} it declared, into its own typed fields.
 */
public final class Parameters {

  private final String ruleId;
  private final Map<String, Parameter> declared;
  private final Map<String, Object> values;

  private Parameters(String ruleId, Map<String, Parameter> declared, Map<String, Object> values) {
    this.ruleId = ruleId;
    this.declared = declared;
    this.values = values;
  }

  /** The declared defaults of {@code metadata}'s parameters, as a rule's no-argument constructor binds them. */
  public static Parameters defaults(RuleMetadata metadata) {
    return bind(metadata.id(), metadata.parameters(), Map.of());
  }

  /**
   * Binds {@code overrides} (name to text, or to a list of texts for list parameters) over the
   * defaults of {@code declared}.
   *
   * @throws IllegalArgumentException naming the parameter, for an unknown name or a value of the
   *     wrong type
   */
  public static Parameters bind(String ruleId, List<Parameter> declared, Map<String, ?> overrides) {
    Map<String, Parameter> byName = new java.util.LinkedHashMap<>();
    for (Parameter p : declared) {
      byName.put(p.name(), p);
    }
    Map<String, Object> values = new java.util.HashMap<>();
    for (Parameter p : declared) {
      values.put(p.name(), convert(ruleId, p, p.defaultValue()));
    }
    for (Map.Entry<String, ?> e : overrides.entrySet()) {
      Parameter p = byName.get(e.getKey());
      if (p == null) {
        throw new IllegalArgumentException(
            "rule " + ruleId + " has no parameter '" + e.getKey() + "' (it has " + byName.keySet() + ")");
      }
      values.put(p.name(), convert(ruleId, p, e.getValue()));
    }
    return new Parameters(ruleId, Collections.unmodifiableMap(byName), Collections.unmodifiableMap(values));
  }

  private static Object convert(String ruleId, Parameter p, Object raw) {
    String where = "parameter " + p.name() + " of rule " + ruleId;
    if (p.type() != Parameter.Type.STRING_LIST && (raw instanceof List<?> || raw instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(where + " must be a single value, not a " + (raw instanceof List<?> ? "list" : "mapping"));
    }
    if (raw instanceof Map<?, ?>) {
      throw new IllegalArgumentException(where + " must be a list, not a mapping");
    }
    switch (p.type()) {
      case INT:
        try {
          return Long.parseLong(String.valueOf(raw).trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(where + " must be an integer");
        }
      case BOOLEAN:
        String b = String.valueOf(raw).trim();
        if (b.equals("true") || b.equals("false")) {
          return Boolean.parseBoolean(b);
        }
        throw new IllegalArgumentException(where + " must be true or false");
      case STRING:
        return String.valueOf(raw);
      case STRING_LIST:
        List<String> list = new ArrayList<>();
        if (raw instanceof List<?> items) {
          for (Object item : items) {
            list.add(String.valueOf(item));
          }
        } else {
          for (String part : String.valueOf(raw).split(",")) {
            if (!part.isBlank()) {
              list.add(part.trim());
            }
          }
        }
        return List.copyOf(list);
      default:
        throw new IllegalStateException(p.type().toString());
    }
  }

  /**
   * The bound value of {@code key}.
   *
   * @throws IllegalArgumentException if the rule did not declare {@code key} (a parameter of that
   *     name, type, default and description)
   */
  @SuppressWarnings("unchecked")
  public <T> T get(ParameterKey<T> key) {
    Parameter p = declared.get(key.name());
    if (p == null || !p.equals(key.parameter())) {
      throw new IllegalArgumentException("rule " + ruleId + " does not declare the parameter " + key.name() + " it reads");
    }
    return (T) values.get(key.name());
  }
}
