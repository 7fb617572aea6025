using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace TickKernelExtensions.Storage;

/// <summary>Maps the SDK's exceptions to <see cref="ObjectStoreException"/> with bucket, key, status and kind.</summary>
internal static class S3Errors
{
    public static ObjectStoreException Map(Exception e, string bucket, string? key, string operation)
    {
        if (e is ObjectStoreException known)
        {
            return known;
        }
        if (e is AmazonServiceException service && service.StatusCode != 0)
        {
            var status = (int)service.StatusCode;
            var code = service.ErrorCode;
            var kind = KindOf(status, code);
            if (kind == ObjectStoreErrorKind.Failed && IsNetwork(e))
            {
                kind = ObjectStoreErrorKind.Transient;
            }
            var what = kind switch
            {
                ObjectStoreErrorKind.BucketNotFound => "the bucket does not exist",
                ObjectStoreErrorKind.NotFound => "no such object",
                ObjectStoreErrorKind.AccessDenied => "access denied (check the credentials)",
                ObjectStoreErrorKind.NotSupported => "the server does not implement this operation",
                _ => service.Message,
            };
            return new ObjectStoreException(kind, $"{operation} failed: {what}.", e)
            {
                Bucket = bucket,
                Key = key,
                StatusCode = status,
                ErrorCode = string.IsNullOrEmpty(code) ? null : code,
            };
        }
        var transient = IsNetwork(e);
        return new ObjectStoreException(transient ? ObjectStoreErrorKind.Transient : ObjectStoreErrorKind.Failed,
            $"{operation} failed: {Innermost(e).Message}", e)
        {
            Bucket = bucket,
            Key = key,
        };
    }

    private static ObjectStoreErrorKind KindOf(int status, string? code) => (status, code) switch
    {
        (_, "NoSuchBucket") => ObjectStoreErrorKind.BucketNotFound,
        (_, "NoSuchKey" or "NoSuchUpload") => ObjectStoreErrorKind.NotFound,
        (_, "NotImplemented" or "MethodNotAllowed") => ObjectStoreErrorKind.NotSupported,
        (_, "SlowDown" or "RequestTimeout" or "InternalError" or "ServiceUnavailable" or "RequestTimeTooSkewed") => ObjectStoreErrorKind.Transient,
        (_, "BadDigest" or "InvalidDigest" or "XAmzContentSHA256Mismatch" or "InvalidPart") => ObjectStoreErrorKind.IntegrityMismatch,
        (404, _) => ObjectStoreErrorKind.NotFound,
        (403 or 401, _) => ObjectStoreErrorKind.AccessDenied,
        (405 or 501, _) => ObjectStoreErrorKind.NotSupported,
        (408 or 429, _) => ObjectStoreErrorKind.Transient,
        ( >= 500, _) => ObjectStoreErrorKind.Transient,
        _ => ObjectStoreErrorKind.Failed,
    };

    /// <summary>True when the chain holds a connection, socket, I/O or timeout failure (worth a retry).</summary>
    public static bool IsNetwork(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            // Map is only called when the caller's token was not cancelled, so a cancellation here is a request timeout.
            if (x is HttpRequestException or IOException or SocketException or TimeoutException or WebException or OperationCanceledException)
            {
                return true;
            }
        }
        return false;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }
        return e;
    }
}
