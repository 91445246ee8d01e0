package dev.ccr.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes the secret of a new key and the hash it is stored as. A secret is 256 random bits, so a plain SHA-256 is
 * enough: slow hashes (bcrypt, Argon2) protect guessable passwords against brute force, and nobody can enumerate
 * 2^256 candidates however fast the hash. A fast hash also lets every request be checked by one map lookup.
 */
final class KeySecret {
    /** Recognisable in logs and secret scanners; the redactor masks it anyway. */
    static final String PREFIX = "ccr-vk-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySecret() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
