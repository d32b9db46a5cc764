package dev.parley.ui.lobby;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the lobby asks of the app: rooms on the signaling server. The app implements it; tests use a fake.
 * Events come back through {@link RoomEvents} on any thread.
 */
public interface RoomService {

    /** The code a person typed, repaired into display form, or empty when it cannot be a room code. */
    Optional<String> normalizeRoomCode(String typed);

    /** True while what has been typed so far could still become a valid code. */
    boolean couldBecomeRoomCode(String typed);

    /** Makes a room and enters it; completes when inside, or fails with a sentence for a person. */
    CompletionStage<Void> createRoom(String name, String password);

    /** Enters a room by its code; completes when inside, or fails with a sentence for a person. */
    CompletionStage<Void> joinRoom(String code, String name, String password);

    /** Leaves the current room, if any. */
    void leaveRoom();

    /** Where room events go; set once by the lobby. */
    void setEvents(RoomEvents events);

    /** The signaling server in use, as a person would read it. */
    String serverDescription();
}
