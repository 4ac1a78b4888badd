package org.musai.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Scalar operands that are safe inside autograd. DJL's {@code mul(Number)} and its kin wrap the number in a tensor
 * over a Java buffer and free it right after the call, but autograd keeps that tensor for the backward pass: once the
 * garbage collector reclaims the buffer, gradients read freed memory. A scalar made by PyTorch itself has no such
 * buffer. Every arithmetic with a constant on a path that gradients flow through goes through here.
 */
public final class Scalars {

    private Scalars() {
    }

    /** A 0-dimensional tensor of {@code value}, of the type and in the manager of {@code like}. */
    public static NDArray of(NDArray like, double value) {
        return like.getManager().full(new Shape(), (float) value, like.getDataType());
    }

    /** {@code x * value}, safe for autograd. */
    public static NDArray times(NDArray x, double value) {
        return x.mul(of(x, value));
    }

    /** {@code value - x}, safe for autograd. */
    public static NDArray minusFrom(double value, NDArray x) {
        return of(x, value).sub(x);
    }
}
