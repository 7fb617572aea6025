using System.Text;
using Pipeline.Scripts.Kernel.Wire;

namespace Pipeline.Scripts.Tests.Kernel.Wire;

public sealed class MessageSignerTests
{
    private const string Key = "eaa596d6-740e201b365221d2d64c18f4";
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"msg_id":"a","msg_type":"execute_request"}""");
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("""{"code":"1+1"}""");
    private static readonly byte[] Empty = "{}"u8.ToArray();

    // Computed independently with Python's hmac/hashlib: hmac.new(key, digestmod=sha256) over the four frames.
    private const string PythonDigest = "03501d289e3ed65b382ac8429f36e6d9d878aa48a6ad6d64a07e28a3455f46d9";

    [Fact]
    public void Sign_KnownFrames_MatchesPythonHmacLowercaseHex()
    {
        var signature = new MessageSigner(Key).Sign(Header, Empty, Empty, Content);

        Assert.Equal(PythonDigest, Encoding.ASCII.GetString(signature));
    }

    [Fact]
    public void Verify_OneByteChangedInContent_Rejects()
    {
        var signer = new MessageSigner(Key);
        var tampered = Encoding.UTF8.GetBytes("""{"code":"1+2"}""");

        Assert.True(signer.Verify(Encoding.ASCII.GetBytes(PythonDigest), Header, Empty, Empty, Content));
        Assert.False(signer.Verify(Encoding.ASCII.GetBytes(PythonDigest), Header, Empty, Empty, tampered));
        Assert.False(signer.Verify(Encoding.ASCII.GetBytes(PythonDigest.ToUpperInvariant()), Header, Empty, Empty, Content));
    }

    [Fact]
    public void EmptyKey_SignsNothingAndAcceptsAnything()
    {
        var signer = new MessageSigner("");

        Assert.False(signer.IsEnabled);
        Assert.Empty(signer.Sign(Header, Empty, Empty, Content));
        Assert.True(signer.Verify("whatever"u8, Header, Empty, Empty, Content));
    }
}
