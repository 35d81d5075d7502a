/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.cli;

import dev.kubeward.rule.Rule;
import dev.kubeward.rule.RuleProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * Rule plugins: jar files, and directories whose {@code *.jar} files are loaded together (a plugin
 * with the libraries it needs), behind one class loader whose parent is the command line's. Rules
 * are then discovered through that class loader, so a plugin registers its rules exactly as a
 * rules module does ({@code META-INF/services/dev.kubeward.rule.RuleProvider}).
 *
 * <p>Every plugin is checked before any rule runs: a path that does not exist, a file that is not
 * a jar, a jar that registers no rule provider, a provider that cannot be found, is of the wrong
 * type, was compiled for a newer Java or fails to list its rules is a {@link UsageException} that
 * names the plugin as it was given. Closing releases the jar files.
 */
final class Plugins implements AutoCloseable {

  /** The service file a plugin jar registers its rule providers in. */
  static final String SERVICE_FILE = "META-INF/services/" + RuleProvider.class.getName();

  private static final Plugins NONE = new Plugins(null);

  private final URLClassLoader classLoader;

  private Plugins(URLClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /**
   * A plugin as the user named it.
   *
   * @param name the path as given, for messages
   * @param path where it is
   */
  record Source(String name, Path path) {}

  /** No plugin: rules come from the command line's own class path. */
  static Plugins none() {
    return NONE;
  }

  /**
   * Checks and loads {@code sources} (in order; the same file named twice loads once).
   *
   * @throws UsageException naming the first plugin that cannot be used
   */
  static Plugins load(List<Source> sources) {
    if (sources.isEmpty()) {
      return NONE;
    }
    List<Jar> jars = new ArrayList<>();
    Set<Path> seen = new HashSet<>();
    for (Source source : sources) {
      for (Jar jar : jarsOf(source)) {
        if (seen.add(jar.realPath)) {
          jars.add(jar);
        }
      }
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).realPath.toUri().toURL();
      } catch (MalformedURLException e) {
        throw new UsageException("cannot load plugin '" + jars.get(i).name + "'");
      }
    }
    URLClassLoader loader = new URLClassLoader("kubeward-plugins", urls, Plugins.class.getClassLoader());
    try {
      for (Jar jar : jars) {
        for (String provider : jar.providers) {
          check(jar.name, provider, loader);
        }
      }
    } catch (RuntimeException e) {
      close(loader);
      throw e;
    }
    return new Plugins(loader);
  }

  /** The class loader to discover rules with, or {@code null} when there is no plugin. */
  ClassLoader classLoader() {
    return classLoader;
  }

  @Override
  public void close() {
    if (classLoader != null) {
      close(classLoader);
    }
  }

  private static void close(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // Nothing was written; the files are released when the process ends.
    }
  }

  /** One jar file: the name to show, its real path, and the rule providers it registers. */
  private record Jar(String name, Path realPath, List<String> providers) {}

  private static List<Jar> jarsOf(Source source) {
    Path path = source.path();
    if (!Files.exists(path)) {
      throw new UsageException("plugin '" + source.name() + "' does not exist");
    }
    if (!Files.isDirectory(path)) {
      Jar jar = jar(source.name(), path);
      if (jar.providers.isEmpty()) {
        throw new UsageException("plugin '" + source.name() + "' registers no rule provider (" + SERVICE_FILE + ")");
      }
      return List.of(jar);
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*.jar")) {
      for (Path entry : entries) {
        if (!Files.isDirectory(entry)) {
          files.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UsageException("cannot read plugin directory '" + source.name() + "'");
    }
    files.sort(null);
    List<Jar> jars = new ArrayList<>();
    boolean registers = false;
    for (Path file : files) {
      Jar jar = jar(source.name() + "/" + file.getFileName(), file);
      registers |= !jar.providers.isEmpty();
      jars.add(jar);
    }
    if (!registers) {
      throw new UsageException("plugin directory '" + source.name() + "' holds no jar that registers a rule provider ("
          + SERVICE_FILE + ")");
    }
    return jars;
  }

  private static Jar jar(String name, Path file) {
    List<String> providers = new ArrayList<>();
    Path real;
    try (JarFile jar = new JarFile(file.toFile())) {
      real = file.toRealPath();
      JarEntry entry = jar.getJarEntry(SERVICE_FILE);
      if (entry != null) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(jar.getInputStream(entry),
            StandardCharsets.UTF_8))) {
          String line;
          while ((line = reader.readLine()) != null) {
            int comment = line.indexOf('#');
            String provider = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!provider.isEmpty()) {
              providers.add(provider);
            }
          }
        }
      }
    } catch (ZipException e) {
      throw new UsageException("plugin '" + name + "' is not a jar file");
    } catch (IOException | SecurityException e) {
      throw new UsageException("cannot read plugin '" + name + "'");
    }
    return new Jar(name, real, List.copyOf(providers));
  }

  /** Loads, starts and lists the rules of one provider, so that a broken one is reported here, by name. */
  private static void check(String plugin, String provider, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(provider, false, loader);
    } catch (ClassNotFoundException e) {
      throw new UsageException("plugin '" + plugin + "' registers rule provider " + provider + ", which cannot be found");
    } catch (UnsupportedClassVersionError e) {
      throw newerJava(plugin);
    } catch (LinkageError e) {
      throw broken(plugin, provider, e);
    }
    if (!RuleProvider.class.isAssignableFrom(type)) {
      throw new UsageException("plugin '" + plugin + "' registers " + provider + " as a rule provider, but it does not"
          + " implement " + RuleProvider.class.getName());
    }
    try {
      RuleProvider instance = (RuleProvider) type.getConstructor().newInstance();
      for (Rule rule : instance.rules()) {
        rule.metadata().id();
      }
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new UsageException("rule provider " + provider + " of plugin '" + plugin + "' needs a public constructor"
          + " without parameters");
    } catch (InvocationTargetException e) {
      throw broken(plugin, provider, e.getCause());
    } catch (UnsupportedClassVersionError e) {
      throw newerJava(plugin);
    } catch (RuntimeException | LinkageError | InstantiationException e) {
      throw broken(plugin, provider, e);
    }
  }

  private static UsageException newerJava(String plugin) {
    return new UsageException("plugin '" + plugin + "' was compiled for a newer Java than this one ("
        + Runtime.version().feature() + ")");
  }

  /** The failure's type and, for a missing class, its name; other messages are not shown. */
  private static UsageException broken(String plugin, String provider, Throwable e) {
    Throwable cause = e instanceof ExceptionInInitializerError && e.getCause() != null ? e.getCause() : e;
    String what = cause.getClass().getSimpleName();
    if (cause instanceof NoClassDefFoundError && cause.getMessage() != null) {
      what += ": " + cause.getMessage().replace('/', '.');
    }
    return new UsageException("rule provider " + provider + " of plugin '" + plugin + "' failed to load (" + what + ")");
  }
}
