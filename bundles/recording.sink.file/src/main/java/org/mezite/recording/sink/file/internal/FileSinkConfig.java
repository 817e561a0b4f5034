package org.mezite.recording.sink.file.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of {@code etc/org.mezite.recording.sink.file.cfg}. */
@ObjectClassDefinition(name = "Mezite recording sink: filesystem",
        description = "Keeps recordings as asciicast v2 gzip files")
@interface FileSinkConfig {

    @AttributeDefinition(name = "Directory", required = false,
            description = "Where the files go: an absolute path, or one relative to the hub's data_dir; empty:"
                    + " DATA_DIR/recordings/store")
    String directory() default "";
}
