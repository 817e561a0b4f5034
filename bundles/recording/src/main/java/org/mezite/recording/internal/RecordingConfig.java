package org.mezite.recording.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Metatype of {@code etc/org.mezite.recording.cfg}. Method names map to the file's keys ({@code __} is {@code _}).
 */
@ObjectClassDefinition(name = "Mezite session recordings",
        description = "How agents record sessions and where the hub keeps the recordings")
@interface RecordingConfig {

    @AttributeDefinition(name = "Recording mode",
            description = "off, node (the agent uploads after the session) or node-sync (the agent streams as the"
                    + " session runs)",
            options = { @Option(value = "off", label = "off"), @Option(value = "node", label = "node"),
                    @Option(value = "node-sync", label = "node-sync") })
    String recording__mode() default "node";

    @AttributeDefinition(name = "Sink",
            description = "The recording sink to store into (service property mezite.recording.sink): file or"
                    + " database, or a vendor's")
    String sink() default "file";
}
