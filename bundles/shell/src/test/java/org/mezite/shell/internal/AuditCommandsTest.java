package org.mezite.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mezite.api.access.AccessDeniedException;
import org.mezite.api.access.Caller;
import org.mezite.api.admin.AuditAdmin;
import org.mezite.api.store.AuditChainCheck;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.AuditQuery;

/** mezite:audit-search and mezite:audit-verify: what they print, what they ask for, and how they fail. */
class AuditCommandsTest {

    static final Instant T = Instant.parse("2030-01-02T03:04:05.120Z");
    static final AuditEvent START = new AuditEvent(42, T, "session.start", "T2000I", "alice", "root", "web",
            "5e0f", "192.0.2.7:5000", "session/5e0f", null, "success", "{\"roles\":[\"access\"]}", "aa", "bb");
    static final AuditEvent ACCESS = new AuditEvent(43, T.plusSeconds(1), "admin.access", null, "karaf", null, null,
            null, null, "audit", "list", "success", "{}", "bb", "cc");

    final FakeAuditAdmin admin = new FakeAuditAdmin();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout;
    PrintStream stderr;

    @BeforeEach
    void captureOutput() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void searchPrintsOneLinePerEventOldestFirst() throws Exception {
        admin.events = List.of(START, ACCESS);
        AuditSearchCommand search = search();
        search.since = "2030-01-01T00:00:00Z";
        search.type = "session.start";
        search.user = "alice";
        search.session = "5e0f";
        search.limit = "10";

        search.execute();

        assertThat(admin.queries).containsExactly(AuditQuery.all()
                .between(Instant.parse("2030-01-01T00:00:00Z"), null).ofType("session.start").ofUser("alice")
                .ofSession("5e0f").limit(10));
        assertThat(printed()).isEqualTo("""
                2030-01-02T03:04:05.120Z 42 session.start success alice root web 5e0f {"roles":["access"]}
                2030-01-02T03:04:06.120Z 43 admin.access success karaf - - - {}
                """);
    }

    @Test
    void withoutSinceTheNewestEventsAreShownOldestFirst() throws Exception {
        admin.events = List.of(ACCESS, START);
        AuditSearchCommand search = search();
        search.limit = "2";

        search.execute();

        AuditQuery asked = admin.queries.get(0);
        assertThat(asked.newestFirst()).isTrue();
        assertThat(asked.from()).isNull();
        assertThat(printed().lines().map(l -> l.split(" ")[1])).containsExactly("42", "43");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("2 events shown, the --limit; there may be more");
    }

    @Test
    void optionsMayAlsoComeAsWordsAfterwards() throws Exception {
        AuditSearchCommand search = search();
        search.trailing = List.of("--since=1h", "--type", "user.login", "--format", "json");

        search.execute();

        AuditQuery asked = admin.queries.get(0);
        assertThat(asked.type()).isEqualTo("user.login");
        assertThat(asked.from()).isBetween(Instant.now().minus(Duration.ofMinutes(61)), Instant.now());
        assertThat(printed()).isEqualToIgnoringWhitespace("[]");
    }

    @Test
    void searchAsJsonHasEveryFieldAndTheDetailsAsAnObject() throws Exception {
        admin.events = List.of(START);
        AuditSearchCommand search = search();
        search.since = "1d";
        search.format = "json";

        search.execute();

        assertThat(printed()).isEqualToIgnoringWhitespace("""
                [{"id":42,"time":"2030-01-02T03:04:05.120Z","type":"session.start","code":"T2000I","user":"alice",
                  "login":"root","node":"web","session_id":"5e0f","client_addr":"192.0.2.7:5000",
                  "resource":"session/5e0f","action":null,"result":"success","metadata":{"roles":["access"]},
                  "prev_hash":"aa","hash":"bb"}]""");
    }

    @Test
    void badOptionsAreNamedAndNothingIsAsked() {
        AuditSearchCommand search = search();
        search.since = "yesterday";
        assertThatThrownBy(search::execute).isInstanceOf(CommandException.class)
                .hasMessage("--since: \"yesterday\" is neither a time ago (e.g. 30m, 1h, 7d) nor an ISO-8601 time"
                        + " (e.g. 2030-01-02T03:04:05Z, 2030-01-02)");
        AuditSearchCommand limited = search();
        limited.limit = "0";
        assertThatThrownBy(limited::execute).hasMessage("--limit: \"0\" is not a number from 1 to 10000");
        AuditSearchCommand yaml = search();
        yaml.format = "yaml";
        assertThatThrownBy(yaml::execute).hasMessage("--format: \"yaml\" is not one of text, json");
        AuditSearchCommand stray = search();
        stray.trailing = List.of("--node", "web");
        assertThatThrownBy(stray::execute).hasMessageStartingWith("unknown option --node; options: ");
        assertThat(admin.queries).isEmpty();
    }

    @Test
    void aRefusalIsOneLine() {
        admin.deny = true;
        assertThatThrownBy(search()::execute).isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).getNiceHelp())
                        .isEqualTo("Error executing command: access denied: no role of karaf allows list on audit"));
    }

    @Test
    void verifySaysTheChainIsIntact() throws Exception {
        admin.check = new AuditChainCheck(1234, 0, "");
        AuditVerifyCommand verify = verify();

        verify.execute();

        assertThat(printed()).isEqualTo("audit chain intact: 1234 events checked\n");
        assertThat(admin.verified).containsExactly((Instant) null);
    }

    @Test
    void aBrokenChainIsReportedAndFailsTheCommand() {
        admin.check = new AuditChainCheck(41, 42, "event 42 does not match its hash");
        AuditVerifyCommand verify = verify();
        verify.since = "2030-01-02";

        assertThatThrownBy(verify::execute).isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).getNiceHelp())
                        .isEqualTo("Error executing command: the audit chain is broken at event 42"));

        assertThat(printed()).isEqualTo("audit chain BROKEN at event 42: event 42 does not match its hash (41 events"
                + " checked before it)\n");
        assertThat(admin.verified).containsExactly(Instant.parse("2030-01-02T00:00:00Z"));
    }

    @Test
    void verifyTakesSinceAfterwardsToo() throws Exception {
        AuditVerifyCommand verify = verify();
        verify.trailing = List.of("--since", "2h");

        verify.execute();

        assertThat(admin.verified.get(0)).isBetween(Instant.now().minus(Duration.ofMinutes(121)), Instant.now());
    }

    private AuditSearchCommand search() {
        AuditSearchCommand command = new AuditSearchCommand();
        command.audit = admin;
        return command;
    }

    private AuditVerifyCommand verify() {
        AuditVerifyCommand command = new AuditVerifyCommand();
        command.audit = admin;
        return command;
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Answers with the events and chain check the test sets, and keeps what it was asked. */
    static final class FakeAuditAdmin implements AuditAdmin {

        List<AuditEvent> events = List.of();
        AuditChainCheck check = new AuditChainCheck(0, 0, "");
        boolean deny;
        final List<AuditQuery> queries = new ArrayList<>();
        final List<Instant> verified = new ArrayList<>();

        @Override
        public List<AuditEvent> search(Caller caller, AuditQuery query) {
            if (deny) {
                throw new AccessDeniedException("no role of karaf allows list on audit");
            }
            queries.add(query);
            return events;
        }

        @Override
        public AuditChainCheck verify(Caller caller, Instant since) {
            verified.add(since);
            return check;
        }
    }
}
