/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.objects;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address block in CIDR notation ({@code 10.0.0.0/8}, {@code fd00:ec2::/32}), parsed
 * without any name look-up. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) stays IPv6, as Go's
 * {@code net.ParseCIDR} keeps it; a block and an address of different families never contain each
 * other.
 */
final class Cidr {

  private final byte[] address;
  private final int prefix;

  private Cidr(byte[] address, int prefix) {
    this.address = address;
    this.prefix = prefix;
  }

  /** The block {@code text} ({@code a.b.c.d/n} or {@code x:y::z/n}), or {@code null} if it is not one. */
  static Cidr parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    int slash = t.indexOf('/');
    if (slash < 0) {
      return null;
    }
    byte[] address = address(t.substring(0, slash));
    String bits = t.substring(slash + 1);
    if (address == null || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int prefix = Integer.parseInt(bits);
    return prefix > address.length * 8 ? null : new Cidr(address, prefix);
  }

  /** The address {@code text} (IPv4 dotted quad or IPv6), or {@code null} if it is not one. */
  static byte[] address(String text) {
    return text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
  }

  private static byte[] ipv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      out[i] = (byte) v;
    }
    return out;
  }

  private static byte[] ipv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    byte[] out = new byte[16];
    if (gap < 0) {
      return groups(text, out, 0, 16) == 16 ? out : null;
    }
    byte[] head = new byte[16];
    byte[] tail = new byte[16];
    int h = gap == 0 ? 0 : groups(text.substring(0, gap), head, 0, 14);
    String rest = text.substring(gap + 2);
    int t = rest.isEmpty() ? 0 : groups(rest, tail, 0, 14);
    if (h < 0 || t < 0 || h + t > 14) {
      return null;
    }
    System.arraycopy(head, 0, out, 0, h);
    System.arraycopy(tail, 0, out, 16 - t, t);
    return out;
  }

  /**
   * Reads colon-separated groups (the last may be a dotted quad) into {@code out} from {@code at};
   * the number of bytes read, at most {@code max}, or -1 if malformed.
   */
  private static int groups(String text, byte[] out, int at, int max) {
    String[] parts = text.split(":", -1);
    int n = at;
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && p.indexOf('.') >= 0) {
        byte[] v4 = ipv4(p);
        if (v4 == null || n + 4 > max) {
          return -1;
        }
        System.arraycopy(v4, 0, out, n, 4);
        n += 4;
        continue;
      }
      if (p.isEmpty() || p.length() > 4 || n + 2 > max) {
        return -1;
      }
      int v;
      try {
        v = Integer.parseInt(p, 16);
      } catch (NumberFormatException e) {
        return -1;
      }
      out[n++] = (byte) (v >> 8);
      out[n++] = (byte) v;
    }
    return n;
  }

  boolean isIpv4() {
    return address.length == 4;
  }

  int prefix() {
    return prefix;
  }

  /** True if the block covers every address of its family ({@code 0.0.0.0/0}, {@code ::/0}). */
  boolean isEverything() {
    return prefix == 0;
  }

  /** True if {@code other} (an address, or the first address of a block) lies in this block. */
  boolean contains(byte[] other) {
    if (other == null || other.length != address.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != other[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (other[full] & mask);
  }

  /** True if every address of {@code other} lies in this block. */
  boolean contains(Cidr other) {
    return other.address.length == address.length && other.prefix >= prefix && contains(other.address);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.address, address);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(address) * 31 + prefix;
  }
}
