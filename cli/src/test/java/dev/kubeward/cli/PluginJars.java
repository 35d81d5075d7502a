/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds rule plugin jars for the tests from the sources below, compiled once against the test
 * class path (so a plugin's classes exist only in its jar), and other entries such as the service
 * file.
 */
final class PluginJars {

  /** The provider of the test plugin: one rule, {@code acme-team-label}. */
  static final String PROVIDER = """
      package acme.kubeward;

      import dev.kubeward.rule.Rule;
      import dev.kubeward.rule.RuleProvider;
      import java.util.List;

      public final class AcmeRules implements RuleProvider {
        @Override
        public List<Rule> rules() {
          return List.of(new TeamLabel());
        }
      }
      """;

  /** The test plugin's rule: a Deployment without a {@code team} label. */
  static final String RULE = """
      package acme.kubeward;

      import dev.kubeward.model.GroupKind;
      import dev.kubeward.model.Node;
      import dev.kubeward.model.Resource;
      import dev.kubeward.rule.Context;
      import dev.kubeward.rule.ResourceRule;
      import dev.kubeward.rule.RuleMetadata;
      import dev.kubeward.rule.Severity;
      import dev.kubeward.rule.Topic;

      public final class TeamLabel implements ResourceRule {
        static final RuleMetadata METADATA = RuleMetadata.builder("acme-team-label")
            .title("Deployment without a team label")
            .severity(Severity.LOW)
            .topic(Topic.HYGIENE)
            .rationale("Someone must answer for every workload.")
            .remediation("Add a team label to the Deployment.")
            .kinds(GroupKind.of("apps", "Deployment"))
            .build();

        @Override
        public RuleMetadata metadata() {
          return METADATA;
        }

        @Override
        public void check(Resource resource, Context context) {
          if (!resource.labels().containsKey("team")) {
            context.report(resource, Node.MISSING, resource.displayName() + " has no team label");
          }
        }
      }
      """;

  /** Providers that are broken in every way the command line reports. */
  static final Map<String, String> BROKEN = Map.of(
      "acme.kubeward.NotAProvider", "package acme.kubeward; public final class NotAProvider {}",
      "acme.kubeward.Failing", """
          package acme.kubeward;
          public final class Failing implements dev.kubeward.rule.RuleProvider {
            public java.util.List<dev.kubeward.rule.Rule> rules() {
              throw new IllegalStateException("secret-token-123");
            }
          }
          """,
      "acme.kubeward.Hidden", """
          package acme.kubeward;
          public final class Hidden implements dev.kubeward.rule.RuleProvider {
            private Hidden() {}
            public java.util.List<dev.kubeward.rule.Rule> rules() {
              return java.util.List.of();
            }
          }
          """,
      "acme.kubeward.Clash", """
          package acme.kubeward;
          public final class Clash implements dev.kubeward.rule.RuleProvider {
            public java.util.List<dev.kubeward.rule.Rule> rules() {
              return new dev.kubeward.cli.SmokeRuleProvider().rules();
            }
          }
          """);

  /** The class files of every source above, by jar entry name, compiled once. */
  private static Map<String, byte[]> compiled;

  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private int classVersion;

  private PluginJars() {}

  /** An empty jar. */
  static PluginJars jar() {
    return new PluginJars();
  }

  /** The whole test plugin: provider, rule and service file. */
  static PluginJars acme() {
    return jar().classes("acme.kubeward.AcmeRules", "acme.kubeward.TeamLabel").registering("acme.kubeward.AcmeRules");
  }

  /** Adds the compiled classes of the sources in this class. */
  PluginJars classes(String... names) {
    for (String name : names) {
      String entry = name.replace('.', '/') + ".class";
      byte[] bytes = compiled().get(entry);
      assertThat(bytes).as("class %s", name).isNotNull();
      entries.put(entry, bytes.clone());
    }
    return this;
  }

  /** Adds the service file naming {@code providers}. */
  PluginJars registering(String... providers) {
    return entry(Plugins.SERVICE_FILE, "# rule providers\n" + String.join("\n", providers) + "\n");
  }

  /** Marks every class added so far as compiled for class file version {@code major}. */
  PluginJars classVersion(int major) {
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (e.getKey().endsWith(".class")) {
        e.getValue()[6] = (byte) (major >> 8);
        e.getValue()[7] = (byte) major;
      }
    }
    return this;
  }

  PluginJars entry(String name, String text) {
    entries.put(name, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Writes the jar to {@code jar}, creating its directory. */
  Path writeTo(Path jar) {
    try {
      Files.createDirectories(jar.toAbsolutePath().getParent());
      try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          out.putNextEntry(new JarEntry(e.getKey()));
          out.write(e.getValue());
          out.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized Map<String, byte[]> compiled() {
    if (compiled == null) {
      Map<String, String> sources = new LinkedHashMap<>();
      sources.put("acme.kubeward.AcmeRules", PROVIDER);
      sources.put("acme.kubeward.TeamLabel", RULE);
      sources.putAll(BROKEN);
      try {
        Path work = Files.createTempDirectory("kubeward-plugin");
        try {
          compiled = compile(sources, work);
        } finally {
          try (Stream<Path> files = Files.walk(work)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
              Files.delete(f);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return compiled;
  }

  private static Map<String, byte[]> compile(Map<String, String> sources, Path work) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    Path src = work.resolve("src");
    Path out = work.resolve("classes");
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"),
        "--release", "17", "-nowarn"));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, args.toArray(new String[0]))).as("javac exit code").isZero();
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        classes.put(out.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return Map.copyOf(classes);
  }
}
