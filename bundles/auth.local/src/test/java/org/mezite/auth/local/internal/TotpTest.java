package org.mezite.auth.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** The SHA1 seed of RFC 6238 Appendix B. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:10Z");

    @ParameterizedTest(name = "T = {0}: {1}")
    @CsvSource({
        "59,          94287082",
        "1111111109,  07081804",
        "1111111111,  14050471",
        "1234567890,  89005924",
        "2000000000,  69279037",
        "20000000000, 65353130"})
    void rfc6238AppendixBSha1Vectors(long unixSeconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(unixSeconds));

        assertThat(Totp.code(RFC_SECRET, step, 8)).isEqualTo(expected);
        // what authenticator apps show: the same truncation with 6 digits
        assertThat(Totp.code(RFC_SECRET, step, 6)).isEqualTo(expected.substring(2));
    }

    @Test
    void acceptsTheCurrentCodeAndOneStepEitherSide() {
        long now = Totp.step(NOW);

        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now, 6), NOW)).hasValue(now);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 1, 6), NOW)).hasValue(now - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 1, 6), NOW)).hasValue(now + 1);
    }

    @Test
    void refusesCodesTwoStepsAwayAndCodesOfAnotherSecret() {
        long now = Totp.step(NOW);
        byte[] other = "09876543210987654321".getBytes(StandardCharsets.US_ASCII);

        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 2, 6), NOW)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 2, 6), NOW)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(other, now, 6), NOW)).isEmpty();
    }

    @Test
    void ignoresSpacesAndRefusesAnythingButSixDigits() {
        String code = Totp.code(RFC_SECRET, Totp.step(NOW), 6);

        assertThat(Totp.matchingStep(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), NOW)).isPresent();
        assertThat(Totp.matchingStep(RFC_SECRET, code.substring(1), NOW)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, code + "0", NOW)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345a", NOW)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "１２３４５６", NOW)).isEmpty(); // full-width digits are not digits here
        assertThat(Totp.matchingStep(RFC_SECRET, null, NOW)).isEmpty();
    }

    @Test
    void stepsAreThirtySecondsOfUnixTime() {
        assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
    }
}
