/**
 * The agent's side: the identity a joined node holds ({@link org.mezite.api.node.NodeIdentityProvider}) and the
 * entrance of its SSH server that the tunnel uses ({@link org.mezite.api.node.NodeSshEndpoint}).
 */
@Export
@Version("1.0.0")
package org.mezite.api.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
