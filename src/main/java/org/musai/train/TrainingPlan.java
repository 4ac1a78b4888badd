package org.musai.train;

/**
 * What a run is about to do.
 *
 * @param parameters     trainable values of the model
 * @param startStep      steps already done (non-zero when resuming)
 * @param totalSteps     steps of the whole run
 * @param device         where it runs, such as "cpu()" or "gpu(0)"
 * @param trainDocuments documents it learns from
 * @param validationDocuments documents held out
 */
public record TrainingPlan(long parameters, long startStep, long totalSteps, String device, int trainDocuments,
                           int validationDocuments) {
}
