package org.mezite.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditQuery;
import org.mezite.api.store.NewAuditEvent;

class AuditAdminServiceTest extends Fixture {

    final StoredAuditEvents events = new StoredAuditEvents().add("user.login", "alice", NOW.minusSeconds(60))
            .add("session.start", "alice", NOW.minusSeconds(30)).add("session.start", "bob", NOW);
    final AuditAdminService service = new AuditAdminService(events, access);

    @Test
    void searchPassesTheQueryToTheLogAndAuditsWhoLooked() {
        AuditQuery query = AuditQuery.all().ofType("session.start").ofUser("alice")
                .between(NOW.minus(Duration.ofHours(1)), NOW).limit(10);

        assertThat(service.search(OPERATOR, query)).extracting(AuditEvent::id).containsExactly(2L);

        assertThat(events.queries).containsExactly(query);
        NewAuditEvent looked = audit.last("admin.access");
        assertThat(looked.username()).isEqualTo("karaf");
        assertThat(looked.resource()).isEqualTo("audit");
        assertThat(looked.action()).isEqualTo("list");
        assertThat(looked.result()).isEqualTo("success");
        assertThat(rules.asked).containsExactly("audit:list");
    }

    @Test
    void withoutAQueryTheSearchIsTheDefaultOne() {
        assertThat(service.search(OPERATOR, null)).hasSize(3);
        assertThat(events.queries).containsExactly(AuditQuery.all());
    }

    @Test
    void aTimeRangeThatEndsBeforeItStartsIsNamed() {
        AuditQuery backwards = AuditQuery.all().between(NOW, NOW.minusSeconds(1));

        assertThatThrownBy(() -> service.search(OPERATOR, backwards)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("audit search: the start 2030-01-02T03:04:05Z is not before the end 2030-01-02T03:04:04Z");
        assertThat(events.queries).isEmpty();
    }

    @Test
    void verifyChecksTheChainFromTheGivenTimeAndAuditsIt() {
        events.check = new AuditChainCheck(41, 42, "hash does not match");

        AuditChainCheck check = service.verify(OPERATOR, NOW.minus(Duration.ofHours(1)));

        assertThat(check.intact()).isFalse();
        assertThat(check.brokenAt()).isEqualTo(42);
        assertThat(events.verified).containsExactly(NOW.minus(Duration.ofHours(1)));
        assertThat(audit.last("admin.access").action()).isEqualTo("read");
        assertThat(audit.last("admin.access").resource()).isEqualTo("audit");
        assertThat(rules.asked).containsExactly("audit:read");

        assertThat(service.verify(OPERATOR, null).checked()).isEqualTo(41);
        assertThat(events.verified).last().isNull();
    }

    @Test
    void verifyFromTheFutureIsAMistake() {
        assertThatThrownBy(() -> service.verify(OPERATOR, NOW.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("audit verify: the start 2030-01-02T03:04:06Z is in the future");
        assertThat(events.verified).isEmpty();
    }

    @Test
    void theRulesDecideAndARefusalIsAudited() {
        assertThatThrownBy(() -> service.search(BOB, AuditQuery.all())).isInstanceOf(AccessDeniedException.class)
                .hasMessage("no role of bob allows list on audit");
        assertThatThrownBy(() -> service.verify(BOB, null)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("no role of bob allows read on audit");
        assertThat(events.queries).isEmpty();
        assertThat(events.verified).isEmpty();
        assertThat(audit.events).extracting(NewAuditEvent::result).containsExactly("failure", "failure");

        rules.grant("audit", "list").grant("audit", "read");
        assertThat(service.search(BOB, AuditQuery.all())).hasSize(3);
        assertThat(service.verify(BOB, null).intact()).isTrue();
        assertThat(Arrays.asList(audit.last("admin.access").username(), audit.last("admin.access").result()))
                .containsExactly("bob", "success");
    }
}
