package org.mezite.ca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mezite.api.ca.HostCertificateRequest;
import org.mezite.api.ca.SshCertificate;
import org.mezite.api.ca.UserCertificateRequest;
import org.mezite.api.ca.UserPermission;
import org.mezite.api.store.CaType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What {@code ssh-keygen -L} reads from Mezite's certificates, and that it agrees on fingerprints. */
class SshKeygenListingTest {

    private static final DateTimeFormatter SSH_KEYGEN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Instant NOW = Instant.parse("2030-05-17T10:15:30.750Z");

    @TempDir
    static Path dir;

    private static CertificateAuthorityService cas;

    @BeforeAll
    static void start() {
        cas = TestCas.start(new InMemoryCertificateAuthorityRepository(), "", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void userCertificate() throws Exception {
        Path key = OpenSsh.newKey(dir, "id_alice");
        SshCertificate certificate = cas.sign(new UserCertificateRequest(OpenSsh.publicKey(key), "alice",
                List.of("access", "auditor"), List.of("alice", "root", "alice"),
                EnumSet.of(UserPermission.PORT_FORWARDING, UserPermission.AGENT_FORWARDING), Duration.ofHours(8),
                Map.of()));

        String listing = OpenSsh.describe(dir, OpenSsh.writeCertificate(key, certificate.authorizedKey()));

        assertThat(field(listing, "Type")).isEqualTo("ssh-ed25519-cert-v01@openssh.com user certificate");
        assertThat(field(listing, "Public key")).isEqualTo("ED25519-CERT " + fingerprint(key + ".pub"));
        assertThat(field(listing, "Signing CA")).isEqualTo("ED25519 "
                + cas.authority(CaType.USER).sshFingerprint() + " (using ssh-ed25519)");
        assertThat(field(listing, "Key ID")).isEqualTo("\"alice\"");
        assertThat(field(listing, "Serial")).isEqualTo(Long.toString(certificate.serial()));
        assertThat(field(listing, "Valid")).isEqualTo("from 2030-05-17T10:14:30 to 2030-05-17T18:15:30");
        assertThat(block(listing, "Principals")).containsExactly("alice", "root");
        assertThat(field(listing, "Critical Options")).isEqualTo("(none)");
        // ssh-keygen 9.2 shows the data of extensions it does not know in hex: an SSH string holding the value
        assertThat(block(listing, "Extensions")).containsExactly(
                unknown("mezite-cluster@mezite.org", "test-cluster"),
                unknown("mezite-roles@mezite.org", "access,auditor"),
                unknown("mezite-user@mezite.org", "alice"),
                "permit-agent-forwarding",
                "permit-port-forwarding",
                "permit-pty");
        assertThat(certificate.extensions()).containsOnly(entry("mezite-cluster@mezite.org", "test-cluster"),
                entry("mezite-roles@mezite.org", "access,auditor"), entry("mezite-user@mezite.org", "alice"),
                entry("permit-agent-forwarding", ""), entry("permit-port-forwarding", ""), entry("permit-pty", ""));
        assertThat(certificate.validAfter()).isEqualTo(Instant.parse("2030-05-17T10:14:30Z"));
        assertThat(certificate.validBefore()).isEqualTo(Instant.parse("2030-05-17T18:15:30Z"));
    }

    @Test
    void theUsersTraitsTravelAsCompactJsonWithSortedNames() throws Exception {
        Path key = OpenSsh.newKey(dir, "id_bob");
        Map<String, List<String>> traits = new LinkedHashMap<>();
        traits.put("team", List.of("dev", "ops \"night\"", "zoë"));
        traits.put("logins", List.of("bob", "ubuntu"));
        traits.put("groups", List.of());
        SshCertificate certificate = cas.sign(new UserCertificateRequest(OpenSsh.publicKey(key), "bob",
                List.of("access"), List.of("bob"), EnumSet.noneOf(UserPermission.class), Duration.ofHours(1),
                traits));

        String listing = OpenSsh.describe(dir, OpenSsh.writeCertificate(key, certificate.authorizedKey()));

        String json = "{\"groups\":[],\"logins\":[\"bob\",\"ubuntu\"],"
                + "\"team\":[\"dev\",\"ops \\\"night\\\"\",\"zoë\"]}";
        assertThat(block(listing, "Extensions")).contains(unknown("mezite-traits@mezite.org", json));
        assertThat(certificate.extensions()).containsEntry("mezite-traits@mezite.org", json);
        // what an agent reads back from the certificate's bytes is what was asked for
        String carried = extensionValue(listing, "mezite-traits@mezite.org");
        assertThat(new ObjectMapper().readValue(carried, new TypeReference<Map<String, List<String>>>() {
        })).isEqualTo(traits);
    }

    @Test
    void hostCertificate() throws Exception {
        Path key = OpenSsh.newKey(dir, "host_node");
        SshCertificate certificate = cas.sign(new HostCertificateRequest(OpenSsh.publicKey(key), "node-01",
                "node-01.example.com", List.of("10.0.0.5", "node-01"), Duration.ofHours(24)));

        String listing = OpenSsh.describe(dir, OpenSsh.writeCertificate(key, certificate.authorizedKey()));

        assertThat(field(listing, "Type")).isEqualTo("ssh-ed25519-cert-v01@openssh.com host certificate");
        assertThat(field(listing, "Signing CA")).isEqualTo("ED25519 "
                + cas.authority(CaType.HOST).sshFingerprint() + " (using ssh-ed25519)");
        assertThat(field(listing, "Key ID")).isEqualTo("\"node-01\"");
        assertThat(field(listing, "Valid")).isEqualTo("from " + SSH_KEYGEN_TIME.format(certificate.validAfter())
                + " to " + SSH_KEYGEN_TIME.format(certificate.validBefore()));
        assertThat(block(listing, "Principals")).containsExactly("node-01", "node-01.example.com", "10.0.0.5");
    }

    @Test
    void theCaFingerprintsAreTheOnesSshKeygenPrints() throws Exception {
        for (CaType type : CaType.values()) {
            Path file = dir.resolve(type.id() + "_ca.pub");
            Files.writeString(file, cas.authority(type).authorizedKey() + "\n");
            assertThat(fingerprint(file.toString())).isEqualTo(cas.authority(type).sshFingerprint());
        }
    }

    private static String unknown(String name, String value) {
        byte[] data = new SshWriter().string(value).toByteArray();
        return name + " UNKNOWN OPTION: " + HexFormat.of().formatHex(data) + " (len " + data.length + ")";
    }

    /** The value of an extension ssh-keygen does not know, decoded from the hex of the SSH string it prints. */
    private static String extensionValue(String listing, String name) {
        String line = block(listing, "Extensions").stream().filter(l -> l.startsWith(name + " UNKNOWN OPTION: "))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in\n" + listing));
        String hex = line.substring((name + " UNKNOWN OPTION: ").length(), line.indexOf(" (len "));
        byte[] data = HexFormat.of().parseHex(hex);
        return new SshReader(data).utf8();
    }

    private static String fingerprint(String publicKeyFile) throws Exception {
        OpenSsh.Result result = OpenSsh.run(dir, "ssh-keygen", "-l", "-E", "sha256", "-f", publicKeyFile);
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result.stdout().split(" ")[1];
    }

    /** The value after {@code NAME:} on its line. */
    private static String field(String listing, String name) {
        return listing.lines().map(String::strip).filter(l -> l.startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in\n" + listing));
    }

    /** The indented lines under {@code NAME:}. */
    private static List<String> block(String listing, String name) {
        List<String> lines = listing.lines().toList();
        int start = 0;
        while (!lines.get(start).strip().startsWith(name + ":")) {
            start++;
        }
        int indent = lines.get(start).indexOf(name);
        return lines.subList(start + 1, lines.size()).stream()
                .takeWhile(l -> l.length() - l.stripLeading().length() > indent).map(String::strip).toList();
    }
}
