package dev.parley.signaling.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /healthz}: liveness and counts as JSON; everything else that is not a WebSocket upgrade is 404. */
final class HealthHandler extends Handler.Abstract.NonBlocking {

    private final SignalingServer server;

    HealthHandler(SignalingServer server) {
        this.server = server;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!SignalingServer.HEALTH_PATH.equals(path) || !"GET".equals(request.getMethod())) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        Runtime rt = Runtime.getRuntime();
        String body = "{\"status\":\"ok\",\"service\":\"" + SignalingServer.SERVICE_NAME + "\""
                + ",\"protocol\":1"
                + ",\"connections\":" + server.connectionCount()
                + ",\"rooms\":" + server.roomCount()
                + ",\"relayed\":" + server.relayedCount()
                + ",\"heapUsedBytes\":" + (rt.totalMemory() - rt.freeMemory()) + "}";
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
