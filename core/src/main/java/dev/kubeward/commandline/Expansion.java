/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.commandline;

import java.util.function.Function;

/**
 * Kubernetes' {@code $(VAR)} expansion of a container's {@code command}, {@code args} and env
 * values, as {@code third_party/forked/golang/expansion/expand.go} of kubernetes/kubernetes does it:
 * {@code $(NAME)} is replaced by the mapping's value for {@code NAME}; {@code $$} is an escaped
 * {@code $}; a {@code $} followed by anything else, a {@code $(} without its {@code )} and a
 * {@code $} at the end stay as written. Nothing else is special: no {@code ${}}, no backslash
 * escapes, no nesting (the text between {@code $(} and the first {@code )} is the name, whatever
 * it holds).
 */
final class Expansion {

  private Expansion() {}

  /**
   * {@code input} with every reference replaced through {@code mapping}, or {@code null} if the
   * mapping returns {@code null} for a reference: a value that cannot be known without the
   * cluster. The mapping returns {@code $(NAME)} itself for a name it does not define, as
   * {@code MappingFuncFor} does.
   */
  static String expand(String input, Function<String, String> mapping) {
    int dollar = input.indexOf('$');
    if (dollar < 0) {
      return input;
    }
    StringBuilder out = new StringBuilder(input.length());
    int checkpoint = 0;
    int n = input.length();
    for (int cursor = dollar; cursor < n; cursor++) {
      if (input.charAt(cursor) != '$' || cursor + 1 >= n) {
        continue;
      }
      out.append(input, checkpoint, cursor);
      char next = input.charAt(cursor + 1);
      int advance;
      if (next == '$') {
        out.append('$'); // an escaped operator
        advance = 1;
      } else if (next == '(') {
        int close = input.indexOf(')', cursor + 2);
        if (close < 0) {
          out.append("$("); // an incomplete reference stays, and scanning resumes after the (
          advance = 1;
        } else {
          String value = mapping.apply(input.substring(cursor + 2, close));
          if (value == null) {
            return null;
          }
          out.append(value);
          advance = close - cursor;
        }
      } else {
        out.append('$').append(next); // not an expression: the operator and the character stay
        advance = 1;
      }
      cursor += advance;
      checkpoint = cursor + 1;
    }
    return out.append(input, checkpoint, n).toString();
  }

  /** {@code $(name)}: what an undefined reference expands to. */
  static String reference(String name) {
    return "$(" + name + ")";
  }
}
