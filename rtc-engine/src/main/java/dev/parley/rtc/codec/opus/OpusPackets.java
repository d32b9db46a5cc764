package dev.parley.rtc.codec.opus;

/**
 * Reads an Opus packet's header without decoding it (RFC 6716 §3). Every method takes hostile input and answers
 * {@code false} or {@code -1} for a packet it cannot read; none throws for content.
 */
public final class OpusPackets {

    private OpusPackets() {
    }

    /** Samples per channel at 48 kHz in one frame of this packet, from the TOC byte (RFC 6716 §3.1), or -1. */
    public static int samplesPerFrame(byte[] packet, int offset, int length) {
        if (!readable(packet, offset, length)) {
            return -1;
        }
        int config = (packet[offset] & 0xFF) >>> 3;
        if (config < 12) {
            // SILK-only: 10, 20, 40, 60 ms.
            return (config & 3) < 2 ? 480 << (config & 3) : 960 * ((config & 3) == 2 ? 2 : 3);
        }
        if (config < 16) {
            // Hybrid: 10 or 20 ms.
            return (config & 1) == 0 ? 480 : 960;
        }
        // CELT-only: 2.5, 5, 10, 20 ms.
        return 120 << (config & 3);
    }

    /** Number of frames in the packet (RFC 6716 §3.2), or -1 if it cannot be read. */
    public static int frameCount(byte[] packet, int offset, int length) {
        if (!readable(packet, offset, length)) {
            return -1;
        }
        int code = packet[offset] & 3;
        if (code == 0) {
            return 1;
        }
        if (code != 3) {
            return 2;
        }
        if (length < 2) {
            return -1;
        }
        int m = packet[offset + 1] & 0x3F;
        return m == 0 ? -1 : m;
    }

    /** Samples per channel at 48 kHz in the whole packet, or -1 if it cannot be read or exceeds 120 ms. */
    public static int samples(byte[] packet, int offset, int length) {
        int perFrame = samplesPerFrame(packet, offset, length);
        int frames = frameCount(packet, offset, length);
        if (perFrame < 0 || frames < 0) {
            return -1;
        }
        int total = perFrame * frames;
        return total > OpusFormat.MAX_PACKET_SAMPLES ? -1 : total;
    }

    /**
     * Whether the packet's first frame carries in-band FEC (SILK LBRR data) for the frame before it, so that
     * {@link OpusDecoder#decodeFec} can rebuild a lost frame from it.
     */
    public static boolean hasFec(byte[] packet, int offset, int length) {
        if (!readable(packet, offset, length)) {
            return false;
        }
        int toc = packet[offset] & 0xFF;
        int config = toc >>> 3;
        if (config >= 16) {
            return false; // CELT-only packets have no LBRR (RFC 6716 §4.2.4 is a SILK layer feature).
        }
        int first = firstFrameStart(packet, offset, length);
        if (first < 0) {
            return false;
        }
        int b = packet[first] & 0xFF;
        // RFC 6716 §4.2.3: the SILK header is one VAD flag per SILK frame, then the LBRR flag, per channel
        // (mid, then side), each coded with probability 1/2, so they are the leading bits of the first byte.
        int perFrame = samplesPerFrame(packet, offset, length);
        int silkFrames = perFrame > 960 ? perFrame / 960 : 1;
        boolean lbrr = ((b >>> (7 - silkFrames)) & 1) != 0;
        boolean stereo = (toc & 0x04) != 0;
        if (stereo) {
            lbrr |= ((b >>> (6 - 2 * silkFrames)) & 1) != 0;
        }
        return lbrr;
    }

    /** Index of the first byte of the first frame when that frame is not empty, else -1 (RFC 6716 §3.2). */
    private static int firstFrameStart(byte[] packet, int offset, int length) {
        int end = offset + length;
        int code = packet[offset] & 3;
        int pos = offset + 1;
        int size;
        if (code == 0) {
            size = end - pos;
        } else if (code == 1) {
            size = (end - pos) / 2;
        } else if (code == 2) {
            long r = frameLength(packet, pos, end);
            if (r < 0) {
                return -1;
            }
            pos = (int) r;
            size = (int) (r >>> 32);
        } else {
            if (pos >= end) {
                return -1;
            }
            int fc = packet[pos++] & 0xFF;
            boolean vbr = (fc & 0x80) != 0;
            boolean padded = (fc & 0x40) != 0;
            int frames = fc & 0x3F;
            if (frames == 0) {
                return -1;
            }
            int padding = 0;
            if (padded) {
                // RFC 6716 §3.2.5: each 255 adds 254 bytes and another length byte follows.
                int p;
                do {
                    if (pos >= end) {
                        return -1;
                    }
                    p = packet[pos++] & 0xFF;
                    padding += p == 255 ? 254 : p;
                } while (p == 255);
            }
            int dataEnd = end - padding;
            if (vbr) {
                long r = frameLength(packet, pos, dataEnd);
                if (r < 0) {
                    return -1;
                }
                size = (int) (r >>> 32);
                pos = (int) r;
                // Skip the remaining frames' length fields to reach frame 0.
                for (int i = 2; i < frames; i++) {
                    long next = frameLength(packet, pos, dataEnd);
                    if (next < 0) {
                        return -1;
                    }
                    pos = (int) next;
                }
            } else {
                size = (dataEnd - pos) / frames;
            }
            end = dataEnd;
        }
        if (size <= 0 || pos >= end || pos + size > end) {
            return -1;
        }
        return pos;
    }

    /** RFC 6716 §3.2.1: a frame length in one or two bytes; returns length << 32 | next position, or -1. */
    private static long frameLength(byte[] packet, int pos, int end) {
        if (pos >= end) {
            return -1;
        }
        int b0 = packet[pos] & 0xFF;
        if (b0 < 252) {
            return (long) b0 << 32 | (pos + 1);
        }
        if (pos + 1 >= end) {
            return -1;
        }
        return (long) ((packet[pos + 1] & 0xFF) * 4 + b0) << 32 | (pos + 2);
    }

    private static boolean readable(byte[] packet, int offset, int length) {
        return packet != null && offset >= 0 && length > 0 && offset <= packet.length - length;
    }
}
