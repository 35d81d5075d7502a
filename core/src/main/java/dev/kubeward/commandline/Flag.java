/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import dev.kubeward.model.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One flag of a {@link CommandLine}: whether the component gets it, its effective value, and the
 * nodes it came from, so that a finding can point at the word that sets it.
 *
 * <p>A flag is {@link State#SET}, {@link State#ABSENT} (the component uses its default), or
 * {@link State#UNKNOWN} when the command line is not checkable: then nothing may be concluded,
 * least of all that the default applies. {@link #occurrences()} still lists what the words say.
 */
public final class Flag {

  /** Whether the component gets the flag. */
  public enum State {
    /** Given on the command line (or, for etcd, in an {@code ETCD_*} environment variable). */
    SET,
    /** Not given: the component's default applies. */
    ABSENT,
    /** The command line is not checkable: the flag may be set or not. */
    UNKNOWN
  }

  /** Where an occurrence comes from. */
  public enum Origin {
    /** A word of {@code command} or {@code args}. */
    ARGUMENT,
    /** An environment variable of the container ({@code ETCD_CLIENT_CERT_AUTH}). */
    ENVIRONMENT
  }

  /**
   * One time the flag is given.
   *
   * @param value the value as the component receives it ({@code true} for a switch given bare),
   *     after {@code $(VAR)} expansion
   * @param flagNode the node naming the flag: the {@code command}/{@code args} item
   *     ({@code --flag=value} or {@code --flag}), or the {@code name} of the environment variable
   * @param valueNode the node holding the value: the same item for {@code --flag=value} and a bare
   *     switch, the next item for {@code --flag value}, the {@code value} of the environment
   *     variable
   * @param origin where it comes from
   */
  public record Occurrence(String value, Node flagNode, Node valueNode, Origin origin) {
    public Occurrence {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(flagNode, "flagNode");
      Objects.requireNonNull(valueNode, "valueNode");
      Objects.requireNonNull(origin, "origin");
    }
  }

  private final String name;
  private final FlagType type;
  private final boolean known;
  private final FlagTable.Syntax syntax;
  private final State state;
  private final List<Occurrence> occurrences;
  private final List<String> values;
  private final Map<String, String> entries;

  Flag(String name, FlagTable table, State state, List<Occurrence> occurrences) {
    this.name = name;
    FlagTable.Spec spec = table.spec(name);
    this.type = spec.type();
    this.known = table.knows(name);
    this.syntax = table.syntax();
    this.occurrences = List.copyOf(occurrences);
    this.state = state;
    if (state == State.SET && this.occurrences.isEmpty()) {
      throw new IllegalArgumentException("a set flag has an occurrence");
    }
    List<String> vals = new ArrayList<>();
    Map<String, String> map = new LinkedHashMap<>();
    for (Occurrence o : this.occurrences) {
      List<String> items = items(o.value());
      switch (type) {
        case LIST:
          if (syntax == FlagTable.Syntax.GO_FLAG) {
            vals.clear();
          }
          if (items != null) {
            vals.addAll(items);
          }
          break;
        case ARRAY:
          vals.add(o.value());
          break;
        case MAP:
          for (String item : items) {
            int eq = item.indexOf('=');
            map.put(eq < 0 ? item.trim() : item.substring(0, eq).trim(), eq < 0 ? "" : item.substring(eq + 1).trim());
          }
          break;
        default:
          vals.clear();
          vals.add(o.value());
          break;
      }
    }
    if (type == FlagType.MAP) {
      for (String key : map.keySet()) {
        vals.add(key + "=" + map.get(key));
      }
    }
    this.values = Collections.unmodifiableList(vals);
    this.entries = Collections.unmodifiableMap(map);
  }

  /**
   * The items one value holds: for LIST its fields (CSV with pflag, plain comma split with Go
   * flag; {@code null} if pflag's CSV reader rejects it), for MAP its non-empty comma-separated
   * items, otherwise the value itself.
   */
  private List<String> items(String value) {
    switch (type) {
      case LIST:
        return syntax == FlagTable.Syntax.PFLAG ? GoValues.csv(value) : Arrays.asList(value.split(",", -1));
      case MAP:
        List<String> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
          if (!item.trim().isEmpty()) {
            items.add(item);
          }
        }
        return items;
      default:
        return List.of(value);
    }
  }

  /** True if a component reading {@code syntax} accepts {@code value} for a flag of {@code type}. */
  static boolean accepts(FlagType type, FlagTable.Syntax syntax, String value) {
    switch (type) {
      case BOOLEAN:
        return GoValues.isBool(value);
      case INT:
        return GoValues.isInt(value);
      case FLOAT:
        return GoValues.isFloat(value);
      case DURATION:
        return GoValues.isDuration(value);
      case LIST:
        return syntax != FlagTable.Syntax.PFLAG || GoValues.csv(value) != null;
      default:
        return true;
    }
  }

  /** The flag's canonical name, without dashes ({@code anonymous-auth}). */
  public String name() {
    return name;
  }

  /** The flag's type, from the component's table ({@link FlagType#STRING} for a flag it does not list). */
  public FlagType type() {
    return type;
  }

  /** True if the component's table lists the flag. */
  public boolean isKnown() {
    return known;
  }

  public State state() {
    return state;
  }

  /** True if the component gets the flag. */
  public boolean isSet() {
    return state == State.SET;
  }

  /** True if the command line is checkable and does not give the flag: the default applies. */
  public boolean isAbsent() {
    return state == State.ABSENT;
  }

  /** Every time the flag is given, in the order the component reads them (arguments, then environment). */
  public List<Occurrence> occurrences() {
    return occurrences;
  }

  /** The occurrence that decides a scalar value (the last one), or {@code null} when the flag is not set. */
  public Occurrence effective() {
    return state == State.SET ? occurrences.get(occurrences.size() - 1) : null;
  }

  /** The node naming the flag in its effective occurrence (where a finding points), or {@code MISSING}. */
  public Node node() {
    Occurrence o = effective();
    return o == null ? Node.MISSING : o.flagNode();
  }

  /** The node holding the effective value, or {@code MISSING}. */
  public Node valueNode() {
    Occurrence o = effective();
    return o == null ? Node.MISSING : o.valueNode();
  }

  /** The effective value as the component receives it (the last occurrence's), or {@code null} when not set. */
  public String text() {
    Occurrence o = effective();
    return o == null ? null : o.value();
  }

  /** True if the flag is set and every value it is given is one the component accepts for its type. */
  public boolean isValid() {
    if (state != State.SET) {
      return false;
    }
    for (Occurrence o : occurrences) {
      if (!accepts(type, syntax, o.value())) {
        return false;
      }
    }
    return true;
  }

  /** True if the flag is set to true ({@code strconv.ParseBool} spellings; a bare switch is true). */
  public boolean isTrue() {
    String text = text();
    return text != null && GoValues.isTrue(text);
  }

  /** True if the flag is set to false ({@code 0 f F FALSE false False}). */
  public boolean isFalse() {
    String text = text();
    return text != null && GoValues.isFalse(text);
  }

  /** The effective value as a Go integer, or {@code fallback} when not set or not an integer. */
  public long longValue(long fallback) {
    String text = text();
    return text == null ? fallback : GoValues.parseInt(text, fallback);
  }

  /** The effective value as a Go float, or {@code fallback} when not set or not a number. */
  public double doubleValue(double fallback) {
    String text = text();
    return text == null ? fallback : GoValues.parseFloat(text, fallback);
  }

  /** The effective value as a Go duration in nanoseconds, or {@code fallback} when not set or not a duration. */
  public long durationNanos(long fallback) {
    String text = text();
    return text == null ? fallback : GoValues.parseDuration(text, fallback);
  }

  /**
   * The effective items: for LIST the fields of every occurrence appended (pflag) or of the last
   * one (Go flag); for ARRAY one item per occurrence; for MAP its entries as {@code key=value};
   * otherwise the effective value alone. Empty when not set.
   */
  public List<String> values() {
    return state == State.SET ? values : List.of();
  }

  /** True if {@link #values()} holds {@code item} exactly. */
  public boolean contains(String item) {
    return values().contains(item);
  }

  /** The merged entries of a MAP flag, in the order keys first appear; empty otherwise or when not set. */
  public Map<String, String> entries() {
    return state == State.SET ? entries : Map.of();
  }

  /**
   * The value node of the last occurrence that gives {@code item} (a LIST or ARRAY item, a MAP
   * key, or a scalar value), where a finding about that item points; {@code MISSING} if none does.
   */
  public Node nodeOf(String item) {
    if (state != State.SET) {
      return Node.MISSING;
    }
    for (int i = occurrences.size() - 1; i >= 0; i--) {
      Occurrence o = occurrences.get(i);
      if (type == FlagType.MAP) {
        for (String entry : items(o.value())) {
          int eq = entry.indexOf('=');
          if ((eq < 0 ? entry.trim() : entry.substring(0, eq).trim()).equals(item)) {
            return o.valueNode();
          }
        }
      } else {
        List<String> items = items(o.value());
        if (items != null && items.contains(item)) {
          return o.valueNode();
        }
      }
      boolean accumulates = type == FlagType.ARRAY || type == FlagType.MAP
          || type == FlagType.LIST && syntax == FlagTable.Syntax.PFLAG;
      if (!accumulates) {
        break; // only the last occurrence counts
      }
    }
    return Node.MISSING;
  }

  @Override
  public String toString() {
    // No value: flags carry paths, tokens and keys.
    return "--" + name + " (" + state.name().toLowerCase(java.util.Locale.ROOT) + ")";
  }
}
