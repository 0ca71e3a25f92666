package org.jobdash.user;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.jobdash.common.auth.BearerAuth;
import org.jobdash.common.auth.JwtSettings;
import org.jobdash.common.auth.JwtVerifier;
import org.jobdash.common.auth.Revocations;
import org.jobdash.common.db.Pools;
import org.jobdash.common.http.ApiException;
import org.jobdash.common.http.ClientAddress;
import org.jobdash.common.http.Readiness;
import org.jobdash.common.http.RequestContract;
import org.jobdash.common.http.ServiceContract;
import org.jobdash.common.http.ServiceRouter;
import org.jobdash.common.work.Singleton;
import org.jobdash.user.account.AccountRoutes;
import org.jobdash.user.account.AccountService;
import org.jobdash.user.account.DeletionRelay;
import org.jobdash.user.account.DeletionRepository;
import org.jobdash.user.account.UserRepository;
import org.jobdash.user.admin.AdminRepository;
import org.jobdash.user.admin.AdminRoutes;
import org.jobdash.user.limit.LoginThrottle;
import org.jobdash.user.limit.LoginThrottleRepository;
import org.jobdash.user.limit.RateLimiter;
import org.jobdash.user.mail.MailOutbox;
import org.jobdash.user.mfa.MfaRepository;
import org.jobdash.user.mfa.MfaRoutes;
import org.jobdash.user.mfa.MfaService;
import org.jobdash.user.mail.Mailer;
import org.jobdash.user.oidc.OidcRepository;
import org.jobdash.user.oidc.OidcRoutes;
import org.jobdash.user.oidc.OidcService;
import org.jobdash.user.profile.ProfileRepository;
import org.jobdash.user.profile.ProfileRoutes;
import org.jobdash.user.profile.ProfileService;
import org.jobdash.user.security.PasswordHasher;
import org.jobdash.user.security.SecretBox;
import org.jobdash.user.session.RevocationNotices;
import org.jobdash.user.session.SessionRepository;
import org.jobdash.user.session.SessionRoutes;
import org.jobdash.user.session.SessionService;
import org.jobdash.user.token.AccessTokens;
import org.jobdash.user.token.SigningKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the user service, given what its deployment shares ({@link UserDeployment}): wires the pool,
 * slices, event-bus consumers, the periodic clean-up (in one elected instance) and the HTTP server.
 */
public final class UserVerticle extends VerticleBase {

  public static final String SERVICE = "user";
  private static final String DOCUMENT = "openapi/user-service.yaml";
  private static final Logger log = LoggerFactory.getLogger(UserVerticle.class);
  private static final String CLEANUP_KEY = "user-service.cleanup";

  private final UserDeployment deployment;
  private Pool pool;
  private SqlClient statements;
  private Singleton cleanup;

  UserVerticle(UserDeployment deployment) {
    this.deployment = deployment;
  }

