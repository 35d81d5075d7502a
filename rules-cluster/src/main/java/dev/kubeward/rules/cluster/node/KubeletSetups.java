/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rules.cluster.node;

import dev.kubeward.commandline.FlagTable;
import dev.kubeward.load.LoadResult;
import dev.kubeward.load.Loader;
import dev.kubeward.model.Container;
import dev.kubeward.model.GroupKind;
import dev.kubeward.model.Inventory;
import dev.kubeward.model.Node;
import dev.kubeward.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The kubelets a scan describes, built once per scan: each {@link KubeletSetup} joins a
 * KubeletConfiguration (with the drop-ins that override it) and the flags given to the same
 * kubelet.
 *
 * <ul>
 *   <li>A kubeadm InitConfiguration or JoinConfiguration overrides, with its
 *       {@code nodeRegistration.kubeletExtraArgs}, the KubeletConfiguration of the same file (the
 *       layout {@code kubeadm init --config} reads).
 *   <li>A drop-in ({@code --config-dir} fragment) is a KubeletConfiguration in a folder whose name
 *       ends in {@code .d} ({@code kubelet.conf.d/}, {@code config.json.d/}) or in a file whose name
 *       says {@code drop-in}. It overrides the main file {@code X} next to its folder {@code X.d},
 *       when that is in the scan, in the order of the drop-ins' file names.
 *   <li>The KubeletConfiguration kubeadm keeps as text in the ConfigMap
 *       {@code kube-system/kubelet-config} is judged as a main file; its findings point at the text.
 *   <li>The kubeletExtraArgs of the kubeadm configurations a Cluster API KubeadmConfig,
 *       KubeadmConfigTemplate, KubeadmControlPlane or KubeadmControlPlaneTemplate embeds are judged
 *       on what they set.
 *   <li>A container that runs a kubelet is a setup of its own: its flags, and for what it leaves
 *       out the flags' defaults when it has no {@code --config}.
 * </ul>
 */
final class KubeletSetups {

  static final Inventory.Derived<List<KubeletSetup>> KEY = Inventory.Derived.of("kubelet setups", KubeletSetups::of);

  /** The Cluster API objects that embed kubeadm's Init/JoinConfiguration. */
  static final List<GroupKind> CLUSTER_API = List.of(
      GroupKind.of("bootstrap.cluster.x-k8s.io", "KubeadmConfig"),
      GroupKind.of("bootstrap.cluster.x-k8s.io", "KubeadmConfigTemplate"),
      GroupKind.of("controlplane.cluster.x-k8s.io", "KubeadmControlPlane"),
      GroupKind.of("controlplane.cluster.x-k8s.io", "KubeadmControlPlaneTemplate"));

  /** The kinds the setups are made of. */
  static final GroupKind[] KINDS = {GroupKind.KUBELET_CONFIGURATION, GroupKind.KUBEADM_INIT_CONFIGURATION,
      GroupKind.KUBEADM_JOIN_CONFIGURATION, CLUSTER_API.get(0), CLUSTER_API.get(1), CLUSTER_API.get(2),
      CLUSTER_API.get(3), GroupKind.CONFIG_MAP, dev.kubeward.rule.RuleMetadata.WORKLOADS};

  private static final String[] COMMAND_FIELDS = {"command", "args"};

  private KubeletSetups() {}

