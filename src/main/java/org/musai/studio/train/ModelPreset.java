package org.musai.studio.train;

/**
 * Shapes to start from. Small is the default model's shape; tiny trains in minutes on a laptop; medium wants a GPU.
 *
 * @param label     shown in the preset chooser
 * @param embed     embedding size
 * @param layers    blocks
 * @param ctx       context length
 * @param batch     sequences per step
 * @param learningRate initial learning rate
 */
public record ModelPreset(String label, int embed, int layers, int ctx, int batch, double learningRate) {

    public static final ModelPreset TINY = new ModelPreset("Tiny", 64, 2, 128, 4, 1e-3);
    /** The default models' shape and batch (docs/decisions/0010). */
    public static final ModelPreset SMALL = new ModelPreset("Small", 256, 4, 768, 5, 1e-3);
    public static final ModelPreset MEDIUM = new ModelPreset("Medium", 512, 8, 1024, 8, 6e-4);

    public static ModelPreset[] all() {
        return new ModelPreset[] {TINY, SMALL, MEDIUM};
    }

    /** The preset whose shape (embedding, layers, context) this is, or null for a shape of one's own. */
    public static ModelPreset matching(int embed, int layers, int ctx) {
        for (ModelPreset preset : all()) {
            if (preset.embed == embed && preset.layers == layers && preset.ctx == ctx) {
                return preset;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label + " (" + embed + " × " + layers + ", ctx " + ctx + ")";
    }
}