  @Override
  public Future<?> start() {
    UserConfig config = deployment.config();
    pool = Pools.pool(vertx, "user-service", config.database());
    // every statement of the hot paths (login, rotation, reads) is a single statement: pipelined connections
    // carry them, the pool keeps transactions and the occasional sweep
    statements = Pools.pipelined(vertx, "user-service-pipelined", config.database(),
        Math.max(2, config.database().poolSize() / 2));
    Future<ServiceContract> document = ServiceContract.load(vertx, DOCUMENT);
    Future<SecretBox> sealing = document.compose(loaded -> vertx.executeBlocking(
        () -> SecretBox.load(config.secrets().encryptionKey(), config.secrets().keyDirectory())));
    return sealing.compose(loaded -> vertx.executeBlocking(() -> SigningKeys.load(config.jwt()))).compose(keys -> {
      SecretBox box = sealing.result();
      AccessTokens accessTokens = new AccessTokens(vertx, keys, config.jwt());
      Revocations revoked = new Revocations();
      JwtVerifier verifier = new JwtVerifier(vertx, new JwtSettings(config.jwt().issuer(), config.jwt().audience(),
          null, accessTokens.publicJwks(), 5, 100_000), revoked);
      PasswordHasher hasher = new PasswordHasher(deployment.hashing(), config.passwords());
      ClientAddress clientAddress = new ClientAddress(config.http().trustedProxies());
      RateLimiter limits = new RateLimiter(config.rateLimits(), deployment.buckets(), clientAddress);

      UserRepository users = new UserRepository(statements);
      SessionRepository sessionRepository = new SessionRepository(statements);
      LoginThrottle throttle = new LoginThrottle(new LoginThrottleRepository(statements), config.rateLimits());
      DeletionRepository deletionRepository = new DeletionRepository(pool);
      RevocationNotices revocations = new RevocationNotices(vertx, config.jwt().accessTokenTtl(), sessionRepository,
          deletionRepository);
      MfaRepository factors = new MfaRepository(statements);
      SessionService sessions = new SessionService(users, sessionRepository, hasher, accessTokens, config.sessions(),
          throttle, revocations, factors, config.mfa().challengeTtl());
      MfaService mfa = new MfaService(factors, users, sessions, box, throttle, revocations, config.mfa().issuer());
      AccountService accounts = new AccountService(vertx, users, hasher, new MailOutbox(vertx), config, throttle,
          revocations);
      ProfileService profiles = new ProfileService(new ProfileRepository(statements));

      BearerAuth bearer = new BearerAuth(verifier);
      // a valid token whose session was logged out, revoked or expired is refused at once; the request stays
      // paused meanwhile, so that a body handler after this one reads the body of an authenticated caller only
      Handler<RoutingContext> authenticated = ctx -> {
        ctx.request().pause();
        bearer.authenticate(ctx)
            .compose(caller -> sessions.isActive(caller.sessionId(), caller.userId()))
            .onComplete(active -> {
              ctx.request().resume();
              if (active.failed()) {
                ctx.fail(active.cause());
              } else if (active.result()) {
                ctx.next();
              } else {
                ctx.fail(new ApiException.Unauthorized("The session has ended; log in again"));
              }
            });
      };
      // mounted route by route after the token check, never on /api/* ahead of it
      Handler<RoutingContext> body = ServiceRouter.jsonBody(deployment.jsonParsing(), config.http().bodyLimitBytes());
      // each route's parameters and body checked against the document, after the token and the body
      RequestContract contract = RequestContract.of(deployment.jsonParsing(), document.result());

      Router router = ServiceRouter.create(vertx, SERVICE, Readiness.of().database(pool), DOCUMENT);
      router.get("/.well-known/jwks.json").handler(ctx -> {
        ctx.response().putHeader("Cache-Control", "public, max-age=300");
        ServiceRouter.json(ctx, 200, accessTokens.jwks());
      });
      new AccountRoutes(accounts, clientAddress, limits).mount(router, body, authenticated, bearer, contract);
      new SessionRoutes(sessions, clientAddress, limits).mount(router, body, authenticated, contract);
      new MfaRoutes(mfa, clientAddress, limits).mount(router, body, authenticated, contract);
      OidcRepository oidcRepository = new OidcRepository(pool);
      new OidcRoutes(new OidcService(vertx, config.oidc(), oidcRepository, users, sessions, box), clientAddress, limits)
          .mount(router, body, authenticated, contract);
      new ProfileRoutes(profiles, deployment.jsonParsing()).mount(router, body, authenticated, contract);
      new AdminRoutes(new AdminRepository(pool), users, accounts).mount(router, body, authenticated, contract);

      DeletionRelay deletions = new DeletionRelay(vertx, deletionRepository, config.deletion().requiredAcks(),
          config.deletion().republishAfter());
      Future<Void> consumers = new UserBusApi(users, profiles, revocations).register(vertx)
          .compose(v -> deletions.registerAcknowledgements())
          .compose(v -> revoked.start(vertx, 2_000));
      if (!"none".equals(config.mail().mode())) {
        consumers = consumers.compose(v -> new Mailer(vertx, config.mail()).register(vertx).completion());
      }
      cleanup = Singleton.elect(vertx, CLEANUP_KEY);
      if (cleanup.won()) {
        long every = config.cleanupInterval().toMillis();
        vertx.setPeriodic(every, every, id -> sessionRepository.cleanupExpired()
            .compose(removed -> throttle.forgetQuiet().map(quiet -> removed + ", quiet sign-in counts " + quiet))
            .compose(removed -> factors.sweep().map(expired -> removed + ", expired MFA challenges " + expired))
            .compose(removed -> oidcRepository.sweep().map(expired -> removed + ", expired OIDC states and codes "
                + expired))
            .onSuccess(removed -> log.info("auth clean-up removed {}", removed))
            .onFailure(e -> log.warn("auth clean-up failed: {}", e.toString())));
        deletions.startRepublishing();
      }
      return consumers.compose(v -> ServiceRouter.listen(vertx, router, config.http()));
    });
  }

  @Override
  public Future<?> stop() {
    if (cleanup != null) {
      cleanup.release();
    }
    return Future.join(pool == null ? Future.succeededFuture() : pool.close(),
        statements == null ? Future.succeededFuture() : statements.close());
  }
}
