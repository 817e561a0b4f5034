package org.mezite.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mezite.api.store.AuditEvent;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.api.store.StoreException;

/** The hub's recorder: stored first, then handed to every listener on its own thread. */
@Timeout(120)
class HubAuditRecorderTest {

    final InMemoryAuditEvents store = new InMemoryAuditEvents();
    final List<String> warnings = new CopyOnWriteArrayList<>();
    final AtomicLong nanos = new AtomicLong();
    final List<TestListener> held = new ArrayList<>();
    HubAuditRecorder recorder = recorder(10_000, Duration.ofMinutes(1));

    HubAuditRecorder recorder(int queueSize, Duration grace) {
        return new HubAuditRecorder(store, queueSize, (message, cause) -> warnings.add(message), nanos::get, grace);
    }

    @AfterEach
    void stop() {
        held.forEach(TestListener::release);
        recorder.stop();
    }

    @Test
    void theEventIsStoredWhenRecordReturns() {
        recorder.record(event("user.login"));

        assertThat(store.stored).extracting(AuditEvent::type).containsExactly("user.login");
    }

    @Test
    void anEventTheStoreRefusesFailsTheCallerAndReachesNoListener() throws Exception {
        TestListener listener = bind(1, new TestListener());

        assertThatThrownBy(() -> recorder.record(event("refused"))).isInstanceOf(StoreException.class);
        recorder.record(event("after"));

        listener.awaitCount(1);
        assertThat(listener.types()).containsExactly("after");
    }

