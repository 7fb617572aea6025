using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Serving.Host;

/// <summary>
/// The accepted API keys, held only as SHA-256 digests. A presented key is hashed and compared with every digest in
/// constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>, no early exit), so neither the comparison nor
/// the key's length leaks through timing. Keys are never logged. Thread safe.
/// </summary>
internal sealed class ApiKeyRing
{
    /// <summary>The request header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The environment variable the program reads keys from (comma separated).</summary>
    public const string EnvironmentVariable = "TICK_SERVING_API_KEYS";

    private readonly byte[][] _digests;

    private readonly string[] _partitions;

    public ApiKeyRing(IEnumerable<string> keys)
    {
        _digests = [.. keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];
        _partitions = [.. Enumerable.Range(0, _digests.Length).Select(i => $"key-{i}")];
    }

    /// <summary>True when <paramref name="presented"/> is one of the keys.</summary>
    public bool IsValid(string? presented) => Match(presented) >= 0;

    /// <summary>
    /// The index of the key <paramref name="presented"/> is, or -1: hashed once and compared with every digest (all
    /// of them, whatever matched), in constant time.
    /// </summary>
    public int Match(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return -1;
        }
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), digest);
        var found = -1;
        for (var i = 0; i < _digests.Length; i++)
        {
            // Branch-free: every digest is compared and the index selected without a data-dependent jump.
            var equal = CryptographicOperations.FixedTimeEquals(digest, _digests[i]) ? 1 : 0;
            found = (found & (equal - 1)) | (i & -equal);
        }
        return found;
    }

    /// <summary>
    /// The rate-limit partition of a request: the key's index (<c>key-0</c>, …), or one shared partition for requests
    /// without a valid key (which the key check then refuses). The limiter holds no key, and random keys cannot make it
    /// grow. The match is kept on the request, so the key check after the limiter does not hash the key again.
    /// </summary>
    public string PartitionOf(HttpContext context)
    {
        var index = Match(context.Request.Headers[Header]);
        context.Items[this] = index;
        return index >= 0 ? _partitions[index] : "unauthenticated";
    }

    /// <summary>True when the request carries a valid key (reusing <see cref="PartitionOf"/>'s match when it ran).</summary>
    public bool IsValid(HttpContext context) =>
        (context.Items.TryGetValue(this, out var index) && index is int i ? i : Match(context.Request.Headers[Header])) >= 0;

    /// <summary>Keys from <c>Serving:ApiKeys</c> (comma separated, or an array section) and <c>TICK_SERVING_API_KEYS</c>.</summary>
    public static IReadOnlyList<string> FromConfiguration(IConfiguration configuration, string? environmentValue)
    {
        var keys = new List<string>();
        var section = configuration.GetSection("Serving:ApiKeys");
        keys.AddRange(Split(section.Value));
        keys.AddRange(section.GetChildren().SelectMany(c => Split(c.Value)));
        keys.AddRange(Split(environmentValue));
        return [.. keys.Distinct(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
