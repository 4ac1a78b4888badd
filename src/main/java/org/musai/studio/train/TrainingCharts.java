package org.musai.studio.train;

import java.util.List;
import org.musai.train.RunHistory;

/** Where the training page's view model sends chart data; the view draws it. Called on the UI executor. */
public interface TrainingCharts {

    /** Forgets everything shown (a new run, or another run opened). */
    void clear();

    /** Training steps, in order: loss and learning rate per step. */
    void steps(List<RunHistory.Step> steps);

    /** A validation loss at the end of an epoch. */
    void validation(long step, double loss);

    /** Shows nothing; until the view attaches its charts. */
    TrainingCharts NONE = new TrainingCharts() {
        @Override
        public void clear() {
        }

        @Override
        public void steps(List<RunHistory.Step> steps) {
        }

        @Override
        public void validation(long step, double loss) {
        }
    };
}
