package org.jobdash.launcher;

import org.jobdash.client.ApiClient;
import org.jobdash.client.ApiException;
import org.jobdash.client.api.AccountApi;
import org.jobdash.client.api.AnalysisApi;
import org.jobdash.client.api.AuthApi;
import org.jobdash.client.api.LoginsApi;
import org.jobdash.client.api.ResumesApi;
import org.jobdash.client.model.Credentials;
import org.jobdash.client.model.JobMatch;
import org.jobdash.client.model.JobMatchRequest;
import org.jobdash.client.model.ProcessingStatus;
import org.jobdash.client.model.Registration;
import org.jobdash.client.model.Resume;
import org.jobdash.client.model.TokenRequest;
import org.jobdash.client.model.Tokens;
import org.jobdash.client.model.User;

import java.io.File;
import java.time.Duration;
import java.util.UUID;

/**
 * The journey's calls, made with the client that openapi-generator (java, native library) built from the
 * gateway's merged document. The generator names API classes after the operations' tags and methods after their
 * operationIds; this is the one place that uses those names, so that a tag or an operationId changed in a document
 * is a rename here.
 */
final class GeneratedClient {

  private final ApiClient client = new ApiClient();
  private String accessToken;

  GeneratedClient(int gatewayPort) {
    client.updateBaseUri("http://127.0.0.1:" + gatewayPort);
    client.setReadTimeout(Duration.ofSeconds(60));
    // the native library has no authentication of its own: the bearer token goes in through the interceptor
    client.setRequestInterceptor(request -> {
      if (accessToken != null) {
        request.header("Authorization", "Bearer " + accessToken);
      }
    });
  }

  User register(String email, String username, String password, String fullName) throws ApiException {
    return new AuthApi(client).registerUser(new Registration().email(email).username(username).password(password)
        .fullName(fullName));
  }

  void verifyEmail(String token) throws ApiException {
    new AuthApi(client).verifyEmail(new TokenRequest().token(token));
  }

  /**
   * Logs in (an account without a second factor), and sends the access token with every later call. The answer is
   * read as the document's Tokens by the client's own mapper: the generated oneOf (Tokens or MfaRequired) cannot
   * tell the two apart, since its models accept any field.
   */
  Tokens login(String login, String password) throws ApiException {
    Tokens tokens;
    try {
      java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.getBaseUri() + "/api/v1/auth/login"))
              .header("Content-Type", "application/json")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(client.getObjectMapper()
                  .writeValueAsString(new Credentials().login(login).password(password))))
              .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new ApiException(answer.statusCode(), answer.headers(), answer.body());
      }
      tokens = client.getObjectMapper().readValue(answer.body(), Tokens.class);
    } catch (java.io.IOException e) {
      throw new ApiException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(e);
    }
    accessToken = tokens.getAccessToken();
    return tokens;
  }

  User me() throws ApiException {
    return new AccountApi(client).getMe();
  }

  Resume upload(File file, String title) throws ApiException {
    return resumes().createResume(file, title);
  }

  ProcessingStatus processingStatus(UUID resume) throws ApiException {
    return resumes().getResumeStatus(resume).getProcessingStatus();
  }

  JobMatch matchJob(UUID resume, String jobTitle, String jobDescription) throws ApiException {
    return new AnalysisApi(client).matchJob(new JobMatchRequest().resumeId(resume)
        .jobTitle(jobTitle).jobDescription(jobDescription));
  }

  private ResumesApi resumes() {
    return new ResumesApi(client);
  }
}
