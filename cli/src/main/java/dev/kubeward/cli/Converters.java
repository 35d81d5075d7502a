/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.engine.JoinScope;
import dev.kubeward.engine.Profile;
import dev.kubeward.report.CatalogueFormat;
import dev.kubeward.report.ReportFormat;
import dev.kubeward.rule.KubeVersion;
import dev.kubeward.rule.PssVersion;
import dev.kubeward.rule.ScanSettings;
import dev.kubeward.rule.Severity;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters that reuse the core's own parsing and messages. */
final class Converters {

  private Converters() {}

  private static <T> T convert(Function<String, T> parser, String value) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** {@code text}, {@code json}, {@code sarif} or {@code junit}. */
  static final class Format implements ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      return Converters.convert(ReportFormat::of, value);
    }
  }

  /** {@code text}, {@code json} or {@code markdown}. */
  static final class Catalogue implements ITypeConverter<CatalogueFormat> {
    @Override
    public CatalogueFormat convert(String value) {
      return Converters.convert(CatalogueFormat::of, value);
    }
  }

  /** A profile id. */
  static final class ProfileName implements ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      return Converters.convert(Profile::of, value);
    }
  }

  /** {@code latest} or {@code v1.N}. */
  static final class Version implements ITypeConverter<PssVersion> {
    @Override
    public PssVersion convert(String value) {
      return Converters.convert(PssVersion::parse, value);
    }
  }

  /** {@code v1.N}. */
  static final class KubeVersionName implements ITypeConverter<KubeVersion> {
    @Override
    public KubeVersion convert(String value) {
      return Converters.convert(KubeVersion::parse, value);
    }
  }

  /** A namespace name. */
  static final class Namespace implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return Converters.convert(v -> {
        ScanSettings.builder().defaultNamespace(v);
        return v;
      }, value);
    }
  }

  /** {@code all}, {@code argument} or {@code directory}. */
  static final class Scope implements ITypeConverter<JoinScope> {
    @Override
    public JoinScope convert(String value) {
      return Converters.convert(JoinScope::of, value);
    }
  }

  /** A severity, in any case. */
  static final class SeverityName implements ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      return Converters.convert(Severity::parse, value);
    }
  }
}
