/**
 * The proxy's side of the reverse tunnels that agents hold open: which nodes are connected, and
 * {@link org.mezite.api.tunnel.NodeTunnels#dial dialling} a node's SSH server through its tunnel.
 */
@Export
@Version("1.0.0")
package org.mezite.api.tunnel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
