package dev.parley.rtc.peer;

/**
 * A track the peer sends (W3C MediaStreamTrack of an RTCTrackEvent): {@link RemoteAudioTrack} or
 * {@link RemoteVideoTrack}. Frames reach the sink set on it from the connection's playout or decoder thread.
 */
public sealed interface RemoteTrack permits RemoteAudioTrack, RemoteVideoTrack {

    /** "audio" or "video". */
    String kind();

    /** The m= section it arrives on. */
    String mid();

    /** Whether the peer ended it (RTCP BYE when it hangs up): W3C readyState "ended". */
    boolean ended();
}
