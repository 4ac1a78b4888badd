package org.musai.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam as the seed configures it (beta1 0.9, beta2 0.99, epsilon 1e-8, bias correction), with the moments in named
 * arrays so that a checkpoint can save them and a resumed run continue exactly. Gradients are clipped to a global norm
 * first. Updates the parameters in place. Not thread-safe.
 */
public final class AdamOptimizer implements AutoCloseable {

    public static final float BETA1 = 0.9f;
    public static final float BETA2 = 0.99f;
    public static final float EPSILON = 1e-8f;
    /** The seed's gradient_clip_val. */
    public static final float CLIP_NORM = 1.0f;

    private final NDManager manager;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private long steps;

    public AdamOptimizer(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /** Steps taken so far. */
    public long steps() {
        return steps;
    }

    /**
     * One step over parameters whose gradients a backward pass has filled; the gradients are zeroed afterwards. The
     * parameters are lent to a manager of the step, so they must not be lent to another one at the time.
     *
     * @return the gradient norm before clipping
     */
    public double step(Map<String, NDArray> parameters, double learningRate) {
        try (NDManager scratch = manager.newSubManager()) {
            // every result below lands in scratch: DJL puts results in the first operand's manager
            parameters.values().forEach(p -> p.tempAttach(scratch));
            firstMoments.values().forEach(m -> m.tempAttach(scratch));
            secondMoments.values().forEach(v -> v.tempAttach(scratch));
            double squares = 0;
            for (NDArray parameter : parameters.values()) {
                squares += parameter.getGradient().square().sum().toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
                        .getDouble();
            }
            double norm = Math.sqrt(squares);
            float clip = (float) (norm > CLIP_NORM ? CLIP_NORM / (norm + 1e-6) : 1.0);
            steps++;
            float stepSize = (float) (learningRate / (1 - Math.pow(BETA1, steps)));
            float secondCorrection = (float) Math.sqrt(1 - Math.pow(BETA2, steps));
            for (Map.Entry<String, NDArray> entry : parameters.entrySet()) {
                NDArray parameter = entry.getValue();
                NDArray gradient = parameter.getGradient();
                NDArray g = clip == 1f ? gradient : gradient.mul(clip);
                NDArray m = moment(firstMoments, entry.getKey(), parameter);
                NDArray v = moment(secondMoments, entry.getKey(), parameter);
                m.muli(BETA1).addi(g.mul(1 - BETA1));
                v.muli(BETA2).addi(g.square().muli(1 - BETA2));
                // w -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps): PyTorch's Adam
                NDArray denominator = v.sqrt().divi(secondCorrection).addi(EPSILON);
                parameter.subi(m.div(denominator).muli(stepSize));
                gradient.muli(0);
            }
            return norm;
        }
    }

    private NDArray moment(Map<String, NDArray> moments, String name, NDArray parameter) {
        // a new moment is made in the optimizer's manager and stays there
        return moments.computeIfAbsent(name, n -> manager.zeros(parameter.getShape(), parameter.getDataType(),
                parameter.getDevice()));
    }

    /** The moments under "m." and "v." names, and the step count, for a checkpoint. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        firstMoments.forEach((name, array) -> state.put("m." + name, array));
        secondMoments.forEach((name, array) -> state.put("v." + name, array));
        return state;
    }

    /** Restores moments saved by {@link #state()} and the step count. */
    public void restore(Map<String, NDArray> state, long stepCount) {
        state.forEach((name, array) -> {
            NDArray copy = array.duplicate();
            copy.attach(manager);
            if (name.startsWith("m.")) {
                firstMoments.put(name.substring(2), copy);
            } else if (name.startsWith("v.")) {
                secondMoments.put(name.substring(2), copy);
            }
        });
        this.steps = stepCount;
    }

    @Override
    public void close() {
        manager.close();
    }
}
