namespace TickKernelExtensions.Tests.Support;

/// <summary>
/// Locates the real-data fixtures in <c>../shared/fixtures/</c> beside the repository (never copied in).
/// When they are missing a test fails under CI (<c>CI=true</c>) and is skipped with a message elsewhere.
/// </summary>
internal static class Fixtures
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The repository root (the folder holding Notebooks.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The absolute path of a fixture file, or a skip/fail when the fixtures are absent.</summary>
    public static string Path(string relative)
    {
        var root = Root.Value;
        if (root is null)
        {
            const string message = "The shared fixtures (../shared/fixtures beside the clone) are missing.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message + " Under CI this is a failure.");
            }
            Assert.Skip(message);
        }
        var full = System.IO.Path.Combine(root!, relative);
        Assert.True(File.Exists(full) || Directory.Exists(full), $"Fixture not found: {full}");
        return full;
    }

    private static string? Find()
    {
        var candidate = Environment.GetEnvironmentVariable("TICK_FIXTURES")
            ?? System.IO.Path.Combine(RepositoryRoot, "..", "shared", "fixtures");
        return Directory.Exists(candidate) ? System.IO.Path.GetFullPath(candidate) : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Notebooks.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Notebooks.sln not found above {AppContext.BaseDirectory}.");
    }
}
