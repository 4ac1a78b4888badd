package org.musai.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.function.IntConsumer;
import org.musai.model.EmbeddingVae;
import org.musai.model.RwkvModel;
import org.musai.model.Scalars;

/**
 * One training step's loss and gradients, in one of two ways that give the same numbers. {@link #whole} keeps every
 * activation of the pass for the backward pass, as autograd does. {@link #checkpointed} is RWKV-LM's {@code --grad_cp}:
 * the forward pass keeps only what enters each block, and the backward pass recomputes one block at a time and sends
 * its input's gradient on to the block before; the activations inside blocks (the WKV's chunk pairs, the channel mix's
 * 4x wide layer) then exist for one block at a time, for about a third more arithmetic.
 */
final class StepGradients {

    private StepGradients() {
    }

    /**
     * Forward and backward over the whole pass; returns the cross-entropy.
     *
     * @param jointVae a VAE that trains with the model ({@code -v true}), or null: the seed adds its loss, divided by
     *                 1000 and against the decoded embeddings detached, so that the reconstruction error trains only
     *                 the table and the KL term only the encoder (here on a latent drawn again)
     */
    static double whole(RwkvModel model, NDArray inputs, NDArray targets, NDArray mask, EmbeddingVae jointVae) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray logits = model.forward(inputs, true);
            NDArray crossEntropy = LossFunction.crossEntropy(logits, targets, mask);
            NDArray loss = crossEntropy.add(LossFunction.l2Wrap(logits));
            if (jointVae != null) {
                EmbeddingVae.Pass pass = jointVae.forward(inputs, true);
                loss = loss.add(Scalars.times(pass.loss(pass.decoded().stopGradient()), JOINT_VAE_WEIGHT));
            }
            collector.backward(loss);
            return crossEntropy.getFloat();
        }
    }

    /** The seed's weight of a joint VAE's loss beside the model's. */
    static final double JOINT_VAE_WEIGHT = 1e-3;

    /**
     * The same gradients with activations kept at block boundaries only. The weights are lent to the inputs' manager
     * until it closes.
     *
     * @param beforeLayer     called before block l runs, in the forward pass and again before it is recomputed, so
     *                        that dropout can draw the same mask both times
     * @param embeddingsTrain whether the embedding or ln0 train (a LoRA run trains ln0, not the embedding)
     */
    static double checkpointed(RwkvModel model, NDArray inputs, NDArray targets, NDArray mask,
                               IntConsumer beforeLayer, boolean embeddingsTrain) {
        NDManager step = inputs.getManager();
        model.weights().lendTo(step);
        int layers = model.config().layers();
        // outside a collector, grad mode is off: these arrays record no graph; each block's scratch arrays go
        // with its own manager, since DJL frees an array only with its manager
        NDArray embedded = model.embedding(inputs, true);
        NDArray x = model.blockInput(embedded);
        NDArray[] blockInputs = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            blockInputs[l] = x;
            try (NDManager block = step.newSubManager()) {
                beforeLayer.accept(l);
                x = keep(model.layer(l, local(x, block, false), embedded, true), step);
            }
        }
        double loss;
        NDArray upstream;
        try (NDManager head = step.newSubManager();
             GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray last = local(x, head, true);
            NDArray logits = model.output(last, inputs);
            NDArray crossEntropy = LossFunction.crossEntropy(logits, targets, mask);
            collector.backward(crossEntropy.add(LossFunction.l2Wrap(logits)));
            loss = crossEntropy.getFloat();
            upstream = keep(last.getGradient().duplicate(), step);
        }
        for (int l = layers - 1; l >= 0; l--) {
            try (NDManager block = step.newSubManager();
                 GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray in = local(blockInputs[l], block, true);
                // the block that reads the embeddings gets them with their graph, so that they learn from it too
                // (a frozen VAE's are constants, and drawn again they would differ)
                NDArray reads = model.readsEmbeddings(l) && !model.embeddingsFrozen()
                        ? model.embedding(local(inputs, block, false), true) : embedded;
                beforeLayer.accept(l);
                NDArray out = model.layer(l, in, reads, true);
                // the gradient of sum(out * upstream) by everything is upstream carried back through the block
                collector.backward(out.mul(upstream).sum());
                upstream = keep(in.getGradient().duplicate(), step);
            }
            blockInputs[l].close();
        }
        if (embeddingsTrain) {
            try (NDManager first = step.newSubManager();
                 GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray embeddings = model.embeddingsFrozen() ? local(embedded, first, false)
                        : model.embedding(local(inputs, first, false), true);
                collector.backward(model.blockInput(embeddings).mul(upstream).sum());
            }
        }
        return loss;
    }

    /**
     * A copy of {@code value} in {@code manager}, so that what is computed from it lands there too (DJL puts a
     * result in its first operand's manager); a leaf of autograd when {@code leaf}, so that its gradient can be read.
     */
    private static NDArray local(NDArray value, NDManager manager, boolean leaf) {
        NDArray copy = value.duplicate();
        copy.attach(manager);
        if (leaf) {
            copy.setRequiresGradient(true);
        }
        return copy;
    }

    /** Moves an array out of a block's manager into the step's, so that it outlives the block. */
    private static NDArray keep(NDArray value, NDManager step) {
        value.attach(step);
        return value;
    }
}
