package dev.parley.rtc.codec.h264;

import dev.parley.rtc.codec.h264.DepacketizedFrame.Complete;
import dev.parley.rtc.codec.h264.DepacketizedFrame.DropReason;
import dev.parley.rtc.codec.h264.DepacketizedFrame.Dropped;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 6184 packetization-mode 1 on the receive side: the RTP payloads of one frame (one RTP timestamp, collected
 * by the frame buffer) become its NAL units. Single NAL unit packets (§5.6), STAP-A (§5.7.1) and FU-A (§5.8) are
 * understood; STAP-B, MTAP and FU-B are interleaved-mode only and rejected.
 *
 * <p><b>Reordering</b> within a frame is handled: payloads are put in RTP sequence number order (modulo 2^16) before
 * assembly, and exact duplicates are ignored. <b>Loss</b> is never papered over: a gap in the sequence numbers, a
 * missing marker bit, or an FU-A without its start or end drops the whole frame with a {@link DropReason}; a frame
 * is never returned half-assembled. Losing the first payload(s) of a frame is only visible from inside when it cuts
 * an FU-A; pass the expected first sequence number (the previous frame's last + 1) to detect it always.
 *
 * <p>Hostile input is dropped and counted, never thrown: every length is checked against the payload, and the
 * number of payloads, NAL units and bytes of a frame is bounded. Not thread-safe (counters); one per receive stream.
 */
public final class H264Depacketizer {
    public static final int DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_PACKETS = 8192;
    public static final int DEFAULT_MAX_NAL_UNITS = 4096;
    /** For {@link #depacketize(List, int)}: the first sequence number is not known. */
    public static final int UNKNOWN_SEQUENCE = -1;

    private final int maxFrameBytes;
    private final int maxPackets;
    private final int maxNalUnits;
    private final Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    private long completeFrames;

    public H264Depacketizer() {
        this(DEFAULT_MAX_FRAME_BYTES, DEFAULT_MAX_PACKETS, DEFAULT_MAX_NAL_UNITS);
    }

    public H264Depacketizer(int maxFrameBytes, int maxPackets, int maxNalUnits) {
        if (maxFrameBytes < 1 || maxPackets < 1 || maxPackets > 32768 || maxNalUnits < 1) {
            throw new IllegalArgumentException("bad bounds " + maxFrameBytes + "/" + maxPackets + "/" + maxNalUnits);
        }
        this.maxFrameBytes = maxFrameBytes;
        this.maxPackets = maxPackets;
        this.maxNalUnits = maxNalUnits;
    }

    public DepacketizedFrame depacketize(List<ReceivedRtpPayload> payloads) {
        return depacketize(payloads, UNKNOWN_SEQUENCE);
    }

    /**
     * @param expectedFirstSequence the sequence number the frame must start with, or {@link #UNKNOWN_SEQUENCE}
     */
    public DepacketizedFrame depacketize(List<ReceivedRtpPayload> payloads, int expectedFirstSequence) {
        DepacketizedFrame result = assemble(payloads, expectedFirstSequence);
        if (result instanceof Dropped d) {
            drops.merge(d.reason(), 1L, Long::sum);
        } else {
            completeFrames++;
        }
        return result;
    }

    public long completeFrames() {
        return completeFrames;
    }

    public long droppedFrames(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }

    public long droppedFrames() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }

    private DepacketizedFrame assemble(List<ReceivedRtpPayload> payloads, int expectedFirst) {
        if (payloads == null || payloads.isEmpty()) {
            return drop(DropReason.EMPTY_FRAME, "no payloads");
        }
        if (payloads.size() > maxPackets) {
            return drop(DropReason.TOO_LARGE, payloads.size() + " payloads, at most " + maxPackets);
        }
        List<ReceivedRtpPayload> ordered = new ArrayList<>(payloads.size());
        DepacketizedFrame bad = order(payloads, expectedFirst, ordered);
        if (bad != null) {
            return bad;
        }
        Assembly a = new Assembly();
        for (int i = 0; i < ordered.size(); i++) {
            ReceivedRtpPayload p = ordered.get(i);
            boolean last = i == ordered.size() - 1;
            if (p.marker() != last) {
                return last ? drop(DropReason.NO_MARKER, "last payload seq " + p.sequenceNumber() + " has no marker")
                        : drop(DropReason.EARLY_MARKER, "marker on seq " + p.sequenceNumber() + " before the last payload");
            }
            bad = a.add(p);
            if (bad != null) {
                return bad;
            }
        }
        if (a.fu != null) {
            return drop(DropReason.FU_A_WITHOUT_END, "fragmented NAL unit of type " + a.fuType + " never ended");
        }
        return new Complete(List.copyOf(a.nals), a.keyframe);
    }

    // Sorts by sequence number relative to the first payload (RFC 3550 §A.1 style modulo 2^16 arithmetic) and checks
    // the numbers are consecutive.
    private static DepacketizedFrame order(List<ReceivedRtpPayload> in, int expectedFirst, List<ReceivedRtpPayload> out) {
        for (ReceivedRtpPayload p : in) {
            if (p == null || p.payload() == null || p.sequenceNumber() < 0 || p.sequenceNumber() > 0xffff) {
                return drop(DropReason.INVALID_PAYLOAD, "missing payload or sequence number out of range");
            }
        }
        int ref = in.get(0).sequenceNumber();
        ReceivedRtpPayload[] sorted = in.toArray(new ReceivedRtpPayload[0]);
        Arrays.sort(sorted, (x, y) -> Integer.compare((short) (x.sequenceNumber() - ref), (short) (y.sequenceNumber() - ref)));
        for (int i = 0; i < sorted.length; i++) {
            ReceivedRtpPayload p = sorted[i];
            if (!out.isEmpty()) {
                ReceivedRtpPayload prev = out.get(out.size() - 1);
                int step = (p.sequenceNumber() - prev.sequenceNumber()) & 0xffff;
                if (step == 0) {
                    if (!Arrays.equals(prev.payload(), p.payload()) || prev.marker() != p.marker()) {
                        return drop(DropReason.CONFLICTING_DUPLICATE, "two different payloads with seq " + p.sequenceNumber());
                    }
                    continue;
                }
                if (step != 1) {
                    return drop(DropReason.SEQUENCE_GAP, (step - 1) + " payload(s) missing after seq " + prev.sequenceNumber());
                }
            }
            out.add(p);
        }
        if (expectedFirst != UNKNOWN_SEQUENCE && out.get(0).sequenceNumber() != expectedFirst) {
            return drop(DropReason.SEQUENCE_GAP, "frame starts at seq " + out.get(0).sequenceNumber() + ", expected " + expectedFirst);
        }
        return null;
    }

    private static Dropped drop(DropReason reason, String detail) {
        return new Dropped(reason, detail);
    }

    /** The NAL units of the frame so far, and the FU-A unit being reassembled. */
    private final class Assembly {
        final List<byte[]> nals = new ArrayList<>();
        long bytes;
        boolean keyframe;
        ByteArrayOutputStream fu;
        int fuType;

        DepacketizedFrame add(ReceivedRtpPayload rp) {
            byte[] p = rp.payload();
            if (p.length == 0) {
                return drop(DropReason.INVALID_PAYLOAD, "empty payload, seq " + rp.sequenceNumber());
            }
            int type = NalHeader.type(p[0]);
            if (type != NalUnitType.FU_A && fu != null) {
                return drop(DropReason.FU_A_WITHOUT_END, "seq " + rp.sequenceNumber() + " interrupts a fragmented NAL unit");
            }
            if (type >= 1 && type <= 23) {
                return nal(p, 0, p.length); // §5.6 single NAL unit packet
            }
            return switch (type) {
                case NalUnitType.STAP_A -> stapA(p, rp.sequenceNumber());
                case NalUnitType.FU_A -> fuA(p, rp.sequenceNumber());
                case NalUnitType.STAP_B, NalUnitType.MTAP16, NalUnitType.MTAP24, NalUnitType.FU_B ->
                        drop(DropReason.NOT_NON_INTERLEAVED, "packet type " + type + " needs interleaved mode, seq " + rp.sequenceNumber());
                default -> drop(DropReason.INVALID_PAYLOAD, "undefined packet type " + type + ", seq " + rp.sequenceNumber());
            };
        }

        // §5.7.1: STAP-A header, then NAL unit size (16 bits) + NAL unit, repeated; at least one unit.
        private DepacketizedFrame stapA(byte[] p, int seq) {
            int o = 1;
            if (p.length == 1) {
                return drop(DropReason.MALFORMED_STAP_A, "STAP-A without NAL units, seq " + seq);
            }
            while (o < p.length) {
                if (p.length - o < 2) {
                    return drop(DropReason.MALFORMED_STAP_A, "STAP-A size field cut at offset " + o + ", seq " + seq);
                }
                int size = (p[o] & 0xff) << 8 | (p[o + 1] & 0xff);
                o += 2;
                if (size == 0 || size > p.length - o) {
                    return drop(DropReason.MALFORMED_STAP_A, "STAP-A unit of " + size + " bytes with " + (p.length - o) + " left, seq " + seq);
                }
                int inner = NalHeader.type(p[o]);
                if (inner < 1 || inner > 23) {
                    return drop(DropReason.MALFORMED_STAP_A, "STAP-A holds packet type " + inner + ", seq " + seq);
                }
                DepacketizedFrame bad = nal(p, o, size);
                if (bad != null) {
                    return bad;
                }
                o += size;
            }
            return null;
        }

        // §5.8: FU indicator (F, NRI, 28), FU header (S, E, R, type), fragment. The NAL header is rebuilt from the
        // indicator's F and NRI and the FU header's type.
        private DepacketizedFrame fuA(byte[] p, int seq) {
            if (p.length < 2) {
                return drop(DropReason.MALFORMED_FU_A, "FU-A without FU header, seq " + seq);
            }
            boolean start = (p[1] & 0x80) != 0;
            boolean end = (p[1] & 0x40) != 0;
            int type = p[1] & 0x1f;
            if (start && end) {
                return drop(DropReason.MALFORMED_FU_A, "FU-A with both S and E set, seq " + seq);
            }
            if (type < 1 || type > 23) {
                return drop(DropReason.MALFORMED_FU_A, "FU-A carries packet type " + type + ", seq " + seq);
            }
            if (start) {
                if (fu != null) {
                    return drop(DropReason.FU_A_WITHOUT_END, "FU-A start before the previous unit ended, seq " + seq);
                }
                fu = new ByteArrayOutputStream(Math.min(64 * 1024, 1 + (p.length - 2) * 8));
                fuType = type;
                fu.write((p[0] & 0xe0) | type);
            } else if (fu == null) {
                return drop(DropReason.FU_A_WITHOUT_START, "FU-A continuation of type " + type + " without its start, seq " + seq);
            } else if (type != fuType) {
                return drop(DropReason.MALFORMED_FU_A, "FU-A type changes from " + fuType + " to " + type + ", seq " + seq);
            }
            if (bytes + fu.size() + p.length - 2 > maxFrameBytes) {
                return drop(DropReason.TOO_LARGE, "frame over " + maxFrameBytes + " bytes");
            }
            fu.write(p, 2, p.length - 2);
            if (end) {
                byte[] nal = fu.toByteArray();
                fu = null;
                return nal(nal, 0, nal.length);
            }
            return null;
        }

        private DepacketizedFrame nal(byte[] b, int off, int len) {
            if (nals.size() >= maxNalUnits) {
                return drop(DropReason.TOO_LARGE, "more than " + maxNalUnits + " NAL units");
            }
            if (bytes + len > maxFrameBytes) {
                return drop(DropReason.TOO_LARGE, "frame over " + maxFrameBytes + " bytes");
            }
            bytes += len;
            keyframe |= NalHeader.type(b[off]) == NalUnitType.SLICE_IDR;
            nals.add(Arrays.copyOfRange(b, off, off + len));
            return null;
        }
    }
}
