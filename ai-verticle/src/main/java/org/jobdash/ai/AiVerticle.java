package org.jobdash.ai;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.jobdash.ai.analysis.AnalysisRepository;
import org.jobdash.ai.analysis.AnalysisRoutes;
import org.jobdash.ai.analysis.AnalysisService;
import org.jobdash.ai.embedding.EmbeddingRepository;
import org.jobdash.ai.embedding.EmbeddingRoutes;
import org.jobdash.ai.embedding.EmbeddingService;
import org.jobdash.ai.embedding.VectorMode;
import org.jobdash.ai.model.EmbeddingBatcher;
import org.jobdash.ai.model.MiniLm;
import org.jobdash.ai.model.TextEmbedder;
import org.jobdash.ai.optimize.OptimizationService;
import org.jobdash.ai.optimize.OptimizeRepository;
import org.jobdash.ai.optimize.OptimizeRoutes;
import org.jobdash.ai.provider.RemoteCaller;
import org.jobdash.ai.provider.RemoteChat;
import org.jobdash.ai.session.ModelCatalog;
import org.jobdash.ai.session.ModelRepository;
import org.jobdash.ai.session.SessionRecorder;
import org.jobdash.ai.session.SessionRepository;
import org.jobdash.ai.session.SessionRoutes;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.common.auth.BearerAuth;
import org.jobdash.common.auth.JwtVerifier;
import org.jobdash.common.config.ConfigLoader;
import org.jobdash.common.db.Pools;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceContract;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Singleton;

import java.util.UUID;

/**
 * Wires the AI service: pool, the shared embedding model and inference worker, slices, event-bus consumers and
 * the HTTP server.
 */
public final class AiVerticle extends VerticleBase {

  public static final String SERVICE = "ai";
  private static final String DOCUMENT = "openapi/ai-service.yaml";
  private static final String PUBLISHED_EVENTS_KEY = "ai-service.published-events";

  // every instance of one deployment shares its deploymentID(), so the singleton claim needs an id of its own
  private final String instanceId = UUID.randomUUID().toString();
  private Pool pool;
  private boolean owner;

  @Override
  public Future<?> start() {
    // the module's defaults under what the launcher merged: its jobdash-defaults.json does not carry every AI setting
    JsonObject section = AiConfig.defaults();
    ConfigLoader.deepMerge(section, config());
    AiConfig config = AiConfig.from(section);
    pool = Pools.pool(vertx, "ai-service", config.database());
    Future<MiniLm> model = MiniLm.load(vertx);
    Future<VectorMode> mode = EmbeddingRepository.vectorMode(pool);
    ModelRepository models = new ModelRepository(pool);
    SessionRepository sessionRows = new SessionRepository(pool);
    Future<ModelCatalog> catalog = ModelCatalog.load(models);
    Future<SkillTaxonomy> taxonomy = vertx.executeBlocking(SkillTaxonomy::shared, false);
    Future<ServiceContract> document = ServiceContract.load(vertx, DOCUMENT);
    return Future.all(model, mode, catalog, taxonomy, document).compose(ready -> {
      BoundedWorker inference = BoundedWorker.shared(vertx, "inference", config.inference().threads(),
          config.inference().queueSize(), 120);
      EmbeddingBatcher batcher = EmbeddingBatcher.shared(vertx, "inference", model.result(), inference,
          config.inference().maxBatch(), config.inference().batchDelayMs());
      RemoteChat remote = new RemoteChat(RemoteCaller.shared(vertx, config.providers()), config.providers());
      TextEmbedder embedder = new TextEmbedder(batcher, remote, config.embeddingProvider());
      SessionRecorder sessions = new SessionRecorder(catalog.result(), sessionRows, models);
      EmbeddingRepository embeddings = new EmbeddingRepository(pool, mode.result());
      ResumeTexts resumeTexts = new ResumeTexts(vertx, config.resumeContentTimeoutMs());
      AnalysisService analyses = new AnalysisService(vertx, pool, new AnalysisRepository(), embeddings, sessions,
          embedder, inference, resumeTexts);
      OptimizeRepository optimizeRepository = new OptimizeRepository(pool);
      OptimizationService optimizations = new OptimizationService(vertx, pool, optimizeRepository, sessions, inference,
          remote, config.optimizer(), config.userPreferencesTimeoutMs(), resumeTexts);

      Handler<RoutingContext> authenticated = new BearerAuth(new JwtVerifier(vertx, config.jwt()));
      Handler<RoutingContext> body = ServiceRouter.jsonBody(vertx, config.http().bodyLimitBytes());
      Handler<RoutingContext> batchBody = ServiceRouter.unparsedJsonBody(vertx, config.limits().batchBodyLimitBytes());
      Router router = ServiceRouter.create(vertx, SERVICE, () -> pool.query("SELECT 1").execute()
              .map(rows -> new JsonObject().put("database", "UP").put("vectors", mode.result().label)
                  .put("model", MiniLm.MODEL_NAME).put("inferencePending", inference.pending())),
          DOCUMENT);
      BoundedWorker decoding = BoundedWorker.shared(vertx, "json-decoding", config.inference().threads(), 32, 60);
      // the token is checked before any body is read, on a route of its own (Vert.x Web mounts no body handler after
      // another handler of the same route): an anonymous client cannot make the service buffer a 16 MB batch.
      // BearerAuth pauses the request while it verifies, so the body handlers below still see the whole body.
      router.route("/api/v1/ai/*").handler(authenticated);
      // each route's parameters and JSON body checked against the document, after the token and the body
      RequestContract contract = RequestContract.of(vertx, document.result());
      new EmbeddingRoutes(new EmbeddingService(pool, embeddings, embedder, sessions, decoding,
          config.limits().maxTextChars()), config.limits()).mount(router, body, batchBody, contract);
      new AnalysisRoutes(analyses, config.limits()).mount(router, body, contract);
      new OptimizeRoutes(optimizations, optimizeRepository, config.limits()).mount(router, body, contract);
      new SessionRoutes(sessionRows, models).mount(router, contract);

      owner = Singleton.claim(vertx, PUBLISHED_EVENTS_KEY, instanceId);
      return new AiBusApi(analyses, optimizations, new UserDataRepository(pool), config.limits().taskDeadline())
          .register(vertx, owner)
          .compose(v -> ServiceRouter.listen(vertx, router, config.http()));
    });
  }

  @Override
  public Future<?> stop() {
    if (owner) {
      Singleton.release(vertx, PUBLISHED_EVENTS_KEY, instanceId);
    }
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
