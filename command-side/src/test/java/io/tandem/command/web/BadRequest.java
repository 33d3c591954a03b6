package io.tandem.command.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A request that every command endpoint must refuse with a 4xx problem: the defect it carries, and what is sent.
 * {@code contentType} null sends no Content-Type; {@code body} null sends none; {@code chunked} sends the body
 * without a Content-Length.
 */
record BadRequest(String defect, String method, String path, Map<String, String> headers, String contentType,
                  byte[] body, boolean chunked) {

    BadRequest withHeader(String name, String value) {
        var more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new BadRequest(defect, method, path, Map.copyOf(more), contentType, body, chunked);
    }

    @Override
    public String toString() {
        String shown = body == null ? "(none)" : body.length > 300
                ? new String(body, 0, 300, StandardCharsets.UTF_8) + "… (" + body.length + " bytes)"
                : new String(body, StandardCharsets.UTF_8);
        return defect + ": " + method + " " + path + " " + headers + " Content-Type=" + contentType
                + (chunked ? " chunked" : "") + " body=" + shown.replace("\u0000", "\\0");
    }
}
