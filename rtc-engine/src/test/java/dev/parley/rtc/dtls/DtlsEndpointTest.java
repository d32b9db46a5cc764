package dev.parley.rtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import dev.parley.rtc.srtp.SrtpKeyingMaterial;
import dev.parley.rtc.srtp.SrtpOptions;
import dev.parley.rtc.srtp.SrtpProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two endpoints over an in-memory datagram pipe: handshake, keys, fingerprints, loss and garbage. */
class DtlsEndpointTest {

    private final DtlsCertificate clientCert = DtlsCertificate.generate();
    private final DtlsCertificate serverCert = DtlsCertificate.generate();
    private DtlsEndpoint client;
    private DtlsEndpoint server;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Wires the two endpoints together; {@code drop} decides per datagram number whether it is lost. */
    private void connect(DtlsSettings clientSettings, DtlsSettings serverSettings,
                         CertificateFingerprint clientExpects, IntPredicate drop) {
        AtomicInteger toServer = new AtomicInteger();
        AtomicInteger toClient = new AtomicInteger();
        DtlsEndpoint[] peers = new DtlsEndpoint[2];
        client = new DtlsEndpoint(DtlsRole.CLIENT, clientCert, clientExpects, (b, o, l) -> {
            if (!drop.test(toServer.getAndIncrement())) {
                peers[1].receive(b, o, l);
            }
        }, clientSettings);
        server = new DtlsEndpoint(DtlsRole.SERVER, serverCert, clientCert.fingerprint(), (b, o, l) -> {
            if (!drop.test(toClient.getAndIncrement())) {
                peers[0].receive(b, o, l);
            }
        }, serverSettings);
        peers[0] = client;
        peers[1] = server;
    }

    @Test
    void bothSidesAgreeOnAProfileAndMirroredKeys() throws Exception {
        connect(DtlsSettings.defaults(), DtlsSettings.defaults(), serverCert.fingerprint(), n -> false);
        CompletableFuture<SrtpKeyingMaterial> s = server.start();
        CompletableFuture<SrtpKeyingMaterial> c = client.start();
        SrtpKeyingMaterial ck = c.get(10, TimeUnit.SECONDS);
        SrtpKeyingMaterial sk = s.get(10, TimeUnit.SECONDS);
        assertThat(ck.profile()).isEqualTo(SrtpProfile.SRTP_AEAD_AES_128_GCM);
        assertThat(sk.profile()).isEqualTo(ck.profile());
        assertMirrored(ck, sk);
        assertThat(client.state()).isEqualTo(DtlsEndpoint.State.CONNECTED);
        assertThat(server.state()).isEqualTo(DtlsEndpoint.State.CONNECTED);
    }

    @Test
    void theServerPicksItsPreferenceAmongWhatTheClientOffers() throws Exception {
        DtlsSettings cmOnly = DtlsSettings.defaults().withProfiles(
                List.of(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80));
        connect(cmOnly, DtlsSettings.defaults(), serverCert.fingerprint(), n -> false);
        server.start();
        SrtpKeyingMaterial keys = client.start().get(10, TimeUnit.SECONDS);
        assertThat(keys.profile()).isEqualTo(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
    }

    @Test
    void noCommonProfileFailsWithASentence() throws Exception {
        connect(DtlsSettings.defaults().withProfiles(List.of(SrtpProfile.SRTP_AEAD_AES_256_GCM)),
                DtlsSettings.defaults().withProfiles(List.of(SrtpProfile.SRTP_AEAD_AES_128_GCM)),
                serverCert.fingerprint(), n -> false);
        CompletableFuture<SrtpKeyingMaterial> s = server.start();
        CompletableFuture<SrtpKeyingMaterial> c = client.start();
        assertThat(failureOf(s)).contains("no way to encrypt");
        assertThat(failureOf(c)).contains("refused");
    }

    @Test
    void aWrongFingerprintFailsTheConnectionOnBothSides() throws Exception {
        CertificateFingerprint someoneElse = DtlsCertificate.generate().fingerprint();
        connect(DtlsSettings.defaults(), DtlsSettings.defaults(), someoneElse, n -> false);
        CompletableFuture<SrtpKeyingMaterial> s = server.start();
        CompletableFuture<SrtpKeyingMaterial> c = client.start();
        assertThat(failureOf(c)).contains("does not match the fingerprint");
        assertThat(failureOf(s)).contains("refused");
        assertThat(client.state()).isEqualTo(DtlsEndpoint.State.FAILED);
        assertThat(server.state()).isEqualTo(DtlsEndpoint.State.FAILED);
    }

    @Test
    void lostFlightsAreRetransmitted() throws Exception {
        DtlsSettings fast = new DtlsSettings(DtlsSettings.defaults().profiles(), Duration.ofMillis(100),
                Duration.ofSeconds(20));
        // Lose the first ClientHello, the first server flight's first record, and one later datagram.
        connect(fast, fast, serverCert.fingerprint(), n -> n == 0 || n == 3);
        server.start();
        SrtpKeyingMaterial keys = client.start().get(15, TimeUnit.SECONDS);
        assertThat(keys.profile()).isNotNull();
    }

    @Test
    void handshakesCompleteThroughFivePercentLossAndJitteryDelay() throws Exception {
        // Seeded loss and 10-30 ms delays (reordering flights' datagrams); before records were packed into
        // datagrams, about one handshake in four lost so many seven-datagram flights that it missed 10 s.
        java.util.concurrent.ScheduledExecutorService network = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            for (int run = 0; run < 12; run++) {
                Random random = new Random(run);
                DtlsEndpoint[] peers = new DtlsEndpoint[2];
                DatagramSink toServer = (b, o, l) -> lossy(network, random, b, o, l, () -> peers[1]);
                DatagramSink toClient = (b, o, l) -> lossy(network, random, b, o, l, () -> peers[0]);
                peers[0] = new DtlsEndpoint(DtlsRole.CLIENT, clientCert, serverCert.fingerprint(), toServer,
                        DtlsSettings.defaults());
                peers[1] = new DtlsEndpoint(DtlsRole.SERVER, serverCert, clientCert.fingerprint(), toClient,
                        DtlsSettings.defaults());
                try {
                    CompletableFuture<SrtpKeyingMaterial> s = peers[1].start();
                    CompletableFuture<SrtpKeyingMaterial> c = peers[0].start();
                    assertMirrored(c.get(10, TimeUnit.SECONDS), s.get(10, TimeUnit.SECONDS));
                } finally {
                    peers[0].close();
                    peers[1].close();
                }
            }
        } finally {
            network.shutdownNow();
        }
    }

