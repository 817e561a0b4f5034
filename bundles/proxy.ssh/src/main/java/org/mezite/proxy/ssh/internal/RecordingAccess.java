package org.mezite.proxy.ssh.internal;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.mezite.api.access.AccessChecker;
import org.mezite.api.access.AccessDecision;
import org.mezite.api.access.Caller;
import org.mezite.api.access.SshUser;
import org.mezite.api.recording.Recordings;

/**
 * What the {@code recordings} commands need: the hub's {@link Recordings} when one is installed (the service comes and
 * goes with its feature, so it is asked for at each command), the roles' rules on the {@code session} resource, the
 * proxy's audit and a thread to do it all on (the index and the sinks read databases and disks).
 */
final class RecordingAccess {

    static final String RESOURCE = "session";
    static final String NOT_AVAILABLE = "recordings are not available on this proxy";

    private final Supplier<Recordings> recordings;
    private final AccessChecker access;
    private final ProxyAudit audit;
    private final Executor executor;

    RecordingAccess(Supplier<Recordings> recordings, AccessChecker access, ProxyAudit audit, Executor executor) {
        this.recordings = recordings;
        this.access = access;
        this.audit = audit;
        this.executor = executor;
    }

    /** Whether the user's roles' rules allow {@code verb} ({@code list}, {@code read}) on sessions. */
    AccessDecision check(SshUser user, String verb) {
        return access.checkRule(Caller.user(user.username(), user.roles(), user.traits()), RESOURCE, verb);
    }

    /** The hub's recordings, or {@code null} when this hub has none installed. */
    Recordings recordings() {
        return recordings.get();
    }

    ProxyAudit audit() {
        return audit;
    }

    Executor executor() {
        return executor;
    }
}
