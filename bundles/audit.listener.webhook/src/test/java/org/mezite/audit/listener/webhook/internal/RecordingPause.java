package org.mezite.audit.listener.webhook.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The back-off as the sender asks for it, without the wait: each pause is noted and returns at once, until
 * {@code holdAfter} pauses; from then on a pause waits until the sender is stopped (interrupted), as a real one would.
 * With a clock, each pause moves it on by its duration, as if the time had passed.
 */
final class RecordingPause implements WebhookSender.Pause {

    private final List<Duration> pauses = new ArrayList<>();
    private final int holdAfter;
    private final MutableClock clock;
    private final CountDownLatch held = new CountDownLatch(1);

    RecordingPause(int holdAfter) {
        this(holdAfter, null);
    }

    RecordingPause(int holdAfter, MutableClock clock) {
        this.holdAfter = holdAfter;
        this.clock = clock;
    }

    @Override
    public void pause(Duration duration) throws InterruptedException {
        synchronized (this) {
            pauses.add(duration);
            if (clock != null) {
                clock.advance(duration);
            }
            if (pauses.size() < holdAfter) {
                return;
            }
        }
        held.countDown();
        new CountDownLatch(1).await();
    }

    synchronized List<Duration> pauses() {
        return List.copyOf(pauses);
    }

    /** Waits until the sender is held in its {@code holdAfter}-th pause. */
    void awaitHeld() throws InterruptedException {
        if (!held.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the sender did not back off " + holdAfter + " times; pauses so far: "
                    + pauses());
        }
    }
}
