package org.mezite.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the SQL migration scripts of a database dialect. Inside OSGi it reads the entries of this bundle; on a plain
 * class path (unit tests, tools) it reads the jar or classes directory this class was loaded from. Either way nothing
 * is scanned but this module's own {@code db/migration/<dialect>/} folder.
 */
public final class MigrationScripts {

    /** The dialect folder of SQLite scripts. */
    public static final String SQLITE = "sqlite";
    /** The dialect folder of PostgreSQL scripts. */
    public static final String POSTGRESQL = "postgresql";

    private static final String ROOT = "db/migration/";
    private static final Set<String> DIALECTS = Set.of(SQLITE, POSTGRESQL);

    private MigrationScripts() {
    }

    /** The dialects scripts exist for. */
    public static Set<String> dialects() {
        return DIALECTS;
    }

    /** The folder, relative to this module's root, that holds the scripts of a dialect. */
    public static String folder(String dialect) {
        if (!DIALECTS.contains(dialect)) {
            throw new IllegalArgumentException("no migrations for database dialect \"" + dialect + "\"; known: "
                    + String.join(", ", DIALECTS.stream().sorted().toList()));
        }
        return ROOT + dialect;
    }

    /**
     * The {@code .sql} scripts of a dialect, ordered by version ({@code V2} before {@code V10}).
     *
     * @throws IllegalArgumentException for a dialect without scripts
     * @throws IllegalStateException    when the scripts cannot be read from where this class was loaded
     */
    public static List<MigrationScript> of(String dialect) {
        String folder = folder(dialect);
        List<MigrationScript> scripts = new ArrayList<>(fromBundle(folder).orElseGet(() -> fromClassPath(folder)));
        if (scripts.isEmpty()) {
            throw new IllegalStateException("no migration scripts under " + folder + " in " + codeLocation());
        }
        scripts.sort(Comparator.comparing(MigrationScript::fileName, MigrationScripts::compareFileNames));
        return List.copyOf(scripts);
    }

    private static Optional<List<MigrationScript>> fromBundle(String folder) {
        try {
            Class.forName("org.osgi.framework.FrameworkUtil", false, MigrationScripts.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        return BundleEntries.scripts(MigrationScripts.class, folder);
    }

    private static List<MigrationScript> fromClassPath(String folder) {
        Path location = codeLocation();
        try {
            return Files.isDirectory(location) ? fromDirectory(location.resolve(folder)) : fromJar(location, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list migration scripts under " + folder + " in " + location, e);
        }
    }

    private static List<MigrationScript> fromDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<MigrationScript> scripts = new ArrayList<>();
            for (Path file : files.filter(f -> isScript(f.getFileName().toString())).toList()) {
                scripts.add(new MigrationScript(file.getFileName().toString(), file.toUri().toURL()));
            }
            return scripts;
        }
    }

    private static List<MigrationScript> fromJar(Path jarPath, String folder) throws IOException {
        String prefix = folder + "/";
        List<MigrationScript> scripts = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                String fileName = name.substring(Math.min(prefix.length(), name.length()));
                if (name.startsWith(prefix) && !fileName.contains("/") && isScript(fileName)) {
                    URL url = new URL("jar:" + jarPath.toUri().toURL() + "!/" + name);
                    scripts.add(new MigrationScript(fileName, url));
                }
            }
        }
        return scripts;
    }

    static boolean isScript(String fileName) {
        return fileName.endsWith(".sql");
    }

    private static Path codeLocation() {
        try {
            return Path.of(MigrationScripts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where " + MigrationScripts.class.getName()
                    + " was loaded from, so its migration scripts cannot be listed", e);
        }
    }

    /**
     * Orders {@code V<version>__<description>.sql} by version, numerically part by part; anything else (repeatable
     * {@code R__} scripts) comes after, by name.
     */
    static int compareFileNames(String a, String b) {
        Optional<int[]> va = version(a);
        Optional<int[]> vb = version(b);
        if (va.isPresent() && vb.isPresent()) {
            int[] x = va.get();
            int[] y = vb.get();
            for (int i = 0; i < Math.max(x.length, y.length); i++) {
                int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
                if (c != 0) {
                    return c;
                }
            }
            return a.compareTo(b);
        }
        if (va.isPresent() != vb.isPresent()) {
            return va.isPresent() ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static Optional<int[]> version(String fileName) {
        int end = fileName.indexOf("__");
        if (!fileName.startsWith("V") || end < 2) {
            return Optional.empty();
        }
        String[] parts = fileName.substring(1, end).split("[._]");
        int[] version = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                version[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(version);
    }
}
