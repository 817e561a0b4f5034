/**
 * Session recordings: the agent's {@link org.mezite.api.recording.SessionRecorder} that the node's SSH server feeds
 * from the terminal, the hub's {@link org.mezite.api.recording.Recordings} that receives, indexes and plays them back,
 * and the {@link org.mezite.api.recording.RecordingSink} SPI where they are kept.
 */
@Export
@Version("1.0.0")
package org.mezite.api.recording;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
