/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.load;

import static dev.kubeward.load.Loading.errors;
import static dev.kubeward.load.Loading.load;
import static dev.kubeward.load.Loading.loadBytes;
import static dev.kubeward.load.Loading.resources;
import static dev.kubeward.load.Loading.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Splitting YAML streams into documents, List flattening, line ends and byte order marks. */
class DocumentsTest {

  private static String at(Node node) {
    return node.line() + ":" + node.column();
  }

  @Test
  void splitsAtSeparatorLinesAndCountsDocuments() {
    LoadResult result = load("""
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        --- # the second one
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: b}
        ---#no space needed
        # only a comment here
        ---
        ---\t
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c}
        """);

    assertThat(errors(result)).isEmpty();
    assertThat(resources(result)).containsExactly("ConfigMap a@2:1", "ConfigMap b@6:1", "ConfigMap c@13:1");
    assertThat(result.documents()).as("comment-only and empty documents do not count").isEqualTo(3);
    assertThat(result.resources()).extracting(Resource::documentIndex).containsExactly(0, 1, 2);
    assertThat(result.files()).isEqualTo(1);
  }

  @Test
  void aBrokenDocumentDoesNotSwallowTheNext() {
    LoadResult result = load("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: [broken
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: next}
        ---
        apiVersion: v1
        kind: Secret
        data:
          key: "unterminated
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: last}
        """);

    assertThat(resources(result)).containsExactly("ConfigMap next@5:1", "ConfigMap last@14:1");
    assertThat(errors(result)).containsExactly(
        "in.yaml:4:1: malformed YAML: expected ',' or ']', but found the end of the input",
        "in.yaml:13:1: malformed YAML: found unexpected end of the input");
    assertThat(result.documents()).isEqualTo(4);
    assertThat(result.resources()).extracting(Resource::documentIndex).containsExactly(1, 3);
  }

  @Test
  void dashesInsideABlockScalarAreNoSeparator() {
    LoadResult result = load("""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: script
        data:
          notes.md: |
            Title
            ---
            --- # still text
            body
        """);

    assertThat(errors(result)).isEmpty();
    assertThat(result.resources()).hasSize(1);
    assertThat(result.resources().get(0).root().get("data").get("notes.md").text())
        .isEqualTo("Title\n---\n--- # still text\nbody\n");
  }

  @Test
  void aSeparatorWithContentStartsADocument() {
    LoadResult result = load("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        --- {apiVersion: v1, kind: ConfigMap, metadata: {name: inline}}
        --- !!map
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: tagged}
        """);

    assertThat(errors(result)).isEmpty();
    assertThat(resources(result)).containsExactly("ConfigMap a@1:1", "ConfigMap inline@4:5", "ConfigMap tagged@5:5");
  }

  @Test
  void directivesAndDocumentEndMarkers() {
    LoadResult result = load("""
        %YAML 1.1
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: a}
        ...
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: b}
        ...
        """);

    assertThat(errors(result)).isEmpty();
    assertThat(resources(result)).containsExactly("ConfigMap a@3:1", "ConfigMap b@8:1");
  }

  @Test
  void emptyInputAndCommentOnlyFilesAreNotErrors() {
    for (String text : new String[] {"", "\n\n", "# nothing\n# at all\n", "---\n---\n", "--- # c\n# c\n---\n", "~\n", "null\n"}) {
      LoadResult result = load(text);
      assertThat(result.errors()).as(text).isEmpty();
      assertThat(result.resources()).as(text).isEmpty();
      assertThat(result.documents()).as(text).isZero();
    }
  }

  private static final String LIST = """
      apiVersion: v1
      kind: List
      metadata:
        resourceVersion: ""
      items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: a
        - apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: web
          spec:
            template:
              spec:
                containers: [{name: app, image: x}]
        - just text
      ---
      apiVersion: v1
      kind: ServiceList
      items:
        - {apiVersion: v1, kind: Service, metadata: {name: svc}}
      ---
      apiVersion: example.com/v1
      kind: ShoppingList
      metadata:
        name: groceries
      items: [milk, eggs]
      """;

  @Test
  void listsAreFlattenedIntoTheirItems() {
    LoadResult result = load(LIST);

    // kubectl reads any object whose items is a list as a list, whatever its name: the
    // ShoppingList is a wrapper whose scalar items cannot be objects.
    assertThat(resources(result)).containsExactly("ConfigMap a@6:5", "Deployment web@10:5", "Service svc@23:5");
    assertThat(errors(result)).containsExactly("in.yaml:18:5: an item of a List must be a mapping",
        "in.yaml:29:9: an item of a List must be a mapping", "in.yaml:29:15: an item of a List must be a mapping");
    assertThat(result.documents()).isEqualTo(3);
    assertThat(result.resources()).extracting(Resource::documentIndex).containsExactly(0, 0, 1);
  }

  @Test
  void listItemsKeepTheirOwnPositionsAndPointers() {
    Resource web = load(LIST).resources().get(1);
    Node image = web.podSpec().containers().get(0).image();

    assertThat(web.pointerOf(image)).isEqualTo("/spec/template/spec/containers/0/image");
    assertThat(at(image)).isEqualTo("17:43");
    assertThat(web.pointerOf(web.root())).isEmpty();
  }

  private static final String KUBECTL_JSON = """
      {
          "apiVersion": "v1",
          "items": [
              {
                  "apiVersion": "v1",
                  "kind": "ConfigMap",
                  "metadata": {
                      "name": "settings",
                      "namespace": "default"
                  }
              },
              {
                  "apiVersion": "apps/v1",
                  "kind": "Deployment",
                  "metadata": {
                      "name": "web",
                      "namespace": "shop"
                  },
                  "spec": {
                      "template": {
                          "spec": {
                              "containers": [
                                  {
                                      "image": "nginx",
                                      "name": "app",
                                      "securityContext": {"privileged": true}
                                  }
                              ]
                          }
                      }
                  }
              }
          ],
          "kind": "List",
          "metadata": {
              "resourceVersion": ""
          }
      }
      """;

  @Test
  void kubectlJsonListsAreFlattenedWithPositions() {
    LoadResult result = Loader.defaults().loadString("get.json", KUBECTL_JSON);

    assertThat(errors(result)).isEmpty();
    assertThat(resources(result)).containsExactly("ConfigMap settings@4:9", "Deployment web@12:9");
    Resource web = result.resources().get(1);
    Node privileged = web.podSpec().containers().get(0).effectiveSecurityContext("privileged");
    assertThat(privileged.isTrue()).isTrue();
    assertThat(at(privileged)).isEqualTo("26:67");
    assertThat(web.pointerOf(privileged)).isEqualTo("/spec/template/spec/containers/0/securityContext/privileged");
    assertThat(web.namespace()).isEqualTo("shop");
    assertThat(result.documents()).isEqualTo(1);
  }

  @Test
  void jsonStreamsHoldSeveralDocuments() {
    LoadResult result = Loader.defaults().loadString("stream.json",
        "{\"apiVersion\": \"v1\", \"kind\": \"A\"}\n  {\"apiVersion\": \"v1\", \"kind\": \"B\"}\n");

    assertThat(resources(result)).containsExactly("A null@1:1", "B null@2:3");
    assertThat(result.resources()).extracting(Resource::documentIndex).containsExactly(0, 1);
  }

  @Test
  void jsonColumnsCountCharactersNotBytes() {
    LoadResult result = Loader.defaults().loadString("u.json",
        "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": {\"é\": \"ü\", \"k\": \"v\"}}");
    Node v = result.resources().get(0).root().get("data").get("k");

    assertThat(at(v)).isEqualTo("1:67");
  }

  private static final String CRLF = "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\n"
      + "---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: b\r\n  name: c\r\n"
      + "---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: d\r\n";

  @Test
  void crlfLineEndsKeepPositions() {
    LoadResult result = load(CRLF);

    assertThat(resources(result)).containsExactly("ConfigMap a@1:1", "ConfigMap d@12:1");
    assertThat(errors(result)).containsExactly("in.yaml:10:3: duplicate key 'name' (first at 9:3)");
    Node name = result.resources().get(1).root().get("metadata").get("name");
    assertThat(at(name)).isEqualTo("15:9");
    assertThat(name.text()).isEqualTo("d");
  }

  @Test
  void crlfBadBytesArePlacedByLine() {
    byte[] bytes = utf8("apiVersion: v1\r\nkind: A\r\n---\r\napiVersion: v1\r\nkind: B\r\nx: \u0000\r\n");

    assertThat(errors(loadBytes(bytes))).containsExactly("in.yaml:6:4: NUL byte in a text file");
  }

  @Test
  void aUtf8ByteOrderMarkIsSkipped() {
    LoadResult result = loadBytes(utf8("\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"));

    assertThat(errors(result)).isEmpty();
    Resource r = result.resources().get(0);
    assertThat(r.line()).isEqualTo(1);
    assertThat(r.column()).isEqualTo(1);
    assertThat(at(r.root().get("kind"))).isEqualTo("2:7");
    assertThat(r.kind()).isEqualTo("ConfigMap");
  }

  @Test
  void aDuplicateKeyIsQuotedWithoutCharactersThatCouldRewriteTheLine() {
    // ESC, CR, C1 CSI, line separator, right-to-left override and isolate, in YAML and in JSON.
    String key = "k\\e[1A\\r\\x9b\\u2028\\u202e\\u2066";
    LoadResult yaml = loadBytes(utf8("apiVersion: v1\nkind: ConfigMap\ndata:\n  \"" + key + "\": a\n  \"" + key + "\": b\n"));
    LoadResult json = Loader.defaults().loadBytes("b.json",
        utf8("{\"kind\": \"A\", \"k\\u001b\\u009b\\u202e\": 1, \"k\\u001b\\u009b\\u202e\": 2}"));

    assertThat(errors(yaml)).containsExactly("in.yaml:5:3: duplicate key 'k?[1A?????' (first at 4:3)");
    assertThat(errors(json)).containsExactly("b.json:1:41: duplicate key 'k???' (first at 1:15)");
  }

  @Test
  void aByteOrderMarkWithCrlfAndJson() {
    LoadResult yaml = loadBytes(utf8("\uFEFFapiVersion: v1\r\nkind: ConfigMap\r\nmetadata: {name: a, name: b}\r\n"));
    LoadResult json = Loader.defaults().loadBytes("b.json", utf8("\uFEFF{\"apiVersion\": \"v1\",\r\n \"kind\": \"A\"}"));

    assertThat(errors(yaml)).containsExactly("in.yaml:3:21: duplicate key 'name' (first at 3:12)");
    assertThat(resources(json)).containsExactly("A null@1:1");
    assertThat(at(json.resources().get(0).root().get("kind"))).isEqualTo("2:10");
  }

  @Test
  void utf16WithAByteOrderMarkIsRead() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    out.write("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: wide}\n".getBytes(StandardCharsets.UTF_16LE));

    LoadResult result = loadBytes(out.toByteArray());

    assertThat(resources(result)).containsExactly("ConfigMap wide@1:1");
  }
}
