package dev.parley.rtc.ice;

/** Candidate pair states (RFC 8445 section 6.1.2.6). */
public enum PairState {
    FROZEN,
    WAITING,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED
}
