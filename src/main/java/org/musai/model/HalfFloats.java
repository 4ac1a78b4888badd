package org.musai.model;

/**
 * Widens 16-bit floats to float32 exactly (every F16 and BF16 value is a float32 value), for models saved in half
 * precision. Java 17 has no {@code Float.float16ToFloat} yet.
 */
final class HalfFloats {

    private static final int F16_EXPONENT_BITS = 0x1f;
    private static final int F16_MANTISSA_BITS = 0x3ff;
    /** float32's exponent bias (127) minus float16's (15). */
    private static final int EXPONENT_REBIAS = 112;
    /** The value of the lowest mantissa bit of a float16 subnormal: 2^-24. */
    private static final float F16_SUBNORMAL_UNIT = 0x1p-24f;

    private HalfFloats() {
    }

    /** IEEE 754 binary16 to float32. */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & F16_EXPONENT_BITS;
        int mantissa = bits & F16_MANTISSA_BITS;
        if (exponent == 0) { // zero or subnormal: mantissa x 2^-24, exact in float32
            float magnitude = mantissa * F16_SUBNORMAL_UNIT;
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == F16_EXPONENT_BITS) { // infinity or NaN
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent + EXPONENT_REBIAS) << 23) | (mantissa << 13));
    }

    /** bfloat16 is the upper half of a float32. */
    static float bfloat16ToFloat(short bfloat) {
        return Float.intBitsToFloat((bfloat & 0xffff) << 16);
    }
}
