package dev.parley.rtc.codec.h264.decoder;

import dev.parley.rtc.codec.VideoDecodeResult;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.codec.h264.NalHeader;
import dev.parley.rtc.codec.h264.NalUnitType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive path's H.264 decoder: {@link ParleyH264Decoder}, and {@link JcodecH264Decoder} for a stream that uses
 * what Parley's decoder does not implement (CABAC, High profile, constrained intra prediction, long-term references,
 * ...), so no stream jcodec could decode is lost. Same contract as both (see {@link JcodecH264Decoder}).
 *
 * <p>Parley's decoder decodes until it answers "unsupported" (a {@link VideoDecodeResult.Failed} without
 * {@code needsKeyFrame}). From that access unit on, jcodec has the stream: it first gets every parameter set received
 * so far, then the access unit. If that access unit is a delta picture, jcodec cannot start with it (it needs an
 * IDR), and the answer is a failure that asks for a keyframe. Parley's decoder keeps following the parameter sets,
 * and takes the stream back when an SPS arrives that differs from the ones it had when it gave the stream up (a new
 * coded video sequence, e.g. another size or another sender configuration); should it find that one unsupported too,
 * jcodec takes over again at once. Not thread-safe: one decoder thread calls it.
 */
public final class FallbackH264Decoder implements VideoDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackH264Decoder.class);

    private final ParleyH264Decoder own = new ParleyH264Decoder();
    /** Non-null while jcodec has the stream. */
    private JcodecH264Decoder jcodec;
    /** The SPS NAL units by id when jcodec took over: another one there gives the stream back. */
    private final byte[][] spsAtSwitch = new byte[ParameterSets.MAX_SPS][];
    private boolean closed;

    @Override
    public VideoDecodeResult decode(List<byte[]> nalUnits, long timestampNanos) {
        Objects.requireNonNull(nalUnits, "nalUnits");
        if (closed) {
            throw new IllegalStateException("decoder closed");
        }
        if (jcodec != null) {
            if (!spsChanged(nalUnits)) {
                own.observeParameterSets(nalUnits);
                return jcodec.decode(nalUnits, timestampNanos);
            }
            LOG.debug("a new SPS: Parley's decoder takes the stream back from jcodec");
            jcodec.close();
            jcodec = null;
        }
        VideoDecodeResult r = own.decode(nalUnits, timestampNanos);
        if (r instanceof VideoDecodeResult.Failed f && !f.needsKeyFrame()) {
            return switchToJcodec(nalUnits, timestampNanos, f.reason());
        }
        return r;
    }

    /** Whether jcodec has the stream (for tests). */
    boolean usingJcodec() {
        return jcodec != null;
    }

    private VideoDecodeResult switchToJcodec(List<byte[]> nalUnits, long timestampNanos, String reason) {
        LOG.info("H.264 stream not supported by Parley's decoder ({}): jcodec decodes it", reason);
        ParameterSets sets = own.parameterSets();
        List<byte[]> replay = new ArrayList<>();
        for (int id = 0; id < ParameterSets.MAX_SPS; id++) {
            spsAtSwitch[id] = sets.spsNal(id);
            if (spsAtSwitch[id] != null) {
                replay.add(spsAtSwitch[id]);
            }
        }
        for (int id = 0; id < ParameterSets.MAX_PPS; id++) {
            if (sets.ppsNal(id) != null) {
                replay.add(sets.ppsNal(id));
            }
        }
        replay.addAll(nalUnits);
        jcodec = new JcodecH264Decoder();
        VideoDecodeResult r = jcodec.decode(replay, timestampNanos);
        if (r instanceof VideoDecodeResult.Pending) {
            // A delta picture: jcodec starts at an IDR, so ask for one now rather than wait.
            return new VideoDecodeResult.Failed(reason + "; jcodec takes the stream over from the next IDR", true);
        }
        return r;
    }

    /** Whether the access unit carries an SPS other than the one stored for its id when jcodec took over. */
    private boolean spsChanged(List<byte[]> nalUnits) {
        for (byte[] nal : nalUnits) {
            if (nal != null && nal.length > 1 && NalHeader.type(nal[0]) == NalUnitType.SPS) {
                int id = StreamSupport.spsId(nal);
                if (id >= 0 && !Arrays.equals(nal, spsAtSwitch[id])) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        closed = true;
        own.close();
        if (jcodec != null) {
            jcodec.close();
            jcodec = null;
        }
    }
}
