package org.mezite.api.ca;

/** The extended key usages of a TLS certificate. */
public enum TlsUsage {
    /** TLS server authentication (id-kp-serverAuth). */
    SERVER,
    /** TLS client authentication (id-kp-clientAuth). */
    CLIENT
}
