/*
 * Copyright the Kubeward authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.kubeward.rule;

import dev.kubeward.model.Resource;

/**
 * A rule that looks at one resource at a time. The engine calls it only for the kinds its
 * metadata declares. It must not allocate when the resource is fine.
 */
public interface ResourceRule extends Rule {

  /** Checks {@code resource} and reports what is wrong to {@code context}. */
  void check(Resource resource, Context context);
}
