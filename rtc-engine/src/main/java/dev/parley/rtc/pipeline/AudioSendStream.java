package dev.parley.rtc.pipeline;

import dev.parley.rtc.codec.g711.G711;
import dev.parley.rtc.codec.g711.G711Encoder;
import dev.parley.rtc.codec.opus.OpusEncoder;
import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.rtcp.SenderStatistics;
import dev.parley.rtc.sdp.RtpCodec;

/**
 * The send chain of an audio track: 10 or 20 ms frames from the source are gathered into 20 ms packets, encoded with
 * the negotiated codec (Opus in VOIP mode with in-band FEC and DTX; PCMU/PCMA as fallbacks), and sent as RTP with the
 * audio level. Opus DTX packets (two bytes or less, RFC 7587 §3.1.3) are not sent; the packet after a pause carries
 * the marker bit (RFC 3551 §4.1). Runs on the source's thread; muting sends silence, which DTX makes nearly free.
 */
public final class AudioSendStream implements AudioSink {

    private static final int PACKET_SAMPLES = AudioFrame.SAMPLES_PER_20_MS;

    private final RtpStreamHeader header;
    private final PacketOutput output;
    private final SenderStatistics statistics;
    private final RtpCodec codec;
    private final byte[] payload = new byte[1500];
    private final byte[] packet = new byte[1600];
    private final short[] gathered = new short[PACKET_SAMPLES * 2];
    private OpusEncoder opus;
    private final G711Encoder g711;
    private int gatheredSamples;
    private int channels;
    private long firstCaptureNanos;
    private long rtpTimestamp = new java.security.SecureRandom().nextInt() & 0xFFFF_FFFFL;
    private boolean paused = true;
    private volatile boolean enabled = true;
    private volatile int lossPercent;
    private volatile long lastCaptureNanos;
    private volatile long lastRtpTimestamp;
    private volatile long packetsSent;
    private volatile long dtxFrames;

    public AudioSendStream(int ssrc, RtpCodec codec, MediaSection section, PacketOutput output,
                           TransportSequence transport) {
        this.codec = codec;
        this.header = new RtpStreamHeader(ssrc, codec.payloadType(), section.extensions(), section.mid(), transport);
        this.output = output;
        this.statistics = new SenderStatistics(ssrc, codec.clockRate());
        this.g711 = codec.isNamed("PCMU") ? new G711Encoder(G711.PCMU)
                : codec.isNamed("PCMA") ? new G711Encoder(G711.PCMA) : null;
    }

    public SenderStatistics statistics() {
        return statistics;
    }

    public RtpCodec codec() {
        return codec;
    }

    /** Muted sends silence (Opus DTX then sends almost nothing); the RTP clock keeps running. */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    /** The loss the peer reports (RTCP fraction lost), so Opus spends bits on in-band FEC where it helps. */
    public void setPacketLossPercent(int percent) {
        lossPercent = Math.max(0, Math.min(100, percent));
    }

    @Override
    public void onAudioFrame(AudioFrame frame) {
        if (frame.channels() != channels) {
            channels = frame.channels();
            gatheredSamples = 0;
            opus = g711 == null ? new OpusEncoder(channels) : null;
        }
        if (gatheredSamples == 0) {
            firstCaptureNanos = frame.timestampNanos();
        }
        int n = frame.samplesPerChannel() * channels;
        int room = PACKET_SAMPLES * channels - gatheredSamples * channels;
        int take = Math.min(n, room);
        if (enabled) {
            System.arraycopy(frame.samples(), frame.offset(), gathered, gatheredSamples * channels, take);
        } else {
            java.util.Arrays.fill(gathered, gatheredSamples * channels, gatheredSamples * channels + take, (short) 0);
        }
        gatheredSamples += take / channels;
        if (gatheredSamples == PACKET_SAMPLES) {
            gatheredSamples = 0;
            sendPacket(firstCaptureNanos);
        }
    }

    private void sendPacket(long captureNanos) {
        AudioFrame frame = AudioFrame.wrap(gathered, 0, channels, PACKET_SAMPLES, captureNanos);
        int length;
        if (opus != null) {
            opus.setPacketLossPercent(lossPercent);
            length = opus.encode(frame, payload, 0);
        } else {
            length = g711.encode(frame, payload, 0);
        }
        long ts = rtpTimestamp;
        rtpTimestamp = (rtpTimestamp + (long) PACKET_SAMPLES * codec.clockRate() / AudioFrame.SAMPLE_RATE) & 0xFFFF_FFFFL;
        lastRtpTimestamp = ts;
        lastCaptureNanos = captureNanos;
        if (opus != null && OpusEncoder.isDtx(length)) {
            paused = true;
            dtxFrames++;
            return;
        }
        int level = RtpStreamHeader.audioLevel(gathered, 0, PACKET_SAMPLES * channels);
        int n = header.write(packet, ts, paused, payload, 0, length, level, System.nanoTime());
        paused = false;
        if (output.sendRtp(packet, 0, n)) {
            statistics.onPacketSent(length);
            packetsSent++;
        }
    }

    /** For the sender report: the RTP timestamp of the capture instant {@code nowNanos} (RFC 3550 §6.4.1). */
    public long rtpTimestampAt(long nowNanos) {
        long elapsed = nowNanos - lastCaptureNanos;
        return (lastRtpTimestamp + elapsed * codec.clockRate() / 1_000_000_000L) & 0xFFFF_FFFFL;
    }

    public int ssrc() {
        return header.ssrc();
    }

    public long dtxFrames() {
        return dtxFrames;
    }
}
