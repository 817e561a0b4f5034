package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OtpAuthUriTest {

    @Test
    void labelsTheEntryWithIssuerUserAndCluster() {
        assertThat(OtpAuthUri.of("alice@prod", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/Mezite:alice%40prod?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Mezite");
    }

    @Test
    void percentEncodesWhatIsNotUnreserved() {
        assertThat(OtpAuthUri.encode("a.b_c-d~e")).isEqualTo("a.b_c-d~e");
        assertThat(OtpAuthUri.encode("eu west/1 ü")).isEqualTo("eu%20west%2F1%20%C3%BC");
        assertThat(OtpAuthUri.encode("x+y&z=?:#")).isEqualTo("x%2By%26z%3D%3F%3A%23");
    }
}
