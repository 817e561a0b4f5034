package org.mezite.agent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.mezite.api.store.NewAuditEvent;
import org.mezite.proto.auth.v1.NodeAuditEvent;

import io.grpc.Status;

class HubAuditShipperTest {

    @Test
    void eventsReachTheHubInOrderAfterItWasAway() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger(2);
        try (HubAuditShipper shipper = new HubAuditShipper(batch -> {
            if (refusals.getAndDecrement() > 0) {
                throw Status.UNAVAILABLE.withDescription("hub away").asRuntimeException();
            }
            batch.forEach(event -> received.add(event.getSessionId()));
        })) {
            for (int i = 0; i < 5; i++) {
                shipper.record(NewAuditEvent.builder("session.start", "success").sessionId("s" + i).build());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.size() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(received).containsExactly("s0", "s1", "s2", "s3", "s4");
    }

    @Test
    void anUnexpectedFailureOfOneSendDoesNotStopTheShipping() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger(1);
        try (HubAuditShipper shipper = new HubAuditShipper(batch -> {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalArgumentException("a bug in the sending code");
            }
            batch.forEach(event -> received.add(event.getSessionId()));
        })) {
            shipper.record(NewAuditEvent.builder("session.end", "success").sessionId("kept").build());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(received).containsExactly("kept");
    }

    @Test
    void theWireEventKeepsEveryFieldButTheNodeWhichTheHubSets() {
        NodeAuditEvent wire = HubAuditShipper.wire(NewAuditEvent.builder("exec", "failure").username("alice")
                .login("ubuntu").sessionId("s").clientAddr("192.0.2.1:5000").code("denied").resource("r")
                .action("a").metadata("{\"command\":\"id\"}").build());

        assertThat(wire.getType()).isEqualTo("exec");
        assertThat(wire.getResult()).isEqualTo("failure");
        assertThat(wire.getUsername()).isEqualTo("alice");
        assertThat(wire.getLogin()).isEqualTo("ubuntu");
        assertThat(wire.getClientAddr()).isEqualTo("192.0.2.1:5000");
        assertThat(wire.getCode()).isEqualTo("denied");
        assertThat(wire.getMetadata()).isEqualTo("{\"command\":\"id\"}");
        assertThat(wire.hasTime()).isTrue();
    }
}
