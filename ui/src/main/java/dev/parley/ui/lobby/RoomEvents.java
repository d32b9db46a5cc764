package dev.parley.ui.lobby;

import java.util.List;

/** Room events the app reports to the lobby, from any thread. */
public interface RoomEvents {

    /** Now inside {@code roomCode}, with these people already there. */
    void onEntered(String roomCode, List<Participant> present);

    void onParticipantJoined(Participant participant);

    void onParticipantLeft(String participantId);

    /** The connection to the server changed; {@code sentence} says how, for a person. */
    void onConnectionStatus(String sentence, boolean healthy);

    /** Something went wrong that a person should read. */
    void onProblem(String sentence);

    /** Someone in the room, as the lobby shows them. */
    record Participant(String id, String name) {
    }
}
