package org.mezite.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.join.JoinTokenRequest;
import org.mezite.api.join.JoinTokenType;
import org.mezite.api.store.NotFoundException;

class TokenAdminServiceTest extends Fixture {

    final IssuedTokens tokens = new IssuedTokens();
    final TokenAdminService service = new TokenAdminService(tokens, access);

    @Test
    void tokensAreMadeListedAndRemovedInTheCallersName() {
        var issued = service.add(OPERATOR, new JoinTokenRequest(JoinTokenType.NODE, Duration.ofHours(1),
                Map.of("env", "dev")));
        assertThat(issued.info().labels()).containsEntry("env", "dev");
        assertThat(service.list(OPERATOR)).hasSize(1);
        service.remove(OPERATOR, "0123456789abcdef");

        assertThat(tokens.calls).containsExactly("create by karaf", "remove 0123456789abcdef by karaf");
        assertThat(rules.asked).containsExactly("token:create", "token:list", "token:delete");
        assertThat(audit.types()).containsOnly("admin.access");
        assertThat(audit.last("admin.access").resource()).isEqualTo("token/0123456789abcdef");
    }

    @Test
    void deniedCallersGetNothing() {
        assertThatThrownBy(() -> service.add(BOB, JoinTokenRequest.node())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.list(BOB)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.remove(BOB, "x")).isInstanceOf(AccessDeniedException.class);
        assertThat(tokens.calls).isEmpty();
        assertThat(audit.events).allMatch(e -> e.result().equals("failure")).hasSize(3);
    }

    @Test
    void aTokenItselfNeverLandsInTheAuditOrAMessage() {
        String secret = "b".repeat(64);

        assertThatThrownBy(() -> service.remove(OPERATOR, secret)).isInstanceOf(NotFoundException.class)
                .hasMessage("join token \"" + TokenAdminService.id(secret) + "\" does not exist")
                .hasMessageNotContaining(secret);
        assertThat(audit.last("admin.access").resource()).isEqualTo("token/" + TokenAdminService.id(secret));
        assertThat(audit.events.toString()).doesNotContain(secret);
        assertThat(TokenAdminService.id(secret)).hasSize(16).isNotEqualTo(secret.substring(0, 16));
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThatThrownBy(() -> service.remove(OPERATOR, "feedfeedfeedfeed")).isInstanceOf(NotFoundException.class)
                .hasMessage("join token \"feedfeedfeedfeed\" does not exist");
    }
}
