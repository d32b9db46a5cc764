package dev.parley.capture.audio;

/**
 * How loud a stretch of audio is, in dBFS (0 = full scale; a full-scale sine has an RMS of about -3 dBFS). Silence
 * and anything quieter than {@link #FLOOR_DBFS} read as exactly {@link #FLOOR_DBFS}, never as -infinity, so a UI
 * can map the value to a bar without special cases.
 *
 * @param rmsDbfs  the RMS level of the last frame
 * @param peakDbfs the peak a meter's marker shows: the highest sample of the recent frames, held for a moment and
 *                 then falling (see {@link LevelMeter})
 */
public record AudioLevel(double rmsDbfs, double peakDbfs) {

    /** The level reported for digital silence and anything below it. */
    public static final double FLOOR_DBFS = -100.0;

    /** Digital silence. */
    public static final AudioLevel SILENCE = new AudioLevel(FLOOR_DBFS, FLOOR_DBFS);

    /** True when both values sit on the floor. */
    public boolean isSilent() {
        return rmsDbfs <= FLOOR_DBFS && peakDbfs <= FLOOR_DBFS;
    }
}
