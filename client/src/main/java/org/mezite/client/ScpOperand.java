package org.mezite.client;

/**
 * A source or target of {@code msh scp}: {@code [LOGIN@]NODE:PATH} on a node, anything else a local path. As in scp,
 * a colon only makes a node path when no slash comes before it, so {@code ./a:b} is local.
 *
 * @param destination the node and login, or {@code null} for a local path
 * @param path        the path: on the node relative to the login's home directory (empty: the home directory)
 */
record ScpOperand(Destination destination, String path, String text) {

    static ScpOperand parse(String text, String cluster) {
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        if (colon <= 0 || slash >= 0 && slash < colon) {
            return new ScpOperand(null, text, text);
        }
        Destination destination = Destination.parse(text.substring(0, colon), cluster);
        if (destination.selector() != null) {
            throw MshException.usage("\"" + text + "\": msh scp copies to or from one node, not a label selector");
        }
        return new ScpOperand(destination, text.substring(colon + 1), text);
    }

    boolean remote() {
        return destination != null;
    }

    /** The path as the node's SFTP server takes it: relative to the home directory, {@code ~/} dropped. */
    String sftpPath() {
        if (path.isEmpty() || path.equals("~")) {
            return ".";
        }
        return path.startsWith("~/") ? path.substring(2) : path;
    }
}
