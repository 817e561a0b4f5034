package org.mezite.proxy.ssh.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The refusals on one connection that has not authenticated (yet): a client may try several keys before the right
 * one, so the proxy audits one {@code ssh.auth} failure when the connection closes without success, with every
 * reason.
 */
final class AuthFailures {

    private final Set<String> reasons = new LinkedHashSet<>();
    private String sshUser;
    private String username;
    private Long serial;

    synchronized void add(String sshUser, CertificateRefusedException refusal) {
        add(sshUser, refusal.getMessage(), refusal.username(), refusal.serial());
    }

    synchronized void add(String sshUser, String reason, String username, Long serial) {
        this.sshUser = sshUser;
        reasons.add(reason);
        if (username != null) {
            this.username = username;
        }
        if (serial != null) {
            this.serial = serial;
        }
    }

    /** @return whether this reason is new on the connection */
    synchronized boolean isNew(String reason) {
        return !reasons.contains(reason);
    }

    synchronized String reason() {
        return String.join("; ", reasons);
    }

    synchronized String sshUser() {
        return sshUser;
    }

    /** The Mezite user of the last certificate offered, or {@code null} when none named one. */
    synchronized String username() {
        return username;
    }

    /** The serial of the last certificate offered, or {@code null}. */
    synchronized Long serial() {
        return serial;
    }
}
