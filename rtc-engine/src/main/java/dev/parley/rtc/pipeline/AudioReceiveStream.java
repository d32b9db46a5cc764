package dev.parley.rtc.pipeline;

import dev.parley.rtc.codec.g711.G711;
import dev.parley.rtc.fec.red.RedPayload;
import dev.parley.rtc.jitter.AudioJitterBuffer;
import dev.parley.rtc.jitter.AudioJitterConfig;
import dev.parley.rtc.jitter.AudioJitterStats;
import dev.parley.rtc.jitter.PlayoutKind;
import dev.parley.rtc.media.AudioFrame;
import dev.parley.rtc.media.AudioSink;
import dev.parley.rtc.media.AudioSource;
import dev.parley.rtc.rtcp.NtpTime;
import dev.parley.rtc.rtcp.ReceptionStatistics;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.RtpCodec;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receive chain of one remote audio track: RTP from the network thread goes into the adaptive jitter buffer
 * (Opus, with PLC and in-band FEC) or the G.711 queue, and the playout clock ({@link #tick}, every 20 ms) takes one
 * frame and hands it to the sink: 48 kHz mono PCM16, 20 ms. Packets of a payload type the section did not negotiate
 * are dropped and counted.
 */
public final class AudioReceiveStream extends ReceiveStream implements AudioSource {

    private final LipSync lipSync;
    private final AudioJitterBuffer jitter = new AudioJitterBuffer(AudioJitterConfig.defaults(1));
    private final G711PlayoutBuffer pcmu = new G711PlayoutBuffer(G711.PCMU);
    private final G711PlayoutBuffer pcma = new G711PlayoutBuffer(G711.PCMA);
    private final AtomicLong unknownPayloadType = new AtomicLong();
    private final AtomicLong redRecovered = new AtomicLong();
    private final RedPayload red = new RedPayload();
    private final AtomicLong samplesPlayed = new AtomicLong();
    private final AtomicLong samplesConcealed = new AtomicLong();
    private final AtomicLong concealmentEvents = new AtomicLong();
    private volatile AudioSink sink;
    private volatile int codecInUse = -1;
    private volatile double audioLevel;
    private volatile double totalEnergy;
    private volatile double totalDuration;
    private boolean concealing;
    private volatile boolean externallyClocked;
    private volatile double bufferDelaySeconds;
    private volatile long emittedSamples;
    private final short[] silence = new short[AudioFrame.SAMPLES_PER_20_MS];

    public AudioReceiveStream(MediaSection section, LipSync lipSync) {
        super(section, 48_000);
        this.lipSync = lipSync;
    }

    @Override
    public void setSink(AudioSink next) {
        sink = next;
    }

    /** Network thread. */
    public void onRtp(RtpPacket p, long arrivalNanos) {
        ReceptionStatistics s = statistics();
        RtpCodec codec = section().codec(p.payloadType()).orElse(null);
        if (s == null || codec == null) {
            unknownPayloadType.incrementAndGet();
            return;
        }
        byte[] b = p.buffer();
        int off = p.payloadOffset();
        int len = p.payloadLength();
        int seq = p.sequenceNumber();
        if (codec.isNamed("red")) {
            if (!red.parse(b, off, len)) {
                unknownPayloadType.incrementAndGet();
                return;
            }
            codec = section().codec(red.primaryPayloadType()).orElse(null);
            if (codec == null || !codec.isNamed("opus")) {
                unknownPayloadType.incrementAndGet();
                return;
            }
            insertRedundancy(seq, p.timestamp(), b, arrivalNanos);
            off = red.primaryOffset();
            len = red.primaryLength();
        }
        s.onPacket(seq, p.timestamp(), len, arrivalNanos, false);
        codecInUse = codec.payloadType();
        if (codec.isNamed("opus")) {
            jitter.insert(seq, p.timestamp(), b, off, len, arrivalNanos);
        } else if (codec.isNamed("PCMU")) {
            pcmu.insert(seq, b, off, len);
        } else if (codec.isNamed("PCMA")) {
            pcma.insert(seq, b, off, len);
        } else {
            unknownPayloadType.incrementAndGet(); // telephone-event, CN: not played (yet)
            return;
        }
        long srNtp = s.lastSenderReportNtp();
        if (srNtp != 0) {
            long capture = NtpTime.toUnixNanos(srNtp)
                    + (long) (int) (p.timestamp() - s.lastSenderReportRtp()) * 1_000_000_000L / codec.clockRate();
            lipSync.onAudioPacket(capture, MediaClock.SYSTEM.unixMicros(arrivalNanos) * 1000);
        }
    }

    /**
     * RFC 2198 redundancy of 20 ms Opus frames stands in for the packets before this one: a block whose timestamp is
     * k frames earlier is packet seq - k. If that packet arrived, the jitter buffer drops the copy as a duplicate.
     */
    private void insertRedundancy(int seq, long timestamp, byte[] b, long arrivalNanos) {
        for (int i = 0; i < red.redundantBlocks(); i++) {
            int offset = red.redundantTimestampOffset(i);
            if (red.redundantLength(i) > 0 && offset > 0 && offset % AudioFrame.SAMPLES_PER_20_MS == 0
                    && section().codec(red.redundantPayloadType(i)).filter(c -> c.isNamed("opus")).isPresent()) {
                int back = offset / AudioFrame.SAMPLES_PER_20_MS;
                if (jitter.insert((seq - back) & 0xFFFF, timestamp - offset, b, red.redundantOffset(i),
                        red.redundantLength(i), arrivalNanos) == dev.parley.rtc.jitter.InsertOutcome.STORED) {
                    redRecovered.incrementAndGet();
                }
            }
        }
    }

    /** The connection's playout timer, every 20 ms: one frame to the sink, unless a speaker pulls instead. */
    public void tick(long nowNanos) {
        if (externallyClocked) {
            return;
        }
        AudioFrame frame = next(nowNanos);
        AudioSink s = sink;
        if (frame != null && s != null) {
            s.onAudioFrame(frame);
        }
    }

    /**
     * The speaker's clock (ARCHITECTURE: the speaker line, not a timer, paces playout): the next 20 ms frame, called
     * by the thread that writes the speaker line once per 20 ms it consumes. From the first call on, the connection's
     * own timer stops pushing this stream to the sink. The frame is lent until the next call; silence before the
     * first packet.
     */
    public AudioFrame pull(long nowNanos) {
        externallyClocked = true;
        AudioFrame frame = next(nowNanos);
        return frame != null ? frame : AudioFrame.wrap(silence, 0, 1, silence.length, nowNanos);
    }

    /** One frame from the jitter buffer (or the G.711 queue), counted and measured; null before any packet. */
    private synchronized AudioFrame next(long nowNanos) {
        int pt = codecInUse;
        RtpCodec codec = pt < 0 ? null : section().codec(pt).orElse(null);
        AudioFrame frame;
        boolean concealed = false;
        if (codec != null && codec.isNamed("PCMU")) {
            frame = pcmu.pull(nowNanos);
        } else if (codec != null && codec.isNamed("PCMA")) {
            frame = pcma.pull(nowNanos);
        } else {
            frame = jitter.pull(nowNanos);
            PlayoutKind kind = jitter.lastKind();
            concealed = kind == PlayoutKind.CONCEALED || kind == PlayoutKind.CORRUPT;
            double delayMs = jitter.stats().currentDelayMs();
            lipSync.setAudioBufferNanos((long) (delayMs * 1e6));
            if (pt >= 0) {
                // W3C jitterBufferDelay: the seconds every emitted sample spent buffered, summed
                bufferDelaySeconds += delayMs / 1000 * frame.samplesPerChannel();
                emittedSamples += frame.samplesPerChannel();
            }
        }
        if (pt < 0) {
            return null; // nothing received yet: no track to play
        }
        samplesPlayed.addAndGet(frame.samplesPerChannel());
        if (concealed) {
            samplesConcealed.addAndGet(frame.samplesPerChannel());
            if (!concealing) {
                concealmentEvents.incrementAndGet();
            }
        }
        concealing = concealed;
        measure(frame);
        return frame;
    }

    private void measure(AudioFrame frame) {
        short[] pcm = frame.samples();
        double sum = 0;
        for (int i = 0; i < frame.sampleCount(); i++) {
            double v = pcm[frame.offset() + i] / 32768.0;
            sum += v * v;
        }
        double seconds = frame.samplesPerChannel() / (double) AudioFrame.SAMPLE_RATE;
        double rms = Math.sqrt(sum / Math.max(1, frame.sampleCount()));
        audioLevel = rms;
        totalEnergy += rms * rms * seconds; // W3C: sum of level^2 * duration
        totalDuration += seconds;
    }

    /** W3C jitterBufferDelay: seconds, summed over every sample emitted from the jitter buffer. */
    public double jitterBufferDelaySeconds() {
        return bufferDelaySeconds;
    }

    /** W3C jitterBufferEmittedCount: samples that left the jitter buffer. */
    public long jitterBufferEmittedCount() {
        return emittedSamples;
    }

    public AudioJitterStats jitterStats() {
        return jitter.stats();
    }

    public long samplesPlayed() {
        return samplesPlayed.get();
    }

    public long samplesConcealed() {
        return samplesConcealed.get();
    }

    public long concealmentEvents() {
        return concealmentEvents.get();
    }

    /** Lost packets rebuilt from RED redundancy before their turn to play. */
    public long redRecovered() {
        return redRecovered.get();
    }

    public long packetsOfUnknownType() {
        return unknownPayloadType.get();
    }

    public double audioLevel() {
        return audioLevel;
    }

    public double totalAudioEnergy() {
        return totalEnergy;
    }

    public double totalSamplesDuration() {
        return totalDuration;
    }

    /** The codec of the last packet, if any arrived. */
    public java.util.Optional<RtpCodec> codec() {
        int pt = codecInUse;
        return pt < 0 ? java.util.Optional.empty() : section().codec(pt);
    }
}
