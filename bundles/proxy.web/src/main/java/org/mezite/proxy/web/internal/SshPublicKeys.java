package org.mezite.proxy.web.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Checks the public key of a login before the credentials are: a key the CA would refuse must not cost the user an
 * authenticator code, which works once. The CA checks it again when it signs.
 */
final class SshPublicKeys {

    static final String ED25519 = "ssh-ed25519";
    private static final int MAX_LENGTH = 1024;

    private SshPublicKeys() {
    }

    /**
     * @return the key as given, stripped
     * @throws ApiException (400) naming the field and the problem
     */
    static String requireEd25519(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(field + ": required, an OpenSSH public key (\"ssh-ed25519 AAAA...\")");
        }
        String key = text.strip();
        String[] parts = key.split("\\s+", 3);
        if (key.length() > MAX_LENGTH || parts.length < 2 || !parts[0].equals(ED25519)) {
            throw ApiException.badRequest(field + ": expected an OpenSSH " + ED25519 + " public key (\"" + ED25519
                    + " AAAA...\"), as msh makes");
        }
        try {
            ByteBuffer blob = ByteBuffer.wrap(Base64.getDecoder().decode(parts[1]));
            String type = new String(string(blob), StandardCharsets.US_ASCII);
            byte[] point = string(blob);
            if (type.equals(ED25519) && point.length == 32 && !blob.hasRemaining()) {
                return key;
            }
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            // reported below
        }
        throw ApiException.badRequest(field + ": the " + ED25519 + " key is malformed");
    }

    private static byte[] string(ByteBuffer blob) {
        int length = blob.getInt();
        if (length < 0 || length > blob.remaining()) {
            throw new IllegalArgumentException("length out of range");
        }
        byte[] value = new byte[length];
        blob.get(value);
        return value;
    }
}
