package org.jobdash.user.oidc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import org.jobdash.common.http.ApiException;
import org.jobdash.user.UserConfig;
import org.jobdash.user.account.UserRepository;
import org.jobdash.user.security.SecretBox;
import org.jobdash.user.security.Secrets;
import org.jobdash.user.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Sign-in with OpenID Connect providers: the authorisation code flow with PKCE (S256), {@code state} and
 * {@code nonce}, each provider discovered from its issuer (vertx-auth-oauth2) on first use. The callback finds the
 * account by the provider's subject, links one whose address both sides verified, or creates one, and sends the
 * browser back to an allowed {@code redirectUri} with a one-time code that the client exchanges for its tokens.
 */
public final class OidcService {

  private static final Logger log = LoggerFactory.getLogger(OidcService.class);
  /** The methods of a provider's sign-in, in the access token's {@code amr}. */
  public static final String OIDC = "oidc";
  private static final String BAD_CODE = "The code is invalid, already used or expired";

  private final Vertx vertx;
  private final UserConfig.Oidc config;
  private final OidcRepository repository;
  private final UserRepository users;
  private final SessionService sessions;
  private final SecretBox box;
  private final Map<String, Future<OAuth2Auth>> discovered = new HashMap<>();

  public OidcService(Vertx vertx, UserConfig.Oidc config, OidcRepository repository, UserRepository users,
                     SessionService sessions, SecretBox box) {
    this.vertx = vertx;
    this.config = config;
    this.repository = repository;
    this.users = users;
    this.sessions = sessions;
    this.box = box;
  }

  /** Where the provider is sent back to after the sign-in. */
  public record Redirect(String location) {}

  private UserConfig.OidcProvider provider(String name) {
    UserConfig.OidcProvider p = config.providers().get(name);
    if (p == null) {
      throw new ApiException.NotFound("No such identity provider");
    }
    return p;
  }

  private String callbackUrl(UserConfig.OidcProvider p) {
    return config.callbackBaseUrl() + "/api/v1/auth/oidc/" + p.name() + "/callback";
  }

  /** The provider's client, discovered once per instance; a failed discovery is tried again next time (503). */
  private Future<OAuth2Auth> client(UserConfig.OidcProvider p) {
    return discovered.computeIfAbsent(p.name(), n -> OpenIDConnectAuth.discover(vertx, new OAuth2Options()
            .setSite(p.issuer()).setClientId(p.clientId()).setClientSecret(p.clientSecret()))
        .onFailure(e -> {
          log.warn("OpenID discovery of {} at {} failed: {}", p.name(), p.issuer(), e.toString());
          discovered.remove(n);
        }))
        .recover(e -> Future.failedFuture(new ApiException.Unavailable("The identity provider cannot be reached")));
  }

  /** Records a pending request and answers the provider's authorisation URL; 400 for a redirectUri not allowed. */
  public Future<Redirect> authorize(String name, String redirectUri, String clientState) {
    UserConfig.OidcProvider p = provider(name);
    if (redirectUri == null || !p.redirectUris().contains(redirectUri)) {
      return Future.failedFuture(ApiException.Invalid.field("redirectUri",
          "is not one of the addresses allowed for this provider"));
    }
    Secrets.Token state = Secrets.newToken();
    Secrets.Token nonce = Secrets.newToken();
    String verifier = Secrets.newToken().value();
    return client(p).compose(oauth -> repository.saveState(state.hash(), p.name(), redirectUri, clientState,
            box.seal(verifier.getBytes(StandardCharsets.US_ASCII), state.hash()), nonce.hash(), config.stateTtl())
        .map(v -> new Redirect(oauth.authorizeURL(new OAuth2AuthorizationURL()
            .setRedirectUri(callbackUrl(p))
            .setScopes(List.of("openid", "email", "profile"))
            .setState(state.value())
            .setCodeChallenge(Base64.getUrlEncoder().withoutPadding().encodeToString(
                Secrets.sha256(verifier)))
            .setCodeChallengeMethod("S256")
            .putAdditionalParameter("nonce", nonce.value())))));
  }

