package org.mezite.proxy.ssh.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names the proxy's host certificate vouches for. OpenSSH checks the name it dialled (without the port) against
 * the principals, so every name users may type belongs in it: the cluster name, this machine's name, loopback, the
 * listen host and the proxy's public host ({@code public_addr} in {@code etc/org.mezite.proxy.web.cfg}, which msh
 * also uses to reach :3023).
 *
 * @param keyId      the certificate's key id, which OpenSSH logs: the cluster name
 * @param hostname   this machine's name (or {@code localhost})
 * @param additional the other names, without repeats
 */
record HostNames(String keyId, String hostname, List<String> additional) {

    private static final Logger LOG = LoggerFactory.getLogger(HostNames.class);

    HostNames {
        additional = List.copyOf(additional);
    }

    /**
     * @param clusterName     the cluster's name
     * @param listen          {@code proxy.ssh.listen}
     * @param publicAddresses {@code public_addr} as configured: {@code HOST[:PORT]}, comma separated, possibly empty
     * @param machineHostname this machine's name, or {@code null} when it has none
     */
    static HostNames of(String clusterName, InetSocketAddress listen, String publicAddresses, String machineHostname) {
        Set<String> names = new LinkedHashSet<>();
        for (String item : publicAddresses == null ? new String[0] : publicAddresses.split(",")) {
            String host = host(item.strip());
            if (!host.isEmpty()) {
                names.add(host);
            }
        }
        if (listen.getAddress() == null || !listen.getAddress().isAnyLocalAddress()) {
            names.add(listen.getHostString());
        }
        names.addAll(List.of("localhost", "127.0.0.1", "::1"));
        String hostname = machineHostname != null && isWord(machineHostname) ? machineHostname : "localhost";
        List<String> additional = new ArrayList<>();
        for (String name : names) {
            if (!isWord(name)) {
                LOG.warn("\"{}\" cannot be a certificate principal (it has a space or a comma); clients reaching the"
                        + " proxy by it will not accept its host certificate", name);
            } else if (!name.equals(clusterName) && !name.equals(hostname)) {
                additional.add(name);
            }
        }
        return new HostNames(clusterName, hostname, additional);
    }

    /** Every principal, in the certificate's order. */
    List<String> principals() {
        Set<String> all = new LinkedHashSet<>(List.of(keyId, hostname));
        all.addAll(additional);
        return List.copyOf(all);
    }

    /** The host of {@code HOST[:PORT]}, {@code [V6]:PORT} or a bare IPv6 address. */
    private static String host(String address) {
        if (address.startsWith("[")) {
            int close = address.indexOf(']');
            return close < 0 ? "" : address.substring(1, close);
        }
        if (address.indexOf(':') != address.lastIndexOf(':')) {
            return address;
        }
        int colon = address.indexOf(':');
        return colon < 0 ? address : address.substring(0, colon);
    }

    private static boolean isWord(String name) {
        return !name.isEmpty() && name.length() <= 255
                && name.codePoints().noneMatch(c -> c == ',' || Character.isWhitespace(c) || Character.isISOControl(c));
    }
}