    @Test
    void everyListenerGetsEveryEventInTheOrderOfTheLog() throws Exception {
        TestListener first = bind(1, new TestListener());
        TestListener second = bind(2, new TestListener());
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    recorder.record(event("w" + writer));
                }
            });
            thread.start();
            writers.add(thread);
        }
        for (Thread writer : writers) {
            writer.join();
        }

        first.awaitCount(1000);
        second.awaitCount(1000);
        assertThat(first.received).extracting(AuditEvent::id).isSorted().doesNotHaveDuplicates().hasSize(1000);
        assertThat(second.received).isEqualTo(first.received).isEqualTo(store.stored);
    }

    @Test
    void aBlockedListenerHoldsUpNeitherRecordNorTheOtherListeners() throws Exception {
        recorder.stop();
        recorder = recorder(2, Duration.ofMinutes(1));
        TestListener stuck = hold(bind(1, new TestListener(true)));
        TestListener fine = bind(2, new TestListener());

        for (int i = 1; i <= 30; i++) {
            recorder.record(event("e" + i));
            fine.awaitCount(i);
            if (i == 1) {
                stuck.awaitEntered();
            }
        }

        assertThat(store.stored).hasSize(30);
        assertThat(fine.received).isEqualTo(store.stored);
        assertThat(stuck.received).hasSize(1);
        assertThat(warnings).singleElement().asString().contains("event 4 (e4) dropped");
    }

    @Test
    void whenAListenersQueueIsFullItsEventsAreDroppedCountedAndWarnedAboutEveryTenSeconds() throws Exception {
        recorder.stop();
        recorder = recorder(2, Duration.ofMinutes(1));
        TestListener slow = hold(new TestListener(true));
        recorder.addListener(slow, Map.of("service.id", 7L, "component.name", "org.example.SlowListener"));
        recorder.record(event("e1"));
        slow.awaitEntered();

        for (int i = 2; i <= 6; i++) {
            recorder.record(event("e" + i));
        }
        assertThat(warnings).containsExactly("audit listener org.example.SlowListener is not keeping up: its queue"
                + " of 2 events is full, event 4 (e4) dropped for it; 1 events dropped for this listener so far");

        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        recorder.record(event("e7"));
        assertThat(warnings).hasSize(1);
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        recorder.record(event("e8"));
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).startsWith("audit listener org.example.SlowListener is not keeping up")
                .endsWith("event 8 (e8) dropped for it; 5 events dropped for this listener so far");

        slow.release();
        slow.awaitCount(3);
        recorder.record(event("e9"));
        slow.awaitCount(4);
        assertThat(slow.types()).containsExactly("e1", "e2", "e3", "e9");
    }

    @Test
    void aListenerThatThrowsIsLoggedAndGetsTheNextEvent() throws Exception {
        recorder.stop();
        recorder = recorder(10, Duration.ofMinutes(1));
        TestListener picky = new TestListener();
        recorder.addListener(picky, Map.of("service.id", 3L));

        recorder.record(event("a"));
        recorder.record(event("bad"));
        recorder.record(event("bad"));
        recorder.record(event("c"));

        picky.awaitCount(4);
        assertThat(picky.types()).containsExactly("a", "bad", "bad", "c");
        recorder.stop();
        assertThat(warnings).containsExactly("audit listener " + TestListener.class.getName() + " failed on event 2"
                + " (bad): java.lang.IllegalStateException: cannot ship 2; 1 events failed for this listener so far,"
                + " the next ones are delivered as usual");
    }

    @Test
    void anUnboundListenerGetsNoMoreEventsAndItsThreadEnds() throws Exception {
        TestListener gone = bind(1, new TestListener());
        recorder.record(event("a"));
        gone.awaitCount(1);

        recorder.removeListener(gone, Map.of("service.id", 1L));
        gone.thread.join();
        recorder.record(event("b"));

        assertThat(gone.types()).containsExactly("a");
        assertThat(store.stored).hasSize(2);
    }

    @Test
    void unbindingDeliversWhatWasQueuedFirst() throws Exception {
        TestListener slow = hold(bind(1, new TestListener(true)));
        recorder.record(event("a"));
        slow.awaitEntered();
        recorder.record(event("b"));
        recorder.record(event("c"));

        Thread unbind = new Thread(() -> recorder.removeListener(slow, Map.of("service.id", 1L)));
        unbind.start();
        slow.release();
        unbind.join();

        assertThat(slow.types()).containsExactly("a", "b", "c");
        assertThat(slow.thread.isAlive()).isFalse();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aListenerThatDoesNotFinishInTimeIsStoppedAndTheRestIsReported() throws Exception {
        recorder.stop();
        recorder = recorder(10, Duration.ofMillis(1));
        TestListener stuck = hold(new TestListener(true));
        recorder.addListener(stuck, Map.of("service.id", 1L, "component.name", "stuck"));
        recorder.record(event("a"));
        stuck.awaitEntered();
        recorder.record(event("b"));
        recorder.record(event("c"));

        recorder.removeListener(stuck, Map.of("service.id", 1L));
        stuck.thread.join();

        assertThat(stuck.types()).containsExactly("a");
        assertThat(warnings).containsExactly("audit listener stuck stopped before it had taken 2 queued events (gave"
                + " it 1 ms); they were not delivered to it");
    }

    @Test
    void theQueueSizeIsChecked() {
        assertThatThrownBy(() -> recorder(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("listener_queue_size in etc/org.mezite.audit.cfg is 0: must be between 1 and 10000000");
    }

    @Test
    void aNewQueueSizeAppliesToListenersBoundAfterItAndAnInvalidOneKeepsTheSizeInUse() throws Exception {
        recorder.stop();
        recorder = recorder(1, Duration.ofMinutes(1));
        recorder.configure(config(3));
        recorder.configure(config(0));
        TestListener slow = hold(bind(1, new TestListener(true)));
        recorder.record(event("e1"));
        slow.awaitEntered();

        for (int i = 2; i <= 5; i++) {
            recorder.record(event("e" + i));
        }

        assertThat(warnings).singleElement().asString().contains("its queue of 3 events is full, event 5 (e5)");
    }

    private static AuditConfig config(int queueSize) {
        return new AuditConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return AuditConfig.class;
            }

            @Override
            public int listener__queue__size() {
                return queueSize;
            }
        };
    }

    private TestListener bind(long serviceId, TestListener listener) {
        recorder.addListener(listener, Map.of("service.id", serviceId));
        return listener;
    }

    private TestListener hold(TestListener listener) {
        held.add(listener);
        return listener;
    }

    private static NewAuditEvent event(String type) {
        return NewAuditEvent.builder(type, "success").build();
    }
}
