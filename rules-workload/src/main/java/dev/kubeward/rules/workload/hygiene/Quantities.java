/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.hygiene;

/**
 * Compares Kubernetes resource quantities ({@code 1}, {@code 1000m}, {@code 0.5}, {@code 512Mi},
 * {@code 1e3}, {@code 1E}) by value, without allocating: each is read as {@code m * 2^x * 5^y}
 * with {@code m} divisible by neither 2 nor 5, which is the same triple for equal values.
 */
final class Quantities {

  /** The comparison could not be made: a quantity is not in the API's grammar (or too long). */
  static final int UNKNOWN = -1;
  static final int DIFFERENT = 0;
  static final int EQUAL = 1;

  private static final long INVALID = Long.MIN_VALUE;
  private static final int MANTISSA = 0;
  private static final int TWOS = 1;
  private static final int FIVES = 2;

  private Quantities() {}

  /** {@link #EQUAL}, {@link #DIFFERENT} or {@link #UNKNOWN}. */
  static int compare(String a, String b) {
    if (a.equals(b)) {
      return EQUAL;
    }
    long ma = read(a, MANTISSA);
    long mb = read(b, MANTISSA);
    if (ma == INVALID || mb == INVALID) {
      return UNKNOWN;
    }
    return ma == mb && read(a, TWOS) == read(b, TWOS) && read(a, FIVES) == read(b, FIVES) ? EQUAL : DIFFERENT;
  }

  /** One part of the canonical triple of {@code text}, or {@link #INVALID} (asked for the mantissa). */
  private static long read(String text, int part) {
    int n = text.length();
    int i = 0;
    boolean negative = false;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    long m = 0;
    int digits = 0;
    int fraction = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c == '.' && !point) {
        point = true;
      } else if (c >= '0' && c <= '9') {
        if (m > (Long.MAX_VALUE - 9) / 10) {
          return INVALID;
        }
        m = m * 10 + (c - '0');
        digits++;
        if (point) {
          fraction++;
        }
      } else {
        break;
      }
    }
    if (digits == 0) {
      return INVALID;
    }
    long decimal = -fraction;
    long binary = 0;
    int rest = n - i;
    char first = rest > 0 ? text.charAt(i) : 0;
    if (rest == 0) {
      // no suffix
    } else if (rest == 2 && text.charAt(i + 1) == 'i') {
      int k = "KMGTPE".indexOf(first);
      if (k < 0) {
        return INVALID;
      }
      binary = 10L * (k + 1);
    } else if (rest == 1) {
      int k = "mkMGTPE".indexOf(first);
      if (k < 0) {
        return INVALID;
      }
      decimal += k == 0 ? -3 : 3L * k;
    } else if (first == 'e' || first == 'E') {
      long exponent = 0;
      int j = i + 1;
      boolean minus = false;
      if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
        minus = text.charAt(j) == '-';
        j++;
      }
      if (j == n || n - j > 4) {
        return INVALID;
      }
      for (; j < n; j++) {
        char c = text.charAt(j);
        if (c < '0' || c > '9') {
          return INVALID;
        }
        exponent = exponent * 10 + (c - '0');
      }
      decimal += minus ? -exponent : exponent;
    } else {
      return INVALID;
    }
    if (m == 0) {
      return 0;
    }
    long twos = decimal + binary;
    long fives = decimal;
    while (m % 2 == 0) {
      m /= 2;
      twos++;
    }
    while (m % 5 == 0) {
      m /= 5;
      fives++;
    }
    switch (part) {
      case MANTISSA:
        return negative ? -m : m;
      case TWOS:
        return twos;
      default:
        return fives;
    }
  }
}
