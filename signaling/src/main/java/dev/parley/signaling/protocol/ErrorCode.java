package dev.parley.signaling.protocol;

/** The error codes of signaling protocol v1 (shared/protocol/signaling-v1.md). */
public enum ErrorCode {
    BAD_MESSAGE,
    UNKNOWN_TYPE,
    TOO_LARGE,
    ROOM_NOT_FOUND,
    ROOM_FULL,
    UNAUTHORIZED,
    NOT_IN_ROOM,
    UNKNOWN_PEER,
    RATE_LIMITED,
    SERVER_BUSY
}
