/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.network.reach;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An IPv4 or IPv6 address block in CIDR notation, as an interval of addresses. Parsing never
 * resolves names: an unparsable block is {@code null}.
 *
 * @param family 4 or 6
 * @param start the first address
 * @param end the last address (inclusive)
 */
public record Cidr(int family, BigInteger start, BigInteger end) {

  /** {@code 0.0.0.0/0}. */
  public static final Cidr ALL_V4 = new Cidr(4, BigInteger.ZERO, BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE));

  /** {@code ::/0}. */
  public static final Cidr ALL_V6 = new Cidr(6, BigInteger.ZERO, BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));

  /** The width of an address of {@code family} in bits. */
  static int bits(int family) {
    return family == 4 ? 32 : 128;
  }

  /** The block {@code text} ({@code 10.0.0.0/8}, {@code fd00::/8}, or one address), or {@code null}. */
  public static Cidr parse(String text) {
    if (text == null) {
      return null;
    }
    String s = text.trim();
    int slash = s.indexOf('/');
    String address = slash < 0 ? s : s.substring(0, slash);
    BigInteger value;
    int family;
    if (address.indexOf(':') >= 0) {
      value = parseV6(address);
      family = 6;
    } else {
      value = parseV4(address);
      family = 4;
    }
    if (value == null) {
      return null;
    }
    int bits = bits(family);
    int prefix = bits;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return null;
      }
      prefix = Integer.parseInt(p);
      if (prefix > bits) {
        return null;
      }
    }
    BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
    BigInteger start = value.subtract(value.mod(size));
    return new Cidr(family, start, start.add(size).subtract(BigInteger.ONE));
  }

  private static BigInteger parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    long v = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return null;
      }
      int n = Integer.parseInt(part);
      if (n > 255) {
        return null;
      }
      v = v << 8 | n;
    }
    return BigInteger.valueOf(v);
  }

  private static BigInteger parseV6(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    int dbl = lower.indexOf("::");
    if (dbl >= 0 && lower.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    List<String> head = groups(dbl < 0 ? lower : lower.substring(0, dbl));
    List<String> tail = dbl < 0 ? List.of() : groups(lower.substring(dbl + 2));
    if (head == null || tail == null) {
      return null;
    }
    List<Integer> words = new ArrayList<>();
    for (List<String> part : List.of(head, tail)) {
      if (part == tail && dbl >= 0) {
        int missing = 8 - count(head) - count(tail);
        if (missing < 1) {
          return null;
        }
        for (int i = 0; i < missing; i++) {
          words.add(0);
        }
      }
      for (int i = 0; i < part.size(); i++) {
        String g = part.get(i);
        if (g.indexOf('.') >= 0) {
          if (i != part.size() - 1 || part != (dbl >= 0 ? tail : head)) {
            return null;
          }
          BigInteger v4 = parseV4(g);
          if (v4 == null) {
            return null;
          }
          words.add(v4.intValue() >>> 16);
          words.add(v4.intValue() & 0xffff);
        } else {
          if (g.isEmpty() || g.length() > 4) {
            return null;
          }
          try {
            words.add(Integer.parseInt(g, 16));
          } catch (NumberFormatException e) {
            return null;
          }
        }
      }
    }
    if (words.size() != 8) {
      return null;
    }
    BigInteger v = BigInteger.ZERO;
    for (int w : words) {
      v = v.shiftLeft(16).or(BigInteger.valueOf(w));
    }
    return v;
  }

  private static List<String> groups(String s) {
    if (s.isEmpty()) {
      return List.of();
    }
    List<String> out = List.of(s.split(":", -1));
    for (String g : out) {
      if (g.isEmpty()) {
        return null;
      }
    }
    return out;
  }

  private static int count(List<String> groups) {
    int n = 0;
    for (String g : groups) {
      n += g.indexOf('.') >= 0 ? 2 : 1;
    }
    return n;
  }

  /** The prefix length, or -1 when the interval is not one aligned block. */
  public int prefix() {
    BigInteger size = end.subtract(start).add(BigInteger.ONE);
    if (size.bitCount() != 1 || start.mod(size).signum() != 0) {
      return -1;
    }
    return bits(family) - size.bitLength() + 1;
  }

  /** True if {@code other} lies wholly inside this block. */
  public boolean contains(Cidr other) {
    return family == other.family && start.compareTo(other.start) <= 0 && end.compareTo(other.end) >= 0;
  }

  /** True if the address {@code address} of {@code family} is in this block. */
  public boolean contains(int family, BigInteger address) {
    return this.family == family && start.compareTo(address) <= 0 && end.compareTo(address) >= 0;
  }

  /** True if the two blocks share an address. */
  public boolean overlaps(Cidr other) {
    return family == other.family && start.compareTo(other.end) <= 0 && other.start.compareTo(end) <= 0;
  }

  /** True if this is the whole address space of its family. */
  public boolean isEverything() {
    return equals(family == 4 ? ALL_V4 : ALL_V6);
  }

  /** The aligned blocks that exactly cover {@code first} to {@code last} of {@code family}, in order. */
  static List<Cidr> cover(int family, BigInteger first, BigInteger last) {
    List<Cidr> out = new ArrayList<>();
    BigInteger cur = first;
    int bits = bits(family);
    while (cur.compareTo(last) <= 0) {
      int size = cur.signum() == 0 ? bits : cur.getLowestSetBit();
      while (size > 0 && cur.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE).compareTo(last) > 0) {
        size--;
      }
      BigInteger blockEnd = cur.add(BigInteger.ONE.shiftLeft(size)).subtract(BigInteger.ONE);
      out.add(new Cidr(family, cur, blockEnd));
      cur = blockEnd.add(BigInteger.ONE);
    }
    return out;
  }

  /** The smallest aligned block holding {@code first} to {@code last}. */
  static Cidr smallestHolding(int family, BigInteger first, BigInteger last) {
    int bits = bits(family);
    for (int prefix = bits; prefix >= 0; prefix--) {
      BigInteger size = BigInteger.ONE.shiftLeft(bits - prefix);
      BigInteger start = first.subtract(first.mod(size));
      BigInteger end = start.add(size).subtract(BigInteger.ONE);
      if (end.compareTo(last) >= 0) {
        return new Cidr(family, start, end);
      }
    }
    return family == 4 ? ALL_V4 : ALL_V6;
  }

  /** The block as {@code address/prefix}. */
  @Override
  public String toString() {
    int prefix = prefix();
    String address = family == 4 ? v4(start) : v6(start);
    return prefix < 0 ? address + "-" + (family == 4 ? v4(end) : v6(end)) : address + "/" + prefix;
  }

  private static String v4(BigInteger v) {
    long l = v.longValue();
    return (l >>> 24 & 255) + "." + (l >>> 16 & 255) + "." + (l >>> 8 & 255) + "." + (l & 255);
  }

  private static String v6(BigInteger v) {
    int[] w = new int[8];
    for (int i = 7; i >= 0; i--) {
      w[i] = v.intValue() & 0xffff;
      v = v.shiftRight(16);
    }
    // The longest run of zero words (two or more) becomes "::", as RFC 5952 writes it.
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8;) {
      if (w[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && w[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append(i == 0 ? "::" : ":");
        i += bestLen - 1;
        continue;
      }
      sb.append(Integer.toHexString(w[i]));
      if (i < 7) {
        sb.append(':');
      }
    }
    return sb.toString();
  }
}
