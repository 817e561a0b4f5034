package org.mezite.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.nayuki.qrcodegen.QrCode;

class QrCodeTextTest {

    private static final String URI = "otpauth://totp/Mezite:bob%40test?secret=JBSWY3DPEHPK3PXP&issuer=Mezite";

    @Test
    void drawsTwoModulesPerCellWithABorderAndResetsColoursOnEachLine() {
        int side = QrCode.encodeText(URI, QrCode.Ecc.MEDIUM).size + 4; // a border of 2 modules all round

        String qr = QrCodeText.render(URI);

        assertThat(qr.lines()).hasSize((side + 1) / 2).allSatisfy(line -> {
            assertThat(line).endsWith("\u001b[0m");
            assertThat(line.chars().filter(c -> c == '\u2580').count()).isEqualTo(side);
        });
    }
}
