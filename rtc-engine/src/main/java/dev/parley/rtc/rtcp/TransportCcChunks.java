package dev.parley.rtc.rtcp;

import dev.parley.rtc.net.NetworkOrder;

/**
 * Packet status chunks of transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.3 and
 * §3.1.4): a run-length chunk (T=0: 2-bit symbol, 13-bit run) or a status vector chunk (T=1: S=0 fourteen 1-bit
 * symbols, S=1 seven 2-bit symbols).
 */
final class TransportCcChunks {
    private static final int MAX_RUN = 0x1fff;

    private TransportCcChunks() {
    }

    /**
     * Fills {@code symbols} from chunks starting at {@code off}; returns where the receive deltas start.
     * Every chunk consumes two bytes, so the walk ends after at most (end - off) / 2 chunks.
     */
    static int read(byte[] b, int off, int end, byte[] symbols) throws RtcpParseException {
        int filled = 0;
        int p = off;
        while (filled < symbols.length) {
            Wire.require(end - p >= 2, "transport-cc chunks end before " + symbols.length + " statuses");
            int chunk = NetworkOrder.u16(b, p);
            p += 2;
            if ((chunk & 0x8000) == 0) {
                int symbol = (chunk >>> 13) & 3;
                Wire.require(symbol != 3, "transport-cc reserved status symbol");
                int run = Math.min(chunk & MAX_RUN, symbols.length - filled);
                for (int i = 0; i < run; i++) {
                    symbols[filled++] = (byte) symbol;
                }
            } else if ((chunk & 0x4000) == 0) {
                for (int i = 13; i >= 0 && filled < symbols.length; i--) {
                    symbols[filled++] = (byte) ((chunk >>> i) & 1);
                }
            } else {
                for (int i = 12; i >= 0 && filled < symbols.length; i -= 2) {
                    int symbol = (chunk >>> i) & 3;
                    Wire.require(symbol != 3, "transport-cc reserved status symbol");
                    symbols[filled++] = (byte) symbol;
                }
            }
        }
        return p;
    }

    /** How many chunks {@link #write} uses for these symbols. */
    static int count(byte[] symbols) {
        return encode(symbols, null, 0) / 2;
    }

    /** Writes the chunks at {@code off}; returns the index after them. */
    static int write(byte[] symbols, byte[] dst, int off) {
        return off + encode(symbols, dst, off);
    }

    /**
     * Greedy coding: a run of 7 or more equal symbols (or a run reaching the end) becomes a run-length chunk,
     * otherwise the next 14 symbols go in a 1-bit vector if they are all 0/1, else the next 7 in a 2-bit vector.
     * Vector slots past the last packet are left 0 (not received); the status count tells the reader to stop.
     * With {@code dst == null} only measures; returns the bytes written.
     */
    private static int encode(byte[] s, byte[] dst, int off) {
        int n = s.length;
        int i = 0;
        int bytes = 0;
        while (i < n) {
            int run = 1;
            while (i + run < n && s[i + run] == s[i] && run < MAX_RUN) {
                run++;
            }
            int chunk;
            if (run >= 7 || i + run == n) {
                chunk = s[i] << 13 | run;
                i += run;
            } else if (allBinary(s, i, Math.min(n, i + 14))) {
                chunk = 0x8000;
                for (int k = 0; k < 14; k++) {
                    chunk |= (i + k < n ? s[i + k] : 0) << (13 - k);
                }
                i += 14;
            } else {
                chunk = 0xc000;
                for (int k = 0; k < 7; k++) {
                    chunk |= (i + k < n ? s[i + k] : 0) << (12 - 2 * k);
                }
                i += 7;
            }
            if (dst != null) {
                NetworkOrder.put16(dst, off + bytes, chunk);
            }
            bytes += 2;
        }
        return bytes;
    }

    private static boolean allBinary(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s[i] > 1) {
                return false;
            }
        }
        return true;
    }
}
