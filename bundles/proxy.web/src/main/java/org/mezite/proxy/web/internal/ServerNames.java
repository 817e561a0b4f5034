package org.mezite.proxy.web.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names the proxy answers to: the subject alternative names of the certificate it makes for itself, and the
 * address it tells clients to use. A client checks the name it dialled against the certificate, so every name users
 * may type belongs in it: the configured public addresses, the listen host, this machine's name and loopback.
 *
 * @param dnsNames    DNS names for the certificate
 * @param ipAddresses IP literals for the certificate
 * @param publicHost  the host users are told to use
 */
record ServerNames(List<String> dnsNames, List<String> ipAddresses, String publicHost) {

    private static final Logger LOG = LoggerFactory.getLogger(ServerNames.class);
    private static final Pattern DNS_NAME = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    ServerNames {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    /**
     * @param listen          {@code proxy.web.listen}
     * @param configured      {@code public_addr}, possibly empty
     * @param machineHostname this machine's host name, or {@code null} when it has none that resolves
     */
    static ServerNames of(InetSocketAddress listen, List<PublicAddress> configured, String machineHostname) {
        String listenHost = listen.getAddress() != null && listen.getAddress().isAnyLocalAddress() ? null
                : listen.getHostString();
        Set<String> hosts = new LinkedHashSet<>();
        configured.forEach(address -> hosts.add(address.host()));
        if (listenHost != null) {
            hosts.add(listenHost);
        }
        if (machineHostname != null) {
            hosts.add(machineHostname);
        }
        hosts.addAll(List.of("localhost", "127.0.0.1", "::1"));

        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (String host : hosts) {
            if (isIpLiteral(host)) {
                ips.add(host);
            } else if (host.length() <= 253 && DNS_NAME.matcher(host).matches()) {
                String name = host.toLowerCase(Locale.ROOT);
                if (!dns.contains(name)) {
                    dns.add(name);
                }
            } else {
                LOG.warn("\"{}\" is not a DNS name, so the proxy's certificate cannot name it; clients reaching the"
                        + " proxy by it will not accept the certificate", host);
            }
        }
        String publicHost = !configured.isEmpty() ? configured.get(0).host()
                : listenHost != null ? listenHost : machineHostname != null ? machineHostname : "localhost";
        return new ServerNames(dns, ips, publicHost);
    }

    /** The first name for the certificate's subject. */
    String commonName() {
        return !dnsNames.isEmpty() ? dnsNames.get(0) : ipAddresses.get(0);
    }

    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || IPV6.matcher(host).matches();
    }
}
