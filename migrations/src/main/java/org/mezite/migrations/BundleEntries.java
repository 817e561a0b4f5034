package org.mezite.migrations;

import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Reads scripts from the bundle a class was loaded from; kept apart so that plain JVMs never load OSGi types. */
final class BundleEntries {

    private BundleEntries() {
    }

    /** The scripts in a folder of the bundle of {@code owner}, or empty when {@code owner} is not in a bundle. */
    static Optional<List<MigrationScript>> scripts(Class<?> owner, String folder) {
        Bundle bundle = FrameworkUtil.getBundle(owner);
        if (bundle == null) {
            return Optional.empty();
        }
        List<MigrationScript> scripts = new ArrayList<>();
        Enumeration<URL> entries = bundle.findEntries(folder, "*.sql", false);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            String path = url.getPath();
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            if (MigrationScripts.isScript(fileName)) {
                scripts.add(new MigrationScript(fileName, url));
            }
        }
        return Optional.of(scripts);
    }
}
