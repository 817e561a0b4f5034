package org.mezite.auth.internal.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.mezite.api.join.IssuedJoinToken;
import org.mezite.api.join.JoinTokenInfo;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.join.JoinTokenState;
import org.mezite.api.join.JoinTokenType;
import org.mezite.api.store.JoinToken;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.auth.internal.testing.InMemoryJoinTokenRepository;
import org.mezite.auth.internal.testing.MutableClock;
import org.mezite.auth.internal.testing.RecordingAuditEventRepository;

class JoinTokenServiceTest {

    private final MutableClock clock = MutableClock.now();
    private final InMemoryJoinTokenRepository table = new InMemoryJoinTokenRepository(clock);
    private final RecordingAuditEventRepository audit = new RecordingAuditEventRepository();
    private final JoinTokenService tokens = new JoinTokenService(table, audit, clock, new SecureRandom());
    private final JoinTokenRedeemer redeemer = new JoinTokenRedeemer(table, clock);

    @Test
    void aNewTokenIs32RandomBytesInHexAndOnlyItsHashIsStored() {
        IssuedJoinToken issued = tokens.create(JoinTokenRequest.node(), "admin");

        assertThat(issued.token()).matches("[0-9a-f]{64}");
        assertThat(table.hashes()).containsExactly(TokenHashes.hash(issued.token()))
                .doesNotContain(issued.token());
        assertThat(issued.info().id()).isEqualTo(TokenHashes.hash(issued.token()).substring(0, 16));
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(tokens.create(JoinTokenRequest.node(), "admin").token()).isNotEqualTo(issued.token());
    }

