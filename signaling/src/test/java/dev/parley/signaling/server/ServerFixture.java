package dev.parley.signaling.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Helpers for tests that run a real server on a free loopback port. */
final class ServerFixture {

    private ServerFixture() {
    }

    static ServerConfig.Builder testConfig() {
        return ServerConfig.builder().host("127.0.0.1").port(0).passwordIterations(1_000)
                .emptyRoomGrace(Duration.ZERO);
    }

    static void eventually(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                assertThat(condition.getAsBoolean()).as(what).isTrue();
                return;
            }
            Thread.sleep(10);
        }
    }

    static void assertNothingLeaks(SignalingServer server) throws InterruptedException {
        eventually(Duration.ofSeconds(5), () -> server.connectionCount() == 0, "connections return to zero");
        eventually(Duration.ofSeconds(5), () -> server.roomCount() == 0, "rooms return to zero");
        assertThat(server.rooms().memberCount()).isZero();
    }
}
