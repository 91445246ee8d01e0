package dev.ccr.ingress;

/**
 * Text the router itself puts in a response header ({@code x-ccr-category}, {@code x-ccr-provider},
 * {@code x-ccr-model}): printable ASCII only, anything else becomes '?'. Names are checked where they enter, but a
 * header must not depend on that: a CR or LF in a value would end the header line, and Netty refuses it outright.
 */
final class HeaderText {
    private HeaderText() {
    }

    static String printable(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
