namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary>The notebooks of TestData/, copied into a fresh temp folder per test (the runner writes beside its input).</summary>
internal sealed class TestNotebooks : IDisposable
{
    private readonly TempDirectory _dir = new();

    public TestNotebooks()
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Notebooks", "TestData");
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(_dir.Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Folder => _dir.Path;

    /// <summary>The copy of TestData/<paramref name="name"/>.</summary>
    public string Path(string name) => System.IO.Path.Combine(_dir.Path, name);

    /// <summary>The default output of TestData/<paramref name="name"/>: <c>&lt;stem&gt;.executed.ipynb</c> beside it.</summary>
    public string Executed(string name) => System.IO.Path.Combine(_dir.Path, System.IO.Path.GetFileNameWithoutExtension(name) + ".executed.ipynb");

    public void Dispose() => _dir.Dispose();
}
