package org.mezite.client;

import java.util.ArrayList;
import java.util.List;

/**
 * A port forward as OpenSSH writes it: {@code -L [BIND:]PORT:HOST:HOSTPORT} and {@code -R} the same way,
 * {@code -D [BIND:]PORT}. IPv6 addresses go in brackets.
 *
 * @param bind     where to listen, or {@code null} for the loopback interface
 * @param port     the port to listen on; 0 lets the system (or, for {@code -R}, the node) pick one
 * @param host     where connections go ({@code -L}, {@code -R}), or {@code null} for {@code -D}
 * @param hostPort the port they go to
 */
record ForwardSpec(String bind, int port, String host, int hostPort) {

    /** @param option {@code -L} or {@code -R}, for errors */
    static ForwardSpec parse(String option, String text) {
        List<String> parts = split(option, text);
        if (parts.size() != 3 && parts.size() != 4) {
            throw invalid(option, text, "expected [BIND:]PORT:HOST:HOSTPORT");
        }
        int offset = parts.size() - 3;
        String bind = offset == 0 ? null : address(option, text, parts.get(0));
        return new ForwardSpec(bind, port(option, text, parts.get(offset), 0),
                address(option, text, parts.get(offset + 1)), port(option, text, parts.get(offset + 2), 1));
    }

    /** {@code -D [BIND:]PORT}. */
    static ForwardSpec parseDynamic(String text) {
        List<String> parts = split("-D", text);
        if (parts.size() > 2) {
            throw invalid("-D", text, "expected [BIND:]PORT");
        }
        String bind = parts.size() == 1 ? null : address("-D", text, parts.get(0));
        return new ForwardSpec(bind, port("-D", text, parts.get(parts.size() - 1), 0), null, 0);
    }

    /** Where to listen: the given address, or the loopback interface as OpenSSH does without GatewayPorts. */
    String bindOrLoopback() {
        return bind == null ? "localhost" : bind;
    }

    private static List<String> split(String option, String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean bracket = false;
        for (char c : text.toCharArray()) {
            if (c == '[' && part.length() == 0 && !bracket) {
                bracket = true;
            } else if (c == ']' && bracket) {
                bracket = false;
            } else if (c == ':' && !bracket) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (bracket) {
            throw invalid(option, text, "an IPv6 address lacks its closing ]");
        }
        parts.add(part.toString());
        return parts;
    }

    private static String address(String option, String text, String address) {
        if (address.isEmpty() || address.chars().anyMatch(c -> c <= ' ' || c == '/')) {
            throw invalid(option, text, "\"" + address + "\" is not a host or address");
        }
        return address;
    }

    private static int port(String option, String text, String port, int lowest) {
        try {
            int number = Integer.parseInt(port);
            if (number >= lowest && number <= 65535) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(option, text, "\"" + port + "\" is not a port number (" + lowest + "-65535)");
    }

    private static MshException invalid(String option, String text, String problem) {
        return MshException.usage(option + " " + text + ": " + problem);
    }

    @Override
    public String toString() {
        String listen = (bind == null ? "" : bracket(bind) + ":") + port;
        return host == null ? listen : listen + ":" + bracket(host) + ":" + hostPort;
    }

    private static String bracket(String address) {
        return address.indexOf(':') >= 0 ? "[" + address + "]" : address;
    }
}
