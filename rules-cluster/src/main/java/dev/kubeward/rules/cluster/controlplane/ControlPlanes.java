/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.controlplane;

import dev.kubeward.commandline.CommandLine;
import dev.kubeward.commandline.FlagTable;
import dev.kubeward.model.Container;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import dev.kubeward.rules.cluster.kubeadm.KubeadmFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the control-plane components a resource runs or configures: the containers of a Pod (a
 * static Pod in practice) or workload that run kube-apiserver, kube-controller-manager,
 * kube-scheduler or etcd, recognised by the binary their command runs or their image, by their
 * name, or by the Pod's {@code component} label when the Pod has one container; and the
 * components a kubeadm {@code ClusterConfiguration} configures. The result for the last resource
 * is kept per thread, so the many rules reading the same command line parse it once.
 */
public final class ControlPlanes {

  /**
   * One component found in a resource.
   *
   * @param component the component
   * @param container the container that runs it, or {@code null} for a kubeadm configuration
   * @param flags its flags, or {@code null} when its command line is not checkable
   * @param problems why the command line is not checkable; empty when it is
   */
  public record Target(Component component, Container container, ComponentFlags flags,
      List<CommandLine.Problem> problems) {

    /** True if the flags can be judged. */
    public boolean isCheckable() {
      return flags != null;
    }
  }

  /**
   * The last resource this thread looked at and what it runs: the rules of one resource run in a
   * row, and most resources run nothing, which is then found once for all of them. Mutable, one per
   * thread, so that remembering allocates nothing.
   */
  private static final class Last {
    Resource resource;
    List<Target> targets;
  }

  private static final ThreadLocal<Last> LAST = ThreadLocal.withInitial(Last::new);

  private ControlPlanes() {}

  /** The control-plane components {@code resource} runs or configures, in the order of its containers. */
  public static List<Target> in(Resource resource) {
    Last last = LAST.get();
    if (last.resource != resource) {
      last.targets = resource.is(GroupKind.KUBEADM_CLUSTER_CONFIGURATION) || mayRunControlPlane(resource)
          ? find(resource) : List.of();
      last.resource = resource;
    }
    return last.targets;
  }

  private static List<Target> find(Resource resource) {
    if (resource.is(GroupKind.KUBEADM_CLUSTER_CONFIGURATION)) {
      return KubeadmFlags.of(resource);
    }
    if (!resource.isWorkload()) {
      return List.of();
    }
    List<Container> containers = resource.podSpec().containers();
    List<Container> regular = new ArrayList<>();
    for (Container c : containers) {
      if (c.type() == Container.Type.REGULAR) {
        regular.add(c);
      }
    }
    List<Target> targets = new ArrayList<>();
    String label = resource.podSpec().metadata().get("labels").get("component").text();
    for (Container c : regular) {
      Component component = recognise(c, regular.size() == 1 ? label : null);
      if (component == null) {
        continue;
      }
      CommandLine line = CommandLine.of(c, component.table());
      targets.add(line.isCheckable()
          ? new Target(component, c, new PodFlags(component, line), List.of())
          : new Target(component, c, null, line.problems()));
    }
    return List.copyOf(targets);
  }

  private static final String[] WORD_FIELDS = {"command", "args"};
  private static final String[] HINTS = {"apiserver", "controller-manager", "scheduler", "etcd"};

  /**
   * False when no container's name, image or command words, nor the Pod's {@code component} label,
   * mention a control-plane component: the quiet path of every other workload, without allocating.
   */
  private static boolean mayRunControlPlane(Resource resource) {
    if (!resource.isWorkload()) {
      return false;
    }
    if (mentions(resource.podSpec().metadata().get("labels").get("component").text())) {
      return true;
    }
    List<Container> containers = resource.podSpec().containers();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (c.type() != Container.Type.REGULAR) {
        continue;
      }
      if (mentions(c.name()) || mentions(c.image().text())) {
        return true;
      }
      for (String field : WORD_FIELDS) {
        Node words = c.node().get(field);
        for (int j = 0; j < words.size(); j++) {
          if (mentions(words.get(j).text())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean mentions(String text) {
    if (text == null) {
      return false;
    }
    for (String hint : HINTS) {
      if (text.contains(hint)) {
        return true;
      }
    }
    return false;
  }

  private static Component recognise(Container container, String podComponentLabel) {
    FlagTable table = FlagTable.detect(container);
    if (table != null) {
      return Component.of(table);
    }
    Component byName = Component.named(container.name());
    if (byName != null) {
      return byName;
    }
    return podComponentLabel == null ? null : Component.named(podComponentLabel);
  }

  /** The node a finding about {@code target} as a whole points at. */
  static Node anchor(Target target) {
    return target.flags() != null ? target.flags().missingAt() : PodFlags.commandOf(target.container());
  }
}
