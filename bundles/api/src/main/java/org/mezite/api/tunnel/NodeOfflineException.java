package org.mezite.api.tunnel;

/** The node has no live tunnel to this proxy. */
public class NodeOfflineException extends TunnelException {

    private static final long serialVersionUID = 1L;

    public NodeOfflineException(String message) {
        super(message);
    }
}
