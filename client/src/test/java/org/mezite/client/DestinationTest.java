package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Targets of msh ssh and msh scp: [LOGIN@]NODE, NODE.CLUSTER, label selectors, and LOGIN@NODE:PATH. */
class DestinationTest {

    @Test
    void aNodeWithOrWithoutALogin() {
        assertThat(Destination.parse("node-01", "prod")).isEqualTo(new Destination(null, "node-01", null));
        assertThat(Destination.parse("root@node-01", "prod")).isEqualTo(new Destination("root", "node-01", null));
        assertThat(Destination.parse("a@b@node-01", "prod").login()).isEqualTo("a@b");
    }

    @Test
    void theClusterSuffixOpenSshUsesIsDropped() {
        assertThat(Destination.parse("alice@node-01.prod", "prod").node()).isEqualTo("node-01");
        assertThat(Destination.parse("node-01.prodx", "prod").node()).isEqualTo("node-01.prodx");
    }

    @Test
    void theLoginOptionWinsOverTheTargetsLoginWhichWinsOverTheDefault() {
        Destination withLogin = Destination.parse("alice@node-01", "prod");
        Destination without = Destination.parse("node-01", "prod");

        assertThat(withLogin.login("root", "bob")).isEqualTo("root");
        assertThat(withLogin.login(null, "bob")).isEqualTo("alice");
        assertThat(without.login(null, "bob")).isEqualTo("bob");
    }

    @Test
    void anEqualsSignMakesALabelSelector() {
        Destination destination = Destination.parse("ubuntu@env=prod,team=db", "prod");

        assertThat(destination.login()).isEqualTo("ubuntu");
        assertThat(destination.node()).isNull();
        assertThat(destination.selector().labels()).containsExactly(Map.entry("env", "prod"), Map.entry("team", "db"));
        assertThat(destination.selector().matches(Map.of("env", "prod", "team", "db", "zone", "a"))).isTrue();
        assertThat(destination.selector().matches(Map.of("env", "prod"))).isFalse();
    }

    @Test
    void selectorsTravelAsWordsOfTheProxysLsCommand() {
        assertThat(LabelSelector.parse(List.of("env=prod", "team=db,zone=a")).lsCommand())
                .isEqualTo("ls env=prod team=db zone=a");
        assertThat(LabelSelector.ALL.lsCommand()).isEqualTo("ls");
        assertThatThrownBy(() -> LabelSelector.parse("env=prod x")).hasMessageContaining("expected KEY=VALUE");
        assertThatThrownBy(() -> LabelSelector.parse("env=")).hasMessageContaining("no blanks, quotes or empty parts");
        assertThatThrownBy(() -> LabelSelector.parse(List.of("env=a", "env=b")))
                .hasMessageContaining("\"env\" cannot be both \"a\" and \"b\"");
    }

    @Test
    void badTargetsAreUsageErrors() {
        assertThatThrownBy(() -> Destination.parse("@node", "prod")).hasMessage("\"@node\": the login before @ is empty");
        assertThatThrownBy(() -> Destination.parse("alice@", "prod")).hasMessage("\"alice@\": no node named");
        assertThatThrownBy(() -> Destination.parse("no de", "prod")).hasMessage("\"no de\" is not a node name");
    }

    @Test
    void scpOperandsAreRemoteWhenAColonComesBeforeAnySlash() {
        assertThat(ScpOperand.parse("root@node-01:/etc/hosts", "prod").destination())
                .isEqualTo(new Destination("root", "node-01", null));
        assertThat(ScpOperand.parse("node-01:", "prod").sftpPath()).isEqualTo(".");
        assertThat(ScpOperand.parse("node-01:~/x/y", "prod").sftpPath()).isEqualTo("x/y");
        assertThat(ScpOperand.parse("./a:b", "prod").remote()).isFalse();
        assertThat(ScpOperand.parse("/tmp/a:b", "prod").remote()).isFalse();
        assertThat(ScpOperand.parse("plain.txt", "prod").remote()).isFalse();
        assertThatThrownBy(() -> ScpOperand.parse("env=prod:/x", "prod")).hasMessageContaining("not a label selector");
    }
}
