package dev.parley.app.cli;

import dev.parley.signaling.protocol.IceServer;
import dev.parley.signaling.server.ServerConfig;
import dev.parley.signaling.server.SignalingServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parley serve}: the standalone signaling server, headless, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs the Parley signaling server (WebSocket at /signal, health at /healthz).")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8787",
            description = "TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "0.0.0.0",
            description = "Address to bind (default: ${DEFAULT-VALUE}, every interface; 127.0.0.1 for this machine only).")
    String host;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve wss:// with the certificate and key in this PKCS#12 file.")
    Path keystore;

    @Option(names = "--tls-password-env", paramLabel = "VAR", defaultValue = "PARLEY_TLS_PASSWORD",
            description = "Environment variable holding the keystore password (default: ${DEFAULT-VALUE}).")
    String keystorePasswordEnv;

    @Option(names = "--ice-server", paramLabel = "URL",
            description = "A STUN/TURN URL to recommend to clients in 'joined' (repeatable).")
    List<String> iceServers = new ArrayList<>();

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "10000",
            description = "Connections beyond this are told the server is busy (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig.Builder config = ServerConfig.builder().host(host).port(port).maxConnections(maxConnections);
        if (keystore != null) {
            if (!Files.isReadable(keystore)) {
                throw new ParameterException(spec.commandLine(), "Cannot read the keystore " + keystore + ".");
            }
            String password = System.getenv(keystorePasswordEnv);
            if (password == null) {
                throw new ParameterException(spec.commandLine(),
                        "Set the keystore password in the environment variable " + keystorePasswordEnv + ".");
            }
            config.tls(keystore, password);
        }
        iceServers.forEach(url -> config.addIceServer(IceServer.of(url)));

        SignalingServer server = new SignalingServer(config.build()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "parley-serve-shutdown"));
        spec.commandLine().getOut().println("Parley signaling server listening on " + server.url()
                + " (port " + server.port() + "). Press Ctrl+C to stop.");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
