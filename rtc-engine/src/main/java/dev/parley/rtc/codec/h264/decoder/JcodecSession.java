package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.h264.SeqParameterSet;
import dev.parley.rtc.media.VideoFrame;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.codecs.h264.io.model.Frame;
import org.jcodec.common.logging.LogLevel;
import org.jcodec.common.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * One jcodec 0.2.5 {@link H264Decoder} for one coded video sequence (an IDR and the pictures that follow it with the
 * same SPS), with the buffers it decodes into. Thrown away after any failure, and replaced when the SPS changes:
 * jcodec keeps reference lists sized from the first SPS it sees, and a failure half-way through a picture may leave
 * its state (or, when it decodes slices in parallel, a still running slice task) behind.
 *
 * <p>jcodec writes the picture into the arrays it is given, stores samples minus 128 as signed bytes, and copies a
 * reference picture into its own pool before returning; so the output planes are free once decoding returns and are
 * turned into unsigned samples in place.
 */
final class JcodecSession implements AutoCloseable {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(JcodecSession.class);

    static {
        quietJcodecLogging();
    }

    private final H264Decoder jcodec = new H264Decoder();
    private final SeqParameterSet sps;
    private final int codedWidth;
    private final int codedHeight;
    private final int cropX;
    private final int cropY;
    private final int width;
    private final int height;
    /** jcodec's output, macroblock-aligned: Y, Cb, Cr with strides codedWidth, codedWidth / 2, codedWidth / 2. */
    private final byte[][] planes;
    /** The cropped output when the crop window does not start at the top left corner (rare); else null. */
    private final byte[][] cropped;
    private final List<ByteBuffer> units = new ArrayList<>();
    /** jcodec unescapes in place, so it reads copies of the slices from here. */
    private byte[] scratch = new byte[16 * 1024];

    /**
     * @param sps  the SPS of the IDR that starts the sequence (supported, see {@link ParameterSets})
     * @param sets the parameter sets received so far: jcodec gets this SPS and every PPS that refers to it, except
     *             a PPS it cannot parse (a slice that refers to one then fails, rather than every IDR after it)
     */
    JcodecSession(SeqParameterSet sps, ParameterSets sets) {
        this.sps = sps;
        this.codedWidth = sps.picWidthInMbs() * 16;
        this.codedHeight = sps.frameHeightInMbs() * 16;
        this.cropX = sps.cropUnitX() * sps.cropLeft();
        this.cropY = sps.cropUnitY() * sps.cropTop();
        this.width = sps.width();
        this.height = sps.height();
        int lumaSize = codedWidth * codedHeight;
        this.planes = new byte[][] {new byte[lumaSize], new byte[lumaSize / 4], new byte[lumaSize / 4]};
        this.cropped = cropX == 0 && cropY == 0 ? null
                : new byte[][] {new byte[width * height], new byte[width * height / 4], new byte[width * height / 4]};
        byte[] spsNal = sets.spsNal(sps.spsId());
        jcodec.addSps(List.of(ByteBuffer.wrap(spsNal, 1, spsNal.length - 1)));
        for (int id = 0; id < ParameterSets.MAX_PPS; id++) {
            if (sets.pps(id) != null && sets.pps(id).spsId() == sps.spsId()) {
                try {
                    addPps(sets.ppsNal(id));
                } catch (RuntimeException e) {
                    LOG.debug("jcodec cannot parse PPS {}: {}", id, e.toString());
                }
            }
        }
    }

    /** The SPS this session decodes. */
    SeqParameterSet sps() {
        return sps;
    }

    /**
     * Gives jcodec a new or changed PPS NAL unit (header byte included), which it parses from a copy. A PPS may
     * change between pictures of one sequence (§7.4.1.2.1); an SPS may not, so a new SPS means a new session.
     *
     * @throws RuntimeException if jcodec cannot parse it
     */
    void addPps(byte[] nal) {
        jcodec.addPps(List.of(ByteBuffer.wrap(nal, 1, nal.length - 1)));
    }

