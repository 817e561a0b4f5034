package org.mezite.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.admin.CaInfo;
import org.mezite.api.ca.CaPublicIdentity;
import org.mezite.api.ca.CertificateAuthorities;
import org.mezite.api.store.CaType;

class CaAdminServiceTest extends Fixture {

    static final String PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBCTCBvKADAgECAgkA7SHYiUJ+FSgwBQYDK2VwMBkxFzAVBgNVBAMTDm1leml0
            ZSB1c2VyIENBMB4XDTI2MTEyODA0MjAzMFoXDTM2MTEyNTA0MjAzMFowGTEXMBUG
            A1UEAxMObWV6aXRlIHVzZXIgQ0EwKjAFBgMrZXADIQCioeXB/PVWuzy4zuRQGwsW
            9BRIb4sl9r5q0B6+N+wsPqMhMB8wHQYDVR0OBBYEFKK24CrJtJEFEmliuvFOD8gv
            jK9hMAUGAytlcANBAFCc5TAkfoj+fpGYLyCAaYQsKKo1iMT+wN/9eax+IzCS25VE
            YMlj1BlnSG8/u4hXp5Ukuss2kWnDeN1/Tw14ewk=
            -----END CERTIFICATE-----
            """;

    @Test
    void listsThePublicPartsOfBothCas() throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(PEM.getBytes(StandardCharsets.US_ASCII)));
        List<CaPublicIdentity> cas = List.of(
                new CaPublicIdentity(CaType.USER, "prod", "ssh-ed25519 AAAAuser prod user CA", "SHA256:user", cert,
                        PEM, "sha256:aa"),
                new CaPublicIdentity(CaType.HOST, "prod", "ssh-ed25519 AAAAhost prod host CA", "SHA256:host", cert,
                        PEM, "sha256:bb"));
        CaAdminService service = new CaAdminService(new CertificateAuthorities() {
            @Override
            public String clusterName() {
                return "prod";
            }

            @Override
            public CaPublicIdentity authority(CaType type) {
                return cas.get(type.ordinal());
            }

            @Override
            public List<CaPublicIdentity> all() {
                return cas;
            }
        }, access);

        assertThat(service.list(OPERATOR)).containsExactly(
                new CaInfo(CaType.USER, "prod", "ssh-ed25519 AAAAuser prod user CA", "SHA256:user", "sha256:aa", PEM),
                new CaInfo(CaType.HOST, "prod", "ssh-ed25519 AAAAhost prod host CA", "SHA256:host", "sha256:bb", PEM));
        assertThat(audit.last("admin.access").resource()).isEqualTo("cert_authority");
        assertThatThrownBy(() -> service.list(BOB)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("no role of bob allows list on cert_authority");
        assertThat(rules.asked).containsExactly("cert_authority:list", "cert_authority:list");
    }
}