  static List<KubeletSetup> of(Inventory inventory) {
    List<Resource> files = inventory.ofKind(GroupKind.KUBELET_CONFIGURATION);
    List<FlagSource> kubeadm = new ArrayList<>();
    for (GroupKind gk : new GroupKind[] {GroupKind.KUBEADM_INIT_CONFIGURATION, GroupKind.KUBEADM_JOIN_CONFIGURATION}) {
      for (Resource r : inventory.ofKind(gk)) {
        FlagSource source = FlagSource.ofKubeadm(r);
        if (source != null) {
          kubeadm.add(source);
        }
      }
    }
    List<KubeletSetup> setups = new ArrayList<>();
    List<FlagSource> linked = new ArrayList<>();
    for (Resource file : files) {
      boolean dropIn = isDropIn(file);
      List<Resource> dropIns = dropIn ? List.of() : dropInsOf(file, files);
      boolean any = false;
      for (FlagSource source : kubeadm) {
        if (source.resource().source().name().equals(file.source().name())) {
          setups.add(new KubeletSetup(file, dropIn, dropIns, source));
          linked.add(source);
          any = true;
        }
      }
      if (!any) {
        setups.add(new KubeletSetup(file, dropIn, dropIns, null));
      }
    }
    for (FlagSource source : kubeadm) {
      if (!linked.contains(source)) {
        setups.add(new KubeletSetup(null, false, List.of(), source));
      }
    }
    for (Resource map : inventory.ofKind(GroupKind.CONFIG_MAP)) {
      KubeletSetup embedded = ofKubeadmConfigMap(inventory, map);
      if (embedded != null) {
        setups.add(embedded);
      }
    }
    for (GroupKind gk : CLUSTER_API) {
      for (Resource r : inventory.ofKind(gk)) {
        for (FlagSource source : FlagSource.ofClusterApi(r)) {
          setups.add(new KubeletSetup(null, false, List.of(), source));
        }
      }
    }
    for (Resource workload : inventory.workloads()) {
      for (Container container : workload.podSpec().containers()) {
        if (runsKubelet(container)) {
          FlagSource source = FlagSource.ofContainer(workload, container);
          if (source != null) {
            setups.add(new KubeletSetup(null, false, List.of(), source));
          }
        }
      }
    }
    return Collections.unmodifiableList(setups);
  }

  /**
   * The KubeletConfiguration kubeadm keeps for every node in the ConfigMap
   * {@code kube-system/kubelet-config} (before v1.24 {@code kubelet-config-1.N}), under the data key
   * {@code kubelet}, as a cluster dump holds it; {@code null} for any other ConfigMap or a text that
   * is not one readable configuration.
   */
  private static KubeletSetup ofKubeadmConfigMap(Inventory inventory, Resource map) {
    String name = map.name();
    if (name == null || !(name.equals("kubelet-config") || name.startsWith("kubelet-config-1."))
        || !"kube-system".equals(inventory.namespaceOf(map))) {
      return null;
    }
    Node data = map.root().get("data").get("kubelet");
    String text = data.text();
    if (text == null) {
      return null;
    }
    LoadResult loaded = Loader.defaults().loadString(map.displayName(), text);
    if (!loaded.errors().isEmpty() || loaded.resources().size() != 1
        || !loaded.resources().get(0).is(GroupKind.KUBELET_CONFIGURATION)) {
      return null;
    }
    return new KubeletSetup(loaded.resources().get(0), false, List.of(), null, map, data);
  }

  /**
   * True if {@code container} runs a kubelet ({@link FlagTable#detect}); a container whose image and
   * command never mention {@code kubelet} is passed over without allocating.
   */
  static boolean runsKubelet(Container container) {
    boolean mentioned = container.image().text("").contains("kubelet");
    for (String field : COMMAND_FIELDS) {
      Node words = container.node().get(field);
      for (int i = 0; i < words.size() && !mentioned; i++) {
        mentioned = words.get(i).text("").contains("kubelet");
      }
    }
    return mentioned && FlagTable.detect(container) == FlagTable.KUBELET;
  }

  /** True if {@code file} is a drop-in of a kubelet's {@code --config-dir}. */
  static boolean isDropIn(Resource file) {
    String name = file.source().name().replace('\\', '/');
    int slash = name.lastIndexOf('/');
    String base = name.substring(slash + 1).toLowerCase(Locale.ROOT);
    if (base.contains("drop-in") || base.contains("dropin")) {
      return true;
    }
    if (slash <= 0) {
      return false;
    }
    String folder = name.substring(name.lastIndexOf('/', slash - 1) + 1, slash);
    return folder.endsWith(".d") && folder.length() > 2;
  }

  /** The drop-ins in {@code X.d/} next to the main file {@code X}, in file-name order. */
  private static List<Resource> dropInsOf(Resource main, List<Resource> files) {
    String prefix = main.source().name().replace('\\', '/') + ".d/";
    List<Resource> dropIns = new ArrayList<>();
    for (Resource file : files) {
      String name = file.source().name().replace('\\', '/');
      if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
        dropIns.add(file);
      }
    }
    dropIns.sort(Comparator.comparing(r -> r.source().name()));
    return List.copyOf(dropIns);
  }
}
