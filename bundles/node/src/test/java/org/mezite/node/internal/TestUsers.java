package org.mezite.node.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Unix users made for a test with {@code useradd} (the tests run as root) and removed after it. */
final class TestUsers {

    private TestUsers() {
    }

    static String create() throws IOException, InterruptedException {
        String name = "mzt" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        run("useradd", "--create-home", "--shell", "/bin/bash", name);
        return name;
    }

    static void delete(String name) throws IOException, InterruptedException {
        run("userdel", "--remove", name);
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
