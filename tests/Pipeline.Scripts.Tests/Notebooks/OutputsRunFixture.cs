namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary>Runs TestData/outputs.ipynb once for all of <see cref="RunCommandOutputTests"/>: each test checks one aspect of the same run.</summary>
public sealed class OutputsRunFixture : IAsyncLifetime
{
    private readonly TestNotebooks _notebooks = new();

    internal CliResult Result { get; private set; } = null!;

    internal OutputNotebook Notebook { get; private set; } = null!;

    internal string InputPath => _notebooks.Path("outputs.ipynb");

    internal string InputTextBefore { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        InputTextBefore = await File.ReadAllTextAsync(InputPath);
        Result = await NotebookCli.RunAsync("run", InputPath, "--log-output");
        Notebook = OutputNotebook.Read(_notebooks.Executed("outputs.ipynb"));
    }

    public ValueTask DisposeAsync()
    {
        _notebooks.Dispose();
        return ValueTask.CompletedTask;
    }
}
