package org.jobdash.ai;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jobdash.ai.model.EmbeddingBatcher;
import org.jobdash.ai.model.MiniLm;
import org.jobdash.ai.provider.RemoteCaller;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.work.BoundedWorker;

import java.util.function.Supplier;

/**
 * What every instance of one AI-service deployment shares, built once from its configuration section: the
 * settings, the inference worker and the batcher feeding it, the client of remote models with its circuits, and
 * the workers decoding batch bodies and parsing JSON. Deploy it with
 * {@code vertx.deployVerticle(AiDeployment.of(vertx, section), options)}.
 */
public record AiDeployment(AiConfig config, BoundedWorker inference, EmbeddingBatcher batcher, RemoteCaller remote,
                           BoundedWorker decoding, BoundedWorker jsonParsing) implements Supplier<AiVerticle> {

  public static AiDeployment of(Vertx vertx, JsonObject section) {
    // the deployment may be given only some settings (a test, an embedder): the module's defaults hold the rest
    AiConfig config = AiConfig.from(AiConfig.SETTINGS.withDefaults(section));
    AiConfig.Inference settings = config.inference();
    BoundedWorker inference = new BoundedWorker(vertx, "inference", settings.threads(), settings.queueSize(), 120);
    return new AiDeployment(config, inference,
        new EmbeddingBatcher(vertx, MiniLm::loaded, inference, settings.maxBatch(), settings.batchDelayMs()),
        new RemoteCaller(vertx, config.providers()),
        new BoundedWorker(vertx, "json-decoding", settings.threads(), 32, 60), ServiceRouter.jsonParsing(vertx));
  }

  @Override
  public AiVerticle get() {
    return new AiVerticle(this);
  }
}
