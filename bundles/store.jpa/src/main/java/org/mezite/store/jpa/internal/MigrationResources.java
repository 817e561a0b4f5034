package org.mezite.store.jpa.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.mezite.migrations.MigrationScript;

/**
 * Gives Flyway exactly the scripts of the migrations bundle, read through their URLs, so that Flyway never scans a
 * class path (which it cannot do across bundles).
 */
final class MigrationResources implements ResourceProvider {

    private final String folder;
    private final List<MigrationScript> scripts;

    MigrationResources(String folder, List<MigrationScript> scripts) {
        this.folder = folder;
        this.scripts = List.copyOf(scripts);
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.stream().filter(s -> s.fileName().equals(name)).findFirst().map(this::resource).orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
        return scripts.stream()
                .filter(s -> s.fileName().startsWith(prefix) && Arrays.stream(suffixes).anyMatch(s.fileName()::endsWith))
                .map(this::resource).toList();
    }

    private LoadableResource resource(MigrationScript script) {
        return new ScriptResource(folder, script);
    }

    private static final class ScriptResource extends LoadableResource {
        private final String folder;
        private final MigrationScript script;

        ScriptResource(String folder, MigrationScript script) {
            this.folder = folder;
            this.script = script;
        }

        @Override
        public Reader read() {
            try {
                return new InputStreamReader(script.url().openStream(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read migration " + script.url(), e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return folder + "/" + script.fileName();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return script.url().toString();
        }

        @Override
        public String getFilename() {
            return script.fileName();
        }

        @Override
        public String getRelativePath() {
            return script.fileName();
        }
    }
}
