using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace TickKernelExtensions.Storage;

/// <summary>
/// An object store over an S3 bucket and prefix through AWSSDK.S3 (AWS S3, MinIO, s3rver): path-style
/// addressing, the endpoint from <c>AWS_ENDPOINT_URL_S3</c>, the SDK's default credential chain unless keys
/// are given (<see cref="S3ObjectStoreOptions"/>). A put sends Content-MD5 and the SHA-256 checksum for the
/// server to verify, stores the SHA-256 as metadata <c>sha256</c>, and compares the returned ETag with the MD5
/// when the server answers with a plain MD5 ETag. Errors are <see cref="ObjectStoreException"/> naming bucket,
/// key and HTTP status. Thread safe.
/// </summary>
public sealed partial class S3ObjectStore : IMultipartObjectStore
{
    /// <summary>The metadata name holding the whole object's lower-case hex SHA-256.</summary>
    public const string Sha256MetadataName = "sha256";

    private readonly AmazonS3Client _client;
    private readonly string _prefix;

    private S3ObjectStore(S3ObjectStoreOptions options, AmazonS3Client client)
    {
        Options = options;
        _client = client;
        _prefix = ObjectKeys.NormalizePrefix(options.Prefix);
        Location = new Uri($"s3://{options.Bucket}/{_prefix}");
    }

