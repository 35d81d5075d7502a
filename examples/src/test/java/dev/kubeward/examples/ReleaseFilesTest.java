/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a release publishes besides code: the license, and the versions the BOM promises. */
class ReleaseFilesTest {

  static final Path ROOT = Path.of("..");

  @Test
  void theLicenseIsApache2() throws IOException {
    String license = Files.readString(ROOT.resolve("LICENSE"));
    assertThat(license.strip()).startsWith("Apache License\n                           Version 2.0, January 2004")
        .endsWith("limitations under the License.");
    assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<name>Apache-2.0</name>");
    assertThat(Files.readString(ROOT.resolve("bom/pom.xml"))).contains("<name>Apache-2.0</name>");
  }

  @Test
  void theBomManagesTheLibraryVersionsTheBuildUses() throws IOException {
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
    for (String property : new String[] {"jackson.version", "snakeyaml-engine.version"}) {
      assertThat(property(bom, property)).as(property).isEqualTo(property(parent, property));
    }
    assertThat(bom).contains("<artifactId>jackson-core</artifactId><version>${jackson.version}</version>",
        "<artifactId>snakeyaml-engine</artifactId><version>${snakeyaml-engine.version}</version>");
  }

  @Test
  void theReadmeStatesTheJacksonFloorThatTheBomMeets() throws IOException {
    assertThat(Files.readString(ROOT.resolve("README.md"))).contains("(Jackson 2.16+)");
    String[] jackson = property(Files.readString(ROOT.resolve("bom/pom.xml")), "jackson.version").split("\\.");
    assertThat(Integer.parseInt(jackson[0]) * 1000 + Integer.parseInt(jackson[1])).isGreaterThanOrEqualTo(2016);
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">").matcher(pom);
    assertThat(m.find()).as("%s is set", name).isTrue();
    return m.group(1);
  }
}
