/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.examples.certificates;

/**
 * Reads Go duration strings ({@code 1h30m}, {@code 2160h}, {@code 90m}) as hours, without
 * allocating (a rule must not allocate when the resource is fine).
 */
final class GoDuration {

  /** Digits of a number read exactly as a {@code long} over a power of ten. */
  private static final int EXACT_DIGITS = 15;
  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
      1e12, 1e13, 1e14, 1e15};

  private GoDuration() {}

  /** The duration in hours, or {@code NaN} when {@code text} is not a Go duration. */
  static double hours(String text) {
    double total = 0;
    int i = 0;
    int n = text.length();
    if (n == 0) {
      return Double.NaN;
    }
    while (i < n) {
      int start = i;
      while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        return Double.NaN;
      }
      double value = number(text, start, i);
      if (Double.isNaN(value)) {
        return Double.NaN;
      }
      int unitStart = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      char unit = i > unitStart ? text.charAt(unitStart) : 0;
      if (i - unitStart == 1 && unit == 'h') {
        total += value;
      } else if (i - unitStart == 1 && unit == 'm') {
        total += value / 60;
      } else if (i - unitStart == 1 && unit == 's') {
        total += value / 3600;
      } else if (i - unitStart != 2 || text.charAt(unitStart + 1) != 's'
          || (unit != 'm' && unit != 'u' && unit != '\u00b5' && unit != 'n')) {
        return Double.NaN; // ms, us, µs and ns count as nothing; anything else is not a unit
      }
    }
    return total;
  }

  /**
   * The decimal number of ASCII digits and at most one dot between {@code start} and {@code end}
   * (with at least one digit), or {@code NaN}; rounded as {@link Double#parseDouble} rounds it.
   */
  private static double number(String text, int start, int end) {
    if (end - start > EXACT_DIGITS) {
      try {
        return Double.parseDouble(text.substring(start, end)); // longer than any real duration
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }
    long digits = 0;
    int count = 0;
    int scale = -1;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      if (c == '.') {
        if (scale >= 0) {
          return Double.NaN;
        }
        scale = 0;
      } else if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
        if (scale >= 0) {
          scale++;
        }
      } else {
        return Double.NaN;
      }
    }
    if (count == 0) {
      return Double.NaN;
    }
    // Both operands are exact doubles, so the quotient is the correctly rounded value.
    return scale <= 0 ? digits : digits / POWERS_OF_TEN[scale];
  }
}
