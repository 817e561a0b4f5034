package org.mezite.audit.listener.jsonl.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of {@code etc/org.mezite.audit.listener.jsonl.cfg}. Method names map to the file's keys ({@code __} is
 * {@code _}); {@link JsonlSettings} validates them.
 */
@ObjectClassDefinition(name = "Mezite audit listener: JSON lines",
        description = "Every stored audit event as one JSON object per line, in a file that rotates by size")
@interface JsonlListenerConfig {

    @AttributeDefinition(name = "File",
            description = "The file events are appended to; a relative path is taken from the hub's data_dir."
                    + " Empty: DATA_DIR/audit/audit.jsonl")
    String file() default "";

    @AttributeDefinition(name = "Maximum size",
            description = "The file is rotated before a line would take it past this size: bytes, or a number with"
                    + " KB, MB or GB (1024-based), e.g. 100MB")
    String max__size() default "100MB";

    @AttributeDefinition(name = "Maximum files",
            description = "How many files are kept in all, the current one included (audit.jsonl, audit.jsonl.1,"
                    + " ...); the oldest is deleted at rotation")
    int max__files() default JsonlSettings.DEFAULT_MAX_FILES;
}
