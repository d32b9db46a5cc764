package dev.parley.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Mesh calls through a real signaling server on loopback, every participant in this JVM. */
class MeshCallTest {

    private static SignalingServer server() {
        return new SignalingServer(ServerConfig.builder().host("127.0.0.1").port(0).passwordIterations(1_000).build())
                .start();
    }

    @Test
    void twoPeopleSeeAndHearEachOther() throws Exception {
        try (SignalingServer server = server();
             MeshParticipant alice = new MeshParticipant("Alice", URI.create(server.url()), 640, 480, 30);
             MeshParticipant bob = new MeshParticipant("Bob", URI.create(server.url()), 640, 480, 30)) {
            String code = alice.create();
            bob.join(code);
            awaitTrue(() -> alice.from("Bob").frames.get() > 0 && bob.from("Alice").frames.get() > 0, 10_000,
                    "first frames both ways");
            Thread.sleep(3000); // past the start-up: first keyframe, codecs still compiling in a fresh JVM

            long aliceSent0 = alice.camera.framesProduced();
            long bobSent0 = bob.camera.framesProduced();
            long bobGot0 = bob.from("Alice").frames.get();
            long aliceGot0 = alice.from("Bob").frames.get();
            long bobLoud0 = bob.from("Alice").loudAudioFrames.get();
            long aliceLoud0 = alice.from("Bob").loudAudioFrames.get();
            Thread.sleep(10_000);
            double bobShare = (double) (bob.from("Alice").frames.get() - bobGot0)
                    / (alice.camera.framesProduced() - aliceSent0);
            double aliceShare = (double) (alice.from("Bob").frames.get() - aliceGot0)
                    / (bob.camera.framesProduced() - bobSent0);

            assertThat(bobShare).as("share of Alice's frames Bob decoded in 10 s").isGreaterThanOrEqualTo(0.9);
            assertThat(aliceShare).as("share of Bob's frames Alice decoded in 10 s").isGreaterThanOrEqualTo(0.9);
            // 20 ms frames: 500 in 10 s; the tone swells and fades, so most but not all are loud.
            assertThat(bob.from("Alice").loudAudioFrames.get() - bobLoud0).isGreaterThan(300);
            assertThat(alice.from("Bob").loudAudioFrames.get() - aliceLoud0).isGreaterThan(300);
            assertThat(alice.tracks.encoder().framesEncoded()).as("one encoder for the call").isPositive();
        }
    }

    @Test
    void aFullMeshOfThreeSurvivesALeaverAndMeshesInALateFourth() throws Exception {
        List<MeshParticipant> people = new ArrayList<>();
        try (SignalingServer server = server()) {
            URI uri = URI.create(server.url());
            MeshParticipant a = add(people, new MeshParticipant("Ana", uri, 320, 240, 15));
            MeshParticipant b = add(people, new MeshParticipant("Ben", uri, 320, 240, 15));
            MeshParticipant c = add(people, new MeshParticipant("Cy", uri, 320, 240, 15));
            String code = a.create();
            b.join(code);
            c.join(code);
            awaitReceiving(a, "Ben", "Cy");
            awaitReceiving(b, "Ana", "Cy");
            awaitReceiving(c, "Ana", "Ben");

            long leftAt = System.nanoTime();
            c.close();
            people.remove(c);
            awaitTrue(() -> a.events.contains("left Cy") && b.events.contains("left Cy"), 2_000,
                    "peer-left for Cy within 2 s");
            assertThat((System.nanoTime() - leftAt) / 1_000_000).isLessThan(2_000);
            assertThat(a.mesh.peers()).doesNotContainValue("Cy");
            long before = a.from("Ben").frames.get();
            long beforeAudio = a.from("Ben").loudAudioFrames.get();
            Thread.sleep(1000);
            assertThat(a.from("Ben").frames.get()).as("Ana still sees Ben").isGreaterThan(before + 5);
            assertThat(a.from("Ben").loudAudioFrames.get()).as("and hears him").isGreaterThan(beforeAudio + 10);

            MeshParticipant d = add(people, new MeshParticipant("Dee", uri, 320, 240, 15));
            d.join(code);
            awaitReceiving(d, "Ana", "Ben");
            awaitReceiving(a, "Dee");
            awaitReceiving(b, "Dee");
            assertThat(d.mesh.peers()).containsValues("Ana", "Ben").hasSize(2);
        } finally {
            people.forEach(MeshParticipant::close);
        }
    }

    private static MeshParticipant add(List<MeshParticipant> people, MeshParticipant p) {
        people.add(p);
        return p;
    }

    private static void awaitReceiving(MeshParticipant who, String... others) throws InterruptedException {
        for (String other : others) {
            awaitTrue(() -> who.from(other).frames.get() > 3 && who.from(other).loudAudioFrames.get() > 3, 15_000,
                    who.name + " receiving " + other);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, long timeoutMillis, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
