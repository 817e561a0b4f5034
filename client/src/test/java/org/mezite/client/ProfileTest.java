package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileTest {

    @TempDir
    Path dir;

    @Test
    void whatIsWrittenReadsBack() throws Exception {
        Profile profile = new Profile(ProxyAddress.parse("proxy.example.com:3080"), "alice", "prod",
                CaPin.parse("sha256:" + "ab".repeat(32)), "proxy.example.com:3023", Path.of("keys/proxy/alice"));
        Files.writeString(dir.resolve("profile"), profile.text());

        assertThat(Profile.read(dir.resolve("profile"))).contains(profile);
    }

    @Test
    void aProfileWithoutPinReadsBackWithout() throws Exception {
        Profile profile = new Profile(ProxyAddress.parse("[::1]:3080"), "alice", "prod", null, "", Path.of("k"));
        Files.writeString(dir.resolve("profile"), profile.text());

        assertThat(Profile.read(dir.resolve("profile"))).contains(profile);
    }

    @Test
    void noFileIsNoProfileAndADamagedOneSaysWhatToDo() throws Exception {
        assertThat(Profile.read(dir.resolve("profile"))).isEmpty();

        Files.writeString(dir.resolve("profile"), "proxy = x:1\nuser = alice\n");
        assertThatThrownBy(() -> Profile.read(dir.resolve("profile"))).isInstanceOf(MshException.class)
                .hasMessage(dir.resolve("profile") + " is damaged (cluster is missing); run msh logout, then log in"
                        + " again");
    }
}
