package org.mezite.client;

/**
 * What {@code msh ssh} and {@code msh scp} are pointed at: {@code [LOGIN@]NODE}, or {@code [LOGIN@]KEY=VALUE,...} for
 * every node with those labels. A node may be named {@code NODE.CLUSTER}, as OpenSSH names it through
 * {@code msh config}; msh asks the proxy for {@code NODE}.
 *
 * @param login    the Unix login, or {@code null} for the default
 * @param node     the node's name or id, or {@code null} for a selector
 * @param selector the label selector, or {@code null} for one node
 */
record Destination(String login, String node, LabelSelector selector) {

    /** @throws MshException (usage) when it names no node */
    static Destination parse(String text, String cluster) {
        int at = text.lastIndexOf('@');
        String login = at < 0 ? null : text.substring(0, at);
        String target = text.substring(at + 1);
        if (login != null && login.isEmpty()) {
            throw MshException.usage("\"" + text + "\": the login before @ is empty");
        }
        if (target.isEmpty()) {
            throw MshException.usage("\"" + text + "\": no node named");
        }
        if (LabelSelector.isSelector(target)) {
            return new Destination(login, null, LabelSelector.parse(target));
        }
        if (target.chars().anyMatch(c -> c <= ' ' || c == '/' || c == ':' || c == '\\')) {
            throw MshException.usage("\"" + target + "\" is not a node name");
        }
        String suffix = "." + cluster;
        if (cluster != null && target.endsWith(suffix) && target.length() > suffix.length()) {
            target = target.substring(0, target.length() - suffix.length());
        }
        return new Destination(login, target, null);
    }

    /** The login to use: {@code -l} wins over {@code LOGIN@}, as in OpenSSH; else the default. */
    String login(String option, String fallback) {
        return option != null ? option : login != null ? login : fallback;
    }
}
