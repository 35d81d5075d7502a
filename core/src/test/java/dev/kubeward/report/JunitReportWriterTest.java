/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.report;

import static dev.kubeward.report.ReportFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import dev.kubeward.rule.Severity;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML is well-formed whatever the input holds, and says what CI views show. */
class JunitReportWriterTest {

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mixed", "clean", "awkward"})
  void isWellFormedXml(String fixture) throws Exception {
    Document doc = parse(write(new JunitReportWriter(), ReportWritersTest.report(fixture)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("testsuites");
  }

  @Test
  void escapedTextReadsBackAsWritten() throws Exception {
    Document doc = parse(write(new JunitReportWriter(), ReportFixtures.awkward()));
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).isEqualTo("container \"a<b>&c\" says 'hi'\tthen\\u001b[31mred\\u0000");
    Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).isEqualTo("suppressed: reason with \"quotes\" & <tags>\nand a newline");
  }

  @Test
  void oneSuitePerFileWithFailuresErrorsAndSkippedCounted() throws Exception {
    Document doc = parse(write(new JunitReportWriter(), ReportFixtures.mixed()));
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("6");
    assertThat(root.getAttribute("failures")).isEqualTo("3");
    assertThat(root.getAttribute("errors")).isEqualTo("2");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(4);
    assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("deploy/web.yaml");
    Element error = (Element) doc.getElementsByTagName("error").item(1);
    assertThat(error.getTextContent()).isEqualTo("missing.yaml: no such file or directory");
    Element failure = (Element) doc.getElementsByTagName("failure").item(1);
    assertThat(failure.getTextContent()).startsWith(
        "deploy/web.yaml:21:23: HIGH container \"app\" of Deployment shop/web runs privileged");
  }

  @Test
  void findingsBelowTheFailingSeverityPass() throws Exception {
    Document doc = parse(write(JunitReportWriter.failingAt(Severity.HIGH), ReportFixtures.mixed()));
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("6");
    assertThat(root.getAttribute("failures")).isEqualTo("2");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    NodeList failures = doc.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(2);
    assertThat(((Element) failures.item(0)).getAttribute("type")).isEqualTo("HIGH");
    assertThat(((Element) failures.item(1)).getAttribute("type")).isEqualTo("CRITICAL");
    NodeList passed = doc.getElementsByTagName("system-out");
    assertThat(passed.getLength()).isEqualTo(1);
    assertThat(passed.item(0).getTextContent()).isEqualTo("deploy/web.yaml:18:18: MEDIUM container \"app\" of"
        + " Deployment shop/web uses image \"nginx:latest\" [image-not-pinned]\n"
        + "Remediation: Pin the image to a version tag or a digest.");
    Element web = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(web.getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void byDefaultEveryActiveFindingFails() throws Exception {
    assertThat(write(new JunitReportWriter(), ReportFixtures.mixed()))
        .isEqualTo(write(JunitReportWriter.failingAt(Severity.INFO), ReportFixtures.mixed()))
        .doesNotContain("<system-out>");
  }
}
