using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Scripts.Kernel.Wire;

/// <summary>
/// Jupyter's message signature: lowercase hex HMAC-SHA256 over the header, parent header, metadata
/// and content frames exactly as sent (no separators). The key is the connection file's string as
/// UTF-8 bytes. An empty key disables signing: an empty signature frame, and no check. Thread-safe.
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    /// <summary>A signer for <paramref name="key"/>.</summary>
    public MessageSigner(string key) => _key = Encoding.UTF8.GetBytes(key);

    /// <summary>False when the key is empty: messages are neither signed nor checked.</summary>
    public bool IsEnabled => _key.Length > 0;

    /// <summary>The signature of the four frames, as the ASCII bytes of its lowercase hex form (empty when disabled).</summary>
    public byte[] Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsEnabled)
        {
            return [];
        }
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hmac.GetHashAndReset()));
    }

    /// <summary>True when <paramref name="signature"/> matches the frames (compared in constant time), or signing is disabled.</summary>
    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsEnabled)
        {
            return true;
        }
        var expected = Sign(header, parentHeader, metadata, content);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
