package io.tandem.command.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Identifies "the same request" for an idempotency key: method, path and the SHA-256 of the body bytes. */
final class RequestFingerprint {

    private RequestFingerprint() {
    }

    static String of(String method, String path, byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return method + " " + path + " sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
