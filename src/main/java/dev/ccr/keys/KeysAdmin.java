package dev.ccr.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.admin.AdminBody;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;


/**
 * {@code /admin/keys} (behind the router key): {@code GET} lists the keys with their limits and usage,
 * {@code POST} creates one and answers its secret (the only time it is shown), {@code DELETE /admin/keys/<name>}
 * revokes one. JSON only; a name in the path is checked against the same strict rule as at creation.
 */
final class KeysAdmin implements Processor {
    private static final String BASE = "/admin/keys";

    private final VirtualKeys keys;
    private final KeySpecReader reader;
    private final KeyUsage usage;

    KeysAdmin(VirtualKeys keys, KeySpecReader reader, KeyUsage usage) {
        this.keys = keys;
        this.reader = reader;
        this.usage = usage;
    }

    @Override
    public void process(Exchange exchange) {
        String method = exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
        String path = exchange.getIn().getHeader(Exchange.HTTP_URI, "", String.class).replaceFirst("[?#].*", "");
        String rest = path.startsWith(BASE) ? path.substring(BASE.length()) : "";
        if (rest.isEmpty() || rest.equals("/")) {
            switch (method) {
                case "GET", "HEAD" -> reply(exchange, 200, list());
                case "POST" -> reply(exchange, 201, create(exchange));
                default -> throw new RouterException(ErrorType.METHOD_NOT_ALLOWED, "Method not allowed: use GET or POST");
            }
            return;
        }
        String name = rest.substring(1);
        if (!KeySpecReader.isName(name)) {
            throw new RouterException(ErrorType.NOT_FOUND, "No such key");
        }
        if (!"DELETE".equals(method)) {
            throw new RouterException(ErrorType.METHOD_NOT_ALLOWED, "Method not allowed: use DELETE");
        }
        if (!keys.revoke(name)) {
            throw new RouterException(ErrorType.NOT_FOUND, "No such key");
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("revoked", name);
        reply(exchange, 200, answer);
    }

    private ObjectNode list() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode array = out.putArray("keys");
        for (VirtualKey key : keys.all()) {
            ObjectNode node = key.describe();
            node.set("usage", usage.toJson(key.name()));
            array.add(node);
        }
        return out;
    }

    private ObjectNode create(Exchange exchange) {
        JsonNode json = AdminBody.read(exchange);
        if (json == null || json.isMissingNode()) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "body: a JSON object is required");
        }
        KeySpec spec = reader.read(json);
        String secret = keys.create(spec);
        ObjectNode answer = keys.all().stream().filter(k -> k.name().equals(spec.name())).findFirst()
                .map(VirtualKey::describe).orElseGet(Json.MAPPER::createObjectNode);
        answer.put("key", secret);
        answer.put("note", "Shown once: only its hash is kept");
        return answer;
    }

    private static void reply(Exchange exchange, int status, ObjectNode body) {
        exchange.getIn().setBody(Json.bytes(body));
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
    }
}
