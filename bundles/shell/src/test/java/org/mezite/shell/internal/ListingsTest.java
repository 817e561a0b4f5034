package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mezite.api.admin.ActiveSession;
import org.mezite.api.admin.CaInfo;
import org.mezite.api.admin.NodeInfo;
import org.mezite.api.admin.RoleInfo;
import org.mezite.api.admin.UserInfo;
import org.mezite.api.join.JoinTokenInfo;
import org.mezite.api.join.JoinTokenType;
import org.mezite.api.join.RegisteredNode;
import org.mezite.api.store.CaType;
import org.mezite.api.store.Lock;
import org.mezite.api.store.LockTarget;
import org.mezite.api.store.LockTargetKind;

/** What the listings show, as text and as JSON. */
class ListingsTest {

    static final Instant T = Instant.parse("2030-01-02T03:04:05Z");

    static final UserInfo ALICE = new UserInfo("alice", List.of("access", "editor"),
            Map.of("logins", List.of("alice", "root")), true, true, null, T);
    static final UserInfo DAVE = new UserInfo("dave", List.of(), Map.of(), false, false, null, T);
    static final UserInfo CAROL = new UserInfo("carol", List.of("access"), Map.of("logins", List.of("carol"),
            "team", List.of("dev", "ops")), true, false, T.plusSeconds(1800), T);

    @Test
    void usersAsATable() {
        String table = UserViews.table(List.of(ALICE, CAROL, DAVE));

        assertThat(table.lines()).hasSize(5);
        assertThat(table.lines().findFirst().orElseThrow()).matches("User +\\| Roles +\\| Logins +\\| State");
        assertThat(table).containsPattern("alice +\\| access,editor \\| alice,root +\\| active")
                .containsPattern("carol +\\| access +\\| carol +\\| locked until 2030-01-02 03:34:05 UTC")
                .containsPattern("dave +\\| +\\| +\\| invited");
    }

    @Test
    void oneUserInFull() {
        assertThat(UserViews.detail(CAROL)).isEqualTo("""
                User:      carol
                Roles:     access
                Logins:    carol
                Trait team: dev, ops
                State:     locked until 2030-01-02 03:34:05 UTC
                Password:  set
                TOTP:      not enrolled
                Created:   2030-01-02 03:04:05 UTC
                """);
        assertThat(UserViews.detail(DAVE)).contains("Roles:     (none)\n", "Logins:    (none)\n",
                "State:     invited\n");
    }

    @Test
    void usersAsJson() {
        assertThat(Output.toJson(UserViews.json(CAROL))).isEqualToIgnoringWhitespace("""
                {"username":"carol","roles":["access"],"logins":["carol"],
                 "traits":%s,"state":"locked until 2030-01-02 03:34:05 UTC",
                 "password_set":true,"totp_enrolled":false,"locked_until":"2030-01-02T03:34:05Z",
                 "created_at":"2030-01-02T03:04:05Z"}
                """.formatted(Output.toJson(CAROL.traits())));
    }

    @Test
    void whatUserUpdateSays() {
        assertThat(UserViews.updated(ALICE)).isEqualTo("User \"alice\" updated: roles access,editor, logins alice,root.\n");
        assertThat(UserViews.updated(DAVE)).isEqualTo("User \"dave\" updated: roles (none), logins (none).\n");
    }

    @Test
    void roles() {
        RoleInfo fresh = new RoleInfo("dev", "developers", "kind: role", T, T);
        RoleInfo edited = new RoleInfo("dev", "developers", "kind: role\n", T, T.plusSeconds(60));

        assertThat(RoleViews.saved(fresh)).isEqualTo("Role \"dev\" created.\n");
        assertThat(RoleViews.saved(edited)).isEqualTo("Role \"dev\" updated.\n");
        assertThat(RoleViews.yaml(fresh)).isEqualTo("kind: role\n");
        assertThat(RoleViews.yaml(edited)).isEqualTo("kind: role\n");
        assertThat(RoleViews.table(List.of(edited))).containsPattern("dev +\\| developers +\\| 2030-01-02 03:05:05 UTC");
        assertThat(Output.toJson(RoleViews.json(edited))).isEqualToIgnoringWhitespace("""
                {"name":"dev","description":"developers","created_at":"2030-01-02T03:04:05Z",
                 "updated_at":"2030-01-02T03:05:05Z"}""");
    }

    @Test
    void locks() {
        Lock forever = new Lock("6f1c", new LockTarget(LockTargetKind.USER, "alice"), "security incident", null,
                "admin", T);
        Lock hour = new Lock("9a2b", new LockTarget(LockTargetKind.LOGIN, "root"), null, T.plusSeconds(3600),
                "admin", T);

        assertThat(LockViews.table(List.of(forever, hour)))
                .containsPattern("6f1c \\| user=alice +\\| security incident \\| never +\\| admin +\\| 2030-01-02 03:04:05 UTC")
                .containsPattern("9a2b \\| login=root +\\| +\\| 2030-01-02 04:04:05 UTC \\| admin");
        assertThat(LockViews.added(forever)).isEqualTo("Locked user=alice (lock 6f1c), until the lock is removed:"
                + " security incident.\nRemove it with: mezite:lock-rm 6f1c\n");
        assertThat(LockViews.added(hour)).startsWith("Locked login=root (lock 9a2b), until 2030-01-02 04:04:05 UTC.\n");
        assertThat(Output.toJson(LockViews.json(hour))).isEqualToIgnoringWhitespace("""
                {"id":"9a2b","kind":"login","value":"root","message":null,"expires_at":"2030-01-02T04:04:05Z",
                 "created_by":"admin","created_at":"2030-01-02T03:04:05Z"}""");
    }

