package org.mezite.audit.listener.jsonl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void readsBytesAndThe1024BasedUnits() {
        assertThat(ByteSizes.parse("100MB")).isEqualTo(100L * 1024 * 1024);
        assertThat(ByteSizes.parse("10KB")).isEqualTo(10_240);
        assertThat(ByteSizes.parse("10 kb")).isEqualTo(10_240);
        assertThat(ByteSizes.parse("2G")).isEqualTo(2L << 30);
        assertThat(ByteSizes.parse("1MiB")).isEqualTo(1 << 20);
        assertThat(ByteSizes.parse(" 65536 ")).isEqualTo(65_536);
        assertThat(ByteSizes.parse("512B")).isEqualTo(512);
    }

    @Test
    void formatsTheShortestFormItReadsBack() {
        assertThat(ByteSizes.format(100L << 20)).isEqualTo("100MB");
        assertThat(ByteSizes.format(1536L << 10)).isEqualTo("1536KB");
        assertThat(ByteSizes.format(2L << 30)).isEqualTo("2GB");
        assertThat(ByteSizes.format(1000)).isEqualTo("1000");
    }

    @Test
    void refusesWhatIsNotASize() {
        assertThatThrownBy(() -> ByteSizes.parse("-1MB")).hasMessageContaining("\"-1MB\" is not a size");
        assertThatThrownBy(() -> ByteSizes.parse("1.5MB")).hasMessageContaining("is not a size");
        assertThatThrownBy(() -> ByteSizes.parse("")).hasMessageContaining("\"\" is not a size");
        assertThatThrownBy(() -> ByteSizes.parse("99999999999999999999")).hasMessageContaining("is too large");
        assertThatThrownBy(() -> ByteSizes.parse("9999999999999GB")).hasMessageContaining("is too large");
    }
}
