package org.musai.token.binidx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Checks the Megatron dtype codes, widths and limits of {@link BinIdxDtype}.
 */
class BinIdxDtypeTest {

    @Test
    void usesMegatronCodesAndWidths() {
        assertThat(BinIdxDtype.fromCode(1)).isEqualTo(BinIdxDtype.UINT8);
        assertThat(BinIdxDtype.fromCode(2)).isEqualTo(BinIdxDtype.INT8);
        assertThat(BinIdxDtype.fromCode(3)).isEqualTo(BinIdxDtype.INT16);
        assertThat(BinIdxDtype.fromCode(4)).isEqualTo(BinIdxDtype.INT32);
        assertThat(BinIdxDtype.fromCode(5)).isEqualTo(BinIdxDtype.INT64);
        assertThat(BinIdxDtype.fromCode(8)).isEqualTo(BinIdxDtype.UINT16);
        assertThat(BinIdxDtype.UINT16.bytesPerToken()).isEqualTo(2);
        assertThat(BinIdxDtype.INT32.bytesPerToken()).isEqualTo(4);
        assertThat(BinIdxDtype.INT64.bytesPerToken()).isEqualTo(8);
    }

    @Test
    void rejectsFloatingPointAndUnknownCodes() {
        assertThatThrownBy(() -> BinIdxDtype.fromCode(6)).hasMessageContaining("floating-point");
        assertThatThrownBy(() -> BinIdxDtype.fromCode(7)).hasMessageContaining("floating-point");
        assertThatThrownBy(() -> BinIdxDtype.fromCode(0)).hasMessageContaining("unknown dtype code 0");
    }

    @Test
    void choosesUint16WhileEveryIdFits() {
        assertThat(BinIdxDtype.forVocabularySize(1)).isEqualTo(BinIdxDtype.UINT16);
        assertThat(BinIdxDtype.forVocabularySize(65535)).isEqualTo(BinIdxDtype.UINT16);
        assertThat(BinIdxDtype.forVocabularySize(65536)).isEqualTo(BinIdxDtype.UINT16);
        assertThat(BinIdxDtype.forVocabularySize(65537)).isEqualTo(BinIdxDtype.INT32);
        assertThatThrownBy(() -> BinIdxDtype.forVocabularySize(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsExactlyTheIdsTheDtypeHolds() {
        assertThat(BinIdxDtype.UINT16.fits(65535)).isTrue();
        assertThat(BinIdxDtype.UINT16.fits(65536)).isFalse();
        assertThat(BinIdxDtype.UINT8.fits(255)).isTrue();
        assertThat(BinIdxDtype.UINT8.fits(256)).isFalse();
        assertThat(BinIdxDtype.INT8.fits(128)).isFalse();
        assertThat(BinIdxDtype.INT16.fits(32768)).isFalse();
        assertThat(BinIdxDtype.INT32.fits(Integer.MAX_VALUE)).isTrue();
        assertThat(BinIdxDtype.INT32.fits(-1)).isFalse();
    }
}
