using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace TickKernelExtensions.Storage;

public sealed partial class S3ObjectStore
{
    /// <inheritdoc />
    public async Task<MultipartUpload> StartMultipartAsync(string key, PutOptions? options = null, CancellationToken cancellationToken = default)
    {
        ObjectKeys.Validate(key, Bucket);
        options ??= new PutOptions();
        var request = new InitiateMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = _prefix + key,
            ContentType = options.ContentType,
            ChecksumAlgorithm = ChecksumAlgorithm.SHA256,
        };
        AddMetadata(request.Metadata, options, options.Sha256?.ToLowerInvariant());
        var response = await Call(key, "Starting a multipart upload", () => _client.InitiateMultipartUploadAsync(request, cancellationToken), cancellationToken);
        return new MultipartUpload(key, response.UploadId, Options.Time.GetUtcNow());
    }

    /// <inheritdoc />
    public async Task<UploadedPart> UploadPartAsync(MultipartUpload upload, int partNumber, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentOutOfRangeException.ThrowIfLessThan(partNumber, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partNumber, 10_000);
        var md5 = MD5.HashData(content.Span);
        var sha = Convert.ToBase64String(SHA256.HashData(content.Span));
        using var body = new ReadOnlyMemoryStream(content);
        var request = new UploadPartRequest
        {
            BucketName = Bucket,
            Key = _prefix + upload.Key,
            UploadId = upload.UploadId,
            PartNumber = partNumber,
            InputStream = body,
            PartSize = content.Length,
            UseChunkEncoding = Options.UseChunkEncoding,
            MD5Digest = Convert.ToBase64String(md5),
            ChecksumSHA256 = sha,
        };
        var response = await Call(upload.Key, $"Uploading part {partNumber}", () => _client.UploadPartAsync(request, cancellationToken), cancellationToken);
        var etag = Unquote(response.ETag) ?? "";
        CheckETag(upload.Key, etag, md5, $"Part {partNumber}");
        return new UploadedPart(partNumber, etag, sha, content.Length);
    }

    /// <inheritdoc />
    public async Task<ObjectInfo> CompleteMultipartAsync(MultipartUpload upload, IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(parts);
        var request = new CompleteMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = _prefix + upload.Key,
            UploadId = upload.UploadId,
            PartETags = [.. parts.OrderBy(p => p.PartNumber).Select(p => new PartETag(p.PartNumber, p.ETag) { ChecksumSHA256 = p.Sha256Base64 })],
        };
        var response = await Call(upload.Key, "Completing a multipart upload", () => _client.CompleteMultipartUploadAsync(request, cancellationToken), cancellationToken);
        return new ObjectInfo(upload.Key, parts.Sum(p => p.Size), Options.Time.GetUtcNow(), Unquote(response.ETag), null);
    }

    /// <inheritdoc />
    public Task AbortMultipartAsync(MultipartUpload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var request = new AbortMultipartUploadRequest { BucketName = Bucket, Key = _prefix + upload.Key, UploadId = upload.UploadId };
        return Call(upload.Key, $"Aborting multipart upload {upload.UploadId}", () => _client.AbortMultipartUploadAsync(request, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<MultipartUpload> ListMultipartUploadsAsync(string prefix = "", [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        string? keyMarker = null;
        string? uploadIdMarker = null;
        while (true)
        {
            var request = new ListMultipartUploadsRequest { BucketName = Bucket, Prefix = _prefix + prefix, KeyMarker = keyMarker, UploadIdMarker = uploadIdMarker };
            var response = await Call(prefix, "Listing multipart uploads", () => _client.ListMultipartUploadsAsync(request, cancellationToken), cancellationToken);
            foreach (var u in response.MultipartUploads ?? [])
            {
                yield return new MultipartUpload(u.Key[_prefix.Length..], u.UploadId, u.Initiated is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t.ToUniversalTime(), DateTimeKind.Utc)) : null);
            }
            if (response.IsTruncated != true)
            {
                yield break;
            }
            keyMarker = response.NextKeyMarker;
            uploadIdMarker = response.NextUploadIdMarker;
        }
    }
}
