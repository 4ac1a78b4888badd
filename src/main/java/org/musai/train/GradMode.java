package org.musai.train;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's grad mode belongs to each thread. DJL turns it off on the thread that starts the engine, and each
 * GradientCollector turns it on and back off around a backward pass; any other thread (the studio's workers) starts
 * with it on, and then the in-place updates of the weights fail ("a leaf Variable that requires grad is being used
 * in an in-place operation"). So every thread that trains turns it off first.
 */
final class GradMode {

    private static final String PYTORCH = "PyTorch";

    private GradMode() {
    }

    static void offOnThisThread() {
        if (PYTORCH.equals(Engine.getInstance().getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
