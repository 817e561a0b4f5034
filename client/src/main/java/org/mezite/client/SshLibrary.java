package org.mezite.client;

import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.common.util.security.SunJCESecurityProviderRegistrar;

/**
 * MINA SSHD's process-wide settings, made once before msh's first SSH connection: its cryptography comes from the
 * JDK alone. Without this, MINA would register BouncyCastle or net.i2p when they happen to be on the class path
 * (slow to start) and would find no Ed25519 without them.
 */
final class SshLibrary {

    private static boolean configured;

    private SshLibrary() {
    }

    static synchronized void configure() {
        if (configured) {
            return;
        }
        if (System.getProperty(SecurityUtils.SECURITY_PROVIDER_REGISTRARS) == null) {
            System.setProperty(SecurityUtils.SECURITY_PROVIDER_REGISTRARS,
                    SunJCESecurityProviderRegistrar.class.getName());
        }
        SecurityUtils.registerSecurityProvider(new JdkEdDSARegistrar());
        configured = true;
    }
}
