package org.jobdash.resume.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

import java.net.URI;
import java.time.Duration;

/** Builds the asynchronous S3 client of a provider. Blocking (class loading, profile files): call on a worker. */
final class S3Clients {

  private S3Clients() {}

  static S3AsyncClient build(ProviderSettings s) {
    AwsCredentialsProvider credentials = s.accessKeyId() != null && s.secretAccessKey() != null
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey()))
        : DefaultCredentialsProvider.builder().build();
    S3AsyncClientBuilder builder = S3AsyncClient.builder()
        .region(Region.of(s.region()))
        .credentialsProvider(credentials)
        .forcePathStyle(s.pathStyle())
        // S3-compatible stores do not all accept the SDK's default trailing checksums (aws-chunked uploads)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .httpClientBuilder(NettyNioAsyncHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(60)))
        // completions are handed to a Vert.x context at once, so no extra thread pool is needed to run them
        .asyncConfiguration(b -> b.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, Runnable::run));
    if (s.endpoint() != null) {
      builder.endpointOverride(URI.create(s.endpoint()));
    }
    S3AsyncClient client = builder.build();
    // resolve the credentials once here, off the event loop: later calls use the resolved provider
    credentials.resolveCredentials();
    return client;
  }
}