    @Test
    void aTokenLastsThirtyMinutesUnlessAskedOtherwiseAndCarriesItsLabels() {
        Instant now = clock.instant();

        JoinTokenInfo byDefault = tokens.create(JoinTokenRequest.node(), "admin").info();
        JoinTokenInfo asked = tokens.create(new JoinTokenRequest(JoinTokenType.NODE, Duration.ofHours(2),
                Map.of("env", "dev", "team", "a")), "admin").info();

        assertThat(byDefault.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(30)));
        assertThat(byDefault.state(now)).isEqualTo(JoinTokenState.ACTIVE);
        assertThat(asked.expiresAt()).isEqualTo(now.plus(Duration.ofHours(2)));
        assertThat(asked.labels()).containsExactly(Map.entry("env", "dev"), Map.entry("team", "a"));
    }

    @Test
    void creationIsAuditedWithTheTokenIdButNeverTheToken() {
        IssuedJoinToken issued = tokens.create(new JoinTokenRequest(JoinTokenType.NODE, Duration.ofMinutes(5),
                Map.of("env", "dev")), "alice");

        NewAuditEvent event = audit.ofType("join_token.create").get(0);
        assertThat(event.username()).isEqualTo("alice");
        assertThat(event.result()).isEqualTo("success");
        assertThat(event.resource()).isEqualTo("join_token/" + issued.info().id());
        assertThat(event.metadata()).contains("\"type\":\"node\"", "\"ttl_seconds\":300", "\"env\":\"dev\"")
                .doesNotContain(issued.token()).doesNotContain(TokenHashes.hash(issued.token()));
    }

    @Test
    void unusableTtlsAndLabelsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> tokens.create(new JoinTokenRequest(JoinTokenType.NODE, Duration.ZERO, Map.of()),
                "admin")).hasMessage("ttl: must be positive, got 0s");
        assertThatThrownBy(() -> tokens.create(new JoinTokenRequest(JoinTokenType.NODE, Duration.ofDays(8),
                Map.of()), "admin")).hasMessage("ttl: at most 168h, got 192h");
        assertThatThrownBy(() -> tokens.create(new JoinTokenRequest(JoinTokenType.NODE, null,
                Map.of("env x", "dev")), "admin")).hasMessageStartingWith("labels: key \"env x\" must be");
        assertThatThrownBy(() -> tokens.create(new JoinTokenRequest(JoinTokenType.NODE, null,
                Map.of("env", "dev prod")), "admin")).hasMessageStartingWith("labels: value of \"env\" may only");
        assertThat(table.hashes()).isEmpty();
    }

    @Test
    void aTokenWorksOnce() {
        String token = tokens.create(JoinTokenRequest.node(), "admin").token();

        assertThat(redeemer.redeem(token, JoinTokenType.NODE).usedAt()).isEqualTo(clock.instant());

        assertRefused(() -> redeemer.redeem(token, JoinTokenType.NODE), "join token already used");
        assertRefused(() -> redeemer.check(token, JoinTokenType.NODE), "join token already used");
        assertThat(tokens.list()).singleElement()
                .satisfies(info -> assertThat(info.state(clock.instant())).isEqualTo(JoinTokenState.USED));
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() {
        String token = tokens.create(new JoinTokenRequest(JoinTokenType.NODE, Duration.ofMinutes(1), Map.of()),
                "admin").token();

        clock.advance(Duration.ofSeconds(59));
        assertThat(redeemer.check(token, JoinTokenType.NODE).id()).isNotEmpty();
        clock.advance(Duration.ofSeconds(1));

        assertRefused(() -> redeemer.check(token, JoinTokenType.NODE), "join token expired");
        assertRefused(() -> redeemer.redeem(token, JoinTokenType.NODE), "join token expired");
        assertThat(tokens.list().get(0).state(clock.instant())).isEqualTo(JoinTokenState.EXPIRED);
    }

    @Test
    void checkingDoesNotUseTheToken() {
        String token = tokens.create(JoinTokenRequest.node(), "admin").token();

        redeemer.check(token, JoinTokenType.NODE);
        redeemer.check(token, JoinTokenType.NODE);

        assertThat(redeemer.redeem(token, JoinTokenType.NODE)).isNotNull();
    }

    @Test
    void anUnknownOrMalformedTokenIsUnknown() {
        tokens.create(JoinTokenRequest.node(), "admin");

        assertRefused(() -> redeemer.redeem("0".repeat(64), JoinTokenType.NODE), "unknown join token");
        assertRefused(() -> redeemer.redeem("not a token", JoinTokenType.NODE), "unknown join token");
        assertRefused(() -> redeemer.redeem("", JoinTokenType.NODE), "unknown join token");
        assertRefused(() -> redeemer.redeem(null, JoinTokenType.NODE), "unknown join token");
    }

    @Test
    void aTokenIsAcceptedAsCopiedWithBlanksAroundItOrInUpperCase() {
        String token = tokens.create(JoinTokenRequest.node(), "admin").token();

        assertThat(redeemer.redeem("  " + token.toUpperCase(Locale.ROOT) + "\n", JoinTokenType.NODE)).isNotNull();
    }

    @Test
    void whatTheStoreFindsCountsOnlyWhenItsHashIsExactlyTheTokensOwn() {
        // a store that compares hashes loosely (a case-insensitive collation) and returns a row for another hash
        String token = "ab".repeat(32);
        String looseHash = TokenHashes.hash(token).toUpperCase(Locale.ROOT);
        InMemoryJoinTokenRepository loose = new InMemoryJoinTokenRepository(clock) {
            @Override
            public synchronized Optional<JoinToken> find(String tokenHash) {
                return super.find(tokenHash.toUpperCase(Locale.ROOT));
            }
        };
        loose.create(looseHash, "node", Map.of(), clock.instant().plus(Duration.ofHours(1)));
        JoinTokenRedeemer service = new JoinTokenRedeemer(loose, clock);

        assertRefused(() -> service.check(token, JoinTokenType.NODE), "unknown join token");
    }

    @Test
    void ofTwoAgentsRacingWithOneTokenOneWins() throws Exception {
        for (int round = 0; round < 20; round++) {
            String token = tokens.create(JoinTokenRequest.node(), "admin").token();
            ExecutorService agents = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Callable<Boolean> join = () -> {
                        try {
                            redeemer.redeem(token, JoinTokenType.NODE);
                            return true;
                        } catch (JoinRefusedException e) {
                            assertThat(e).hasMessage("join token already used");
                            return false;
                        }
                    };
                    attempts.add(agents.submit(join));
                }
                int wins = 0;
                for (Future<Boolean> attempt : attempts) {
                    wins += attempt.get() ? 1 : 0;
                }
                assertThat(wins).as("round " + round).isEqualTo(1);
            } finally {
                agents.shutdownNow();
            }
        }
    }

    @Test
    void aTokenIsRemovedByItselfOrByItsIdAndTheRemovalAudited() {
        IssuedJoinToken first = tokens.create(JoinTokenRequest.node(), "admin");
        IssuedJoinToken second = tokens.create(JoinTokenRequest.node(), "admin");

        assertThat(tokens.remove(first.token(), "alice")).isTrue();
        assertThat(tokens.remove(second.info().id(), "alice")).isTrue();

        assertThat(tokens.list()).isEmpty();
        assertThat(tokens.remove(first.token(), "alice")).isFalse();
        assertThat(tokens.remove("nonsense", "alice")).isFalse();
        assertRefused(() -> redeemer.redeem(first.token(), JoinTokenType.NODE), "unknown join token");
        assertThat(audit.ofType("join_token.delete")).extracting(NewAuditEvent::resource)
                .containsExactly("join_token/" + first.info().id(), "join_token/" + second.info().id());
        assertThat(audit.events()).allSatisfy(e -> assertThat(e.metadata()).doesNotContain(first.token()));
    }

    @Test
    void listsNewestFirst() {
        IssuedJoinToken older = tokens.create(JoinTokenRequest.node(), "admin");
        clock.advance(Duration.ofSeconds(1));
        IssuedJoinToken newer = tokens.create(JoinTokenRequest.node(), "admin");

        assertThat(tokens.list()).extracting(JoinTokenInfo::id).containsExactly(newer.info().id(), older.info().id());
    }

    private static void assertRefused(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(JoinRefusedException.class).hasMessage(message);
    }
}
