package org.mezite.proxy.web.internal;

import org.osgi.framework.Version;

/** Mezite versions as users see them ({@code 0.1.0-SNAPSHOT}), not as OSGi spells them ({@code 0.1.0.SNAPSHOT}). */
final class MeziteVersion {

    private MeziteVersion() {
    }

    static String of(Version version) {
        String base = version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
        return version.getQualifier().isEmpty() ? base : base + "-" + version.getQualifier();
    }
}
