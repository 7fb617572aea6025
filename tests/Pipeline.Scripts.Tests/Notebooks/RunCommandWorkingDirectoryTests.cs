namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary><c>pipeline run</c>: the notebook is saved after every cell; <c>--cwd</c> sets where the code runs.</summary>
public sealed class RunCommandWorkingDirectoryTests
{
    [Fact]
    public async Task Run_SecondCellReadsOutputFile_FirstCellAlreadySavedWithItsOutput()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("progress.ipynb"));

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(notebooks.Executed("progress.ipynb"));
        // What the second cell saw on disk while it ran: the first cell finished and saved, itself running.
        Assert.Equal("first: completed, outputs 1; check: running\n", nb.Stream("check"));
        Assert.Equal(notebooks.Folder + "\n", nb.Stream("where"));
    }

    [Fact]
    public async Task Run_Cwd_CodeRunsThereAndOutputStaysBesideInput()
    {
        using var notebooks = new TestNotebooks();
        var elsewhere = Directory.CreateDirectory(Path.Combine(notebooks.Folder, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "marker.txt"), "here");

        var result = await NotebookCli.RunAsync("run", notebooks.Path("cwd.ipynb"), "--cwd", elsewhere);

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(notebooks.Executed("cwd.ipynb"));
        Assert.Equal($"{elsewhere}\nTrue\n", nb.Stream("where"));
        Assert.False(File.Exists(Path.Combine(elsewhere, "cwd.executed.ipynb")));
    }

    [Fact]
    public async Task Run_CwdMissing_ExitsThreeNamingFolderAndWritesNothing()
    {
        using var notebooks = new TestNotebooks();
        var missing = Path.Combine(notebooks.Folder, "no-such-folder");

        var result = await NotebookCli.RunAsync("run", notebooks.Path("cwd.ipynb"), "--cwd", missing);

        Assert.Equal(3, result.Exit);
        Assert.Contains($"--cwd: expected an existing folder, got '{missing}'", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(notebooks.Executed("cwd.ipynb")));
    }
}
