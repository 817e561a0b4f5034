package org.mezite.ca.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PrivateKeyEnvelopeTest {

    private static final byte[] SECRET = "a private key that must not show".getBytes(StandardCharsets.US_ASCII);
    private static final String CONTEXT = "org.mezite.ca/user/prod";

    @Test
    void opensWithTheSamePassphraseAndContext() throws Exception {
        byte[] sealed = envelope("s3cret").seal(SECRET, CONTEXT);

        assertThat(envelope("s3cret").open(sealed, CONTEXT)).isEqualTo(SECRET);
        assertThat(containsRun(sealed, SECRET)).isFalse();
    }

    @Test
    void aWrongPassphraseIsReportedAsSuch() {
        byte[] sealed = envelope("s3cret").seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> envelope("guess").open(sealed, CONTEXT)).isInstanceOf(KeyUnwrapException.class)
                .hasMessage("wrong ca_key_passphrase?");
    }

    @Test
    void anEnvelopeMovedToAnotherCaDoesNotOpen() {
        byte[] sealed = envelope("s3cret").seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> envelope("s3cret").open(sealed, "org.mezite.ca/host/prod"))
                .isInstanceOf(KeyUnwrapException.class);
    }

    @Test
    void editedParametersDoNotOpen() {
        byte[] sealed = envelope("s3cret").seal(SECRET, CONTEXT);
        sealed[10] ^= 1; // memory KiB 64 -> 65: still in bounds, but authenticated

        assertThatThrownBy(() -> envelope("s3cret").open(sealed, CONTEXT)).isInstanceOf(KeyUnwrapException.class)
                .hasMessage("wrong ca_key_passphrase?");
    }

    @Test
    void theEnvelopeRecordsVersionAndKdfParameters() {
        KdfParameters parameters = new KdfParameters(256, 2, 1);
        byte[] sealed = new PrivateKeyEnvelope("pw".getBytes(StandardCharsets.UTF_8), parameters, new SecureRandom())
                .seal(SECRET, CONTEXT);

        ByteBuffer header = ByteBuffer.wrap(sealed);
        byte[] magic = new byte[4];
        header.get(magic);
        assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("MZKW");
        assertThat(header.get()).as("version").isEqualTo((byte) 1);
        assertThat(header.get()).as("flags: passphrase set").isEqualTo((byte) 1);
        assertThat(header.get()).as("KDF: Argon2id").isEqualTo((byte) 1);
        assertThat(header.getInt()).as("memory KiB").isEqualTo(256);
        assertThat(header.getInt()).as("iterations").isEqualTo(2);
        assertThat(header.get()).as("parallelism").isEqualTo((byte) 1);
        assertThat(header.get()).as("salt length").isEqualTo((byte) 16);
    }

    @Test
    void parametersChangedLaterStillOpenOldEnvelopes() throws Exception {
        byte[] old = new PrivateKeyEnvelope(bytes("pw"), new KdfParameters(128, 1, 1), new SecureRandom())
                .seal(SECRET, CONTEXT);

        PrivateKeyEnvelope stronger = new PrivateKeyEnvelope(bytes("pw"), new KdfParameters(512, 2, 2),
                new SecureRandom());

        assertThat(stronger.open(old, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void withoutPassphraseTheKeyIsStillWrapped() throws Exception {
        byte[] sealed = envelope("").seal(SECRET, CONTEXT);

        assertThat(sealed[5]).as("flags: no passphrase").isZero();
        assertThat(containsRun(sealed, SECRET)).isFalse();
        assertThat(envelope("").open(sealed, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void aMissingOrSurplusPassphraseIsNamed() {
        byte[] protectedKey = envelope("s3cret").seal(SECRET, CONTEXT);
        byte[] unprotectedKey = envelope("").seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> envelope("").open(protectedKey, CONTEXT))
                .hasMessage("it is protected by a passphrase and ca_key_passphrase is not set");
        assertThatThrownBy(() -> envelope("s3cret").open(unprotectedKey, CONTEXT))
                .hasMessageStartingWith("it was stored without a passphrase, before ca_key_passphrase was set");
    }

    @Test
    void damagedOrForeignDataIsNamed() {
        byte[] sealed = envelope("s3cret").seal(SECRET, CONTEXT);
        byte[] futureVersion = sealed.clone();
        futureVersion[4] = 2;
        byte[] hugeMemory = sealed.clone();
        ByteBuffer.wrap(hugeMemory).putInt(7, Integer.MAX_VALUE);

        assertThatThrownBy(() -> envelope("s3cret").open("-----BEGIN".getBytes(StandardCharsets.US_ASCII), CONTEXT))
                .hasMessage("it is not in Mezite's encrypted key format");
        assertThatThrownBy(() -> envelope("s3cret").open(futureVersion, CONTEXT))
                .hasMessageStartingWith("it is in key format version 2");
        assertThatThrownBy(() -> envelope("s3cret").open(hugeMemory, CONTEXT))
                .hasMessageStartingWith("its key derivation parameters are out of bounds");
        assertThatThrownBy(() -> envelope("s3cret").open(Arrays.copyOf(sealed, 20), CONTEXT))
                .hasMessage("it is truncated");
    }

    @Test
    void toStringHidesThePassphrase() {
        assertThat(envelope("s3cret").toString()).doesNotContain("s3cret").contains("****");
    }

    private static PrivateKeyEnvelope envelope(String passphrase) {
        return new PrivateKeyEnvelope(bytes(passphrase), TestCas.FAST_KDF, new SecureRandom());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static boolean containsRun(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
