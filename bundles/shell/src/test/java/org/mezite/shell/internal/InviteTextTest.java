package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mezite.api.auth.Invitation;
import org.mezite.api.hub.DatabaseKind;
import org.mezite.api.hub.DatabaseSettings;
import org.mezite.api.hub.HubRole;
import org.mezite.api.hub.HubSettings;

class InviteTextTest {

    private final HubSettings settings = new HubSettings("prod", Set.of(HubRole.AUTH, HubRole.PROXY),
            new InetSocketAddress("127.0.0.1", 3025), new InetSocketAddress("127.0.0.1", 3080),
            new InetSocketAddress("127.0.0.1", 3023), new InetSocketAddress("127.0.0.1", 3024), Path.of("/data"),
            new DatabaseSettings(DatabaseKind.SQLITE, "jdbc:sqlite:/data/mezite.db", "", "", 1));

    @Test
    void printsTheTokenTheExpiryAndTheExactSignupCommand() {
        String text = InviteText.render("User \"alice\" created.",
                new Invitation("alice", "ab12", Instant.parse("2026-11-27T23:00:00Z")), settings, null);

        assertThat(text).isEqualTo("""
                User "alice" created.
                Invite token: ab12
                It works once, until 2026-11-27 23:00 UTC. Have alice run:
                  msh signup --proxy 127.0.0.1:3080 --token ab12
                """);
    }

    @Test
    void commaListsDropBlanksAndDuplicates() {
        assertThat(CommaList.parse(" alice, root,,alice ")).containsExactly("alice", "root");
        assertThat(CommaList.parse("")).isEmpty();
    }

    @Test
    void unknownFormatsAreNamed() {
        assertThat(Output.json("json")).isTrue();
        assertThat(Output.json("text")).isFalse();
        assertThatThrownBy(() -> Output.json("yaml")).hasMessage("--format: \"yaml\" is not one of text, json");
    }
}
