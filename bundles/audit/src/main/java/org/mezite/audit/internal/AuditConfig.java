package org.mezite.audit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of {@code etc/org.mezite.audit.cfg}. Method names map to the file's keys ({@code __} is {@code _}). */
@ObjectClassDefinition(name = "Mezite audit",
        description = "The hub's audit log and how stored events reach the audit listeners")
@interface AuditConfig {

    @AttributeDefinition(name = "Listener queue size",
            description = "How many stored events wait for each audit listener before further events for that"
                    + " listener are dropped (with a warning); applies to listeners that start after a change")
    int listener__queue__size() default ListenerQueueSize.DEFAULT;
}
