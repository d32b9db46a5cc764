package dev.parley.rtc.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.rtc.codec.h264.H264Packetizer;
import dev.parley.rtc.codec.h264.RtpPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A sender's side for frame buffer tests: fabricated NAL units (valid headers, random bodies) packetized by the real
 * {@link H264Packetizer}, numbered with consecutive RTP sequence numbers (wrapping) and 90 kHz timestamps 3000 apart.
 */
final class VideoStream {
    static final long MS = 1_000_000L;
    static final int SPS = 0x67;
    static final int PPS = 0x68;
    static final int IDR = 0x65;
    static final int SLICE = 0x41;
    static final long TICKS_PER_FRAME = 3000;

    record Packet(int seq, long ts, boolean marker, byte[] payload, int frame) {
        boolean padding() {
            return payload.length == 0;
        }
    }

    record Frame(int index, List<byte[]> nals, boolean key, long ts, List<Packet> packets) {
        Packet first() {
            return packets.get(0);
        }

        Packet last() {
            return packets.get(packets.size() - 1);
        }
    }

    private final Random random;
    private final H264Packetizer packetizer;
    private int nextSeq;
    private long nextTs;
    private final List<Frame> frames = new ArrayList<>();
    private final List<Packet> packets = new ArrayList<>();

    VideoStream(long seed, int firstSeq, long firstTs, int maxPayloadSize) {
        this.random = new Random(seed);
        this.packetizer = new H264Packetizer(maxPayloadSize);
        this.nextSeq = firstSeq & 0xffff;
        this.nextTs = firstTs & 0xffffffffL;
    }

    /** The usual stream: first sequence number 1000, timestamp 90000, payloads of at most 200 bytes. */
    VideoStream(long seed) {
        this(seed, 1000, 90_000, 200);
    }

    /** SPS + PPS + one IDR slice of {@code idrBytes}. */
    Frame key(int idrBytes) {
        return frame(List.of(nal(SPS, 12), nal(PPS, 5), nal(IDR, idrBytes)), true);
    }

    /** One non-IDR slice of {@code bytes}. */
    Frame delta(int bytes) {
        return frame(List.of(nal(SLICE, bytes)), false);
    }

    /** A keyframe then {@code deltas} delta frames of random sizes (one packet to several FU-A fragments). */
    List<Frame> keyThenDeltas(int deltas) {
        List<Frame> out = new ArrayList<>();
        out.add(key(900 + random.nextInt(400)));
        for (int i = 0; i < deltas; i++) {
            out.add(delta(randomDeltaSize()));
        }
        return out;
    }

    int randomDeltaSize() {
        return random.nextInt(4) == 0 ? 20 + random.nextInt(150) : 150 + random.nextInt(700);
    }

    /** A padding-only packet: empty payload, the last frame's timestamp, no marker. */
    Packet padding() {
        Packet p = new Packet(nextSeq, Math.floorMod(nextTs - TICKS_PER_FRAME, 1L << 32), false, new byte[0], -1);
        nextSeq = (nextSeq + 1) & 0xffff;
        packets.add(p);
        return p;
    }

    List<Frame> frames() {
        return frames;
    }

    /** Every packet so far, in sending order. */
    List<Packet> packets() {
        return packets;
    }

    int nextSeq() {
        return nextSeq;
    }

    private Frame frame(List<byte[]> nals, boolean key) {
        List<Packet> ps = new ArrayList<>();
        int index = frames.size();
        for (RtpPayload p : packetizer.packetize(nals)) {
            ps.add(new Packet(nextSeq, nextTs, p.marker(), p.payload(), index));
            nextSeq = (nextSeq + 1) & 0xffff;
        }
        Frame f = new Frame(index, nals, key, nextTs, List.copyOf(ps));
        nextTs = (nextTs + TICKS_PER_FRAME) & 0xffffffffL;
        frames.add(f);
        packets.addAll(ps);
        return f;
    }

    private byte[] nal(int header, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        b[0] = (byte) header;
        return b;
    }

    static VideoPacketOutcome insert(VideoFrameBuffer buffer, Packet p, long arrivalNanos) {
        return buffer.insert(p.seq(), p.ts(), p.marker(), p.payload(), arrivalNanos);
    }

    /** Asserts that {@code a} is exactly the sent frame {@code f}. */
    static void assertFrame(AssembledFrame a, Frame f) {
        assertThat(a.keyFrame()).as("keyframe of frame %d", f.index()).isEqualTo(f.key());
        assertThat(a.firstSequence()).as("first seq of frame %d", f.index()).isEqualTo(f.first().seq());
        assertThat(a.lastSequence()).as("last seq of frame %d", f.index()).isEqualTo(f.last().seq());
        assertThat(a.rtpTimestamp() & 0xffffffffL).as("timestamp of frame %d", f.index()).isEqualTo(f.ts());
        assertThat(a.nalUnits()).as("NAL units of frame %d", f.index()).hasSameSizeAs(f.nals());
        for (int i = 0; i < f.nals().size(); i++) {
            assertThat(a.nalUnits().get(i)).as("NAL unit %d of frame %d", i, f.index()).isEqualTo(f.nals().get(i));
        }
        assertThat(a.sizeBytes()).isEqualTo(f.nals().stream().mapToInt(n -> n.length).sum());
    }
}
