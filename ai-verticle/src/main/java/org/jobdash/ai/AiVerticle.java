package org.jobdash.ai;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
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
import org.jobdash.ai.model.MiniLm;
import org.jobdash.ai.model.TextEmbedder;
import org.jobdash.ai.optimize.OptimizationService;
import org.jobdash.ai.optimize.OptimizeRepository;
import org.jobdash.ai.optimize.OptimizeRoutes;
import org.jobdash.ai.provider.RemoteChat;
import org.jobdash.ai.session.ModelCatalog;
import org.jobdash.ai.session.ModelRepository;
import org.jobdash.ai.session.SessionRecorder;
import org.jobdash.ai.session.SessionRepository;
import org.jobdash.ai.session.SessionRoutes;
import org.jobdash.ai.skills.SkillTaxonomy;
import org.jobdash.common.auth.BearerAuth;
import org.jobdash.common.auth.JwtVerifier;
import org.jobdash.common.auth.Revocations;
import org.jobdash.common.db.Pools;
import org.jobdash.common.http.Readiness;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceContract;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.work.BoundedWorker;
import org.jobdash.common.work.Singleton;

/**
 * One instance of the AI service, given what its deployment shares ({@link AiDeployment}): wires the pool,
 * slices, event-bus consumers and the HTTP server once the embedding model has loaded.
 */
public final class AiVerticle extends VerticleBase {

  public static final String SERVICE = "ai";
  private static final String DOCUMENT = "openapi/ai-service.yaml";
  private static final String PUBLISHED_EVENTS_KEY = "ai-service.published-events";

  private final AiDeployment deployment;
  private Pool pool;
  private Singleton publishedEvents;

  AiVerticle(AiDeployment deployment) {
    this.deployment = deployment;
  }

  @Override
  public Future<?> start() {
    AiConfig config = deployment.config();
    pool = Pools.pool(vertx, "ai-service", config.database());
    Future<MiniLm> model = MiniLm.load(vertx);
    Future<VectorMode> mode = EmbeddingRepository.vectorMode(pool);
    ModelRepository models = new ModelRepository(pool);
    SessionRepository sessionRows = new SessionRepository(pool);
    Future<ModelCatalog> catalog = ModelCatalog.load(models);
    Future<SkillTaxonomy> taxonomy = vertx.executeBlocking(SkillTaxonomy::shared, false);
    Future<ServiceContract> document = ServiceContract.load(vertx, DOCUMENT);
    return Future.all(model, mode, catalog, taxonomy, document).compose(ready -> {
      BoundedWorker inference = deployment.inference();
      RemoteChat remote = new RemoteChat(deployment.remote(), config.providers());
      TextEmbedder embedder = new TextEmbedder(deployment.batcher(), remote, config.embeddingProvider());
      SessionRecorder sessions = new SessionRecorder(catalog.result(), sessionRows, models);
      EmbeddingRepository embeddings = new EmbeddingRepository(pool, mode.result());
      ResumeTexts resumeTexts = new ResumeTexts(vertx, config.resumeContentTimeoutMs());
      AnalysisService analyses = new AnalysisService(vertx, pool, new AnalysisRepository(), embeddings, sessions,
          embedder, inference, resumeTexts);
      OptimizeRepository optimizeRepository = new OptimizeRepository(pool);
      OptimizationService optimizations = new OptimizationService(vertx, pool, optimizeRepository, sessions, inference,
          remote, config.optimizer(), config.userPreferencesTimeoutMs(), resumeTexts);

      Revocations revoked = new Revocations();
      Handler<RoutingContext> authenticated = new BearerAuth(new JwtVerifier(vertx, config.jwt(), revoked));
      Handler<RoutingContext> body = ServiceRouter.jsonBody(deployment.jsonParsing(), config.http().bodyLimitBytes());
      Handler<RoutingContext> batchBody = ServiceRouter.unparsedJsonBody(deployment.jsonParsing(),
          config.limits().batchBodyLimitBytes());
      Router router = ServiceRouter.create(vertx, SERVICE, Readiness.of().database(pool)
              .report("vectors", () -> mode.result().label)
              .check("model", () -> MiniLm.load(vertx).map(MiniLm.MODEL_NAME))
              .report("inferencePending", inference::pending),
          DOCUMENT);
      // the token is checked before any body is read, on a route of its own (Vert.x Web mounts no body handler after
      // another handler of the same route): an anonymous client cannot make the service buffer a 16 MB batch.
      // BearerAuth pauses the request while it verifies, so the body handlers below still see the whole body.
      router.route("/api/v1/ai/*").handler(authenticated);
      // each route's parameters and JSON body checked against the document, after the token and the body
      RequestContract contract = RequestContract.of(deployment.jsonParsing(), document.result());
      new EmbeddingRoutes(new EmbeddingService(pool, embeddings, embedder, sessions, deployment.decoding(),
          config.limits().maxTextChars()), config.limits()).mount(router, body, batchBody, contract);
      new AnalysisRoutes(analyses, config.limits()).mount(router, body, contract);
      new OptimizeRoutes(optimizations, optimizeRepository, config.limits()).mount(router, body, contract);
      new SessionRoutes(sessionRows, models).mount(router, contract);

      publishedEvents = Singleton.elect(vertx, PUBLISHED_EVENTS_KEY);
      return new AiBusApi(analyses, optimizations, new UserDataRepository(pool), config.limits().taskDeadline())
          .register(vertx, publishedEvents.won())
          .compose(v -> revoked.start(vertx, 2_000))
          .compose(v -> ServiceRouter.listen(vertx, router, config.http()));
    });
  }

  @Override
  public Future<?> stop() {
    if (publishedEvents != null) {
      publishedEvents.release();
    }
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
