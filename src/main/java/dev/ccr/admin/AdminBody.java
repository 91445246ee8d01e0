package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import org.apache.camel.Exchange;

import java.io.IOException;

/** The JSON body of an admin API request, or a 400 saying it is not JSON. */
public final class AdminBody {
    private AdminBody() {
    }

    public static JsonNode read(Exchange exchange) {
        byte[] body = exchange.getIn().getBody(byte[].class);
        try {
            return Json.parse(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "body: not valid JSON");
        }
    }
}
