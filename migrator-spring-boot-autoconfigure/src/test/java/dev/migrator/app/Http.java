package dev.migrator.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny HTTP client for the full-stack tests.
 */
final class Http {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newHttpClient();

    private final int port;

    Http(int port) {
        this.port = port;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }
        catch (IOException ex) {
            throw new IllegalStateException("HTTP " + request.method() + " " + request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", ex);
        }
    }

    record Response(int status, String body) {

        JsonNode json() {
            return Http.json.readTree(this.body);
        }

    }

}
