package org.mezite.api.admin;

import java.time.Duration;
import java.util.List;

import org.mezite.api.access.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Registered nodes (resource {@code node}). */
@ProviderType
public interface NodeAdmin {

    /** Verb {@code list}. */
    List<NodeInfo> list(Caller caller);

    /** Verb {@code delete}: by id or unique name. @throws org.mezite.api.store.NotFoundException when unknown */
    void remove(Caller caller, String idOrName);

    /** Verb {@code delete}: removes nodes with no heartbeat for longer than {@code age}; returns their names. */
    List<String> removeStale(Caller caller, Duration age);
}
