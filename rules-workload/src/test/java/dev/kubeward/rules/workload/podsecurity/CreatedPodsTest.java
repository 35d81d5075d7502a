/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.workload.podsecurity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubeward.load.Loader;
import dev.kubeward.model.PodSpec;
import dev.kubeward.model.Resource;
import dev.kubeward.rule.Context;
import org.junit.jupiter.api.Test;

/**
 * The admission rule evaluates a check once for a template and the Pods created from it unless the
 * check says the two differ: every check that has its own view of created Pods must say when.
 */
class CreatedPodsTest {

  @Test
  void everyCheckWithItsOwnViewOfCreatedPodsSaysWhenItDiffers() {
    for (PssRule rule : PodSecurityStandards.CHECKS) {
      Class<?> type = rule.getClass();
      assertThat(declaring(type, "createdPodsDiffer", Resource.class, PodSpec.class)).as(type.getSimpleName())
          .isEqualTo(declaring(type, "evaluateCreatedPods", Resource.class, PodSpec.class, int.class, Context.class));
    }
  }

  @Test
  void hostPortsDiffersOnlyForATemplateOnTheHostNetwork() {
    HostPorts rule = new HostPorts();

    assertThat(differs(rule, "Deployment", true)).isTrue();
    assertThat(differs(rule, "Deployment", false)).isFalse();
    assertThat(differs(rule, "Pod", true)).isFalse();
  }

  private static boolean differs(PssRule rule, String kind, boolean hostNetwork) {
    String spec = "{hostNetwork: " + hostNetwork + ", containers: [{name: app, image: nginx, ports: [{containerPort: 80}]}]}";
    String yaml = kind.equals("Pod")
        ? "apiVersion: v1\nkind: Pod\nmetadata: {name: pass-web}\nspec: " + spec + "\n"
        : "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: pass-web}\nspec: {template: {spec: " + spec + "}}\n";
    Resource resource = Loader.defaults().loadString("web.yaml", yaml).resources().get(0);
    return rule.createdPodsDiffer(resource, resource.podSpec());
  }

  /** The class that declares the method {@code name} that {@code type} inherits. */
  private static Class<?> declaring(Class<?> type, String name, Class<?>... parameters) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        c.getDeclaredMethod(name, parameters);
        return c;
      } catch (NoSuchMethodException e) {
        // declared further up
      }
    }
    throw new AssertionError("no " + name + " above " + type);
  }
}