    private static void lossy(java.util.concurrent.ScheduledExecutorService network, Random random, byte[] b, int o,
                              int l, java.util.function.Supplier<DtlsEndpoint> to) {
        double loss;
        long delay;
        synchronized (random) {
            loss = random.nextDouble();
            delay = 10 + random.nextInt(21);
        }
        if (loss < 0.05) {
            return;
        }
        byte[] copy = java.util.Arrays.copyOfRange(b, o, o + l);
        network.schedule(() -> to.get().receive(copy, 0, copy.length), delay, TimeUnit.MILLISECONDS);
    }

    @Test
    void garbageDatagramsDoNotDisturbTheHandshake() throws Exception {
        connect(DtlsSettings.defaults(), DtlsSettings.defaults(), serverCert.fingerprint(), n -> false);
        Random random = new Random(7);
        CompletableFuture<SrtpKeyingMaterial> s = server.start();
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[1 + random.nextInt(300)];
            random.nextBytes(junk);
            junk[0] = (byte) (20 + random.nextInt(44));
            server.receive(junk, 0, junk.length);
        }
        CompletableFuture<SrtpKeyingMaterial> c = client.start();
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[random.nextInt(40) + 1];
            random.nextBytes(junk);
            client.receive(junk, 0, junk.length);
        }
        assertThat(c.get(15, TimeUnit.SECONDS).profile()).isEqualTo(s.get(15, TimeUnit.SECONDS).profile());
    }

    @Test
    void closingEndsTheDtlsThreads() throws Exception {
        connect(DtlsSettings.defaults(), DtlsSettings.defaults(), serverCert.fingerprint(), n -> false);
        server.start();
        client.start().get(10, TimeUnit.SECONDS);
        assertThat(dtlsThreads()).isEqualTo(2);
        client.close();
        server.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (dtlsThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(dtlsThreads()).isZero();
        assertThat(client.state()).isEqualTo(DtlsEndpoint.State.CLOSED);
    }

    /** What one side protects, the other unprotects, both ways; a side cannot read its own packets. */
    static void assertMirrored(SrtpKeyingMaterial a, SrtpKeyingMaterial b) {
        byte[] rtp = new byte[12 + 20];
        rtp[0] = (byte) 0x80;
        rtp[1] = 111;
        rtp[3] = 1;
        rtp[11] = 42;
        for (int i = 12; i < rtp.length; i++) {
            rtp[i] = (byte) i;
        }
        for (SrtpKeyingMaterial[] way : new SrtpKeyingMaterial[][] {{a, b}, {b, a}}) {
            byte[] buf = java.util.Arrays.copyOf(rtp, rtp.length + 32);
            int protectedLength = way[0].outbound(SrtpOptions.DEFAULT).protectRtp(buf, 0, rtp.length);
            assertThat(protectedLength).isGreaterThan(rtp.length);
            byte[] own = buf.clone();
            assertThat(way[0].inbound(SrtpOptions.DEFAULT).unprotectRtp(own, 0, protectedLength)).isNegative();
            int plain = way[1].inbound(SrtpOptions.DEFAULT).unprotectRtp(buf, 0, protectedLength);
            assertThat(java.util.Arrays.copyOf(buf, plain)).isEqualTo(rtp);
        }
    }

    private static long dtlsThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("parley-dtls") && t.isAlive()).count();
    }

    private static String failureOf(CompletableFuture<?> f) throws InterruptedException {
        try {
            f.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(DtlsException.class);
            return e.getCause().getMessage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no failure within 15 s");
        }
        throw new AssertionError("expected the handshake to fail");
    }
}