    /**
     * Decodes the slice NAL units of one picture (not modified: jcodec gets copies).
     *
     * @return the cropped picture in this session's buffers, valid until the next call
     * @throws RuntimeException (or an AssertionError) whatever jcodec throws on bad input
     */
    VideoFrame decode(List<byte[]> slices, long timestampNanos) {
        int total = 0;
        for (byte[] s : slices) {
            total += s.length;
        }
        if (scratch.length < total) {
            scratch = new byte[Math.max(total, scratch.length * 2)];
        }
        units.clear();
        int off = 0;
        for (byte[] s : slices) {
            System.arraycopy(s, 0, scratch, off, s.length);
            units.add(ByteBuffer.wrap(scratch, off, s.length));
            off += s.length;
        }
        Frame frame = jcodec.decodeFrameFromNals(units, planes);
        if (frame == null) {
            throw new IllegalStateException("jcodec returned no picture");
        }
        if (frame.getWidth() != codedWidth || frame.getHeight() != codedHeight) {
            throw new IllegalStateException("jcodec decoded " + frame.getWidth() + "x" + frame.getHeight()
                    + ", the SPS says " + codedWidth + "x" + codedHeight);
        }
        int cw = codedWidth / 2;
        if (cropped == null) {
            // Only the rows shown are converted; the stride stays the coded width.
            toUnsigned(planes[0], codedWidth * height);
            toUnsigned(planes[1], cw * (height / 2));
            toUnsigned(planes[2], cw * (height / 2));
            return VideoFrame.wrap(width, height, planes[0], codedWidth, planes[1], cw, planes[2], cw,
                    timestampNanos);
        }
        copyUnsigned(planes[0], codedWidth, cropX, cropY, cropped[0], width, height);
        copyUnsigned(planes[1], cw, cropX / 2, cropY / 2, cropped[1], width / 2, height / 2);
        copyUnsigned(planes[2], cw, cropX / 2, cropY / 2, cropped[2], width / 2, height / 2);
        return VideoFrame.wrap(width, height, cropped[0], width, cropped[1], width / 2, cropped[2], width / 2,
                timestampNanos);
    }

    /** jcodec's sample - 128 back to the sample: adding 128 to a byte flips its top bit. */
    private static void toUnsigned(byte[] plane, int n) {
        for (int i = 0; i < n; i++) {
            plane[i] ^= (byte) 0x80;
        }
    }

    private static void copyUnsigned(byte[] src, int srcStride, int x0, int y0, byte[] dst, int w, int h) {
        for (int row = 0; row < h; row++) {
            int s = (y0 + row) * srcStride + x0;
            int d = row * w;
            for (int x = 0; x < w; x++) {
                dst[d + x] = (byte) (src[s + x] ^ 0x80);
            }
        }
    }

    /**
     * Stops jcodec's slice thread pool. jcodec 0.2.5 creates one per decoder (on machines with more than one core),
     * fills it when a picture has several slices, and offers no way to stop it; its threads are daemons but never
     * time out, so a discarded decoder would keep them. Reflection on its private field is the only handle; if that
     * fails (another jcodec build) the threads stay, which costs memory, not correctness.
     */
    @Override
    public void close() {
        try {
            Field tp = H264Decoder.class.getDeclaredField("tp");
            tp.setAccessible(true);
            if (tp.get(jcodec) instanceof ExecutorService pool) {
                pool.shutdownNow();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("cannot stop jcodec's slice threads: {}", e.toString());
        }
    }

    /**
     * jcodec logs through its own logger, which prints to standard output: a warning for every I_PCM macroblock,
     * for instance. Route it to SLF4J when it has not started yet, and keep only errors.
     */
    private static void quietJcodecLogging() {
        try {
            Logger.addSink(msg -> LOG.debug("jcodec {}: {}", msg.getLevel(), msg.getMessage()));
        } catch (IllegalStateException alreadyStarted) {
            LOG.debug("jcodec's logger had already started; its errors go to standard output");
        }
        Logger.setLevel(LogLevel.ERROR);
    }
}