    /// <summary>Builds a store (no request is made; see <see cref="EnsureAvailableAsync"/>).</summary>
    public static S3ObjectStore Create(S3ObjectStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            MaxErrorRetry = options.MaxErrorRetry,
            Timeout = options.Timeout,
            // S3-compatible stores vary in the newer flexible checksums; send them when we ask for them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (options.ServiceUrl is not null)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        var client = options.AccessKey is not null
            ? new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config)
            : new AmazonS3Client(config);
        return new S3ObjectStore(options, client);
    }

    /// <summary>The options the store was built with.</summary>
    public S3ObjectStoreOptions Options { get; }

    /// <inheritdoc />
    public Uri Location { get; }

    /// <summary>The bucket.</summary>
    public string Bucket => Options.Bucket;

    /// <inheritdoc />
    public long MinimumPartSize => 5L << 20;

    /// <inheritdoc />
    public Task EnsureAvailableAsync(CancellationToken cancellationToken = default) =>
        Call(null, "Checking the bucket", async () =>
        {
            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = _prefix, MaxKeys = 1 }, cancellationToken);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        string? token = null;
        do
        {
            var request = new ListObjectsV2Request { BucketName = Bucket, Prefix = _prefix + prefix, ContinuationToken = token };
            var response = await Call(prefix, "Listing", () => _client.ListObjectsV2Async(request, cancellationToken), cancellationToken);
            foreach (var o in response.S3Objects ?? [])
            {
                yield return new ObjectInfo(o.Key[_prefix.Length..], o.Size ?? 0, ToOffset(o.LastModified), Unquote(o.ETag), null);
            }
            token = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (token is not null);
    }

    /// <inheritdoc />
    public async Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.Validate(key, Bucket);
        try
        {
            var response = await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = _prefix + key }, cancellationToken);
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in response.Metadata.Keys)
            {
                var shortName = name.StartsWith("x-amz-meta-", StringComparison.OrdinalIgnoreCase) ? name["x-amz-meta-".Length..] : name;
                metadata[shortName.ToLowerInvariant()] = response.Metadata[name];
            }
            metadata.TryGetValue(Sha256MetadataName, out var sha);
            return new ObjectInfo(key, response.ContentLength, ToOffset(response.LastModified), Unquote(response.ETag), sha) { Metadata = metadata };
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw S3Errors.Map(e, Bucket, key, "HEAD");
        }
    }

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string key, ObjectRange? range = null, CancellationToken cancellationToken = default)
    {
        ObjectKeys.Validate(key, Bucket);
        var request = new GetObjectRequest { BucketName = Bucket, Key = _prefix + key };
        if (range is { } r)
        {
            request.ByteRange = r.Length is { } n ? new ByteRange(r.Offset, r.Offset + n - 1) : new ByteRange($"bytes={r.Offset}-");
        }
        var response = await Call(key, "GET", () => _client.GetObjectAsync(request, cancellationToken), cancellationToken);
        return new RangeReadStream(new ResponseOwningStream(response), response.ContentLength);
    }

    /// <inheritdoc />
    public async Task<ObjectInfo> PutAsync(string key, Stream content, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ObjectKeys.Validate(key, Bucket);
        if (!content.CanSeek)
        {
            throw new ArgumentException("The content stream must be seekable (a retry sends it again).", nameof(content));
        }
        options ??= new PutOptions();
        var start = content.Position;
        var (md5, sha) = await HashAsync(content, cancellationToken);
        content.Position = start;
        if (options.Sha256 is { } stated && !string.Equals(stated, Convert.ToHexStringLower(sha), StringComparison.OrdinalIgnoreCase))
        {
            throw new ObjectStoreException(ObjectStoreErrorKind.IntegrityMismatch, "The content does not have the SHA-256 the caller stated; nothing was sent.")
            {
                Bucket = Bucket, Key = key, Field = "sha256", Expected = stated, Actual = Convert.ToHexStringLower(sha),
            };
        }
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = _prefix + key,
            InputStream = content,
            AutoCloseStream = false,
            AutoResetStreamPosition = false,
            ContentType = options.ContentType,
            UseChunkEncoding = Options.UseChunkEncoding,
            MD5Digest = Convert.ToBase64String(md5),
            ChecksumSHA256 = Convert.ToBase64String(sha),
        };
        AddMetadata(request.Metadata, options, Convert.ToHexStringLower(sha));
        var size = content.Length - start;
        var response = await Call(key, "PUT", () => _client.PutObjectAsync(request, cancellationToken), cancellationToken);
        CheckETag(key, Unquote(response.ETag), md5, "PUT");
        return new ObjectInfo(key, size, Options.Time.GetUtcNow(), Unquote(response.ETag), Convert.ToHexStringLower(sha))
        {
            Metadata = new Dictionary<string, string>(options.Metadata) { [Sha256MetadataName] = Convert.ToHexStringLower(sha) },
        };
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ObjectKeys.Validate(key, Bucket);
        return Call(key, "DELETE", () => _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = _prefix + key }, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async Task<T> Call<T>(string? key, string operation, Func<Task<T>> body, CancellationToken cancellationToken)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw S3Errors.Map(e, Bucket, key is null ? null : _prefix + key, operation);
        }
    }

    private void CheckETag(string key, string? etag, byte[] md5, string operation)
    {
        // A plain-MD5 ETag (no SSE-KMS, not multipart) must be the MD5 of what we sent; s3rver storing
        // aws-chunked framing as bytes is caught here.
        if (etag is { Length: 32 } && etag.All(char.IsAsciiHexDigit) && !string.Equals(etag, Convert.ToHexStringLower(md5), StringComparison.OrdinalIgnoreCase))
        {
            var hint = Options.UseChunkEncoding
                ? " A server that keeps aws-chunked framing as object bytes (s3rver) needs UseChunkEncoding = false (pipeline: --no-chunk-encoding)."
                : "";
            throw new ObjectStoreException(ObjectStoreErrorKind.IntegrityMismatch, $"{operation}: the server stored other bytes than were sent.{hint}")
            {
                Bucket = Bucket, Key = _prefix + key, Field = "etag (MD5)", Expected = Convert.ToHexStringLower(md5), Actual = etag,
            };
        }
    }

    private static void AddMetadata(MetadataCollection target, PutOptions options, string? sha256Hex)
    {
        foreach (var (name, value) in options.Metadata)
        {
            target.Add(name, value);
        }
        if (sha256Hex is not null)
        {
            target.Add(Sha256MetadataName, sha256Hex);
        }
    }

    private static async Task<(byte[] Md5, byte[] Sha256)> HashAsync(Stream content, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            sha.AppendData(buffer, 0, read);
        }
        return (md5.GetHashAndReset(), sha.GetHashAndReset());
    }

    private static string? Unquote(string? etag) => etag?.Trim('"');

    private static DateTimeOffset ToOffset(DateTime? time) =>
        time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc)) : DateTimeOffset.MinValue;
}
