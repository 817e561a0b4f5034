package org.mezite.client;

import java.util.concurrent.TimeUnit;

/** The time a playback keeps: the system's, or a test's that moves only when slept on. */
interface PlaybackClock {

    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    static PlaybackClock system() {
        return new PlaybackClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                TimeUnit.NANOSECONDS.sleep(nanos);
            }
        };
    }
}
