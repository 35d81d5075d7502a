/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The immutable resource model: trees with the position of every node, resources, pod spec and
 * container views (ports, env, volumes), the meaning of each label selector field, the inventory of
 * a scan.
 */
package dev.kubeward.model;
