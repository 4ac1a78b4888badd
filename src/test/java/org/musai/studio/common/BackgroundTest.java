package org.musai.studio.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every job reports back: its result, its exception, or even an Error (out of memory, a native library). */
class BackgroundTest {

    @Test
    void anErrorInAJobStillReachesTheFailureHandler() throws Exception {
        try (Background background = new Background(UiExecutor.direct())) {
            CompletableFuture<Exception> failure = new CompletableFuture<>();
            background.run(() -> {
                throw new OutOfMemoryError("Java heap space");
            }, result -> failure.complete(null), failure::complete);
            Exception reported = failure.get(10, TimeUnit.SECONDS);
            assertThat(reported).hasMessageContaining("Java heap space").hasCauseInstanceOf(OutOfMemoryError.class);
        }
    }

    @Test
    void resultsAndExceptionsArriveOnTheUiExecutor() throws Exception {
        CompletableFuture<String> where = new CompletableFuture<>();
        UiExecutor ui = command -> {
            Thread marker = new Thread(command, "ui");
            marker.start();
        };
        try (Background background = new Background(ui)) {
            background.run(() -> 42, result -> where.complete(Thread.currentThread().getName() + ":" + result),
                    failure -> where.complete("failed"));
            assertThat(where.get(10, TimeUnit.SECONDS)).isEqualTo("ui:42");
        }
    }
}
