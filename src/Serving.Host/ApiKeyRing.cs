using System.Security.Cryptography;
using System.Text;
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

    public ApiKeyRing(IEnumerable<string> keys) =>
        _digests = [.. keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];

    /// <summary>True when <paramref name="presented"/> is one of the keys.</summary>
    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var known in _digests)
        {
            match |= CryptographicOperations.FixedTimeEquals(digest, known);
        }
        return match;
    }

    /// <summary>The partition a key's requests are rate limited in: its digest's hex, so the limiter holds no key.</summary>
    public static string PartitionOf(string? presented) =>
        string.IsNullOrEmpty(presented) ? "anonymous" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

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