    @Test
    void sessions() {
        ActiveSession s = new ActiveSession("5e0f", "alice", "root", "id-web", "web", "192.0.2.7:5000", T);

        assertThat(SessionViews.table(List.of(s)))
                .containsPattern("5e0f \\| alice \\| root +\\| web +\\| 192.0.2.7:5000 \\| 2030-01-02 03:04:05 UTC");
        assertThat(Output.toJson(SessionViews.json(s))).isEqualToIgnoringWhitespace("""
                {"id":"5e0f","user":"alice","login":"root","node_id":"id-web","node":"web",
                 "client_addr":"192.0.2.7:5000","started_at":"2030-01-02T03:04:05Z"}""");
    }

    @Test
    void nodes() {
        NodeInfo web = new NodeInfo(new RegisteredNode("id-web", "web", "10.0.0.5", Map.of("env", "dev"), T, T,
                true), true);
        NodeInfo fresh = new NodeInfo(new RegisteredNode("id-new", "new", null, Map.of(), null, T, false), false);

        assertThat(NodeViews.table(List.of(web, fresh)))
                .containsPattern("web +\\| id-web \\| env=dev \\| 10.0.0.5 \\| 2030-01-02 03:04:05 UTC \\| online +\\| up")
                .containsPattern("new +\\| id-new \\| +\\| +\\| never +\\| offline \\| down");
        assertThat(Output.toJson(NodeViews.json(web))).isEqualToIgnoringWhitespace("""
                {"name":"web","id":"id-web","labels":{"env":"dev"},"address":"10.0.0.5",
                 "last_heartbeat":"2030-01-02T03:04:05Z","online":true,"tunnel":true}""");
    }

    @Test
    void tokensNeverShowTheSecret() {
        JoinTokenInfo used = new JoinTokenInfo("0123456789abcdef", JoinTokenType.NODE, Map.of("env", "dev"), T,
                T.plusSeconds(1800), T.plusSeconds(60));

        assertThat(TokenViews.table(List.of(used), T))
                .containsPattern("0123456789abcdef \\| node +\\| env=dev \\| 2030-01-02 03:34:05 UTC \\| used");
        assertThat(Output.toJson(TokenViews.json(used, T))).isEqualToIgnoringWhitespace("""
                {"id":"0123456789abcdef","type":"node","labels":{"env":"dev"},"created_at":"2030-01-02T03:04:05Z",
                 "expires_at":"2030-01-02T03:34:05Z","used_at":"2030-01-02T03:05:05Z","state":"used"}""");
    }

    @Test
    void certificateAuthorities() {
        CaInfo user = new CaInfo(CaType.USER, "prod", "ssh-ed25519 AAAAuser prod", "SHA256:u", "sha256:aa",
                "-----BEGIN CERTIFICATE-----\n");
        CaInfo host = new CaInfo(CaType.HOST, "prod", "ssh-ed25519 AAAAhost prod", "SHA256:h", "sha256:bb", "PEM");

        assertThat(CaViews.text(List.of(user, host))).isEqualTo("""
                user CA of cluster prod
                  SSH public key:   ssh-ed25519 AAAAuser prod
                  SSH fingerprint:  SHA256:u
                  TLS pin:          sha256:aa
                host CA of cluster prod
                  SSH public key:   ssh-ed25519 AAAAhost prod
                  SSH fingerprint:  SHA256:h
                  TLS pin:          sha256:bb
                """);
        assertThat(Output.toJson(CaViews.json(host))).isEqualToIgnoringWhitespace("""
                {"type":"host","cluster":"prod","ssh_public_key":"ssh-ed25519 AAAAhost prod",
                 "ssh_fingerprint":"SHA256:h","tls_pin":"sha256:bb","certificate_pem":"PEM"}""");
        assertThat(CaViews.of(List.of(user, host), CaType.HOST)).isSameAs(host);
        assertThat(CaViews.certAuthorityLine(host, "*.example.com,[10.0.0.5]:3022"))
                .isEqualTo("@cert-authority *.example.com,[10.0.0.5]:3022 ssh-ed25519 AAAAhost prod");
        assertThatThrownBy(() -> CaViews.certAuthorityLine(host, "a b"))
                .hasMessage("--hosts: host patterns must be one non-empty word without spaces, got \"a b\"");
        assertThat(CaViews.type("user")).isEqualTo(CaType.USER);
        assertThatThrownBy(() -> CaViews.type("root")).hasMessage("--type: \"root\" is not one of user, host");
        assertThatThrownBy(() -> CaViews.of(List.of(user), CaType.HOST)).hasMessage("the cluster has no host CA yet");
    }

    @Test
    void anEmptyListingStillHasItsHeaders() {
        assertThat(LockViews.table(List.of()).lines().findFirst().orElseThrow()).startsWith("Id");
    }

    @Test
    void formatIsTextOrJson() {
        assertThat(Output.json("text")).isFalse();
        assertThat(Output.json("json")).isTrue();
        assertThatThrownBy(() -> Output.json("yaml")).hasMessage("--format: \"yaml\" is not one of text, json");
    }
}
