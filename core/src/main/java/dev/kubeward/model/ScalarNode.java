/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.model;

/**
 * A scalar with its text and the type it resolves to the way Kubernetes resolves it
 * (YAML 1.1 rules of {@code sigs.k8s.io/yaml}: plain {@code yes}, {@code On}, {@code n} are
 * booleans; quoted scalars are always strings).
 */
public final class ScalarNode extends Node {

  /** What a scalar resolves to. */
  public enum Type {
    STRING,
    BOOLEAN,
    INTEGER,
    FLOAT,
    NULL
  }

  private final String text;
  private final Type type;
  private final boolean booleanValue;
  private final boolean plain;
  private int blockColumn;

  private ScalarNode(int line, int column, String text, Type type, boolean booleanValue, boolean plain) {
    super(line, column);
    this.text = text;
    this.type = type;
    this.booleanValue = booleanValue;
    this.plain = plain;
  }

  /** A string scalar. */
  public static ScalarNode ofString(int line, int column, String text, boolean plain) {
    return new ScalarNode(line, column, text, Type.STRING, false, plain);
  }

  /**
   * A string written as a literal block scalar ({@code |}) whose content lines start at 1-based
   * {@code contentColumn}, from the line after {@code line}; see {@link #literalContentColumn()}.
   */
  public static ScalarNode ofLiteral(int line, int column, String text, int contentColumn) {
    ScalarNode node = new ScalarNode(line, column, text, Type.STRING, false, false);
    node.blockColumn = Math.max(0, contentColumn);
    return node;
  }

  /** A boolean scalar; {@code text} is the source spelling ({@code yes}, {@code On}, ...). */
  public static ScalarNode ofBoolean(int line, int column, String text, boolean value) {
    return new ScalarNode(line, column, text, Type.BOOLEAN, value, true);
  }

  /** An integer or float scalar, kept as its source text. */
  public static ScalarNode ofNumber(int line, int column, String text, boolean integer) {
    return new ScalarNode(line, column, text, integer ? Type.INTEGER : Type.FLOAT, false, true);
  }

  /** A null scalar. */
  public static ScalarNode ofNull(int line, int column, String text) {
    return new ScalarNode(line, column, text, Type.NULL, false, true);
  }

  /** A new scalar with the same value and position (alias expansion gives each use its own node). */
  public ScalarNode copy() {
    ScalarNode copy = new ScalarNode(line(), column(), text, type, booleanValue, plain);
    copy.blockColumn = blockColumn;
    return copy;
  }

  /**
   * For a literal block scalar ({@code |}) whose layout is known: the 1-based column where its
   * content lines start. Line {@code n} (1-based) of {@link #text()} is then on source line
   * {@code line() + n}, so a position inside the text maps to the source. 0 for every other scalar,
   * and for a literal block with an explicit indentation indicator.
   */
  public int literalContentColumn() {
    return blockColumn;
  }

  public Type type() {
    return type;
  }

  /** The source text, even for nulls and booleans. */
  public String rawText() {
    return text;
  }

  /** True if the scalar was written without quotes (or is a JSON non-string). */
  public boolean isPlain() {
    return plain;
  }

  @Override
  public String text() {
    return type == Type.NULL ? null : text;
  }

  @Override
  public boolean isScalar() {
    return true;
  }

  @Override
  public boolean isNull() {
    return type == Type.NULL;
  }

  @Override
  public boolean isTrue() {
    return type == Type.BOOLEAN && booleanValue;
  }

  @Override
  public boolean isFalse() {
    return type == Type.BOOLEAN && !booleanValue;
  }

  /**
   * The integer value of an {@link Type#INTEGER} scalar (decimal, {@code 0x}, {@code 0o}, YAML 1.1
   * {@code 0}-prefixed octal, {@code 0b}, underscores) or of a {@link Type#FLOAT} scalar with a
   * whole value ({@code 0.0}, {@code 8e3}: kubectl turns them into the JSON integers {@code 0} and
   * {@code 8000} before the API server reads them), or {@code fallback} for anything else or a
   * value out of the {@code long} range.
   */
  @Override
  public long longValue(long fallback) {
    if (type == Type.FLOAT) {
      return Scalars.wholeFloat(text, fallback);
    }
    if (type != Type.INTEGER) {
      return fallback;
    }
    return Scalars.parseLong(text, fallback);
  }

  @Override
  public String toString() {
    return type + ":" + text;
  }
}
