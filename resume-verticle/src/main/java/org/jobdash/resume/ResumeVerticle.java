package org.jobdash.resume;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
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
import org.jobdash.resume.analysis.AnalysisRepository;
import org.jobdash.resume.analysis.AnalysisRequests;
import org.jobdash.resume.analysis.AnalysisRoutes;
import org.jobdash.resume.analysis.AnalysisService;
import org.jobdash.resume.analysis.AnalysisSweep;
import org.jobdash.resume.document.ResumeRepository;
import org.jobdash.resume.document.ResumeRoutes;
import org.jobdash.resume.export.ExportRepository;
import org.jobdash.resume.export.ExportRoutes;
import org.jobdash.resume.export.ExportService;
import org.jobdash.resume.document.ResumeService;
import org.jobdash.resume.optimization.OptimizationRepository;
import org.jobdash.resume.optimization.OptimizationRoutes;
import org.jobdash.resume.optimization.OptimizationService;
import org.jobdash.resume.stats.StatsRepository;
import org.jobdash.resume.stats.StatsRoutes;
import org.jobdash.resume.storage.ObjectStores;
import org.jobdash.resume.storage.StorageRepository;
import org.jobdash.resume.upload.FileInspector;
import org.jobdash.resume.version.SectionChanges;
import org.jobdash.resume.version.VersionRepository;
import org.jobdash.resume.version.VersionRoutes;
import org.jobdash.resume.version.VersionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the résumé service, given what its deployment shares ({@link ResumeDeployment}): wires the
 * pool, storage providers, slices, event-bus consumers, the analysis sweep (in one elected instance) and the HTTP
 * server.
 */
public final class ResumeVerticle extends VerticleBase {

  public static final String SERVICE = "resume";
  private static final String DOCUMENT = "openapi/resume-service.yaml";
  private static final Logger log = LoggerFactory.getLogger(ResumeVerticle.class);
  private static final String EVENTS_KEY = "resume-service.events";
  /** Room for the multipart boundaries, part headers and the title around the file itself. */
  private static final long MULTIPART_OVERHEAD = 64 * 1024;

  private final ResumeDeployment deployment;
  private Pool pool;
  private ObjectStores stores;
  private ResumeBusApi bus;
  private Singleton events;
  private long sweepTimer = -1;

  ResumeVerticle(ResumeDeployment deployment) {
    this.deployment = deployment;
  }

  @Override
  public Future<?> start() {
    ResumeConfig config = deployment.config();
    pool = Pools.pool(vertx, "resume-service", config.database());
    BoundedWorker files = deployment.files();
    return vertx.fileSystem().mkdirs(config.files().uploadsDirectory().toString())
        .compose(v -> files.submit(() -> {
          FileInspector.warmUp();
          return null;
        }))
        .compose(v -> ObjectStores.open(vertx, config, new StorageRepository(pool)))
        .compose(opened -> {
          stores = opened;
          return ServiceContract.load(vertx, DOCUMENT);
        })
        .compose(contract -> wire(config, files, RequestContract.of(deployment.jsonParsing(), contract)));
  }

  /** @param contract each route's parameters and JSON body checked against the document, after token and body */
  private Future<?> wire(ResumeConfig config, BoundedWorker files, RequestContract contract) {
    AnalysisRequests analysisRequests = new AnalysisRequests(vertx);
    ResumeConfig.Files limits = config.files();
    VersionRepository versionRepository = new VersionRepository(pool);
    SectionChanges sectionChanges = new SectionChanges(files);
    FileInspector inspector = new FileInspector(new FileInspector.Limits(limits.maxContentChars(), limits.maxPdfPages(),
        limits.maxDecodedBytes()));
    ResumeService resumes = new ResumeService(pool, new ResumeRepository(pool), new StorageRepository(pool), stores,
        files, inspector, versionRepository, sectionChanges, analysisRequests, limits.maxContentChars());
    VersionService versions = new VersionService(pool, versionRepository, files, sectionChanges, analysisRequests);
    OptimizationService optimizations = new OptimizationService(vertx, pool, new OptimizationRepository(pool),
        versionRepository, files, sectionChanges, analysisRequests, config.optimizationTimeout().toMillis(),
        limits.maxContentChars(), limits.processingTimeout());
    AnalysisRepository analysisRepository = new AnalysisRepository(pool);
    AnalysisService analyses = new AnalysisService(analysisRepository);

    Router router = ServiceRouter.create(vertx, SERVICE,
        Readiness.of().database(pool).report("storage", () -> stores.active().provider()),
        DOCUMENT);
    Handler<RoutingContext> json = ServiceRouter.jsonBody(deployment.jsonParsing(), config.http().bodyLimitBytes());
    // files stream to disk and are refused with 413 as soon as the body passes the limit; the parts are removed
    // when the response ends
    BodyHandler uploads = BodyHandler.create(config.files().uploadsDirectory().toString())
        .setBodyLimit(stores.maxFileSizeBytes() + MULTIPART_OVERHEAD)
        .setDeleteUploadedFilesOnEnd(true);
    Revocations revoked = new Revocations();
    router.route("/api/*").handler(new BearerAuth(new JwtVerifier(vertx, config.jwt(), revoked)));
    router.post("/api/v1/resumes").handler(ctx -> (ResumeRoutes.isMultipart(ctx) ? uploads : json).handle(ctx));
    router.route("/api/*").handler(json);
    new StatsRoutes(new StatsRepository(pool)).mount(router, contract);
    new OptimizationRoutes(optimizations).mount(router, contract);
    new VersionRoutes(versions, limits.processingTimeout()).mount(router, contract);
    new AnalysisRoutes(analyses).mount(router, contract);
    new ExportRoutes(new ExportService(new ExportRepository(pool), files), limits.processingTimeout())
        .mount(router, contract);
    new ResumeRoutes(resumes, limits.maxContentChars(), limits.processingTimeout()).mount(router, contract);

    bus = new ResumeBusApi(vertx, resumes, analyses);
    Future<Void> consumers = revoked.start(vertx, 2_000).compose(v -> bus.registerRequests());
    events = Singleton.elect(vertx, EVENTS_KEY);
    if (events.won()) {
      consumers = consumers.compose(v -> bus.registerPublished());
      AnalysisSweep sweep = new AnalysisSweep(analysisRepository, analysisRequests, config.analysis());
      long every = config.analysis().sweepInterval().toMillis();
      sweepTimer = vertx.setPeriodic(every, every, id -> sweep.run()
          .compose(resent -> optimizations.failStale())
          .onFailure(e -> log.warn("the analysis sweep failed: {}", e.toString())));
    }
    return consumers.compose(v -> ServiceRouter.listen(vertx, router, config.http()));
  }

  @Override
  public Future<?> stop() {
    if (sweepTimer >= 0) {
      vertx.cancelTimer(sweepTimer);
    }
    if (events != null) {
      events.release();
    }
    Future<Void> unregistered = bus == null ? Future.succeededFuture() : bus.unregister();
    return unregistered
        .compose(v -> stores == null ? Future.<Void>succeededFuture() : stores.close())
        .compose(v -> pool == null ? Future.<Void>succeededFuture() : pool.close());
  }
}
