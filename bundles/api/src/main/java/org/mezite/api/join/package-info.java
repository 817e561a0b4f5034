/**
 * How servers join the cluster and stay known to it: one-time {@link org.mezite.api.join.JoinTokens} that an
 * administrator hands to an agent, and the {@link org.mezite.api.join.NodeRegistry} of the nodes that joined, with
 * their labels and whether they are online.
 */
@Export
@Version("1.0.0")
package org.mezite.api.join;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
