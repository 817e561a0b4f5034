/**
 * The reverse tunnel between agents and the proxy ({@code mezite.tunnel.v1.TunnelService}, :3024).
 *
 * <p>Proxy side: {@link org.mezite.tunnel.internal.TunnelServer} listens (hub with the proxy role only), admits
 * agents by their host-CA client certificate ({@link org.mezite.tunnel.internal.NodeCertificateGate}), keeps one
 * current {@link org.mezite.tunnel.internal.ProxyTunnel control stream} per node in
 * {@link org.mezite.tunnel.internal.Tunnels} (the {@code NodeTunnels} service) and hands out each dialled connection
 * as a {@link org.mezite.tunnel.internal.ProxyConnection}.
 *
 * <p>Agent side: {@link org.mezite.tunnel.internal.TunnelClient} (agent only) runs a
 * {@link org.mezite.tunnel.internal.TunnelAgent} that keeps a {@link org.mezite.tunnel.internal.ProxyLink} up,
 * reconnecting with jittered back-off, and pipes each dial through a {@link org.mezite.tunnel.internal.NodeConnection}.
 *
 * <p>Each connection is its own HTTP/2 stream with manual flow control on both ends, so a slow reader holds back
 * only its own connection ({@link org.mezite.tunnel.internal.DataPath}).
 */
package org.mezite.tunnel.internal;
