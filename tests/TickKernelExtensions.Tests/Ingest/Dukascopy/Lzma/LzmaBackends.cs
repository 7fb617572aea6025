using TickKernelExtensions.Ingest.Dukascopy.Lzma;

namespace TickKernelExtensions.Tests.Ingest.Dukascopy.Lzma;

/// <summary>
/// Picks an LZMA path by name in theories (the backend enum is internal, test methods are public). Asking for the
/// native path when liblzma cannot be loaded fails under CI (<c>CI=true</c>) and skips the test elsewhere.
/// </summary>
internal static class LzmaBackends
{
    public const string Native = nameof(LzmaBackend.Native);
    public const string Managed = nameof(LzmaBackend.Managed);

    /// <summary>Parses <paramref name="name"/> and checks that the backend can run here.</summary>
    public static LzmaBackend Use(string name)
    {
        var backend = Enum.Parse<LzmaBackend>(name);
        if (backend == LzmaBackend.Native && !LzmaAlone.IsNativeAvailable)
        {
            var message = "liblzma is not available: " + Liblzma.LoadFailure;
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }
            Assert.Skip(message);
        }
        return backend;
    }
}
