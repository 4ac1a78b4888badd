package org.musai.train;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Turns {@code --device cpu|gpu|auto} into a DJL device, with a message that says how to get a GPU build. */
public final class DeviceChoice {

    static final String HOW_TO_GET_A_GPU = "no CUDA GPU is visible to DJL's PyTorch. Build with the CUDA 12.4 "
            + "libtorch (mvn -B package -Pgpu -DskipTests) on a machine with an NVIDIA driver for CUDA 12.4 or newer, "
            + "or set PYTORCH_LIBRARY_PATH to a libtorch 2.5.1 with CUDA; --device cpu works everywhere";

    private DeviceChoice() {
    }

    /** The device for a choice; "gpu" without a GPU is refused with the way to get one. */
    public static Device resolve(String choice) throws TrainingException {
        int gpus = gpuCount();
        return switch (choice) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new TrainingException("--device gpu: " + HOW_TO_GET_A_GPU);
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new TrainingException("--device must be cpu, gpu or auto, not " + choice);
        };
    }

    /** GPUs that DJL's engine sees; 0 on a CPU-only build or machine. */
    public static int gpuCount() {
        return Engine.getInstance().getGpuCount();
    }
}
