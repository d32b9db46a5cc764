package dev.parley.rtc.pipeline;

import dev.parley.rtc.rtp.AbsSendTime;
import dev.parley.rtc.rtp.AudioLevel;
import dev.parley.rtc.rtp.RtpPacketWriter;
import dev.parley.rtc.rtp.SdesMid;
import dev.parley.rtc.rtp.TransportSequenceNumber;

/**
 * Writes the RTP packets of one outgoing stream: its SSRC and payload type, its own sequence numbers (starting at a
 * random value, RFC 3550 §5.1), and the header extensions the section negotiated: mid (RFC 8843 §15.2), abs-send-time,
 * the transport-wide sequence number and, for audio, the audio level (RFC 6464). One thread at a time.
 */
final class RtpStreamHeader {

    private final RtpPacketWriter writer = new RtpPacketWriter();
    private final ExtensionIds ids;
    private final String mid;
    private final TransportSequence transport;
    private final int ssrc;
    private int payloadType;
    private int sequence;

    RtpStreamHeader(int ssrc, int payloadType, ExtensionIds ids, String mid, TransportSequence transport) {
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.ids = ids;
        this.mid = mid;
        this.transport = transport;
        this.sequence = new java.security.SecureRandom().nextInt(0x8000);
    }

    int ssrc() {
        return ssrc;
    }

    void payloadType(int pt) {
        payloadType = pt;
    }

    /**
     * Writes one packet into {@code dst} from 0; returns its length.
     *
     * @param audioLevel the RFC 6464 byte, or -1 for none
     */
    int write(byte[] dst, long rtpTimestamp, boolean marker, byte[] payload, int off, int len, int audioLevel,
              long nowNanos) {
        writer.extensions().clear();
        if (ExtensionIds.writable(ids.mid()) && mid.length() <= 16) {
            SdesMid.put(writer.extensions(), ids.mid(), mid);
        }
        if (ExtensionIds.writable(ids.absSendTime())) {
            AbsSendTime.put(writer.extensions(), ids.absSendTime(), AbsSendTime.fromNanos(nowNanos));
        }
        if (ExtensionIds.writable(ids.transportSequence())) {
            TransportSequenceNumber.put(writer.extensions(), ids.transportSequence(), transport.next());
        }
        if (audioLevel >= 0 && ExtensionIds.writable(ids.audioLevel())) {
            writer.extensions().putUnsigned(ids.audioLevel(), audioLevel, 1);
        }
        writer.marker(marker).payloadType(payloadType).sequenceNumber(sequence++).timestamp(rtpTimestamp).ssrc(ssrc);
        return writer.write(dst, 0, payload, off, len);
    }

    /** RFC 6464 §3: the level of a frame in -dBov (0 loudest, 127 silence) with a crude voice flag. */
    static int audioLevel(short[] pcm, int off, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double s = pcm[off + i] / 32768.0;
            sum += s * s;
        }
        double rms = Math.sqrt(sum / Math.max(1, count));
        int level = rms <= 0 ? 127 : (int) Math.min(127, Math.max(0, Math.round(-20 * Math.log10(rms))));
        return AudioLevel.encode(level < 50, level);
    }
}
