package org.mezite.client;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn in a terminal, two modules per character cell with the upper half block; colours are set for both
 * halves, so it scans on dark and light terminal themes alike.
 */
final class QrCodeText {

    /** Light modules around the code; the standard asks for 4, phones read 2 and it saves a tenth of the screen. */
    private static final int BORDER = 2;
    private static final String UPPER_HALF = "\u2580";
    private static final String RESET = "\u001b[0m";

    private QrCodeText() {
    }

    static String render(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        StringBuilder out = new StringBuilder();
        for (int y = -BORDER; y < qr.size + BORDER; y += 2) {
            for (int x = -BORDER; x < qr.size + BORDER; x++) {
                // getModule is false (light) outside the code, which draws the border
                out.append(qr.getModule(x, y) ? "\u001b[30m" : "\u001b[97m")
                        .append(qr.getModule(x, y + 1) ? "\u001b[40m" : "\u001b[107m").append(UPPER_HALF);
            }
            out.append(RESET).append('\n');
        }
        return out.toString();
    }
}
