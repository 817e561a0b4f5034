package org.mezite.node.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a terminal session has shown so far, read as it comes; a test waits until a pattern appears. */
final class Screen {

    private final StringBuilder text = new StringBuilder();
    private int consumed;

    Screen(InputStream output) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = output.read(buffer)) >= 0;) {
                    synchronized (this) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // the channel closed
            }
        }, "screen");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for the pattern after what earlier calls matched; returns the match. */
    synchronized Matcher await(String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
        Instant deadline = Instant.now().plus(TestClient.WAIT);
        while (true) {
            Matcher matcher = pattern.matcher(text);
            if (matcher.find(consumed)) {
                consumed = matcher.end();
                return matcher;
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("the terminal never showed /" + regex + "/; it shows:\n" + text);
            }
            wait(left);
        }
    }

    synchronized String all() {
        return text.toString();
    }
}