  /**
   * The provider's answer: the pending request ({@code state}, spent now) names where to send the browser; a
   * state we did not issue, or one that expired, is a 400 (there is nowhere safe to send it). Every outcome after
   * that is a redirect: {@code code} on success, else {@code error}.
   */
  public Future<Redirect> callback(String name, String code, String state, String error) {
    UserConfig.OidcProvider p = provider(name);
    if (!Secrets.looksLikeToken(state)) {
      return Future.failedFuture(ApiException.Invalid.field("state", "is not a sign-in this service started"));
    }
    byte[] stateHash = Secrets.sha256(state);
    return repository.takeState(stateHash, p.name()).compose(found -> {
      OidcRepository.PendingState pending = found.filter(OidcRepository.PendingState::live).orElseThrow(
          () -> ApiException.Invalid.field("state", "is not a pending sign-in (unknown, used or expired)"));
      if (error != null || code == null) {
        return Future.succeededFuture(back(pending, "error", error == null ? "invalid_request" : "access_denied"));
      }
      String verifier = new String(box.open(pending.sealedVerifier(), stateHash), StandardCharsets.US_ASCII);
      return client(p)
          .compose(oauth -> oauth.authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE)
              .setCode(code).setRedirectUri(callbackUrl(p)).setCodeVerifier(verifier)))
          .map(user -> claims(p, user.attributes().getJsonObject("idToken"), pending.nonceHash()))
          .compose(claims -> {
            if (claims == null) {
              return Future.succeededFuture(back(pending, "error", "invalid_id_token"));
            }
            Secrets.Token oneTime = Secrets.newToken();
            return repository.resolve(claims, username(claims.email()), oneTime.hash(), config.codeTtl())
                .map(resolved -> resolved.outcome() == OidcRepository.Outcome.EMAIL_TAKEN
                    ? back(pending, "error", "email_in_use")
                    : back(pending, "code", oneTime.value()));
          })
          .recover(e -> {
            log.warn("OpenID sign-in with {} failed: {}", p.name(), e.toString());
            return Future.succeededFuture(back(pending, "error", e instanceof ApiException.Unavailable
                ? "temporarily_unavailable" : "server_error"));
          });
    });
  }

  /**
   * The id token's claims once it passed the library's checks (signature by the provider's keys, expiry) and
   * ours (issuer, audience, nonce, subject, an address); null when any fails.
   */
  static OidcRepository.Claims claims(UserConfig.OidcProvider p, JsonObject idToken, byte[] nonceHash) {
    if (idToken == null) {
      return null;
    }
    String nonce = idToken.getValue("nonce") instanceof String n ? n : null;
    String issuer = idToken.getValue("iss") instanceof String i ? i.replaceAll("/+$", "") : null;
    Object aud = idToken.getValue("aud");
    boolean audience = aud instanceof String a ? a.equals(p.clientId())
        : aud instanceof JsonArray list && list.contains(p.clientId());
    String subject = idToken.getValue("sub") instanceof String s ? s : null;
    String email = idToken.getValue("email") instanceof String e ? e.strip() : null;
    if (nonce == null || !MessageDigest.isEqual(Secrets.sha256(nonce), nonceHash) || !p.issuer().equals(issuer)
        || !audience || subject == null || subject.isBlank() || subject.length() > 255 || email == null
        || email.length() > 254 || email.indexOf('@') < 1) {
      return null;
    }
    Object verified = idToken.getValue("email_verified");
    boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(verified);
    String name = idToken.getValue("name") instanceof String n && !n.isBlank()
        ? n.strip().substring(0, Math.min(200, n.strip().length())) : null;
    return new OidcRepository.Claims(p.name(), subject, email, emailVerified, name);
  }

  /** A user name for a created account: the address's local part, kept to safe characters, and a random tail. */
  static String username(String email) {
    StringBuilder base = new StringBuilder();
    for (char c : email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT).toCharArray()) {
      if (base.length() < 30 && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
          || c == '-')) {
        base.append(c);
      }
    }
    byte[] tail = new byte[4];
    new java.security.SecureRandom().nextBytes(tail);
    return (base.isEmpty() ? "user" : base) + "_" + HexFormat.of().formatHex(tail);
  }

  private static Redirect back(OidcRepository.PendingState pending, String key, String value) {
    StringBuilder location = new StringBuilder(pending.redirectUri())
        .append(pending.redirectUri().contains("?") ? '&' : '?')
        .append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    if (pending.clientState() != null) {
      location.append("&state=").append(URLEncoder.encode(pending.clientState(), StandardCharsets.UTF_8));
    }
    return new Redirect(location.toString());
  }

  /** The one-time code for the session (or, when the account has a second factor, its challenge); spent once. */
  public Future<SessionService.SignIn> exchange(String code, String ip, String userAgent) {
    if (!Secrets.looksLikeToken(code)) {
      return Future.failedFuture(ApiException.Invalid.field("code", BAD_CODE));
    }
    return repository.takeCode(Secrets.sha256(code))
        .compose(found -> found.isEmpty() ? Future.failedFuture(ApiException.Invalid.field("code", BAD_CODE))
            : users.findForSignIn(found.get()))
        .compose(account -> {
          UserRepository.SignInAccount a = account.orElseThrow(() -> ApiException.Invalid.field("code", BAD_CODE));
          if (!a.user().active()) {
            return Future.failedFuture(new ApiException.Forbidden("The account is disabled"));
          }
          return sessions.signIn(a.user(), a.secondFactor(), List.of(OIDC), ip, userAgent);
        });
  }

  public Future<List<OidcRepository.Identity>> identities(UUID userId) {
    return repository.identities(userId);
  }
}
