/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.examples.certificates;

/** Reads Go duration strings ({@code 1h30m}, {@code 2160h}, {@code 90m}) as hours. */
final class GoDuration {

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
      double value;
      try {
        value = Double.parseDouble(text.substring(start, i));
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
      int unitStart = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      switch (text.substring(unitStart, i)) {
        case "h":
          total += value;
          break;
        case "m":
          total += value / 60;
          break;
        case "s":
          total += value / 3600;
          break;
        case "ms":
        case "us":
        case "µs":
        case "ns":
          break;
        default:
          return Double.NaN;
      }
    }
    return total;
  }
}
