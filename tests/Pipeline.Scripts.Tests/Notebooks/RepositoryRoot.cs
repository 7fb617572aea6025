namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary>The repository root: the folder above the test binaries that holds Notebooks.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
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
