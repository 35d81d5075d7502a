/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A set of destination ports per protocol (TCP, UDP and SCTP, ports 1-65535), immutable. "All
 * connections" is every port of the three protocols, as a NetworkPolicy rule without ports allows.
 */
public final class PortSet {

  /** The protocols a NetworkPolicy port names, in the order answers list them. */
  public static final List<String> PROTOCOLS = List.of("TCP", "UDP", "SCTP");

  /** The highest port number. */
  public static final int MAX_PORT = 65535;

  private static final int[] EMPTY = new int[0];
  private static final int[] WHOLE = {1, MAX_PORT};

  /** No port at all. */
  public static final PortSet NONE = new PortSet(new int[][] {EMPTY, EMPTY, EMPTY});

  /** Every port of every protocol. */
  public static final PortSet ALL = new PortSet(new int[][] {WHOLE, WHOLE, WHOLE});

  /** One port entry: {@code port} alone, a range up to {@code endPort}, or the whole protocol. */
  public record Range(String protocol, int port, int endPort) {
    /** True if the range is the whole protocol. */
    public boolean wholeProtocol() {
      return port == 1 && endPort == MAX_PORT;
    }

    @Override
    public String toString() {
      if (wholeProtocol()) {
        return protocol;
      }
      return protocol + " " + (port == endPort ? Integer.toString(port) : port + "-" + endPort);
    }
  }

  /** Per protocol, sorted disjoint non-adjacent inclusive ranges as [lo0, hi0, lo1, hi1...]. */
  private final int[][] ranges;

  private PortSet(int[][] ranges) {
    this.ranges = ranges;
  }

  /** The index of {@code protocol} in {@link #PROTOCOLS}, or -1 for a protocol policies cannot name. */
  static int protocolIndex(String protocol) {
    switch (protocol.toUpperCase(Locale.ROOT)) {
      case "TCP":
        return 0;
      case "UDP":
        return 1;
      case "SCTP":
        return 2;
      default:
        return -1;
    }
  }

  /** Ports {@code from} to {@code to} (inclusive, clamped to 1-65535) of {@code protocol}. */
  public static PortSet of(String protocol, int from, int to) {
    int p = protocolIndex(protocol);
    int lo = Math.max(1, from);
    int hi = Math.min(MAX_PORT, to);
    if (p < 0 || lo > hi) {
      return NONE;
    }
    int[][] r = {EMPTY, EMPTY, EMPTY};
    r[p] = new int[] {lo, hi};
    return new PortSet(r);
  }

  /** Every port of {@code protocol}. */
  public static PortSet protocol(String protocol) {
    return of(protocol, 1, MAX_PORT);
  }

  public boolean isEmpty() {
    return ranges[0].length == 0 && ranges[1].length == 0 && ranges[2].length == 0;
  }

  /** True if every port of every protocol is in the set. */
  public boolean isAll() {
    return Arrays.equals(ranges[0], WHOLE) && Arrays.equals(ranges[1], WHOLE) && Arrays.equals(ranges[2], WHOLE);
  }

  public PortSet union(PortSet other) {
    if (other.isEmpty() || this == other) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    return combine(other, 0);
  }

  public PortSet intersect(PortSet other) {
    if (isEmpty() || other.isAll()) {
      return this;
    }
    if (other.isEmpty() || isAll()) {
      return other;
    }
    return combine(other, 1);
  }

  public PortSet minus(PortSet other) {
    if (isEmpty() || other.isEmpty()) {
      return this;
    }
    return combine(other, 2);
  }

  private PortSet combine(PortSet other, int op) {
    int[][] out = new int[3][];
    for (int p = 0; p < 3; p++) {
      out[p] = combine(ranges[p], other.ranges[p], op);
    }
    PortSet result = new PortSet(out);
    if (result.isEmpty()) {
      return NONE;
    }
    return result.isAll() ? ALL : result;
  }

  /** Sweeps the boundaries of both range lists; op 0 union, 1 intersection, 2 difference. */
  private static int[] combine(int[] a, int[] b, int op) {
    int[] points = new int[a.length + b.length];
    int n = 0;
    for (int i = 0; i < a.length; i += 2) {
      points[n++] = a[i];
      points[n++] = a[i + 1] + 1;
    }
    for (int i = 0; i < b.length; i += 2) {
      points[n++] = b[i];
      points[n++] = b[i + 1] + 1;
    }
    Arrays.sort(points, 0, n);
    int[] out = new int[n + 2];
    int m = 0;
    for (int i = 0; i + 1 < n; i++) {
      int lo = points[i];
      int hi = points[i + 1] - 1;
      if (lo > hi) {
        continue;
      }
      boolean inA = contains(a, lo);
      boolean inB = contains(b, lo);
      boolean keep = op == 0 ? inA || inB : op == 1 ? inA && inB : inA && !inB;
      if (!keep) {
        continue;
      }
      if (m > 0 && out[m - 1] + 1 >= lo) {
        out[m - 1] = Math.max(out[m - 1], hi);
      } else {
        out[m++] = lo;
        out[m++] = hi;
      }
    }
    return m == 0 ? EMPTY : Arrays.copyOf(out, m);
  }

  private static boolean contains(int[] r, int port) {
    for (int i = 0; i < r.length; i += 2) {
      if (port < r[i]) {
        return false;
      }
      if (port <= r[i + 1]) {
        return true;
      }
    }
    return false;
  }

  /** True if {@code port} of {@code protocol} is in the set. */
  public boolean contains(String protocol, int port) {
    int p = protocolIndex(protocol);
    return p >= 0 && contains(ranges[p], port);
  }

  /** The entries of the set, by protocol then port. */
  public List<Range> ranges() {
    List<Range> out = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      int[] r = ranges[p];
      for (int i = 0; i < r.length; i += 2) {
        out.add(new Range(PROTOCOLS.get(p), r[i], r[i + 1]));
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortSet other && Arrays.deepEquals(ranges, other.ranges);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(ranges);
  }

  /** {@code All Connections}, or the entries joined by commas: {@code TCP 8080,TCP 9000-9100,UDP}. */
  @Override
  public String toString() {
    if (isAll()) {
      return "All Connections";
    }
    if (isEmpty()) {
      return "No Connections";
    }
    StringBuilder sb = new StringBuilder();
    for (Range r : ranges()) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(r);
    }
    return sb.toString();
  }
}
