/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

/**
 * The type of a component's flag, which decides how its words are read: whether it takes the next
 * word as its value, which values the component accepts, and what repeating it does.
 */
public enum FlagType {

  /**
   * A switch: {@code --flag} alone is true, {@code --flag=X} takes {@code X} as Go's
   * {@code strconv.ParseBool} reads it ({@code 1 t T TRUE true True}, {@code 0 f F FALSE false
   * False}; anything else is rejected). It never takes the next word: in
   * {@code --anonymous-auth false} the flag is true and {@code false} is a stray argument. Repeated:
   * the last wins.
   */
  BOOLEAN,

  /** Any text. Repeated: the last wins. */
  STRING,

  /**
   * An integer as Go's {@code strconv.ParseInt(s, 0, 64)} reads it (decimal, {@code 0x} hex,
   * {@code 0o} or leading-{@code 0} octal, {@code 0b} binary). Repeated: the last wins.
   */
  INT,

  /** A number as Go's {@code strconv.ParseFloat} reads it. Repeated: the last wins. */
  FLOAT,

  /** A Go duration ({@code 1m0s}, {@code 300ms}, {@code 4h}, {@code 0}). Repeated: the last wins. */
  DURATION,

  /**
   * A comma-separated list (pflag's string slice, read as one CSV record, so an item may be
   * quoted). Repeated: the items are appended (pflag), or the last occurrence replaces the earlier
   * ones (Go's {@code flag} package, whose list values etcd sets anew each time).
   */
  LIST,

  /** One item per occurrence, commas included (pflag's string array). Repeated: appended. */
  ARRAY,

  /**
   * Comma-separated {@code key=value} pairs ({@code --feature-gates}, {@code --runtime-config}),
   * spaces around keys and values trimmed, empty items skipped, a key without {@code =} mapped to
   * the empty value. Repeated: merged, a later pair replacing an earlier one with the same key.
   */
  MAP
}
