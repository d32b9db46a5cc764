package dev.parley.app.call;

import dev.parley.rtc.peer.PeerConnectionState;
import dev.parley.rtc.peer.RemoteAudioTrack;
import dev.parley.rtc.peer.RemoteVideoTrack;

/** What happens in a {@link MeshCall}, per remote person; called on signaling and network threads. */
public interface MeshListener {

    default void onPeerJoined(String peerId, String name) {
    }

    default void onPeerLeft(String peerId, String name) {
    }

    default void onRemoteVideo(String peerId, RemoteVideoTrack track) {
    }

    default void onRemoteAudio(String peerId, RemoteAudioTrack track) {
    }

    default void onPeerState(String peerId, PeerConnectionState state) {
    }

    /** Someone's microphone was muted or unmuted, their camera turned off or on. */
    default void onPeerMediaState(String peerId, boolean microphoneMuted, boolean cameraOff) {
    }

    /** Something a person should read ("Could not connect to Ana."). */
    default void onProblem(String sentence) {
    }
}
